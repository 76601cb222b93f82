// Where a record is among the rows a filter shows, and the rows that keep the reader's place when
// the filter changes (protocol: `kept`, `keptRange`). Over the filtered rows as ascending positions of
// the order (null: nothing filtered, row = position). Pure: the view asks them, and the webview
// tests' fake host answers with them.
import { bisect } from '../parse/bisect';

/** Filtered rows: positions in the order, ascending, the first `n` of `a`. */
export interface ShownRows { readonly a: ArrayLike<number>; readonly n: number }

/** An entry's position in the order, and the first filtered row at or after it (null unfiltered: row = position). */
export interface Place { pos: number; row: number | null }

/** The first filtered row at or after position `pos` (the row count if none; one bisection); null when nothing is filtered. */
export function firstRowFrom(rows: ShownRows | null, pos: number): number | null {
  return rows ? bisect(0, rows.n, (i) => rows.a[i] < pos) : null;
}

/** Where position `pos` is, for rowNear and rangeNear to share. */
export function placeIn(rows: ShownRows | null, pos: number): Place {
  return { pos, row: firstRowFrom(rows, pos) };
}

/** Whether the filtered rows show the entry at `at` (its first row at or after it is its own). */
export function shows(rows: ShownRows | null, at: Place): boolean {
  return rows !== null && at.row !== null && at.row < rows.n && rows.a[at.row] === at.pos;
}

/**
 * The row showing the entry at `at`, or when the filter hides it the shown row nearest to it in the
 * order (the earlier on a tie); null when it is not in the table (`at` null) or no row is shown.
 */
export function rowNear(rows: ShownRows | null, at: Place | null): number | null {
  if (at === null) return null;
  if (rows === null || at.row === null) return at.pos;
  const { a, n } = rows, lo = at.row, pos = at.pos;
  if (n === 0) return null;
  if (lo === n) return n - 1;
  if (a[lo] === pos || lo === 0) return lo;
  return pos - a[lo - 1] <= a[lo] - pos ? lo - 1 : lo;
}

/**
 * The rows that show the range of the order between the entries at `a` and `b` (either way round):
 * `from` is the row of `a` or the nearest shown row inside the range, `to` `b`'s; null when an end is
 * not in the table or no row of the range is shown.
 */
export function rangeNear(rows: ShownRows | null, a: Place | null, b: Place | null): { from: number; to: number } | null {
  if (a === null || b === null) return null;
  const [lo, hi] = a.pos <= b.pos ? [a, b] : [b, a];
  // Unfiltered, a row is its position; else the first row at or after `lo`, the last at or before `hi`.
  const first = lo.row ?? lo.pos, last = hi.row === null ? hi.pos : shows(rows, hi) ? hi.row : hi.row - 1;
  if (first > last) return null;
  return a.pos <= b.pos ? { from: first, to: last } : { from: last, to: first };
}
