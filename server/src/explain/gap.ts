// How a gap between two entries is written, wherever one is shown beside an entry (lens titles,
// the related-entries list and detail, `cmlog related`'s text): signed seconds, to the millisecond below 10 s and the tenth above ("+2.1 s", "-0.35 s", "±0 s").
export function formatGap(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  const abs = Math.abs(ms);
  if (abs < 0.5) return '±0 s';
  const digits = abs < 10_000 ? 3 : 1;
  let text = (abs / 1000).toFixed(digits);
  // Trailing zeros, then a bare point, go (no regex: `0+$` retried at each zero is quadratic).
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end--;
  if (text.charCodeAt(end - 1) === 46) end--;
  text = text.slice(0, end);
  return `${ms < 0 ? '-' : '+'}${text} s`;
}
