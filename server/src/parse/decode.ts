// Bytes -> text. Every byte maps to text, except an incomplete character at the very end of a
// file that is still being written: those bytes are held back as `pending` until the rest arrives.
import { Buffer, isAscii, isUtf8 } from 'node:buffer';
import type { Encoding } from '../model';

export interface Decoded {
  /**
   * The text; for ASCII, its bytes as they are (one character each), which the model keeps and
   * reads without making one string of them (see Source).
   */
  text: string | Uint8Array;
  encoding: Encoding;
  /** Bytes of the byte-order mark. */
  bomLength: number;
  /** Trailing bytes of an incomplete character, not yet in `text`. */
  pending: number;
}

/**
 * The most text one decode makes into one string. V8's longest string is ~2^29 characters, and a
 * file decoded whole into one string aborts the process natively past it: files are decoded in
 * pieces of at most this many bytes (a piece of N bytes never makes more than N characters).
 */
export const DECODE_PIECE = 16 * 1024 * 1024;

/**
 * How a file is read, judged from its start (the byte-order mark) and, for UTF-8, from all its
 * bytes (validated natively, no string made): Windows-1252 when they are not UTF-8.
 */
export function sniff(bytes: Uint8Array): { encoding: Encoding; bomLength: number; ascii?: boolean } {
  const b0 = bytes[0], b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const bom = utf8Bom(bytes);
  const body = bytes.subarray(bom, bytes.length - utf8IncompleteTail(bytes, bom));
  // ASCII (most logs) is UTF-8 and needs no further check: one native pass, not two.
  const ascii = isAscii(bytes.subarray(bom));
  if (!ascii && !isUtf8(body)) return { encoding: 'windows-1252', bomLength: bom };
  return { encoding: bom ? 'utf-8-bom' : 'utf-8', bomLength: bom, ascii };
}

/** Length of a UTF-8 byte-order mark at the start: stripped in every encoding that follows from it. */
export function utf8Bom(bytes: Uint8Array): number {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/** Decodes a short file start (a sniffed head) as one string; files are decoded in pieces (LogFile.fromBytes). */
export function decode(bytes: Uint8Array): Decoded {
  const { encoding, bomLength } = sniff(bytes);
  const d = new AppendDecoder(encoding, new Uint8Array(0)).decode(bytes.subarray(bomLength))!;
  return { text: d.text, encoding, bomLength, pending: d.pending };
}

/** Text kept as ASCII bytes (see Decoded) as a string; a string as it is. */
export function asText(text: string | Uint8Array, a = 0, b = text.length): string {
  if (typeof text === 'string') return a === 0 && b === text.length ? text : text.substring(a, b);
  // The UTF-8 reading of ASCII is the Latin-1 one, which Node makes without validating.
  return Buffer.from(text.buffer, text.byteOffset, text.length).toString('latin1', a, b);
}

/** A code unit above 255. */
const WIDE_UNIT = /[\u0100-\uffff]/;

/**
 * The text's UTF-16 code units as bytes, one per unit, in a Buffer: what every reader reads, with
 * a load where `charCodeAt` costs a call's worth of checks. A text of Latin-1 characters only (ASCII
 * among them) is its Latin-1 encoding; in any other, a unit above 255 becomes 255 (`ÿ`). The readers look for ASCII markers,
 * digits and words, which such a character is none of, and the name caches never keep a name with
 * a 255 in it (scanCaches.ts): two names that differ there stay two. One kind of array for every
 * text: a reader V8 has seen given both 8- and 16-bit arrays is compiled for both, and ran 15-20 %
 * slower on either (npm run bench).
 */
export function codeUnits(text: string): Buffer {
  // Free on a string V8 keeps one byte a character (any text of Latin-1 only): no match can be in it.
  if (!WIDE_UNIT.test(text)) return Buffer.from(text, 'latin1');
  const out = Buffer.allocUnsafe(text.length);
  narrowing.string(text, out);
  return out;
}

/**
 * How code units become the readers' bytes (a unit above 255 as 255; each returns the OR of the
 * units, and `le` stops a block after it passes `stopAbove`): loops here, which the WebAssembly
 * kernel replaces with its own where it is loaded (kernel.ts: the scanner's side), ten times as
 * fast. The extension's bundle, which reads only the starts of files, carries no kernel.
 */
export const LOOP_NARROWING = {
  le: (bytes: Uint8Array, n: number, out: Uint8Array, at = 0, stopAbove = 0xffff): number => narrowBlocks(bytes, 0, n, out, at, stopAbove),
  string: (text: string, out: Uint8Array, at = 0): number => {
    let or = 0;
    for (let a = 0; a < text.length; a += NARROW_BLOCK) {
      const piece = Buffer.from(text.substring(a, a + NARROW_BLOCK), 'utf16le');
      or |= narrowPairs(piece, 0, 0, piece.length >> 1, out, at + a);
    }
    return or;
  },
};

/** What codeUnits and the UTF-16 decoding narrow with (the kernel's, where it is loaded). */
export const narrowing = { ...LOOP_NARROWING };

/** The bytes of UTF-16 text (after the byte-order mark) that decode now: a high surrogate in the last unit waits for its pair. */
function usableUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): number {
  let usable = body.length & ~1;
  if (usable >= 2) {
    const unit = encoding === 'utf-16le' ? body[usable - 2] | (body[usable - 1] << 8) : (body[usable - 2] << 8) | body[usable - 1];
    if (unit >= 0xd800 && unit <= 0xdbff) usable -= 2;
  }
  return usable;
}

