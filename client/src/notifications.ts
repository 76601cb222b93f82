// The text of every notification the client shows. Notifications turn `[label](command:...)` into
// a clickable link, and file names, server notes and typed input are untrusted: each message goes
// through notificationText whole. Pure (no vscode import), so tests can check every message.
import { clip } from '../../server/src/explain/markdown';
import { notificationText } from '../../server/src/explain/plainText';

/** "Look up error code" got a value it cannot read (echoes what was typed, cut short). */
export function notAnErrorCodeMessage(value: string): string {
  return notificationText(`CMLog Lens: '${clip(value, 80)}' is not an error code it can read.`);
}

/** A note of the server about a merged view (it names logs). */
export function mergedNoteMessage(note: string): string {
  return notificationText(`CMLog Lens merged view: ${clip(note, 500)}`);
}

/** "Merge logs…" found no log in the folder. */
export function noLogsInFolderMessage(folder: string): string {
  return notificationText(`CMLog Lens: no logs in ${folder}.`);
}

/** A lens was clicked but no other log wrote anything around the record. */
export function nothingRelatedMessage(windowSeconds: unknown): string {
  const s = typeof windowSeconds === 'number' && Number.isFinite(windowSeconds) ? windowSeconds : 5;
  return notificationText(`CMLog Lens: no other log wrote anything within ±${s} s of this record.`);
}
