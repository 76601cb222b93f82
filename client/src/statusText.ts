// The status bar item's text and tooltip for a log. Its counts are of *records* (what the log's
// writers marked type="3"/"2"), not of problems: so not the Problems panel's error and warning icons,
// which sit in the same status bar counting findings. A filled circle and a plain triangle read as
// "error" and "warning" without being taken for those counts. Pure (no vscode import): tested.
import { formatName } from '../../server/src/parse/formats';
import { clip } from '../../server/src/explain/markdown';
import { visibleLine } from '../../server/src/explain/plainText';
import type { FileInfo } from '../../server/src/protocol';

const ERROR_RECORD_ICON = '$(circle-filled)';
const WARNING_RECORD_ICON = '$(triangle-up)';

export interface StatusShown { text: string; tooltip: string; label: string }

// Counts as the table writes them ("2,408"); the item stays a few words (its zone in short), the sentences in the tooltip.
const count = (n: number) => n.toLocaleString('en-US');
const records = (n: number, what: string) => `${count(n)} ${what} record${n === 1 ? '' : 's'}`;
const formatOf = (info: FileInfo) => (info.format === 'mixed' && info.formats ? info.formats.join(' + ') : formatName(info.format));

export function statusText(info: FileInfo): StatusShown {
  const format = formatOf(info);
  return {
    text: `${ERROR_RECORD_ICON} ${count(info.errors)} ${WARNING_RECORD_ICON} ${count(info.warnings)} · ${format} · ${info.zone}`,
    tooltip: `CMLog Lens: ${records(info.errors, 'error')}, ${records(info.warnings, 'warning')} of ${count(info.entries)} (the Problems panel counts findings)\n` +
      `${info.encoding}; time zone: ${info.timeZone}${info.about ? `\n${info.about}` : ''}` +
      (info.offer ? `\nClick to read this folder's records without offset as ${info.offer.zone} (taken from ${info.offer.source}; cmlog.folderOffsets)` : ''),
    label: `${records(info.errors, 'error')}, ${records(info.warnings, 'warning')}, ${format}, ${info.timeZone}`,
  };
}

/** Logs named in a merge's tooltip, at most (the rest are counted); and a name's length there. */
const MERGE_NAMES_MAX = 10;
const NAME_MAX = 200;

/**
 * A merge's item: its records' counts over the logs the server holds (`info` null: not read), their
 * formats and zones, each said once (several: how many); `notAsked` more logs of the merge were not
 * asked about (a big merge: said, not counted). Log names (untrusted: `DEVICE1 › CcmExec.log`) go to
 * the tooltip only, on one line with their controls shown, never to the text, where `$(name)` would
 * draw an icon.
 */
export function mergeStatusText(logs: readonly { name: string; info: FileInfo | null }[], notAsked = 0): StatusShown | null {
  const read = logs.filter((l) => l.info !== null) as { name: string; info: FileInfo }[];
  if (read.length === 0) return null;
  let errors = 0, warnings = 0, entries = 0;
  for (const l of read) { errors += l.info.errors; warnings += l.info.warnings; entries += l.info.entries; }
  const once = (values: string[], what: string) => { const d = [...new Set(values)]; return d.length === 1 ? d[0]! : `${d.length} ${what}`; };
  const format = once(read.map((l) => formatOf(l.info)), 'formats');
  const zone = once(read.map((l) => l.info.zone), 'zones');
  const all = logs.length + notAsked;
  const logCount = `${count(all)} log${all === 1 ? '' : 's'}${notAsked ? ` (${count(logs.length)} counted)` : ''}`;
  const unread = logs.length - read.length;
  const lines = read.slice(0, MERGE_NAMES_MAX).map((l) => `${visibleLine(clip(l.name, NAME_MAX))}: ${records(l.info.errors, 'error')}, ${records(l.info.warnings, 'warning')}; ${formatOf(l.info)}; ${l.info.zone}`);
  if (read.length > MERGE_NAMES_MAX) lines.push(`and ${read.length - MERGE_NAMES_MAX} more`);
  return {
    text: `${ERROR_RECORD_ICON} ${count(errors)} ${WARNING_RECORD_ICON} ${count(warnings)} · merge of ${logCount} · ${format} · ${zone}`,
    tooltip: `CMLog Lens: merge of ${logCount}: ${records(errors, 'error')}, ${records(warnings, 'warning')} of ${count(entries)} (the Problems panel counts findings)` +
      `${unread ? `; ${unread} not read by the server` : ''}${notAsked ? `; the other ${count(notAsked)} not asked` : ''}\n${lines.join('\n')}`,
    label: `merge of ${logCount}, ${records(errors, 'error')}, ${records(warnings, 'warning')}, ${format}, ${zone}`,
  };
}
