// The text of every notification the client shows. Notifications turn `[label](command:...)` into
// a clickable link, and file names, server notes and typed input are untrusted: each message goes
// through notificationText whole. Pure (no vscode import), so tests can check every message.
import { clip } from '../../server/src/explain/markdown';
import { notificationText } from '../../server/src/explain/plainText';

/** The prompt of "Look Up Error Code": every family the lookup knows, each with an example it reads. */
export const LOOKUP_PROMPT = 'An HRESULT, Win32, ConfigMgr or Intune code: 0x80070005, 0x87D00324, 0x87D1041C, -2147024891, 2147942405 or 5';

/** "Look Up Error Code" got a value it cannot read (echoes what was typed, cut short). */
export function notAnErrorCodeMessage(value: string): string {
  return notificationText(`CMLog Lens: '${clip(value, 80)}' is not an error code it can read.`);
}

/** What the table says (its page's notes, a refused regex, a failed request): they quote log text and names. */
export function tableMessage(text: string): string {
  return notificationText(clip(text, 500));
}

/** "Merge Logs…" found no log where it looked (a folder, the workspace). */
export function noLogsMessage(where: string): string {
  return notificationText(`CMLog Lens: no logs in ${clip(where, 300)}.`);
}

/** A lens was clicked but no other log wrote anything around the record. */
export function nothingRelatedMessage(windowSeconds: unknown): string {
  const s = typeof windowSeconds === 'number' && Number.isFinite(windowSeconds) ? windowSeconds : 5;
  return notificationText(`CMLog Lens: no other log wrote anything within ±${s} s of this record.`);
}

/** A log big enough for VS Code to show without colours or folding: the table is offered. */
export function largeLogOfferMessage(name: string, mb: number): string {
  return notificationText(`${clip(name, 200)} is ${mb} MB: VS Code shows it as text without colours or folding.`);
}
