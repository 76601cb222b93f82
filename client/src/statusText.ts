// The status bar item's text and tooltip for a log. Its counts are of *records* (what the log's
// writers marked type="3"/"2"), not of problems: so not the Problems panel's error and warning icons,
// which sit in the same status bar counting findings. A filled circle and a plain triangle read as
// "error" and "warning" without being taken for those counts. Pure (no vscode import): tested.
import { formatName } from '../../server/src/parse/formats';
import type { FileInfo } from '../../server/src/protocol';

const ERROR_RECORD_ICON = '$(circle-filled)';
const WARNING_RECORD_ICON = '$(triangle-up)';

export function statusText(info: FileInfo): { text: string; tooltip: string; label: string } {
  const format = info.format === 'mixed' && info.formats ? info.formats.join(' + ') : formatName(info.format);
  // Counts as the table writes them ("2,408"); the item stays a few words (its zone in short), the sentences in the tooltip.
  const count = (n: number) => n.toLocaleString('en-US');
  const records = (n: number, what: string) => `${count(n)} ${what} record${n === 1 ? '' : 's'}`;
  return {
    text: `${ERROR_RECORD_ICON} ${count(info.errors)} ${WARNING_RECORD_ICON} ${count(info.warnings)} · ${format} · ${info.zone}`,
    tooltip: `CMLog Lens: ${records(info.errors, 'error')}, ${records(info.warnings, 'warning')} of ${count(info.entries)} (the Problems panel counts findings)\n` +
      `${info.encoding}; time zone: ${info.timeZone}${info.about ? `\n${info.about}` : ''}` +
      (info.offer ? `\nClick to read this folder's records without offset as ${info.offer.zone} (taken from ${info.offer.source}; cmlog.folderOffsets)` : ''),
    label: `${records(info.errors, 'error')}, ${records(info.warnings, 'warning')}, ${format}, ${info.timeZone}`,
  };
}
