// The decoded text of a log kept as a list of chunks, so that appending to a 100 MB log costs the
// size of the append rather than a copy of the whole string. Items may straddle chunks (a re-scan
// after an append can start inside one): reads join the pieces they need.

/**
 * Small trailing chunks are merged, so a live log does not make thousands: the last two while
 * the one before is under this size and no longer than the last. Sizes then fall off
 * geometrically towards the end, as in a binary counter: a character is copied at most about
 * log2(MERGE_BELOW / append size) times, and there are about that many small chunks.
 */
const MERGE_BELOW = 256 * 1024;

export class ChunkedText {
  private starts: number[] = [];
  private texts: string[] = [];
  length = 0;

  /** The chunks as they are (to post to another thread). */
  parts(): string[] { return this.texts.slice(); }

  /** Text from chunks made by `parts()`, with the same boundaries (and so the same merging to come). */
  static fromParts(texts: readonly string[]): ChunkedText {
    const c = new ChunkedText();
    for (const t of texts) {
      if (t.length === 0) continue;
      c.starts.push(c.length);
      c.texts.push(t);
      c.length += t.length;
    }
    return c;
  }

  push(text: string): void {
    if (text.length === 0) return;
    this.starts.push(this.length);
    this.texts.push(text);
    this.length += text.length;
    for (let k = this.texts.length - 1; k > 0; k--) {
      const prev = this.texts[k - 1];
      if (prev.length >= MERGE_BELOW || prev.length > this.texts[k].length) break;
      this.texts[k - 1] = prev + this.texts[k];
      this.texts.pop();
      this.starts.pop();
    }
  }

  /** Removes the text from `at` on and returns it. */
  cut(at: number): string {
    if (at >= this.length) return '';
    const k = this.chunkAt(at);
    const local = at - this.starts[k];
    const tail = [this.texts[k].substring(local), ...this.texts.slice(k + 1)].join('');
    this.texts.length = this.starts.length = k + 1;
    if (local === 0) {
      this.texts.pop();
      this.starts.pop();
    } else {
      this.texts[k] = this.texts[k].substring(0, local);
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
    if (b - s <= t.length) return t.substring(a - s, b - s);
    const parts = [t.substring(a - s)];
    for (let j = k + 1; j < this.texts.length && this.starts[j] < b; j++) parts.push(this.texts[j].substring(0, b - this.starts[j]));
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
