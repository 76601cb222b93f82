// The decoded text of a log kept as a list of chunks, so that appending to a 100 MB log costs the
// size of the append rather than a copy of the whole string. Items may straddle chunks (a re-scan
// after an append can start inside one): reads join the pieces they need. A chunk is a string, or
// ASCII bytes kept as they were read (see Decoded): reads make strings of only what they need.
// A run of NULs (padding, see nulRuns.ts) is a part that stores only its length, so a sparse or
// NUL-padded file of gigabytes costs no memory for them.
import { bisect } from './bisect';
import { asText } from './decode';

/** Text as a string, or as ASCII bytes (one character each). */
export type Chunk = string | Uint8Array;

/** `nuls` NUL characters, not stored. */
export interface Nuls { readonly nuls: number }

/** `outside` characters not held here: read back through the text's source (the file on disk). */
export interface Outside { readonly outside: number }

/** What the text is kept as (plain data: it is posted between threads as it is). */
export type Part = Chunk | Nuls | Outside;

/** Reads characters [a, b) of a text kept elsewhere (see FileText). */
export interface TextSource { read(a: number, b: number): string }

export function partLength(p: Part): number {
  return typeof p === 'string' || p instanceof Uint8Array ? p.length : 'nuls' in p ? p.nuls : p.outside;
}

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
  private texts: Part[] = [];
  /** Where `Outside` parts are read from. */
  private source: TextSource | null = null;
  length = 0;

  /** [a, b) of the part starting at `start`. */
  private partText(p: Part, start: number, a: number, b: number): string {
    if (isChunk(p)) return asText(p, a, b);
    if ('nuls' in p) return '\0'.repeat(b - a);
    return this.source!.read(start + a, start + b);
  }

  /**
   * Hands the text held here to `source`, which reads it back when asked: every held chunk
   * becomes an `Outside` part (NUL runs stay counts), so no text is held any more. Text pushed
   * afterwards is held until the next call.
   */
  moveOut(source: TextSource): void {
    const texts: Part[] = [];
    const starts: number[] = [];
    for (let k = 0; k < this.texts.length; k++) {
      const t = this.texts[k];
      const p: Part = isChunk(t) ? { outside: t.length } : t;
      const last = texts[texts.length - 1];
      if (last !== undefined && 'outside' in p && typeof last === 'object' && 'outside' in last) texts[texts.length - 1] = { outside: last.outside + p.outside };
      else {
        texts.push(p);
        starts.push(this.starts[k]);
      }
    }
    this.texts = texts;
    this.starts = starts;
    this.source = source;
  }

  /** The source `Outside` parts are read from, if any. */
  get textSource(): TextSource | null { return this.source; }

  /** Characters held in memory (not NUL runs, not text read back from a source). */
  held(): number {
    let n = 0;
    for (const t of this.texts) if (isChunk(t)) n += t.length;
    return n;
  }

  /** Where the held text after the last `Outside` part starts, and its parts (what `moveOut` would hand over). */
  heldTail(): { at: number; parts: Part[] } {
    let k = this.texts.length;
    while (k > 0) {
      const t = this.texts[k - 1];
      if (typeof t === 'object' && !(t instanceof Uint8Array) && 'outside' in t) break;
      k--;
    }
    return { at: k < this.texts.length ? this.starts[k] : this.length, parts: this.texts.slice(k) };
  }

  /**
   * The chunks as they are (to post to another thread). Bytes that are part of a larger buffer
   * are copied out, as posting a view sends its whole buffer (a Buffer's own `slice` would not
   * copy: the typed array's does).
   */
  parts(): Part[] {
    return this.texts.map((t) => (!(t instanceof Uint8Array) || t.byteLength === t.buffer.byteLength ? t : Uint8Array.prototype.slice.call(t)));
  }

  /** Text from chunks made by `parts()`, with the same boundaries (and so the same merging to come). */
  static fromParts(texts: readonly Part[], source: TextSource | null = null): ChunkedText {
    const c = new ChunkedText();
    c.source = source;
    for (const t of texts) {
      const n = partLength(t);
      if (n === 0) continue;
      c.starts.push(c.length);
      c.texts.push(t);
      c.length += n;
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
      const last = this.texts[k];
      if (!isChunk(prev) || !isChunk(last) || prev.length >= MERGE_BELOW || prev.length > last.length) break;
      this.texts[k - 1] = joinChunks(prev, last);
      this.texts.pop();
      this.starts.pop();
    }
  }

  /** `n` NULs at the end, stored as their count (one part with NULs just before). */
  pushNuls(n: number): void {
    if (n <= 0) return;
    const k = this.texts.length - 1;
    const last = this.texts[k];
    if (k >= 0 && !isChunk(last) && 'nuls' in last) this.texts[k] = { nuls: last.nuls + n };
    else {
      this.starts.push(this.length);
      this.texts.push({ nuls: n });
    }
    this.length += n;
  }

  /**
   * Removes the text from `at` on and returns it (as bytes when it was all bytes). The model cuts
   * only after its last NUL run: one cut here would be spelled out.
   */
  cut(at: number): Chunk {
    if (at >= this.length) return '';
    const k = this.chunkAt(at);
    const local = at - this.starts[k];
    const t = this.texts[k];
    let tail: Chunk = isChunk(t) ? t.slice(local) : this.partText(t, this.starts[k], local, partLength(t));
    for (let j = k + 1; j < this.texts.length; j++) {
      const p = this.texts[j];
      tail = joinChunks(tail, isChunk(p) ? p : this.partText(p, this.starts[j], 0, partLength(p)));
    }
    this.texts.length = this.starts.length = k + 1;
    if (local === 0) {
      this.texts.pop();
      this.starts.pop();
    } else {
      this.texts[k] = typeof t === 'string' ? t.substring(0, local) : t instanceof Uint8Array ? t.subarray(0, local) : 'nuls' in t ? { nuls: local } : { outside: local };
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
    const n = partLength(t);
    if (b - s <= n) return this.partText(t, s, a - s, b - s);
    const parts = [this.partText(t, s, a - s, n)];
    for (let j = k + 1; j < this.texts.length && this.starts[j] < b; j++) parts.push(this.partText(this.texts[j], this.starts[j], 0, Math.min(b - this.starts[j], partLength(this.texts[j]))));
    return parts.join('');
  }

  /** Index of the first occurrence of `needle` in [a, b), or -1; never searches past b. */
  indexOf(needle: string, a: number, b: number): number {
    const i = this.slice(a, b).indexOf(needle);
    return i < 0 ? -1 : a + i;
  }

  private chunkAt(offset: number): number {
    // The last chunk starting at or before offset (the first starts at 0).
    return Math.max(0, bisect(0, this.starts.length, (k) => this.starts[k] <= offset) - 1);
  }
}

function isChunk(p: Part): p is Chunk {
  return typeof p === 'string' || p instanceof Uint8Array;
}
