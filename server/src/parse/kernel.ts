// The WebAssembly kernel of kernel.wat, run on a window of the text copied into its memory: the
// search for a line's end and its legacy `$$<` tail, and the keyword rule for whole messages.
// Every line of a legacy log needs all three, and the kernel reads 16 characters at a time: the
// keyword search was the largest cost of parsing such a log, and runs about three times as fast
// as the rule's regex. Lines and messages longer than a window, and keyword searches carried on
// from an earlier scan, go to native searches and the same rule in TypeScript (severity.ts).
// And the narrowing of UTF-16 code units to the bytes every reader reads (decode.ts).
import { Buffer } from 'node:buffer';
import type { Severity } from '../model';
import { narrowing } from './decode';
import { KERNEL_WASM } from './kernelWasm';
import { KW_NONE, keywordSeverityAt } from './severity';
import { MAX_REACH } from './keywords';
import type { Codes } from './time';

/** Characters a window holds at most. */
export const WINDOW = 64 * 1024;
// The kernel's memory (4 pages of 64 KB): the window's bytes at DATA, with room after them for
// the kernel's reads past a message's end (A text's codes are bytes: see codeUnits); from 128 KB on,
// the narrowing's units and bytes (NARROW_IN, NARROW_OUT).
const DATA = 64;
/** Where `line` leaves the line's `$$<` (an i32 before DATA). */
const LINE_TAIL = 0;

// The little of the WebAssembly API used here (its types come with the DOM library, not Node's).
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
};

interface Kernel {
  severity(a: number, b: number): Severity;
  line(a: number, b: number): number;
  narrow(src: number, n: number, dst: number): number;
  i32: Int32Array;
  bytes: Uint8Array;
  /** The memory as a Buffer, for strings to be written into it. */
  buffer: Buffer;
}

/** One instance per thread, made when first needed. */
let kernel: Kernel | undefined;
/** The KernelWindow whose text the kernel's memory holds. */
let holder: KernelWindow | undefined;

function instantiate(): Kernel {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(KERNEL_WASM, 'base64')));
  const { severity, line, narrow, memory } = instance.exports as { severity: Kernel['severity']; line: Kernel['line']; narrow: Kernel['narrow']; memory: { buffer: ArrayBuffer } };
  return { severity, line, narrow, bytes: new Uint8Array(memory.buffer), i32: new Int32Array(memory.buffer), buffer: Buffer.from(memory.buffer) };
}

// Where `narrow` reads units and writes bytes, clear of the window (DATA, WINDOW and the reads past
// it): NARROW_UNITS units at NARROW_IN, with room after them for the zeros the kernel reads, then
// their bytes at NARROW_OUT, with room for the 16 written past the last.
const NARROW_UNITS = 32 * 1024;
const NARROW_IN = 128 * 1024;
const NARROW_OUT = NARROW_IN + 2 * NARROW_UNITS + 64;
// The window's reads end well before NARROW_IN (DATA + WINDOW + the 18 bytes `line` reads past its
// end and the keywords' reach), and the narrowing's last write, 16 bytes past its bytes, within the memory.
if (NARROW_IN < DATA + WINDOW + 18 + MAX_REACH || NARROW_OUT + NARROW_UNITS + 16 > 4 * 64 * 1024) throw new Error('kernel.ts: the narrowing overlaps the window or leaves the memory');

/**
 * out[at + i] = code unit i of the little-endian UTF-16 bytes[0, 2n), a unit above 255 as 255;
 * returns the OR of the units read, and stops a block after it first passes `stopAbove`. The
 * kernel narrows 16 units at a time, with no time to warm up: ten times the speed of the loop it
 * replaces, which a server ran unoptimised through its first long UTF-16 log.
 */
