// What the scanner reads: a decoded string, or the bytes of an ASCII file as they are. Most logs
// are ASCII, and for those the bytes are the text (one character each): scanning them directly
// spares a 100 MB log the copy that decoding it to one string costs, as much time as the rest of
// the scan's native searches together. Both kinds answer the same questions in native code.
import { Buffer } from 'node:buffer';
import { codeUnits } from './decode';
import type { Codes } from './time';

/** A string the scanner searches for; `bytes` is its ASCII spelling. */
export interface Needle { readonly text: string; readonly bytes: Buffer }

export function needle(text: string): Needle {
  return { text, bytes: Buffer.from(text, 'latin1') };
}

export interface Source {
  /** The character codes, read by the scanner's loops. */
  readonly codes: Codes;
  /** Position of `needle` at or after `from`, or the text's length. */
  find(needle: Needle, from: number): number;
  /**
   * Position of the first lone CR at or after `from` (a CR followed by anything but LF: a line
   * break, as for the editor), or the text's length. A CR that ends the text is not one yet: an
   * LF appended next makes it half of a CRLF.
   */
  findLoneCr(from: number): number;
  /** The text in [a, b), to keep (a name the model interns). */
  name(a: number, b: number): string;
  /** Runs a sticky regex at `a` over text that ends no later than `limit`; returns where the match ends, or -1. */
  sticky(re: RegExp, a: number, limit: number): number;
  /** Lets go of the text (the source reads as empty after): see lastScanners in scan.ts. */
  release(): void;
}

/** The codes of a released source (and of anything that reads none). */
export const NO_CODES: Buffer = Buffer.alloc(0);

export function sourceOf(data: string | Uint8Array): Source {
  const source = typeof data === 'string' ? new TextSource(data) : new ByteSource(data);
  return sourceProbe.wrap === null ? source : sourceProbe.wrap(source);
}

/**
 * For the linearity tests only (test/support/scanSteps.ts): wraps the Source of every scan to
 * count the scanner's own reads, which no string or regex counter sees. Null in production: one
 * check per scan, nothing per line.
 */
export const sourceProbe: { wrap: ((source: Source) => Source) | null } = { wrap: null };

class TextSource implements Source {
  codes: Codes;
  constructor(private text: string) {
    this.codes = codeUnits(text);
  }
  release(): void {
    this.text = '';
    this.codes = NO_CODES;
  }
  find(needle: Needle, from: number): number {
    const i = this.text.indexOf(needle.text, from);
    return i < 0 ? this.text.length : i;
  }
  findLoneCr(from: number): number {
    const t = this.text, n = t.length;
    let i = t.indexOf('\r', from);
    while (i >= 0 && i + 1 < n && t.charCodeAt(i + 1) === 10) i = t.indexOf('\r', i + 2);
    return i < 0 || i + 1 >= n ? n : i;
  }
  name(a: number, b: number): string {
    // The model keeps this text anyway.
    return this.text.substring(a, b);
  }
  sticky(re: RegExp, a: number, limit: number): number {
    re.lastIndex = a;
    return re.test(this.text) && re.lastIndex <= limit ? re.lastIndex : -1;
  }
}

/**
 * The string for the attribute-block regex and the searches comes from a window of text decoded
 * from the bytes ahead of where the scan reads: one native copy per window rather than one per
 * record. Substrings of the window would share (and keep alive) its characters, so names, which
 * the model keeps, are decoded on their own.
 */
const WINDOW = 64 * 1024;

class ByteSource implements Source {
  codes: Buffer;
  private win = '';
  private winA = 0;
  constructor(bytes: Uint8Array) {
    this.codes = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  }
  release(): void {
    this.codes = NO_CODES;
    this.win = '';
    this.winA = 0;
  }
  find(needle: Needle, from: number): number {
    // Mostly found in the window, by the string search (cheaper to call than the Buffer one).
    const n = this.codes.length;
    if (from < this.winA || from >= this.winA + this.win.length) this.cover(from, Math.min(n, from + 1));
    const i = this.win.indexOf(needle.text, from - this.winA);
    if (i >= 0) return this.winA + i;
    const winB = this.winA + this.win.length;
    return winB >= n ? n : this.findBytes(needle, Math.max(from, winB - needle.text.length + 1));
  }
  /** `find` past the window, on the bytes (no text decoded for a search that goes far). */
  private findBytes(needle: Needle, from: number): number {
    // A single byte goes to the number search (memchr), the cheaper one.
    const i = this.codes.indexOf(needle.bytes.length === 1 ? needle.bytes[0] : needle.bytes, from);
    return i < 0 ? this.codes.length : i;
  }
  findLoneCr(from: number): number {
    // One native search (memchr) per CR: in a CRLF log, one per line. Cheaper than decoding the
    // text into strings to search it, which the scan's own window already costs once.
    const c = this.codes, n = c.length;
    let i = c.indexOf(13, from);
    while (i >= 0 && i + 1 < n && c[i + 1] === 10) i = c.indexOf(13, i + 2);
    return i < 0 || i + 1 >= n ? n : i;
  }
  name(a: number, b: number): string {
    return this.codes.toString('latin1', a, b);
  }
  sticky(re: RegExp, a: number, limit: number): number {
    const at = this.cover(a, limit);
    re.lastIndex = at;
    return re.test(this.win) && re.lastIndex - at <= limit - a ? a + re.lastIndex - at : -1;
  }
  /** Makes the window hold [a, b); returns where a is in it. */
  private cover(a: number, b: number): number {
    const winA = this.winA;
    if (a < winA || b > winA + this.win.length) {
      this.winA = a;
      this.win = this.codes.toString('latin1', a, Math.min(this.codes.length, Math.max(b, a + WINDOW)));
      return 0;
    }
    return a - winA;
  }
}
