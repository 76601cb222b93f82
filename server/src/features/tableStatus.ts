// The status bar's summary of a table (cmlog/table/status): a merge's logs said in one answer,
// from the counts its FacetCache keeps (each entry read once: an append reads only what it added; shared with the
// page's facets), never a fileInfo per log. Bounded: formats, zones and logs named at most
// TABLE_STATUS_NAMED each, the rest counted.
import { formatName } from '../parse/formats';
import { Severity } from '../model';
import { TABLE_STATUS_NAMED, type TableStatus, type TableStatusLog } from '../protocol';
import type { LogFacets } from '../table/facets';
import type { TableView } from '../table/view';
import type { LogFile } from '../logFile';
import type { Applied } from './folderOffset';
import { formatIdName, zoneOf } from './fileInfo';
import { describeOffset } from '../parse/time';

/** A merge's zone for records placed with no offset (time in UTC unknown). */
const NO_OFFSET_ZONE = 'no offset';

/** `appliedOf`: the offset a log's records without one were placed with, and whether it is its folder's. */
export function tableStatus(view: TableView, counts: readonly LogFacets[], labels: readonly string[],
  appliedOf: (key: string, log: LogFile) => Applied): TableStatus {
  let read = 0, entries = 0, errors = 0, warnings = 0;
  const formats = new Set<string>(), zones = new Set<string>();
  const named: TableStatusLog[] = [];
  counts.forEach((c, li) => {
    const log = view.model(li);
    if (!c.read || !log) return;
    read++;
    entries += c.entries;
    errors += c.severities[Severity.Error]!;
    warnings += c.severities[Severity.Warning]!;
    // As fileInfo says it: a mixed log's formats in the order they appear.
    const format = c.formats.length > 1 ? c.formats.map(formatIdName).join(' + ') : formatName(log.format);
    // The folder's offer is left out: the merge's banner makes it.
    const applied = appliedOf(view.keys[li]!, log);
    formats.add(format);
    // The merge's zones are the distinct offsets its records are placed with: how a log got its
    // offset ("(folder)", "(default)") is its own line of the tooltip, not another zone.
    for (const o of c.offsets) zones.add(describeOffset(o, log.offsetConvention));
    if (c.missingOffsets > 0) zones.add(applied.offset === null ? NO_OFFSET_ZONE : describeOffset(applied.offset, log.defaultOffsetConvention));
    if (named.length < TABLE_STATUS_NAMED) {
      const { zone } = zoneOf(log, c.offsets, c.missingOffsets, applied, null);
      named.push({ label: labels[li] ?? '', errors: c.severities[Severity.Error]!, warnings: c.severities[Severity.Warning]!, format, zone });
    }
  });
  const first = (s: Set<string>) => [...s].slice(0, TABLE_STATUS_NAMED);
  return {
    logs: counts.length, read, entries, errors, warnings,
    formats: first(formats), formatCount: formats.size, zones: first(zones), zoneCount: zones.size, named,
  };
}
