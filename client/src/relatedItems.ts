// The pick list a timeline lens opens: one row per entry of another log, nearest first, as
// "±gap  log  message", and a title that says when the list is cut ("nearest in 12 of 84 logs").
// Log text and file names are untrusted: controls shown as escapes, and `$(…)` cannot become an
// icon (a pick list renders codicons in its labels). Pure (no vscode import), so tests check it.
import { clip } from '../../server/src/explain/markdown';
import { formatGap } from '../../server/src/explain/gap';
import { visibleLine } from '../../server/src/explain/plainText';
import type { RelatedAnswer } from '../../server/src/protocol';

export interface RelatedItem { label: string; description: string; detail: string; uri: string; line: number }

/** Plain text for a pick list: one line, controls visible, no icon syntax. */
const pickText = (s: string, max: number) => visibleLine(clip(s, max)).replace(/\$\(/g, '\\$(');

export function relatedItems(answer: RelatedAnswer): RelatedItem[] {
  return answer.locations.map((l) => ({
    label: `${formatGap(l.deltaMs)}  ${pickText(l.name, 80)}`,
    description: `line ${l.line + 1}`,
    detail: pickText(l.message.trim(), 200) || '(empty message)',
    uri: l.uri,
    line: l.line,
  }));
}

export function relatedTitle(answer: RelatedAnswer): string {
  const shown = new Set(answer.locations.map((l) => l.uri)).size;
  const entries = `${answer.total.toLocaleString('en-US')} entr${answer.total === 1 ? 'y' : 'ies'} in ${answer.logCount} other log${answer.logCount === 1 ? '' : 's'} within ±${answer.windowSeconds} s`;
  const cut = answer.locations.length < answer.total ? ` · nearest in ${shown} of ${answer.logCount} log${answer.logCount === 1 ? '' : 's'}` : '';
  const unknown = answer.unknownOffsetLogs.length ? ` · ${answer.unknownOffsetLogs.length} without offset left out` : '';
  return `${entries}${cut}${unknown}`;
}
