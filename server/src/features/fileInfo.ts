// Facts for the status bar and the client's line backgrounds.
import type { FileInfo, LineRange, SeverityRanges } from '../protocol';
import type { LogFile } from '../logFile';
import { Severity } from '../model';
import { describeLogFile } from '../knowledge/logFiles';
import { describeOffset } from '../parse/time';

export function fileInfo(log: LogFile, defaultOffset: number | null, name?: string): FileInfo {
  let errors = 0, warnings = 0, missing = 0;
  const offsets = new Set<number>();
  const { severity, count } = log.table;
  for (let i = 0; i < count; i++) {
    if (severity[i] === Severity.Error) errors++;
    else if (severity[i] === Severity.Warning) warnings++;
    const o = log.writtenOffset(i);
    if (o === null) missing++;
    else if (offsets.size < 4) offsets.add(o);
  }
  const zones = [...offsets].map((o) => describeOffset(o, log.offsetConvention));
  let timeZone = zones.join(' / ');
  if (missing > 0) {
    const note = defaultOffset === null ? 'no offset (UTC unknown)' : `no offset, default ${describeOffset(defaultOffset, log.offsetConvention)}`;
    timeZone = timeZone ? `${timeZone}; ${missing} records: ${note}` : note;
  }
  const known = name ? describeLogFile(name) : undefined;
  const about = known ? `${known.name}: ${known.purpose} (${known.location})` : undefined;
  return { format: log.format, encoding: log.encoding, entries: count, errors, warnings, timeZone: timeZone || 'no records', ...(about ? { about } : {}) };
}

export function severityRanges(log: LogFile): SeverityRanges {
  const errors: LineRange[] = [];
  const warnings: LineRange[] = [];
  for (let i = 0; i < log.entryCount; i++) {
    const sev = log.severity(i);
    if (sev !== Severity.Error && sev !== Severity.Warning) continue;
    (sev === Severity.Error ? errors : warnings).push({ start: log.line(i), end: log.endLine(i) });
  }
  return { errors, warnings };
}
