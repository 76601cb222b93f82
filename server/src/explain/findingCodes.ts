// The error codes a finding is about: those its message names, then those its record writes. One
// place for the table's lookup buttons and the editor's "Look up error" code actions, so both offer
// the same codes. Log text is untrusted: only a bounded prefix is read (findErrorCodes is linear-time).
import { findErrorCodes } from '../knowledge/errorCodes';

/** Codes per finding, at most. */
export const FINDING_CODES_MAX = 4;
/** Characters of each text looked at: a record of megabytes costs no more than this. */
const SCAN_CHARS = 64 * 1024;

/** Distinct code values of `texts`, in order of appearance (earlier texts first), at most `max`. */
export function codesOf(texts: readonly string[], max = FINDING_CODES_MAX): number[] {
  const out = new Set<number>();
  for (const text of texts) {
    for (const c of findErrorCodes(text.length > SCAN_CHARS ? text.slice(0, SCAN_CHARS) : text)) {
      if (out.size >= max) return [...out];
      out.add(c.value);
    }
  }
  return [...out];
}
