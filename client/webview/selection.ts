// The rows the user selected, as sorted disjoint ranges [start, end): click, shift+click (range from
// the anchor), ctrl+click (toggle one row), and the keys that move the focus (shift extends). Pure.

export interface RowRange { start: number; end: number }
export type Move = 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end';

function normalize(ranges: readonly RowRange[]): RowRange[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const out: RowRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

export class Selection {
  /** Where shift extends from, and the row with the focus (-1: none). */
  anchor = -1;
  focus = -1;
  /** Ranges fixed by ctrl+click, and the span from the anchor to the focus. */
  private base: readonly RowRange[] = [];
  private span: RowRange | null = null;
  /** The normalized ranges, built once per change (a draw asks has() for every row it shows). */
  private built: readonly RowRange[] | null = null;

  ranges(): readonly RowRange[] {
    return (this.built ??= normalize(this.span ? [...this.base, this.span] : this.base));
  }

  /** Binary search over the sorted ranges. */
  has(row: number): boolean {
    const r = this.ranges();
    let lo = 0;
    let hi = r.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (r[mid].end <= row) lo = mid + 1;
      else hi = mid;
    }
    return lo < r.length && r[lo].start <= row;
  }

  /** Rows selected (for the status line). */
  count(): number {
    return this.ranges().reduce((n, r) => n + r.end - r.start, 0);
  }

  /** First and last selected rows, or null. */
  bounds(): { first: number; last: number } | null {
    const r = this.ranges();
    return r.length === 0 ? null : { first: r[0].start, last: r[r.length - 1].end - 1 };
  }

  private set(base: readonly RowRange[], span: RowRange | null): void {
    this.base = base;
    this.span = span;
    this.built = null;
  }

  clear(): void {
    this.set([], null);
    this.anchor = this.focus = -1;
  }

  click(row: number): void {
    this.set([], { start: row, end: row + 1 });
    this.anchor = this.focus = row;
  }

  shiftClick(row: number): void {
    if (this.anchor < 0) return this.click(row);
    this.set(this.base, { start: Math.min(this.anchor, row), end: Math.max(this.anchor, row) + 1 });
    this.focus = row;
  }

  /** Rows `from` to `to` (either way round), `from` the anchor and `to` the focus: a range kept across a filter. */
  range(from: number, to: number): void {
    this.set([], { start: Math.min(from, to), end: Math.max(from, to) + 1 });
    this.anchor = from;
    this.focus = to;
  }

  ctrlClick(row: number): void {
    const all = this.ranges();
    if (this.has(row)) {
      this.set(normalize(all.flatMap((r) => (row >= r.start && row < r.end ? [{ start: r.start, end: row }, { start: row + 1, end: r.end }] : [r]))), null);
    } else {
      this.set(all, { start: row, end: row + 1 });
    }
    this.anchor = this.focus = row;
  }

  selectAll(rows: number): void {
    if (rows <= 0) return this.clear();
    this.set([], { start: 0, end: rows });
    this.anchor = 0;
    this.focus = rows - 1;
  }

  /** Moves the focus by a key within `rows` rows (a page is `pageRows`); shift extends. Returns the new focus. */
  move(move: Move, extend: boolean, rows: number, pageRows: number): number {
    if (rows <= 0) return -1;
    const from = this.focus < 0 ? 0 : this.focus;
    const page = Math.max(1, pageRows - 1);
    const to = {
      up: from - 1, down: this.focus < 0 ? 0 : from + 1, pageUp: from - page, pageDown: from + page, home: 0, end: rows - 1,
    }[move];
    const row = Math.min(Math.max(to, 0), rows - 1);
    if (extend) this.shiftClick(row);
    else this.click(row);
    return row;
  }

  /** The view has fewer rows now: drop what is past its end. */
  clamp(rows: number): void {
    const r = this.ranges().map((x) => ({ start: x.start, end: Math.min(x.end, rows) })).filter((x) => x.end > x.start);
    this.set(r, null);
    if (this.focus >= rows) this.focus = rows - 1;
    if (this.anchor >= rows) this.anchor = this.focus;
  }
}
