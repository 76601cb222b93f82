// Measuring helpers for the benchmark: medians of repeated runs, and peak memory sampled while a
// task runs (heap + array buffers, which is where the column store and the text live).

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Collects until memory stops shrinking (at most 10 rounds, each after a turn of the event loop):
 * array buffers are freed after the collection that finds them dead, so one gc() after a bench
 * that held gigabytes of columns left them counted in the next bench's baseline.
 */
export async function settledGc(): Promise<void> {
  let last = Infinity;
  for (let k = 0; k < 10; k++) {
    gc();
    await new Promise<void>((resolve) => setImmediate(resolve));
    const now = used();
    if (now >= last) return;
    last = now;
  }
}

export function used(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Runs `fn` `times` times; returns the median time (ms) and the last result. */
export function timed<T>(times: number, fn: () => T): { ms: number; result: T } {
  const ms: number[] = [];
  let result!: T;
  for (let i = 0; i < times; i++) {
    gc();
    const t0 = performance.now();
    result = fn();
    ms.push(performance.now() - t0);
  }
  return { ms: median(ms), result };
}

export const MB = 1024 * 1024;
export const fmt = (n: number, d = 1) => n.toFixed(d);

/** The baseline's pieces: small enough to be decoded into strings of the heap's ordinary pages. */
const BASELINE_PIECE = 64 * 1024;

/**
 * The baseline every parse figure is a ratio to: decode the bytes to text and count `terminator`.
 * Decoded a piece at a time (a streaming decoder, a terminator split across two pieces counted
 * once), not into one string of the whole file: one fresh string of 20-100 MB is mostly the cost of
 * the operating system mapping fresh memory, which differs tenfold between machines (on a VM that
 * hands freed pages back to its host, the whole-file decode ran at a third of the pieces' speed);
 * the pieces measure the decoding and counting the ratio is meant to compare with.
 */
export function decodeAndCount(bytes: Uint8Array, terminator: string, encoding: 'utf-8' | 'utf-16le' = 'utf-8'): number {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const keep = terminator.length - 1;
  let n = 0;
  let tail = '';
  for (let a = 0; a < bytes.length; a += BASELINE_PIECE) {
    const text = decoder.decode(bytes.subarray(a, a + BASELINE_PIECE), { stream: true });
    if (keep > 0 && tail !== '' && (tail + text.slice(0, keep)).includes(terminator)) n++;
    for (let i = text.indexOf(terminator); i >= 0; i = text.indexOf(terminator, i + terminator.length)) n++;
    if (keep > 0) tail = text.slice(-keep);
  }
  decoder.decode();
  return n;
}

/** Milliseconds of one call, after a collection (so garbage of the previous call is not billed to it). */
export function ms(fn: () => void): number {
  gc();
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}
