// A k-way merge of runs each already in order (n log k, not a sort of everything): the UTC
// timeline's merged view (workspace/timeline.ts, the CLI's `timeline`) and the table's merge
// order (table/view.ts) are both this, so they order ties alike. A binary heap of run indices in
// typed arrays; no recursion, nothing allocated per item. Pure.

/**
 * Merges runs 0..k-1, run r being positions [start[r], end[r]) in order of `key(r, j)` (a number,
 * never NaN: callers map an unknown time to Infinity). Calls `emit(r, j)` in merged order, equal
 * keys by run index then position, until every run is done or `emit` returns false.
 */
export function mergeRuns(
  k: number, start: ArrayLike<number>, end: ArrayLike<number>,
  key: (run: number, j: number) => number, emit: (run: number, j: number) => boolean,
): void {
  const next = Int32Array.from(start), heap = new Int32Array(k);
  const less = (x: number, y: number) => { const a = key(x, next[x]), b = key(y, next[y]); return a < b || (a === b && x < y); };
  let size = 0;
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < size && less(heap[l], heap[m])) m = l;
      if (r < size && less(heap[r], heap[m])) m = r;
      if (m === i) return;
      const t = heap[i]; heap[i] = heap[m]; heap[m] = t;
      i = m;
    }
  };
  for (let r = 0; r < k; r++) if (next[r] < end[r]) heap[size++] = r;
  for (let i = (size >> 1) - 1; i >= 0; i--) down(i);
  while (size > 0) {
    const r = heap[0];
    if (!emit(r, next[r]++)) return;
    if (next[r] === end[r]) heap[0] = heap[--size];
    down(0);
  }
}