/**
 * UTF-16 bytes (after the byte-order mark) as text. One pass narrows the code units to bytes: text
 * of ASCII characters only (most UTF-16 logs: MSI's) is kept as those bytes, as an ASCII UTF-8 file
 * is (see Decoded), and Latin-1 text becomes a string of one byte a character, which V8 searches
 * natively; only other text is decoded as UTF-16. (TextDecoder's UTF-16 decoder ran at a fifth of
 * the speed of the rest of a parse, and made two-byte strings, searched a character at a time.)
 */
function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): { text: string | Uint8Array; pending: number } {
  const usable = usableUtf16(body, encoding);
  const pending = body.length - usable;
  const narrow = uninitialised(usable >> 1);
  // Read no further than the first block with a unit past Latin-1: the narrowed bytes are not used then.
  const widest = narrowUtf16(body, usable, encoding, narrow, 0xff);
  if (widest < 0x80) return { text: narrow, pending };
  if (widest < 0x100) return { text: Buffer.from(narrow.buffer, narrow.byteOffset, narrow.length).toString('latin1'), pending };
  return { text: utf16Text(body.subarray(0, usable), encoding), pending };
}

/**
 * Whole UTF-16 code units as a string, a lone surrogate as U+FFFD (as the Encoding Standard's
 * decoder, TextDecoder, shows it: one unit for one). The model's text and the text read back from
 * the file (FileText) are both made here, so they agree.
 */
export function utf16Text(units: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  const le = Buffer.from(units.buffer, units.byteOffset, units.length);
  const text = encoding === 'utf-16le' ? le.toString('utf16le') : Buffer.from(le).swap16().toString('utf16le');
  return text.isWellFormed() ? text : text.toWellFormed();
}

/** An array of n bytes for narrowUtf16 to fill: not zeroed first, as every byte is written. */
function uninitialised(n: number): Uint8Array {
  return new Uint8Array(Buffer.allocUnsafeSlow(n).buffer, 0, n);
}

/** Units the loops narrow between their checks of what they found. */
const NARROW_BLOCK = 64 * 1024;

/**
 * out[i] = code unit i of bytes[0, n), a unit above 255 as 255; returns the OR of the units read,
 * which says whether every one was ASCII (below 0x80) or Latin-1 (below 0x100). Stops early, a
 * block after the OR first passes `stopAbove`.
 */
function narrowUtf16(bytes: Uint8Array, n: number, encoding: 'utf-16le' | 'utf-16be', out: Uint8Array, stopAbove: number): number {
  const units = n >> 1;
  return encoding === 'utf-16le' ? narrowing.le(bytes, units, out, 0, stopAbove) : narrowBlocks(bytes, 1, units, out, 0, stopAbove);
}

