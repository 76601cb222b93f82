// Bytes -> text. Every byte maps to text, except an incomplete character at the very end of a
// file that is still being written: those bytes are held back as `pending` until the rest arrives.
import { Buffer, isAscii } from 'node:buffer';
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

/** Decodes a whole file (or the prefix of a file written so far). */
export function decode(bytes: Uint8Array): Decoded {
  const b0 = bytes[0], b1 = bytes[1], b2 = bytes[2];
  if (b0 === 0xff && b1 === 0xfe) return decodeUtf16(bytes, 'utf-16le');
  if (b0 === 0xfe && b1 === 0xff) return decodeUtf16(bytes, 'utf-16be');
  const bom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? 3 : 0;
  const pending = utf8IncompleteTail(bytes, bom);
  const body = bytes.subarray(bom, bytes.length - pending);
  const encoding = bom ? 'utf-8-bom' : 'utf-8';
  if (isAscii(body)) return { text: body, encoding, bomLength: bom, pending };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { text, encoding, bomLength: bom, pending };
  } catch {
    // Not UTF-8: Windows-1252 maps every byte to one character, so nothing is lost.
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', bomLength: 0, pending: 0 };
  }
}

/** Text kept as ASCII bytes (see Decoded) as a string; a string as it is. */
export function asText(text: string | Uint8Array, a = 0, b = text.length): string {
  if (typeof text === 'string') return a === 0 && b === text.length ? text : text.substring(a, b);
  // The UTF-8 reading of ASCII is the Latin-1 one, which Node makes without validating.
  return Buffer.from(text.buffer, text.byteOffset, text.length).toString('latin1', a, b);
}

/** Whether a Uint16Array stores its elements little-endian, as on every platform but s390x. */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * The UTF-16 code units of `text` in a typed array (one byte each when the text is ASCII): the
 * scanner reads them with a load where `charCodeAt` costs a call's worth of checks.
 */
export function codeUnits(text: string): Uint8Array | Uint16Array {
  if (Buffer.byteLength(text, 'utf8') === text.length) return Buffer.from(text, 'latin1');
  const b = Buffer.from(text, 'utf16le');
  if (!LITTLE_ENDIAN) b.swap16();
  // A Uint16Array view needs an even offset; Node aligns its pooled buffers, but copy if not.
  return b.byteOffset % 2 === 0 ? new Uint16Array(b.buffer, b.byteOffset, b.length >> 1) : new Uint16Array(Uint8Array.prototype.slice.call(b).buffer);
}

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
