// The decoded text of a log kept as a list of chunks, so that appending to a 100 MB log costs the
// size of the append rather than a copy of the whole string. Items may straddle chunks (a re-scan
// after an append can start inside one): reads join the pieces they need. A chunk is a string, or
// ASCII bytes kept as they were read (see Decoded): reads make strings of only what they need.
import { asText } from './decode';

/** Text as a string, or as ASCII bytes (one character each). */
export type Chunk = string | Uint8Array;

/** Two chunks as one: bytes when both are bytes. */
export function joinChunks(a: Chunk, b: Chunk): Chunk {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  if (typeof a === 'string' || typeof b === 'string') return asText(a) + asText(b);
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Small trailing chunks are merged, so a live log does not make thousands: the last two while
 * the one before is under this size and no longer than the last. Sizes then fall off
 * geometrically towards the end, as in a binary counter: a character is copied at most about
 * log2(MERGE_BELOW / append size) times, and there are about that many small chunks.
 */
const MERGE_BELOW = 256 * 1024;

export class ChunkedText {
  private starts: number[] = [];
  private texts: Chunk[] = [];
  length = 0;

  /**
   * The chunks as they are (to post to another thread). Bytes that are part of a larger buffer
   * are copied out, as posting a view sends its whole buffer (a Buffer's own `slice` would not
   * copy: the typed array's does).
   */
  parts(): Chunk[] {
    return this.texts.map((t) => (typeof t === 'string' || t.byteLength === t.buffer.byteLength ? t : Uint8Array.prototype.slice.call(t)));
  }

  /** Text from chunks made by `parts()`, with the same boundaries (and so the same merging to come). */
  static fromParts(texts: readonly Chunk[]): ChunkedText {
    const c = new ChunkedText();
    for (const t of texts) {
      if (t.length === 0) continue;
      c.starts.push(c.length);
      c.texts.push(t);
      c.length += t.length;
    }
    return c;
  }

  push(text: Chunk): void {
    if (text.length === 0) return;
    this.starts.push(this.length);
    this.texts.push(text);
    this.length += text.length;
    for (let k = this.texts.length - 1; k > 0; k--) {
      const prev = this.texts[k - 1];
      if (prev.length >= MERGE_BELOW || prev.length > this.texts[k].length) break;
      this.texts[k - 1] = joinChunks(prev, this.texts[k]);
      this.texts.pop();
      this.starts.pop();
    }
  }

  /** Removes the text from `at` on and returns it (as bytes when it was all bytes). */
  cut(at: number): Chunk {
    if (at >= this.length) return '';
    const k = this.chunkAt(at);
    const local = at - this.starts[k];
    const t = this.texts[k];
    let tail: Chunk = t.slice(local);
    for (let j = k + 1; j < this.texts.length; j++) tail = joinChunks(tail, this.texts[j]);
    this.texts.length = this.starts.length = k + 1;
    if (local === 0) {
      this.texts.pop();
      this.starts.pop();
    } else {
      this.texts[k] = typeof t === 'string' ? t.substring(0, local) : t.subarray(0, local);
    }
    this.length = at;
    return tail;
  }

  slice(a: number, b: number): string {
    b = Math.min(b, this.length);
    if (a >= b) return '';
    const k = this.chunkAt(a);
    const s = this.starts[k];
    const t = this.texts[k];
    if (b - s <= t.length) return asText(t, a - s, b - s);
    const parts = [asText(t, a - s, t.length)];
    for (let j = k + 1; j < this.texts.length && this.starts[j] < b; j++) parts.push(asText(this.texts[j], 0, Math.min(b - this.starts[j], this.texts[j].length)));
    return parts.join('');
  }

  /** Index of the first occurrence of `needle` in [a, b), or -1; never searches past b. */
  indexOf(needle: string, a: number, b: number): number {
    const i = this.slice(a, b).indexOf(needle);
    return i < 0 ? -1 : a + i;
  }

  private chunkAt(offset: number): number {
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
