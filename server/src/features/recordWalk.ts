// CMTrace's "next error": the next (or previous) error or warning *record* from a line, wrapping
// around the log's end as F8 does. Problems are walked by F8; this walks records whatever their
// findings. A scan of the severity column from the line's record: no text is read.
import type { LogFile } from '../logFile';
import { Severity } from '../model';
import type { StepToRecordResult } from '../protocol';

/**
 * The first line of the next record of `severity` after the record covering `line` (or before it,
 * `previous`); null when the log has none. `wrapped`: found past the end (or before the start).
 */
export function stepToRecord(log: LogFile, line: number, severity: 'error' | 'warning', direction: 'next' | 'previous'): StepToRecordResult | null {
  const want = severity === 'error' ? Severity.Error : Severity.Warning;
  const sev = log.table.severity, n = log.entryCount;
  if (n === 0) return null;
  // The record the cursor is in (or the last one before it); -1 above the first record.
  const here = log.table.lastAtOrBeforeLine(line);
  // Above the first record, "previous" starts from the end: every record found is past a wrap.
  const above = here < 0 && direction === 'previous';
  const from = above ? n : here;
  const step = direction === 'next' ? 1 : -1;
  // Every other record once, then `here` itself last (the only one of its kind: found again).
  for (let k = 1; k <= n; k++) {
    const j = from + step * k;
    const i = ((j % n) + n) % n;
    if (sev[i] === want) return { line: log.line(i), wrapped: above || j < 0 || j >= n };
  }
  return null;
}
