// The text of an indexed log read back from its file on demand, so the server keeps no text it
// can read again from disk (issue #15). Characters map to bytes through checkpoints recorded from
// the decoded text, at every part boundary and every WINDOW characters: a read decodes whole
// windows between two checkpoints (at most WINDOW characters each), a few of which are cached.
// Reads are synchronous (rules are). A file rewritten or truncated since it was parsed is never
// misread: the read returns U+FFFD in place of the text and `onStale` has the log parsed again.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Encoding } from '../model';
import { bisect } from '../parse/bisect';
import { utf16Text } from '../parse/decode';
import { type Part, partLength, type TextSource } from '../parse/chunkedText';

/** Characters between two checkpoints (at most; one more to keep a surrogate pair whole). */
export const WINDOW = 64 * 1024;
/** Decoded windows kept: a few MB at most. */
const CACHED = 16;

/** What the parsed bytes came from; a read checks the file is still that (or grew: an append). */
export interface FileIdentity { ino: number; dev: number; size: number; mtimeMs: number }

export interface FileTextData { path: string; encoding: Encoding; chars: number[]; bytes: number[]; expect: FileIdentity }

export class FileText implements TextSource {
  private readonly cache = new Map<number, string>();
  /** Set once the file was found changed: reads return U+FFFD until the log is parsed again. */
  stale = false;
  /** Called once when the file is found changed. */
  onStale: () => void = () => undefined;
  /** Windows read from disk so far. */
  diskReads = 0;

  private constructor(readonly path: string, readonly encoding: Encoding, private chars: number[], private bytes: number[], public expect: FileIdentity, private readonly window_ = WINDOW) {}

  /** For the file at `path` whose text starts after `bomLength` bytes; text is added by `extend` (`window`: tests). */
  static create(path: string, encoding: Encoding, bomLength: number, expect: FileIdentity, window = WINDOW): FileText {
    return new FileText(path, encoding, [0], [bomLength], expect, window);
  }

  toData(): FileTextData {
    return { path: this.path, encoding: this.encoding, chars: this.chars, bytes: this.bytes, expect: this.expect };
  }

  static fromData(d: FileTextData): FileText {
    return new FileText(d.path, d.encoding, d.chars, d.bytes, d.expect);
  }

  /**
   * The text from character `at` on is `parts` (decoded from the file's bytes from there on):
   * checkpoints after `at` are replaced by theirs. Costs one pass over non-ASCII UTF-8 text.
   */
  extend(at: number, parts: readonly Part[]): void {
    const k = Math.max(0, bisect(0, this.chars.length, (j) => this.chars[j] <= at) - 1);
    let y = this.bytes[k];
    if (this.chars[k] < at) y += this.byteLength(this.window(k).substring(0, at - this.chars[k]));
    if (this.stale) return; // the file changed: the log is parsed again (onStale)
    for (const key of [...this.cache.keys()]) if (key >= k) this.cache.delete(key);
    this.chars.length = this.bytes.length = k + 1;
    if (this.chars[k] < at) {
      this.chars.push(at);
      this.bytes.push(y);
    }
    let c = at;
    for (const p of parts) {
      const n = partLength(p);
      for (let i = 0; i < n;) {
        let j = Math.min(n, i + this.window_);
        // A surrogate pair stays in one window: each window decodes on its own.
        if (typeof p === 'string' && j < n && isHighSurrogate(p.charCodeAt(j - 1))) j++;
        y += typeof p === 'string' ? this.byteLength(p.substring(i, j)) : (j - i) * this.width();
        c += j - i;
        this.chars.push(c);
        this.bytes.push(y);
        i = j;
      }
    }
  }

  read(a: number, b: number): string {
    if (a >= b) return '';
    if (!this.stale) {
      const few = this.readFew(a, b);
      if (few !== null) return few;
      const out: string[] = [];
      for (let k = Math.max(0, bisect(0, this.chars.length, (j) => this.chars[j] <= a) - 1); k < this.chars.length - 1 && this.chars[k] < b; k++) {
        const w = this.window(k);
        if (this.stale) break;
        const s = this.chars[k];
        out.push(w.substring(Math.max(0, a - s), Math.min(w.length, b - s)));
      }
      if (!this.stale) return out.join('');
    }
    return '\ufffd'.repeat(b - a);
  }

  /** Decoded window k (checkpoints k to k+1); '' once the file is found changed. */
  private window(k: number): string {
    const hit = this.cache.get(k);
    if (hit !== undefined) {
      this.cache.delete(k);
      this.cache.set(k, hit);
      return hit;
    }
    const want = this.chars[k + 1] - this.chars[k];
    const buf = this.readBytes(this.bytes[k], this.bytes[k + 1] - this.bytes[k]);
    const text = buf === null ? '' : this.decode(buf);
    if (buf === null || text.length !== want) return this.changed();
    this.cache.set(k, text);
    if (this.cache.size > CACHED) this.cache.delete(this.cache.keys().next().value!);
    return text;
  }

