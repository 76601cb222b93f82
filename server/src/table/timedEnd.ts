// Where Live shows a merge (protocol: `timedEnd`): its last row with a time, when rows without one
// follow it (a merge sorts them after every timed row, so the timed rows are a prefix of any filtered
// view of it). Pure: the view asks it, and the webview tests' fake host answers with it.
import { bisect } from '../parse/bisect';

/** The last timed row of `rows` (`timed`: whether a row has a time); null when the end is the place (no untimed tail, no timed row). */
export function lastTimedRow(rows: number, timed: (row: number) => boolean): number | null {
  const first = bisect(0, rows, timed);
  return first > 0 && first < rows ? first - 1 : null;
}
