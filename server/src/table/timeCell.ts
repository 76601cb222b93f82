// A row's Time cell: the date and time as the record writes them (CMTrace, legacy, CBS, ...), or,
// for a format whose records may write no date (MSI: a time of day, or no time at all), the
// record's wall clock, so that the date and a midnight crossed can be seen.
import type { LogFile } from '../logFile';
import type { RecordParts } from '../parse/formats/format';
import { wallText } from '../rules/timeText';

/** What marks a record that writes no time: its wall clock is the line above's (in its log). */
export const SAME_TIME = ' (same)';

/** The Time cell of entry `e` of `log`, whose parts are `p`. No function made per row (a copy reads up to millions). */
export function timeCell(log: LogFile, e: number, p: RecordParts): string {
  const wall = log.table.wall[e];
  if (log.formatOf(e).clockLacksDate && wall === wall) {
    if (!p.time) return wallText(wall) + SAME_TIME;
    // MSI's timed lines write milliseconds (`[13:45:10:000]`: shown, zeros too), its action lines none (`13:45:10`).
    return wallText(wall, log.text(p.time[0], p.time[1]).split(':').length > 3);
  }
  const clock = p.time ? log.text(p.time[0], p.time[1]) : '';
  const date = p.date ? log.text(p.date[0], p.date[1]) : '';
  return date !== '' && clock !== '' ? `${date} ${clock}` : date + clock;
}