export function narrowUtf16Le(bytes: Uint8Array, n: number, out: Uint8Array, at = 0, stopAbove = 0xffff): number {
  const k = (kernel ??= instantiate());
  let or = 0;
  for (let u = 0; u < n && or <= stopAbove; u += NARROW_UNITS) {
    const m = Math.min(NARROW_UNITS, n - u);
    k.bytes.set(bytes.subarray(2 * u, 2 * (u + m)), NARROW_IN);
    or |= narrowInMemory(k, m, out, at + u);
  }
  return or;
}

/** out[at + i] = code unit i of `text`, a unit above 255 as 255 (see narrowUtf16Le); returns the OR of the units. */
export function narrowString(text: string, out: Uint8Array, at = 0): number {
  const k = (kernel ??= instantiate());
  let or = 0;
  for (let u = 0; u < text.length; u += NARROW_UNITS) {
    const m = Math.min(NARROW_UNITS, text.length - u);
    // Written little-endian on every platform, as WebAssembly reads memory.
    k.buffer.write(text.substring(u, u + m), NARROW_IN, 'utf16le');
    or |= narrowInMemory(k, m, out, at + u);
  }
  return or;
}

// Wherever the kernel is loaded (the scanner's side), it narrows for decode.ts.
narrowing.le = narrowUtf16Le;
narrowing.string = narrowString;

/** Narrows the m units at NARROW_IN into out[at, at + m). */
function narrowInMemory(k: Kernel, m: number, out: Uint8Array, at: number): number {
  // The kernel reads up to the next 16 units: zeros, which OR nothing.
  k.bytes.fill(0, NARROW_IN + 2 * m, NARROW_IN + 2 * m + 32);
  const or = k.narrow(NARROW_IN, m, NARROW_OUT);
  out.set(k.bytes.subarray(NARROW_OUT, NARROW_OUT + m), at);
  return or;
}

/** The kernel's work on one text (a scan's character codes, which do not change). */
export class KernelWindow {
  /** The part of the text in the kernel's memory, while `holder` is this. */
  private a = 0;
  private b = 0;
  constructor(private readonly codes: Codes) {}

  /** Severity of the message codes[a, b) by the keyword rule. */
  severity(a: number, b: number): Severity {
    if (b - a > WINDOW) return keywordSeverityAt(this.codes, KW_NONE, a, b, false);
    return this.holding(a, b).severity(DATA + a - this.a, DATA + b - this.a);
  }

  /** Set by `line`: where the line's first `$$<` starts (its end if it has none). */
  lineTail = 0;

  /**
   * The line that starts at `from`: where its line break is (the text's length if none), and in
   * lineTail where its first `$$<` starts; -1 when the line is longer than a window.
   */
  line(from: number): number {
    const k = this.holding(from, from + 1);
    const end = this.lineInWindow(k, from);
    if (end >= 0 || from === this.a) return end;
    // The line runs past the window: once more, in a window that starts with it.
    this.copy(k, from);
    return this.lineInWindow(k, from);
  }

  private lineInWindow(k: Kernel, from: number): number {
    const end = k.line(DATA + from - this.a, DATA + this.b - this.a) - DATA + this.a;
    if (end >= this.b && this.b < this.codes.length) return -1;
    this.lineTail = k.i32[LINE_TAIL >> 2] - DATA + this.a;
    return end;
  }

  /** Lets the kernel forget this text (its memory's copy is left to be overwritten): nothing here keeps it alive. */
  release(): void {
    if (holder === this) holder = undefined;
  }

  /** The kernel, with its memory holding codes[a, b) (b - a at most WINDOW) of this text. */
  private holding(a: number, b: number): Kernel {
    const k = (kernel ??= instantiate());
    if (holder !== this || a < this.a || b > this.b) this.copy(k, a);
    return k;
  }

  /** Copies the window that starts at `a` into the kernel's memory (a window, or what is left of the text). */
  private copy(k: Kernel, a: number): void {
    const codes = this.codes;
    const b = Math.min(codes.length, a + WINDOW);
    k.bytes.set(codes.subarray(a, b), DATA);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- not an alias: which window the one kernel's memory holds
    holder = this;
    this.a = a;
    this.b = b;
  }
}
