// What a record walk command says when it does not move: every outcome is said (a walk that did
// nothing silently read as a broken key). Pure (no vscode import): tested.
import type { StepToRecordResult } from '../../server/src/protocol';

export type WalkOutcome = StepToRecordResult | null | 'notLog' | 'notReady' | 'failed';

/** `shout`: an information message (read by screen readers, not missed); else a status bar message. */
export function walkMessage(outcome: WalkOutcome, severity: 'error' | 'warning', direction: 'next' | 'previous'): { text: string; shout: boolean } | null {
  if (outcome === 'notLog') return { text: `CMLog Lens: the ${severity} record walk works in a ConfigMgr log's text editor.`, shout: true };
  if (outcome === 'notReady') return { text: 'CMLog Lens: the language server is starting; try again in a moment.', shout: true };
  if (outcome === 'failed') return { text: `CMLog Lens: could not find the ${direction} ${severity} record (see CMLog: Show Language Server Output).`, shout: true };
  if (outcome === null) return { text: `CMLog Lens: no ${severity} record in this log.`, shout: true };
  if (outcome.wrapped) return { text: direction === 'next' ? 'Wrapped to the start of the log' : 'Wrapped to the end of the log', shout: false };
  return null;
}
