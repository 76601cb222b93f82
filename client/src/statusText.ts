// The status bar item's text and tooltip for a log. Its counts are of *records* (what the log's
// writers marked type="3"/"2"), not of problems: so not the Problems panel's error and warning icons,
// which sit in the same status bar counting findings. A filled circle and a plain triangle read as
// "error" and "warning" without being taken for those counts. Pure (no vscode import): tested.
import { formatName } from '../../server/src/parse/formats';
import { clip } from '../../server/src/explain/markdown';
import { visibleLine } from '../../server/src/explain/plainText';
import type { FileInfo, TableStatus } from '../../server/src/protocol';

const ERROR_RECORD_ICON = '$(circle-filled)';
const WARNING_RECORD_ICON = '$(triangle-up)';

export interface StatusShown { text: string; tooltip: string; label: string }

// Counts as the table writes them ("2,408"); the item stays a few words (its zone in short), the sentences in the tooltip.
const count = (n: number) => n.toLocaleString('en-US');
const records = (n: number, what: string) => `${count(n)} ${what} record${n === 1 ? '' : 's'}`;
const formatOf = (info: FileInfo) => (info.format === 'mixed' && info.formats ? info.formats.join(' + ') : formatName(info.format));
/** The item's zone, at most (the tooltip says it whole): the status bar cuts a long item at its edge. */
const ZONE_MAX = 40;

export function statusText(info: FileInfo): StatusShown {
  const format = formatOf(info);
  // A mixed log's formats are counted in the item ("4 formats") and named in the tooltip.
  const formatShort = info.format === 'mixed' && info.formats && info.formats.length > 1 ? `${info.formats.length} formats` : format;
  return {
    text: `${ERROR_RECORD_ICON} ${count(info.errors)} ${WARNING_RECORD_ICON} ${count(info.warnings)} · ${formatShort} · ${clip(info.zone, ZONE_MAX)}`,
    tooltip: `CMLog Lens: ${records(info.errors, 'error')}, ${records(info.warnings, 'warning')} of ${count(info.entries)} (the Problems panel counts findings)\n` +
      `${formatShort !== format ? `formats: ${format}\n` : ''}${info.encoding}; time zone: ${info.timeZone}${info.about ? `\n${info.about}` : ''}` +
      (info.offer ? `\nClick to read this folder's records without offset as ${info.offer.zone} (taken from ${info.offer.source}; cmlog.folderOffsets)` : ''),
    label: `${records(info.errors, 'error')}, ${records(info.warnings, 'warning')}, ${format}, ${info.timeZone}`,
  };
}

/** A log's name's length in a merge's tooltip, at most (the server names TABLE_STATUS_NAMED logs). */
const NAME_MAX = 200;

/**
 * A merge's item, from the server's summary of its table (cmlog/table/status): every log's records
 * added up, formats and zones each said once (several: how many). Log names (untrusted:
 * `DEVICE1 › CcmExec.log`) go to the tooltip only, which is plain text, on one line each with
 * their controls shown, never to the text, where `$(name)` would draw an icon. Null: no log read yet.
 */
export function mergeStatusText(status: TableStatus): StatusShown | null {
  if (status.read === 0) return null;
  const once = (values: readonly string[], n: number, what: string) => (n === 1 && values.length === 1 ? values[0]! : `${count(n)} ${what}`);
  const format = once(status.formats, status.formatCount, 'formats');
  const zone = once(status.zones, status.zoneCount, 'zones');
  const logCount = `${count(status.logs)} log${status.logs === 1 ? '' : 's'}`;
  const unread = status.logs - status.read;
  const lines = status.named.map((l) => `${visibleLine(clip(l.label, NAME_MAX))}: ${records(l.errors, 'error')}, ${records(l.warnings, 'warning')}; ${l.format}; ${l.zone}`);
  const more = status.read - status.named.length;
  if (more > 0) lines.push(`and ${count(more)} more`);
  return {
    text: `${ERROR_RECORD_ICON} ${count(status.errors)} ${WARNING_RECORD_ICON} ${count(status.warnings)} · merge of ${logCount} · ${format} · ${zone}`,
    tooltip: `CMLog Lens: merge of ${logCount}: ${records(status.errors, 'error')}, ${records(status.warnings, 'warning')} of ${count(status.entries)} (the Problems panel counts findings)` +
      `${unread ? `; ${count(unread)} not read` : ''}\n${lines.join('\n')}`,
    label: `merge of ${logCount}, ${records(status.errors, 'error')}, ${records(status.warnings, 'warning')}, ${format}, ${zone}`,
  };
}
