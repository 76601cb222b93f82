// Runs of NUL characters: the padding a preallocated log holds where writes never landed (after a
// power loss: valid records, then thousands to billions of NULs, sometimes more records after).
// The model keeps a long run as one unparsed span, not as text (see LogFile), and restarts the
// scan after it, so the record that follows is read.
import { Buffer } from 'node:buffer';

/**
 * The shortest run of NULs taken as padding. NULs that are data come alone or a few together (a
 * C string's terminator, UTF-16 text written into a UTF-8 log is every other byte, a zeroed field
 * of a dumped struct); padding comes in sectors and clusters of hundreds to millions. A shorter
 * run stays text, in whatever line or record holds it.
 */
export const NUL_RUN = 32;

/** Runs are measured a block at a time by native compares, not a character at a time. */
const BLOCK = 64 * 1024;
const ZERO_BYTES = Buffer.alloc(BLOCK);
const ZERO_TEXT = '\0'.repeat(BLOCK);

/** [start, end) of the first run of at least `min` NULs in [from, to) of `text`, or null. */
export function findNulRun(text: string | Uint8Array, from: number, to: number, min = NUL_RUN): [number, number] | null {
  // One view for the native byte search (memchr), however many short runs it passes.
  const t = typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, text.length);
  for (let i = nextNul(t, from, to); i >= 0; i = nextNul(t, from, to)) {
    const end = nulsFrom(t, i, to);
    if (end - i >= min) return [i, end];
    from = end;
  }
  return null;
}

/** Where the NULs starting at `at` end (at most `to`). */
export function nulsFrom(text: string | Uint8Array, at: number, to: number): number {
  let j = at;
  if (typeof text === 'string') {
    while (j + BLOCK <= to && text.startsWith(ZERO_TEXT, j)) j += BLOCK;
    while (j < to && text.charCodeAt(j) === 0) j++;
  } else {
    while (j + BLOCK <= to && ZERO_BYTES.equals(text.subarray(j, j + BLOCK))) j += BLOCK;
    while (j < to && text[j] === 0) j++;
  }
  return j;
}

/** Number of NULs that end [from, to) of `text` (called where no run of NUL_RUN is left: short). */
export function trailingNuls(text: string | Uint8Array, from: number, to: number): number {
  let j = to;
  if (typeof text === 'string') while (j > from && text.charCodeAt(j - 1) === 0) j--;
  else while (j > from && text[j - 1] === 0) j--;
  return to - j;
}

function nextNul(text: string | Buffer, from: number, to: number): number {
  if (from >= to) return -1;
  // A NUL past `to` is not this range's.
  const i = typeof text === 'string' ? text.indexOf('\0', from) : text.indexOf(0, from);
  return i < to ? i : -1;
}
