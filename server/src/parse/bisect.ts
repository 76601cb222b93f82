// The one binary search: entries by offset or line, timeline positions by UTC, chunks by offset,
// evidence by time all ask it.

/**
 * The first k in [lo, hi) for which `before(k)` is false, or hi; `before` must be true for a
 * prefix of the range and false after it (e.g. `k => a[k] < v` finds the first a[k] >= v).
 */
export function bisect(lo: number, hi: number, before: (k: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
