// Entries stored column-wise in typed arrays (about 41 bytes an entry), with component and thread
// names interned: a 100 MB log has hundreds of thousands of records and only a few dozen names.
import { EntryFlag, type Severity } from '../model';
import { bisect } from './bisect';

// Read once: push tests it per entry, and an imported binding may be a getter (CommonJS).
const UTC_OFFSET_FLAG = EntryFlag.UtcOffset;
/** What firstUnplaced reads: no offset written (NoOffset), and a time (not BadTime: a cut-off or broken record). */
const UNPLACED_FLAGS = EntryFlag.NoOffset | EntryFlag.BadTime;

/** Index of the first of the `count` ascending `starts` that is >= offset. */
export function firstAtOrAfter(starts: ArrayLike<number>, count: number, offset: number): number {
  return bisect(0, count, (k) => starts[k] < offset);
}

export class Interner {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.ids.set(name, id);
    }
    return id;
  }
}

export interface EntryTableData {
  count: number;
  start: Uint32Array; end: Uint32Array; line: Uint32Array; wall: Float64Array; offset: Int16Array;
  severity: Uint8Array; flags: Uint8Array; component: Uint32Array; thread: Uint32Array;
  format: Uint8Array; msgStart: Uint32Array; msgEnd: Uint32Array;
  components: string[]; threads: string[];
  firstUtcOffset: number;
  firstUnplaced: number;
}

export class EntryTable {
  count = 0;
  start = new Uint32Array(0);
  end = new Uint32Array(0);
  line = new Uint32Array(0);
  /** Wall clock in ms as if UTC; NaN when unreadable. */
  wall = new Float64Array(0);
  /** Offset in minutes as written, or NO_OFFSET / BAD_OFFSET. */
  offset = new Int16Array(0);
  severity = new Uint8Array(0);
  flags = new Uint8Array(0);
  component = new Uint32Array(0);
  thread = new Uint32Array(0);
  /** The record's format: its index in the registry (parse/formats). */
  format = new Uint8Array(0);
  /** Where the message is, without the format's markers: the one place features learn it. */
  msgStart = new Uint32Array(0);
  msgEnd = new Uint32Array(0);
  readonly components = new Interner();
  readonly threads = new Interner();
  /**
   * The first entry flagged EntryFlag.UtcOffset (-1: none): kept as entries come and go, so that
   * whether the log's writer writes .NET UTC offsets is known without reading the flags again.
   */
  firstUtcOffset = -1;
  /**
   * The first entry with a time but no offset written (-1: none), kept the same way: where a log's
   * records need an offset from elsewhere to be placed in UTC (the folder offer's lens goes there).
   */
  firstUnplaced = -1;

  constructor(capacity = 256) {
    this.resize(capacity);
  }

  push(start: number, end: number, line: number, wall: number, offset: number, severity: Severity, flags: number, component: number, thread: number, format: number, msgStart: number, msgEnd: number): void {
    const i = this.count;
    if (i === this.start.length) this.resize(Math.max(256, i * 2));
    this.start[i] = start;
    this.end[i] = end;
    this.line[i] = line;
    this.wall[i] = wall;
    this.offset[i] = offset;
    this.severity[i] = severity;
    this.flags[i] = flags;
    this.component[i] = component;
    this.thread[i] = thread;
    this.format[i] = format;
    this.msgStart[i] = msgStart;
    this.msgEnd[i] = msgEnd;
    this.count = i + 1;
    // Mostly never true (and then the same every time): no cost to the parse worth measuring.
    if ((flags & UTC_OFFSET_FLAG) !== 0 && this.firstUtcOffset < 0) this.firstUtcOffset = i;
    if ((flags & UNPLACED_FLAGS) === EntryFlag.NoOffset && this.firstUnplaced < 0) this.firstUnplaced = i;
  }

  /** Drops entries from index `n` on (their names stay interned; ids are stable). */
  truncate(n: number): void {
    this.count = Math.min(this.count, n);
    // Entries before `n` have no such flag (it was the first): none is left.
    if (this.firstUtcOffset >= this.count) this.firstUtcOffset = -1;
    if (this.firstUnplaced >= this.count) this.firstUnplaced = -1;
  }

  /** Room for at least `capacity` entries. */
  reserve(capacity: number): void {
    if (capacity > this.start.length) this.resize(capacity);
  }

  /** Releases spare capacity, unless it is too little to be worth copying every column. */
  compact(): void {
    if (this.start.length - this.count > this.count >> 3) this.resize(this.count);
  }

  /** The columns and names as plain data; the columns' buffers can be transferred to another thread. */
  toData(): EntryTableData {
    this.resize(this.count);
    const { count, start, end, line, wall, offset, severity, flags, component, thread, format, msgStart, msgEnd } = this;
    return { count, start, end, line, wall, offset, severity, flags, component, thread, format, msgStart, msgEnd, components: this.components.names.slice(), threads: this.threads.names.slice(), firstUtcOffset: this.firstUtcOffset, firstUnplaced: this.firstUnplaced };
  }

  static fromData(d: EntryTableData): EntryTable {
    const t = new EntryTable(0);
    Object.assign(t, { count: d.count, start: d.start, end: d.end, line: d.line, wall: d.wall, offset: d.offset, severity: d.severity, flags: d.flags, component: d.component, thread: d.thread, format: d.format, msgStart: d.msgStart, msgEnd: d.msgEnd, firstUtcOffset: d.firstUtcOffset, firstUnplaced: d.firstUnplaced });
    for (const n of d.components) t.components.id(n);
    for (const n of d.threads) t.threads.id(n);
    return t;
  }

  /** The buffers of `toData()`'s columns, to transfer rather than copy. */
  static buffers(d: EntryTableData): ArrayBuffer[] {
    return [d.start, d.end, d.line, d.wall, d.offset, d.severity, d.flags, d.component, d.thread, d.format, d.msgStart, d.msgEnd].map((a) => a.buffer as ArrayBuffer);
  }

  /** Index of the first entry whose start is >= offset. */
  firstAtOrAfter(offset: number): number {
    return firstAtOrAfter(this.start, this.count, offset);
  }

  /** Index of the last entry whose line is <= line, or -1. */
  lastAtOrBeforeLine(line: number): number {
    return bisect(0, this.count, (k) => this.line[k] <= line) - 1;
  }

  /** Bytes held by the columns (for the benchmark's memory figure). */
  byteSize(): number {
    return this.start.byteLength + this.end.byteLength + this.line.byteLength + this.wall.byteLength + this.offset.byteLength +
      this.severity.byteLength + this.flags.byteLength + this.component.byteLength + this.thread.byteLength +
      this.format.byteLength + this.msgStart.byteLength + this.msgEnd.byteLength;
  }

  private resize(capacity: number): void {
    const n = this.count;
    const grow = <T extends Uint32Array | Float64Array | Int16Array | Uint8Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(capacity);
      b.set(a.subarray(0, Math.min(n, capacity)) as never);
      return b;
    };
    this.start = grow(this.start, Uint32Array);
    this.end = grow(this.end, Uint32Array);
    this.line = grow(this.line, Uint32Array);
    this.wall = grow(this.wall, Float64Array);
    this.offset = grow(this.offset, Int16Array);
    this.severity = grow(this.severity, Uint8Array);
    this.flags = grow(this.flags, Uint8Array);
    this.component = grow(this.component, Uint32Array);
    this.thread = grow(this.thread, Uint32Array);
    this.format = grow(this.format, Uint8Array);
    this.msgStart = grow(this.msgStart, Uint32Array);
    this.msgEnd = grow(this.msgEnd, Uint32Array);
  }
}
