// The rows a new view's answer carries (TableFilterResult.page), so the page draws real rows in the
// same task as the view's status line rather than placeholders for a `rows` round trip. Whole pages
// of the page's cache (`size` rows each, counted from row 0: it holds only whole pages), those
// holding the rows `reach` either side of the row the page will show (`target`), nearest first, at
// most `max` rows; and the row a change shows (changeTarget). Pure.

/** The rows to carry, [start, start + count); null when none fit (no rows, or a page larger than `max`). */
export function firstPage(target: number, reach: number, size: number, rows: number, max: number): { start: number; count: number } | null {
  size = Math.floor(size);
  if (!(rows > 0) || !(size >= 1) || size > max) return null;
  const t = Math.min(rows - 1, Math.max(0, Math.floor(target) || 0));
  const r = Math.min(max, Math.max(0, Math.floor(reach) || 0));
  const lowest = Math.floor(Math.max(0, t - r) / size), highest = Math.floor(Math.min(rows - 1, t + r) / size);
  const rowsOf = (a: number, b: number) => Math.min(rows, (b + 1) * size) - a * size;
  let a = Math.floor(t / size), b = a;
  // Grown a page at a time, alternately after and before: at most max / size steps.
  for (let grew = true; grew;) {
    grew = false;
    if (b < highest && rowsOf(a, b + 1) <= max) { b++; grew = true; }
    if (a > lowest && rowsOf(a - 1, b) <= max) { a--; grew = true; }
  }
  return { start: a * size, count: rowsOf(a, b) };
}

/**
 * The row the page shows after a reset (TablePlaceParams), as client/webview/main.ts places it: Live
 * and read, its Live place (the newest timed row `timedEnd`, else the last); else it keeps its top row.
 */
export function resetTarget(place: { live: boolean; top: number }, rows: number, reading: boolean, timedEnd: number | null): number {
  return Math.max(0, place.live && !reading ? timedEnd ?? rows - 1 : Math.min(place.top, rows - 1));
}

/**
 * The row the rows a change notification carries are made around (TableChangedParams.page), null for
 * none: a reset's, resetTarget; an append moves only a Live page once read (to its Live place), a
 * paused one keeps the rows it holds and asks for those it scrolls to.
 */
export function changeTarget(place: { live: boolean; top: number }, reset: boolean, rows: number, reading: boolean, timedEnd: number | null): number | null {
  return reset || (place.live && !reading) ? resetTarget(place, rows, reading, timedEnd) : null;
}
