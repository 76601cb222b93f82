// How a followed file changed since it was last read: one decision for the index and for a table
// that follows a file from disk. A grown file has only its new bytes read, after a check that the
// bytes before the old end are still the ones read (else it was rewritten in place); one replaced
// (another inode: a ConfigMgr rotation renames the log and starts a new one), shrunk, or rewritten
// at the same size (a new modification time) is read anew from its start.

/** Bytes kept from the end of what was read: an append must continue exactly these bytes. */
export const APPEND_CHECK_BYTES = 64;

/** What was read of a file: its identity, bytes read, and its modification time then (-1: unsure). */
export interface FileSeen { dev: number; ino: number; size: number; mtimeMs: number }

export type FileChange = 'unchanged' | 'grown' | 'replaced';

/** `grown` still needs the bytes before the old end checked (sameBytes against the kept tail). */
export function fileChange(seen: FileSeen, now: FileSeen): FileChange {
  if (now.ino !== seen.ino || now.dev !== seen.dev || now.size < seen.size) return 'replaced';
  if (now.size === seen.size) return now.mtimeMs === seen.mtimeMs ? 'unchanged' : 'replaced';
  return 'grown';
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The last APPEND_CHECK_BYTES bytes of old + added. */
export function tailOf(old: Uint8Array, added: Uint8Array): Uint8Array {
  const TAIL = APPEND_CHECK_BYTES;
  if (added.length >= TAIL) return Uint8Array.from(added.subarray(added.length - TAIL));
  const out = new Uint8Array(Math.min(TAIL, old.length + added.length));
  const fromOld = out.length - added.length;
  out.set(old.subarray(old.length - fromOld), 0);
  out.set(added, fromOld);
  return out;
}
