// Facts for the status bar and the client's line backgrounds.
import type { FileInfo, FolderOffer, LineRange, SeverityRanges } from '../protocol';
import { type Applied, offsetNote, offsetShort } from './folderOffset';
import type { LogFile } from '../logFile';
import { Severity } from '../model';
import { describeLogFile } from '../knowledge/logFiles';
import { describeOffset } from '../parse/time';
import { FORMATS } from '../parse/formats';
import { countLog } from '../table/facets';

/**
 * `applied`: the offset records without one are placed with, and whether it is the folder's
 * (settings.ts placementOf); `offer`: what the folder's other logs write (folderOffset.ts).
 */
export function fileInfo(log: LogFile, applied: Applied, name?: string, offer: FolderOffer | null = null): FileInfo {
  const counted = countLog(log);
  const count = counted.entries, errors = counted.severities[Severity.Error]!, warnings = counted.severities[Severity.Warning]!;
  const missing = counted.missingOffsets, offsets = counted.offsets;
  const formats = counted.formats.map(formatIdName);
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

/** A record's format id (the entry column) as the status bar names it. */
export const formatIdName = (id: number): string => FORMATS[id]?.name ?? 'unknown';
