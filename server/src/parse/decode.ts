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
/** Units codeUnits narrows at a time (what its scratch buffer holds). */
const NARROW_PIECE = 64 * 1024;
let narrowScratch: Uint16Array | undefined;

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
  const n = text.length;
  // Free on a string V8 keeps one byte a character (any text of Latin-1 only): no match can be in it.
  if (!WIDE_UNIT.test(text)) return Buffer.from(text, 'latin1');
  const units = (narrowScratch ??= new Uint16Array(NARROW_PIECE));
  const scratch = Buffer.from(units.buffer);
  const out = Buffer.allocUnsafe(n);
  // A plain view: stores to a Buffer (a subclass) cost more.
  const bytes = new Uint8Array(out.buffer, out.byteOffset, n);
  for (let a = 0; a < n; a += NARROW_PIECE) {
    const b = Math.min(n, a + NARROW_PIECE);
    // Written little-endian, read in the machine's order: swapped back where that differs.
    scratch.write(text.substring(a, b), 0, 'utf16le');
    if (!LITTLE_ENDIAN) scratch.subarray(0, (b - a) * 2).swap16();
    narrowUnits(units, b - a, bytes, a);
  }
  return out;
}

/** bytes[at, at + n) = units[0, n), each unit above 255 as 255 (a loop of its own: V8 runs it a third faster than inline). */
function narrowUnits(units: Uint16Array, n: number, bytes: Uint8Array, at: number): void {
  for (let i = 0; i < n; i++) {
    const u = units[i];
    bytes[at + i] = u > 255 ? 255 : u;
  }
}

/** Whether a Uint16Array stores its elements little-endian, as on every platform but s390x. */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  const body = bytes.subarray(2);
  let usable = body.length & ~1;
  // A high surrogate in the last code unit waits for its pair.
  if (usable >= 2) {
    const unit = encoding === 'utf-16le' ? body[usable - 2] | (body[usable - 1] << 8) : (body[usable - 2] << 8) | body[usable - 1];
    if (unit >= 0xd800 && unit <= 0xdbff) usable -= 2;
  }
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body.subarray(0, usable));
  return { text, encoding, bomLength: 2, pending: body.length - usable };
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

  /** The text appended; ASCII bytes may be a view of `more`: copy them to keep them. */
  decode(more: Uint8Array): { text: string | Uint8Array; pending: number } | null {
    const bytes = concat(this.held, more);
    if (this.encoding === 'windows-1252') {
      this.held = new Uint8Array(0);
      return { text: new TextDecoder('windows-1252').decode(bytes), pending: 0 };
    }
    if (this.encoding === 'utf-16le' || this.encoding === 'utf-16be') {
      // Reuse the whole-file logic on a fake BOM so the surrogate/odd-byte rules stay in one place.
      const bom = this.encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
      const d = decodeUtf16(concat(Uint8Array.from(bom), bytes), this.encoding);
      this.held = Uint8Array.prototype.slice.call(bytes, bytes.length - d.pending);
      return { text: d.text, pending: d.pending };
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
