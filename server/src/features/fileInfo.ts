// Facts for the status bar and the client's line backgrounds.
import type { FileInfo, FolderOffer, LineRange, SeverityRanges } from '../protocol';
import { type Applied, offsetNote, offsetShort } from './folderOffset';
import type { LogFile } from '../logFile';
import { Severity } from '../model';
import { describeLogFile } from '../knowledge/logFiles';
import { describeOffset } from '../parse/time';
import { FORMATS } from '../parse/formats';

/**
 * `applied`: the offset records without one are placed with, and whether it is the folder's
 * (settings.ts placementOf); `offer`: what the folder's other logs write (folderOffset.ts).
 */
export function fileInfo(log: LogFile, applied: Applied, name?: string, offer: FolderOffer | null = null): FileInfo {
  let errors = 0, warnings = 0, missing = 0;
  const offsets = new Set<number>();
  const { severity, format, count } = log.table;
  // The formats of a mixed log, in order of appearance (an entry's format is one byte: 256 flags).
  const seen = new Uint8Array(256);
  const formats: string[] = [];
  for (let i = 0; i < count; i++) {
    if (seen[format[i]] === 0) { seen[format[i]] = 1; formats.push(FORMATS[format[i]]?.name ?? 'unknown'); }
    if (severity[i] === Severity.Error) errors++;
    else if (severity[i] === Severity.Warning) warnings++;
    const o = log.writtenOffset(i);
    if (o === null) missing++;
    else if (offsets.size < 4) offsets.add(o);
  }
  const { timeZone, zone } = zoneOf(log, offsets, missing, applied, offer);
  const known = name ? describeLogFile(name) : undefined;
  const about = known ? `${known.name}: ${known.purpose} (${known.location})` : undefined;
  const mixed = formats.length > 1 ? { formats } : {};
  // Offered while the records without offset are not placed with it already.
  const offered = missing > 0 && offer && offer.offset !== applied.offset ? { offer } : {};
  const why = count === 0 ? 'noRecords' as const : missing === 0 ? 'ownOffsets' as const : offer ? 'inUse' as const : 'noneInFolder' as const;
  const noOffer = 'offer' in offered ? {} : { noOffer: why };
  return {
    format: log.format, ...mixed, ...offered, ...noOffer, encoding: log.encoding, entries: count, errors, warnings,
    timeZone, zone, ...(about ? { about } : {}),
  };
}

/**
 * A log's time zone from the offsets its records write (a few distinct) and how many write none:
 * `timeZone` the sentence, `zone` in a few words (the status bar's text, also a merge's per log).
 */
export function zoneOf(log: LogFile, offsets: Iterable<number>, missing: number, applied: Applied, offer: FolderOffer | null): { timeZone: string; zone: string } {
  const zones = [...offsets].map((o) => describeOffset(o, log.offsetConvention));
  let timeZone = zones.join(' / ');
  let zone = timeZone;
  if (missing > 0) {
    const note = offsetNote(applied, offer, log.defaultOffsetConvention);
    const short = offsetShort(applied, offer, log.defaultOffsetConvention);
    timeZone = timeZone ? `${timeZone}; ${missing} records: ${note}` : note;
    zone = zone ? `${zone}; ${short}` : short;
  }
  return { timeZone: timeZone || 'no records', zone: zone || 'no records' };
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
