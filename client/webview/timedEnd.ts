// Where Live puts a merge: a merge sorts the rows whose time is unknown (a local time with no offset
// known, an unreadable one) after every timed row, so its end can be a screen of them. Live then
// shows the newest TIMED row (the last row with a time) at the bottom; the rows after it are a
// scroll away. Found by bisection (the untimed rows are a tail): about log2(rows) one-row asks. Pure.

/**
 * The last row with a time when rows without one follow it; null when the end itself is the place
 * (no rows, the last row has a time, no row has one, or a row could not be asked for).
 * `timed(row)`: whether the row has a time (undefined when it could not be asked for).
 */
export async function lastTimedRow(rows: number, timed: (row: number) => Promise<boolean | undefined>): Promise<number | null> {
  if (rows <= 1) return null;
  let hi = rows - 1;
  const last = await timed(hi);
  if (last !== false) return null;
  let lo = 0;
  const first = await timed(lo);
  if (first !== true) return null;
  // timed(lo) and not timed(hi) throughout.
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    const t = await timed(mid);
    if (t === undefined) return null;
    if (t) lo = mid; else hi = mid;
  }
  return lo;
}
