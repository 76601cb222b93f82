// The error codes a finding is about: those its message names, then those its record writes. One
// place for the table's lookup buttons and the editor's "Look Up Error" code actions, so both offer
// the same codes. Log text is untrusted: only a bounded prefix is read (findErrorCodes is linear-time).
import { findErrorCodes } from '../knowledge/errorCodes';
import type { LogFile } from '../logFile';

/** Codes per finding, at most. */
export const FINDING_CODES_MAX = 4;
/** Characters of each text looked at: a record of megabytes costs no more than this. */
const SCAN_CHARS = 64 * 1024;

/**
 * Distinct code values of `texts`, in order of appearance (earlier texts first), at most `max`.
 * A script's `exit code [N]` is left out (the hover still explains it): N is whatever the script
 * chose, in any log (`exit code [5]` in an MSI log need not be ERROR_ACCESS_DENIED), and a lookup by
 * its hex form would say only the Windows reading of a PSADT code. A finding about an installer's
 * exit code writes its hex form beside it (psadt-failed: `[1603] (0x00000643: ...)`), which is offered.
 */
export function codesOf(texts: readonly string[], max = FINDING_CODES_MAX): number[] {
  const out = new Set<number>();
  for (const text of texts) {
    for (const c of findErrorCodes(text.length > SCAN_CHARS ? text.slice(0, SCAN_CHARS) : text)) {
      if (c.exitCode) continue;
      if (out.size >= max) return [...out];
      out.add(c.value);
    }
  }
  return [...out];
}

/**
 * The part of entry i's message codesOf looks at, read alone: the whole message may be megabytes
 * (and read back from disk), asked for on every cursor move by the code actions.
 */
export function recordCodeText(log: LogFile, i: number): string {
  const ms = log.messageStart(i);
  return log.text(ms, Math.min(log.messageEnd(i), ms + SCAN_CHARS));
}

/**
 * codesOf([message, record]) from the record's codes worked out once (codesOf([record])): a record
 * with many findings is scanned once. The first codes of the record not in the message are among its
 * first `max`, so `recordCodes` needs no more.
 */
export function findingCodes(message: string, recordCodes: readonly number[], max = FINDING_CODES_MAX): number[] {
  const out = new Set(codesOf([message], max));
  for (const v of recordCodes) {
    if (out.size >= max) break;
    out.add(v);
  }
  return [...out];
}