/** narrowPairs of units [0, n) a block at a time, stopping a block after the OR passes `stopAbove`. */
function narrowBlocks(bytes: Uint8Array, low: number, n: number, out: Uint8Array, at: number, stopAbove: number): number {
  let or = 0;
  for (let a = 0; a < n && or <= stopAbove; a += NARROW_BLOCK) or |= narrowPairs(bytes, low, a, Math.min(n, a + NARROW_BLOCK), out, at);
  return or;
}

/** out[at + i] = unit i of bytes, i in [a, b), narrowed; the low byte of each unit at `low` (0: little-endian). */
function narrowPairs(bytes: Uint8Array, low: number, a: number, b: number, out: Uint8Array, at: number): number {
  let or = 0;
  for (let i = a; i < b; i++) {
    const u = bytes[2 * i + low] | (bytes[2 * i + 1 - low] << 8);
    or |= u;
    out[at + i] = u > 255 ? 255 : u;
  }
  return or;
}

/** Length of a trailing, so far valid but incomplete UTF-8 sequence (0-3 bytes). */
export function utf8IncompleteTail(bytes: Uint8Array, from = 0): number {
  const n = bytes.length;
  for (let k = 1; k <= 3 && n - k >= from; k++) {
    const b = bytes[n - k];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

/**
 * Decoder for bytes appended to a file whose start was decoded by `decode`. Returns null when the
 * appended bytes change how the whole file must be read (UTF-8 that stops being valid, a file too
 * short to have shown its byte-order mark): the caller then decodes the whole file again.
 */
export class AppendDecoder {
  private held: Uint8Array;
  constructor(readonly encoding: Encoding, pendingBytes: Uint8Array) {
    this.held = pendingBytes;
  }

  /** The bytes of an incomplete character held back for the next append. */
  get heldBytes(): Uint8Array { return this.held; }

  /** Whether `more` decodes (UTF-8 that stays valid; other encodings always do), checked natively, no string made. */
  accepts(more: Uint8Array): boolean {
    if (this.encoding !== 'utf-8' && this.encoding !== 'utf-8-bom') return true;
    const bytes = concat(this.held, more);
    return isUtf8(bytes.subarray(0, bytes.length - utf8IncompleteTail(bytes)));
  }

  /**
   * `more` as text if it is all ASCII, kept as its bytes (see Decoded) however long; null when it is
   * not (then `decode` it in pieces). For UTF-16, whose ASCII text is every other byte: a whole
   * file read as one piece, as an ASCII UTF-8 one is. Stops reading at the first block past ASCII.
   */
  decodeAscii(more: Uint8Array): { text: Uint8Array; pending: number } | null {
    if (this.encoding !== 'utf-16le' && this.encoding !== 'utf-16be') return null;
    const bytes = concat(this.held, more);
    const usable = usableUtf16(bytes, this.encoding);
    const text = uninitialised(usable >> 1);
    if (narrowUtf16(bytes, usable, this.encoding, text, 0x7f) >= 0x80) return null;
    this.held = Uint8Array.prototype.slice.call(bytes, usable);
    return { text, pending: bytes.length - usable };
  }

  /** The text appended; ASCII bytes may be a view of `more`: copy them to keep them. */
  decode(more: Uint8Array): { text: string | Uint8Array; pending: number } | null {
    const bytes = concat(this.held, more);
    if (this.encoding === 'windows-1252') {
      this.held = new Uint8Array(0);
      return { text: new TextDecoder('windows-1252').decode(bytes), pending: 0 };
    }
    if (this.encoding === 'utf-16le' || this.encoding === 'utf-16be') {
      const d = decodeUtf16(bytes, this.encoding);
      this.held = Uint8Array.prototype.slice.call(bytes, bytes.length - d.pending);
      return d;
    }
    const pending = utf8IncompleteTail(bytes);
    const body = bytes.subarray(0, bytes.length - pending);
    let text: string | Uint8Array;
    if (isAscii(body)) text = body;
    else {
      try {
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
      } catch {
        return null;
      }
    }
    this.held = Uint8Array.prototype.slice.call(bytes, bytes.length - pending);
    return { text, pending };
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
