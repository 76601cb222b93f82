// A row's Time cell: the date and time as the record writes them (CMTrace, legacy, CBS, ...), or,
// for a format whose records may write no date (MSI: a time of day, or no time at all), the
// record's wall clock, so that the date and a midnight crossed can be seen.
import type { LogFile } from '../logFile';
import type { RecordParts } from '../parse/formats/format';
import { formatWall } from '../parse/time';

/** What marks a record that writes no time: its wall clock is the line above's (in its log). */
export const SAME_TIME = ' (same)';

/** The Time cell of entry `e` of `log`, whose parts are `p`. No function made per row (a copy reads up to millions). */
export function timeCell(log: LogFile, e: number, p: RecordParts): string {
  const clock = p.time ? log.text(p.time[0], p.time[1]) : '';
  const wall = log.table.wall[e];
  if (log.formatOf(e).clockLacksDate && wall === wall) {
    // `YYYY-MM-DD HH:mm:ss` as other formats write it; the milliseconds when the record wrote some.
    const text = formatWall(wall);
    if (!p.time) return text.slice(0, 19) + SAME_TIME;
    return wall % 1000 !== 0 ? text : text.slice(0, 19);
  }
  const date = p.date ? log.text(p.date[0], p.date[1]) : '';
  return date !== '' && clock !== '' ? `${date} ${clock}` : date + clock;
}