  /**
   * A few characters [a, b) inside one window that is not cached, read as just their bytes where the
   * window's characters are all one width (ASCII or Windows-1252 bytes, UTF-16 units): a message of a
   * related-entries list, one of up to 50 from as many logs, read a 64 KB window of each (most of such
   * a list's time). Null: not such a read (the window path reads it).
   */
  /** The window the last reads of a few characters were in, and how many in a row (see readFew). */
  private fewIn = -1;
  private fewRun = 0;

  private readFew(a: number, b: number): string | null {
    if (b - a > FEW) return null;
    const k = Math.max(0, bisect(0, this.chars.length, (j) => this.chars[j] <= a) - 1);
    if (k >= this.chars.length - 1 || b > this.chars[k + 1] || this.cache.has(k)) return null;
    // A third read in a row in one window is a run of reads there (a table's page of rows): the window
    // is read and cached. (A related list reads one to a few nearby messages of each log.)
    this.fewRun = k === this.fewIn ? this.fewRun + 1 : 1;
    this.fewIn = k;
    if (this.fewRun >= 3) return null;
    const w = this.width();
    // Windows of UTF-8 text are one byte a character only when they hold as many bytes as characters.
    if (this.bytes[k + 1] - this.bytes[k] !== (this.chars[k + 1] - this.chars[k]) * w) return null;
    const buf = this.readBytes(this.bytes[k] + (a - this.chars[k]) * w, (b - a) * w);
    if (buf === null) {
      this.changed();
      return '\ufffd'.repeat(b - a);
    }
    // Half of a surrogate pair at either end: the window decodes the pair whole.
    if (w === 2 && (isSurrogateUnit(buf, 0, this.encoding) || isSurrogateUnit(buf, buf.length - 2, this.encoding))) return null;
    return this.decode(buf);
  }

  /** `length` bytes of the file from `at`, after checking it is the file parsed; null when it is not (or is shorter). */
  private readBytes(at: number, length: number): Buffer | null {
    const buf = Buffer.alloc(length);
    try {
      const fd = openSync(this.path, 'r');
      try {
        if (!this.same(fstatSync(fd))) return null;
        let got = 0;
        while (got < length) {
          const n = readSync(fd, buf, got, length - got, at + got);
          if (n === 0) break;
          got += n;
        }
        this.diskReads++;
        return got < length ? null : buf;
      } finally {
        closeSync(fd);
      }
    } catch {
      return null;
    }
  }

  /** The same file as parsed, or that file grown (an append, which the index reads itself). */
  private same(st: { ino: number; dev: number; size: number; mtimeMs: number }): boolean {
    const e = this.expect;
    return st.ino === e.ino && st.dev === e.dev && (st.size > e.size || (st.size === e.size && st.mtimeMs === e.mtimeMs));
  }

  private changed(): string {
    if (!this.stale) {
      this.stale = true;
      this.cache.clear();
      this.onStale();
    }
    return '';
  }

  private width(): number {
    return this.encoding === 'utf-16le' || this.encoding === 'utf-16be' ? 2 : 1;
  }

  /** Bytes `s` takes in the file's encoding. */
  private byteLength(s: string): number {
    return this.encoding === 'utf-8' || this.encoding === 'utf-8-bom' ? Buffer.byteLength(s, 'utf8') : s.length * this.width();
  }

  private decode(buf: Buffer): string {
    switch (this.encoding) {
      case 'utf-16le':
      case 'utf-16be': return utf16Text(buf, this.encoding);
      case 'windows-1252': return new TextDecoder('windows-1252').decode(buf);
      default: return buf.toString('utf8');
    }
  }
}

/** Characters a read of one window's part reads as just their bytes (see readFew). */
const FEW = 4096;

/** Whether the UTF-16 unit at byte `i` of `buf` is a surrogate (half of a pair). */
function isSurrogateUnit(buf: Buffer, i: number, encoding: Encoding): boolean {
  const u = encoding === 'utf-16le' ? buf[i] | (buf[i + 1] << 8) : (buf[i] << 8) | buf[i + 1];
  return u >= 0xd800 && u <= 0xdfff;
}

function isHighSurrogate(u: number): boolean {
  return u >= 0xd800 && u <= 0xdbff;
}

/**
 * Hands the text `log` holds (all of it, or what was appended since the last call) to `text`,
 * which reads it back from the file: the log then holds none.
 */
export function keepOnDisk(log: { heldText(): { at: number; parts: Part[] }; readTextFrom(s: TextSource): void }, text: FileText): void {
  const { at, parts } = log.heldText();
  if (parts.length === 0) return;
  text.extend(at, parts);
  log.readTextFrom(text);
}
