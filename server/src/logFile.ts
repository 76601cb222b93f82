// A parsed log: decoded text, entries (column store), unparsed spans, and what it takes to
// continue parsing when the file grows. Pure: it is handed bytes or text and never touches disk.
import { AppendDecoder, DECODE_PIECE, sniff, utf8Bom } from './parse/decode';
import { type Chunk, ChunkedText, joinChunks, type Part, type TextSource } from './parse/chunkedText';
import { findNulRun, NUL_RUN, nulsFrom, trailingNuls } from './parse/nulRuns';
import { EntryTable, type EntryTableData } from './parse/entryTable';
import { FORMATS, type LogFormat, type Range, type RecordParts } from './parse/formats';
import { countLineBreaksIn, type ReadRange, trimmedEnd } from './parse/lineBreaks';
import { type Resume, scan, SHAPES_SAMPLE, SpanList, START } from './parse/scan';
import { BAD_OFFSET, NO_OFFSET, offsetInRange, toUtc } from './parse/time';
import { isUtcOffsetWriter, isUtcOffsetWriterFile } from './parse/utcOffsetWriters';
import { EntryFlag, type Encoding, type Entry, type Format, type OffsetSource, type ParseOptions, type Severity, type UnparsedSpan } from './model';

/** A parsed log with the key its caller knows it by (a path or a URI string). */
export interface LogInput {
  key: string;
  /** File name without folders, e.g. `CloudUserSync.log`. */
  name: string;
  log: LogFile;
}

/** A log known by key and name only (it may be gone: a deleted file). */
export type LogRef = Pick<LogInput, 'key' | 'name'>;

/** A parsed log as plain data, to post between threads (see `LogFile.toData`). */
export interface LogFileData {
  table: EntryTableData;
  spans: { start: number[]; end: number[]; line: number[] };
  chunks: Part[];
  resume: Resume;
  tailNuls: number;
  beforeNuls: Resume;
  options: Required<ParseOptions>;
  heldBytes: Uint8Array | null;
  encoding: Encoding;
  bomLength: number;
  pendingBytes: number;
  byteLength: number;
  lineCount: number;
}

// The model's shapes kept for the thread's life, as the scanner's are (see lastScanners in
// parse/scan.ts): between two logs nothing of the last one is left, and its shapes died with it.
// With both kept, a `cmlog check` of a 28-log folder compiled ~110 functions rather than 170-210 and
// ran 5 % faster (8 % less CPU; measured 2026-12-05). Made before the first model, read the two
// ways a log is read (ASCII bytes and text).
let shapesKept: LogFile[] | undefined;

function keepShapes(): void {
  if (shapesKept) return;
  shapesKept = [];
  shapesKept.push(LogFile.fromBytes(new TextEncoder().encode(SHAPES_SAMPLE)), LogFile.fromText(SHAPES_SAMPLE));
}

export class LogFile {
  readonly table: EntryTable = new EntryTable();
  readonly spans: SpanList = new SpanList();
  private chunks = new ChunkedText();
  /** Where parsing continues when text is appended (see Resume). */
  private resume: Resume = { ...START };
  /**
   * NULs that end the text. At least NUL_RUN: padding, the last span, and `resume` starts afresh
   * after it. Fewer: text so far, and `beforeNuls` is where the scan stood before them, to be
   * read again from there should appended NULs make them padding.
   */
  private tailNuls = 0;
  private beforeNuls: Resume = { ...START };
  private options: Required<ParseOptions>;
  private decoder: AppendDecoder | null = null;
  encoding: Encoding = 'utf-8';
  bomLength = 0;
  /** Bytes of an incomplete character at the end, not yet decoded (a file caught mid-write). */
  pendingBytes = 0;
  /** Bytes this model was built from (0 when it was built from text). */
  byteLength = 0;
  /** Number of lines (a text with no line break has one). */
  lineCount = 1;

  private constructor(options: ParseOptions) {
    this.options = settled(options);
    this.namedUtcWriter = this.options.fileName !== null && isUtcOffsetWriterFile(this.options.fileName);
  }

  /**
   * The model keeps the ASCII text of `bytes` as they are: they must not change afterwards.
   * Decoded in pieces of at most `read.piece` bytes, never into one string (see DECODE_PIECE);
   * `read.encoding` says the file is Windows-1252 (read so far as UTF-8, it stopped being so).
   */
  static fromBytes(bytes: Uint8Array, options: ParseOptions = {}, read: { encoding?: 'windows-1252'; piece?: number } = {}): LogFile {
    keepShapes();
    const log = new LogFile(options);
    const { encoding, bomLength, ascii } = read.encoding ? { encoding: read.encoding, bomLength: utf8Bom(bytes), ascii: false } : sniff(bytes);
    log.encoding = encoding;
    log.bomLength = bomLength;
    log.decoder = new AppendDecoder(encoding, new Uint8Array(0));
    // ASCII is kept as the bytes it is (no string is made, nothing held back): one piece, scanned
    // once and never copied, with no second check that it is ASCII.
    // So is UTF-16 of ASCII characters only, narrowed to its bytes (most MSI logs): one piece too.
    let whole = ascii;
    if (ascii) {
      if (bytes.length > bomLength) log.appendDecoded(bytes.subarray(bomLength), true);
    } else if (bytes.length > bomLength) {
      const d = log.decoder.decodeAscii(bytes.subarray(bomLength));
      if (d) {
        log.pendingBytes = d.pending;
        log.appendDecoded(d.text, true);
        whole = true;
      }
    }
    const piece = read.piece ?? DECODE_PIECE;
    for (let p = whole ? bytes.length : bomLength; p < bytes.length; p += piece) {
      const d = log.decoder.decode(bytes.subarray(p, Math.min(bytes.length, p + piece)));
      if (!d) return LogFile.fromBytes(bytes, options, { ...read, encoding: 'windows-1252' }); // sniff said UTF-8: cannot happen
      log.pendingBytes = d.pending;
      log.appendDecoded(d.text, true);
    }
    // A copy of the held bytes: a view would keep the whole buffer alive for them.
    log.decoder = new AppendDecoder(encoding, log.decoder.heldBytes.slice());
    log.byteLength = bytes.length;
    log.table.compact();
    return log;
  }

  /** From text an editor already decoded. */
  static fromText(text: string, options: ParseOptions = {}, encoding: Encoding = 'utf-8'): LogFile {
    keepShapes();
    const log = new LogFile(options);
    log.encoding = encoding;
    log.appendDecoded(text);
    log.table.compact();
    return log;
  }

  /**
   * The model as plain data, for a worker thread that parsed it to post to the thread that uses
   * it: `transfer` lists the column buffers, which move rather than being copied. This model must
   * not be used afterwards.
   */
  toData(): { data: LogFileData; transfer: ArrayBuffer[] } {
    const table = this.table.toData();
    const n = this.spans.count;
    const data: LogFileData = {
      table,
      spans: { start: this.spans.start.slice(0, n), end: this.spans.end.slice(0, n), line: this.spans.line.slice(0, n) },
      chunks: this.chunks.parts(),
      resume: { ...this.resume },
      tailNuls: this.tailNuls,
      beforeNuls: { ...this.beforeNuls },
      options: { ...this.options },
      heldBytes: this.decoder ? this.decoder.heldBytes.slice() : null,
      encoding: this.encoding,
      bomLength: this.bomLength,
      pendingBytes: this.pendingBytes,
      byteLength: this.byteLength,
      lineCount: this.lineCount,
    };
    return { data, transfer: EntryTable.buffers(table) };
  }

  /** The model `toData` described, able to take appends as the original was. */
  static fromData(d: LogFileData): LogFile {
    const log = new LogFile(d.options);
    (log as { table: EntryTable }).table = EntryTable.fromData(d.table);
    Object.assign(log.spans, { count: d.spans.start.length, start: d.spans.start, end: d.spans.end, line: d.spans.line });
    log.chunks = ChunkedText.fromParts(d.chunks);
    log.resume = { ...d.resume };
    log.tailNuls = d.tailNuls;
    log.beforeNuls = { ...d.beforeNuls };
    log.decoder = d.heldBytes ? new AppendDecoder(d.encoding, d.heldBytes) : null;
    log.encoding = d.encoding;
    log.bomLength = d.bomLength;
    log.pendingBytes = d.pendingBytes;
    log.byteLength = d.byteLength;
    log.lineCount = d.lineCount;
    return log;
  }

  /**
   * Bytes appended to the file this model was built from. Returns false when the whole file must
   * be decoded again instead (it stopped being valid UTF-8, or it was too short to show its BOM).
   */
  appendBytes(bytes: Uint8Array, piece = DECODE_PIECE): boolean {
    if (!this.decoder || this.byteLength < 4) return false;
    // Checked whole first (natively, no string made), so that a refused append leaves the model as it was.
    if ((this.encoding === 'utf-8' || this.encoding === 'utf-8-bom') && !this.decoder.accepts(bytes)) return false;
    // UTF-16 text is made anew (narrowed or decoded), never a view of `bytes`: kept as it is.
    const fresh = this.encoding === 'utf-16le' || this.encoding === 'utf-16be';
    for (let p = 0; p < bytes.length; p += piece) {
      const d = this.decoder.decode(bytes.subarray(p, Math.min(bytes.length, p + piece)))!;
      this.pendingBytes = d.pending;
      this.appendDecoded(d.text, fresh);
    }
    this.byteLength += bytes.length;
    return true;
  }

  /** Text appended at the end of the document. */
  appendText(text: string): void {
    this.appendDecoded(text);
  }

  /**
   * `text`: a string, or ASCII bytes (see `Decoded`); `owned`: bytes the model may keep as they
   * are (else a view of the caller's buffer, copied here).
   */
  private appendDecoded(text: Chunk, owned = true): void {
    if (text.length === 0) return;
    const lead = nulsFrom(text, 0, text.length);
    if (this.tailNuls >= NUL_RUN) {
      // The padding at the end goes on: its span grows; the scan restarts after it as before.
      if (lead > 0) {
        this.chunks.pushNuls(lead);
        this.spans.end[this.spans.count - 1] += lead;
        this.tailNuls += lead;
        this.resume = { ...this.resume, at: this.resume.at + lead };
        if (lead === text.length) return;
        text = typeof text === 'string' ? text.substring(lead) : text.subarray(lead);
      }
    } else if (this.tailNuls > 0 && lead > 0) {
      // NULs that end the text, and more: read them again from before them, as one run.
      this.resume = this.beforeNuls;
    }
    const from = this.resume.at;
    const head = this.reopen();
    this.scanSegments(joinChunks(head, text), from, owned || head.length > 0 || typeof text === 'string');
  }

  /**
   * Removes what a scan from `resume` reads again and returns its text: only the end can change
   * when text is added. The text is cut off where the last scan said to resume, with the items
   * from there on (and the record it continues).
   */
  private reopen(): Chunk {
    const r = this.resume;
    const from = r.at;
    this.table.truncate(this.table.firstAtOrAfter(r.mode === 'open' ? r.record : from));
    this.spans.truncate(this.spans.firstAtOrAfter(from));
    // A span of unparsed lines may run past `from` (its last line): cut it back, the scan grows it again.
    const k = this.spans.count - 1;
    if (k >= 0 && this.spans.end[k] > from) this.spans.end[k] = from;
    return this.chunks.cut(from);
  }

  /**
   * Scans `rest` (the text from `base` on, `resume` standing at base) split at NUL runs: the text
   * before a run ends there (a record open at its end stays cut off), the run is one unparsed span,
   * and the scan starts afresh after it.
   */
  private scanSegments(rest: Chunk, base: number, owned: boolean): void {
    let seg = 0;
    for (;;) {
      const run = findNulRun(rest, seg, rest.length);
      if (!run) break;
      this.scanPiece(rest, seg, run[0], owned);
      const line = this.lineCount - 1;
      this.chunks.pushNuls(run[1] - run[0]);
      this.spans.push(base + run[0], base + run[1], line);
      this.resume = { ...START, at: base + run[1], line };
      this.tailNuls = run[1] - run[0];
      seg = run[1];
      if (seg === rest.length) return;
    }
    const k = trailingNuls(rest, seg, rest.length);
    this.tailNuls = k;
    if (k === 0) return this.scanPiece(rest, seg, rest.length, owned);
    // Short NULs at the end: scan up to them, keep where the scan stood, then read them on from there.
    this.scanPiece(rest, seg, rest.length - k, owned);
    this.beforeNuls = { ...this.resume };
    const head = this.reopen();
    this.scanPiece(joinChunks(head, typeof rest === 'string' ? '\0'.repeat(k) : new Uint8Array(k)), 0, head.length + k, true);
  }

  /** Keeps [a, b) of `text` and scans it from `resume` (which stands at its start). */
  private scanPiece(text: Chunk, a: number, b: number, owned: boolean): void {
    if (b <= a) return;
    const whole = a === 0 && b === text.length;
    let piece = whole ? text : typeof text === 'string' ? text.substring(a, b) : text.subarray(a, b);
    // Not the caller's buffer to keep, or a small part of a large one split off by padding (which
    // is not kept, and must not stay in memory through a view or a substring of it): a copy.
    if (typeof piece === 'string') {
      if (!whole && 2 * piece.length < text.length) piece = Buffer.from(piece, 'utf16le').toString('utf16le');
    } else if (!owned || (!whole && 2 * piece.length < piece.buffer.byteLength)) piece = Uint8Array.prototype.slice.call(piece);
    this.chunks.push(piece);
    const end = scan(piece, this.resume, this.table, this.spans);
    this.resume = end.resume;
    // A CR that ends the text is a line break for the editor (the scanner waits to see if LF follows).
    const n = this.chunks.length;
    this.lineCount = end.endLine + 1 + (n > 0 && this.chunks.slice(n - 1, n) === '\r' ? 1 : 0);
  }

  setOptions(options: ParseOptions): void {
    const next = settled(options), now = this.options;
    if (next.defaultOffset === now.defaultOffset && next.offsetConvention === now.offsetConvention && next.fileName === now.fileName) return;
    this.options = next;
    this.namedUtcWriter = next.fileName !== null && isUtcOffsetWriterFile(next.fileName);
    this.timingCount++;
  }

  private timingCount = 0;
  /** Grows with each setOptions that changes them: the model's UTCs differ (a merge ordered by them orders again). */
  get timing(): number { return this.timingCount; }

  /**
   * Hands the text this model holds to `source`, which reads it back on demand (the file on
   * disk: see FileText); the model then holds none. Text appended later is held until the next call.
   */
  readTextFrom(source: TextSource): void { this.chunks.moveOut(source); }
  /** Where text handed over is read from; null while the model holds all its text. */
  get textSource(): TextSource | null { return this.chunks.textSource; }
  /** Characters of text held in memory (NUL runs and text read back from a source are not). */
  get heldChars(): number { return this.chunks.held(); }
  /** The held text after the last part handed over: where it starts, and its parts. */
  heldText(): { at: number; parts: Part[] } { return this.chunks.heldTail(); }

  get length(): number { return this.chunks.length; }
  get entryCount(): number { return this.table.count; }

  /** The format of every record, 'mixed' when they have several, 'plain' when there are none. */
  get format(): Format {
    const { format, count } = this.table;
    if (count === 0) return 'plain';
    // The id before the loop (which is its own function): reached first in the loop's
    // on-stack-replaced code, with no feedback yet, the lookup deoptimised that code on every later
    // call (23 times in one `cmlog check` of 20 devices).
    const id = FORMATS[format[0]].id as Format;
    return allEqual(format, count) ? id : 'mixed';
  }

  text(a = 0, b = this.length): string { return this.chunks.slice(a, b); }
  /** Where `needle` first occurs in [a, b), or -1: searches without copying the text. */
  indexOf(needle: string, a: number, b: number): number { return this.chunks.indexOf(needle, a, b); }

  severity(i: number): Severity { return this.table.severity[i] as Severity; }
  line(i: number): number { return this.table.line[i]; }
  /** The format of entry i's record. */
  formatOf(i: number): LogFormat { return FORMATS[this.table.format[i]]; }
  /** Where entry i's message starts and ends (without the format's markers). */
  messageStart(i: number): number { return this.table.msgStart[i]; }
  messageEnd(i: number): number { return this.table.msgEnd[i]; }
  component(i: number): string { return this.table.components.names[this.table.component[i]]; }
  thread(i: number): string { return this.table.threads.names[this.table.thread[i]]; }

  /**
   * Entry i's written offset in minutes, or null: none written, or one that cannot be read or
   * that no time zone uses under the offset convention (said as 'unreadable', never applied).
   */
  writtenOffset(i: number): number | null {
    const off = this.table.offset[i];
    return off === NO_OFFSET || off === BAD_OFFSET || !offsetInRange(off, this.offsetConvention) ? null : off;
  }

  /** UTC in ms, NaN when unknown (no readable time, or no offset and no default). */
  utc(i: number): number {
    const wall = this.table.wall[i];
    const off = this.writtenOffset(i);
    if (off !== null) return toUtc(wall, off, this.offsetConvention);
    const def = this.options.defaultOffset;
    return def === null ? NaN : toUtc(wall, def, this.defaultOffsetConvention);
  }

  offsetSource(i: number): OffsetSource {
    if (this.writtenOffset(i) !== null) return 'written';
    if (this.options.defaultOffset !== null && !(this.table.flags[i] & EntryFlag.BadTime)) return 'default';
    return this.table.offset[i] === NO_OFFSET ? 'missing' : 'unreadable';
  }

  /** How this log's written offsets are read: as UTC offsets when its writer says it writes them so (see utcOffsetWriters.ts), else the setting. */
  get offsetConvention(): 'bias' | 'utc-offset' { return this.writesUtcOffsets() ? 'utc-offset' : this.options.offsetConvention; }

  /**
   * How cmlog.defaultOffset and cmlog.folderOffsets are read for this log: always the setting's
   * convention, even where the log's written offsets are .NET UTC offsets (offsetConvention).
   */
  get defaultOffsetConvention(): 'bias' | 'utc-offset' { return this.options.offsetConvention; }

  // How far writesUtcOffsets has looked through the component names (never removed), and whether one is such a writer's.
  private utcWriterNames = { looked: 0, found: false };
  // The file's name is one such a writer gives its log (isUtcOffsetWriterFile), read when the options are set.
  private namedUtcWriter: boolean;

  /**
   * Whether this log is by a writer of .NET UTC offsets: its file name, a record's component, or an
   * offset only such writers write (EntryFlag.UtcOffset: the table keeps the first). Reads each name once.
   */
  private writesUtcOffsets(): boolean {
    if (this.namedUtcWriter || this.table.firstUtcOffset >= 0) return true;
    const names = this.table.components.names, w = this.utcWriterNames;
    for (; w.looked < names.length && !w.found; w.looked++) w.found = isUtcOffsetWriter(names[w.looked]);
    return w.found;
  }

  /** The offset records without one were placed with (null: their UTC is unknown). */
  get defaultOffset(): number | null { return this.options.defaultOffset; }

  /** The message text (multi-line messages keep their line breaks). */
  message(i: number): string {
    return this.formatOf(i).messageText(this.chunks.slice(this.table.msgStart[i], this.table.msgEnd[i]));
  }

  /**
   * Where entry i's parts are written (time, date, component, thread... as its format reads
   * them): the one place features learn a record's layout. Reads the record's tail only.
   */
  parts(i: number): RecordParts {
    const t = this.table, flags = t.flags[i];
    return this.formatOf(i).parts({
      start: t.start[i], end: t.end[i], msgStart: t.msgStart[i], msgEnd: t.msgEnd[i],
      truncated: (flags & EntryFlag.Truncated) !== 0,
      badAttributes: (flags & EntryFlag.BadAttributes) !== 0,
      text: (a, b) => this.chunks.slice(a, b),
    });
  }

  /** Last line of the record's content (blank lines it absorbed are not counted). */
  endLine(i: number): number {
    const t = this.table;
    return this.lastContentLine(t.start[i], t.end[i], t.line[i]);
  }

  /** Last line of unparsed span k's content (trailing whitespace and blank lines not counted), as endLine counts a record's. */
  spanEndLine(k: number): number {
    const s = this.spans;
    return this.lastContentLine(s.start[k], s.end[k], s.line[k]);
  }

  /**
   * The last line with content of [start, end), which starts on `line`: the line of what follows
   * it less the line breaks of its trailing whitespace. Only that tail is read (through `text`),
   * so a span of 100 MB is never made into one string for a line number.
   */
  private lastContentLine(start: number, end: number, line: number): number {
    const read: ReadRange = (a, b) => this.text(a, b);
    const content = trimmedEnd(read, start, end);
    const after = this.lineAt(end);
    // Nothing known to start there (not seen in practice): counted from the start, in pieces.
    if (after < 0) return line + countLineBreaksIn(read, start, content, NaN);
    // What follows (if anything) decides whether a CR that ends the range is a break of its own.
    const next = end < this.length ? this.text(end, end + 1).charCodeAt(0) : NaN;
    return after - countLineBreaksIn(read, content, end, next);
  }

  /** The 0-based line at offset `at` where an entry or span starts or the text ends; -1 when neither is known there. */
  private lineAt(at: number): number {
    if (at >= this.length) return this.lineCount - 1;
    const t = this.table, i = t.firstAtOrAfter(at);
    if (i < t.count && t.start[i] === at) return t.line[i];
    const s = this.spans, k = s.firstAtOrAfter(at);
    return k < s.count && s.start[k] === at ? s.line[k] : -1;
  }

  /** The entry whose record covers `line`, or -1. */
  entryAtLine(line: number): number {
    const i = this.table.lastAtOrBeforeLine(line);
    return i >= 0 && this.endLine(i) >= line ? i : -1;
  }

  entry(i: number): Entry {
    const t = this.table;
    const start = t.start[i];
    const end = t.end[i];
    const flags = t.flags[i];
    const wall = t.wall[i];
    const off = this.writtenOffset(i);
    const utc = this.utc(i);
    const e: Entry = {
      index: i,
      kind: FORMATS[t.format[i]].id,
      start, end,
      line: t.line[i],
      endLine: this.endLine(i),
      message: this.message(i),
      severity: t.severity[i] as Severity,
      component: this.component(i),
      thread: this.thread(i),
      wall: Number.isNaN(wall) ? null : wall,
      offset: off,
      offsetSource: this.offsetSource(i),
      utc: Number.isNaN(utc) ? null : utc,
      truncated: (flags & EntryFlag.Truncated) !== 0,
    };
    // Only what the scanner read: a block it could not read shows no time it did not compute.
    const p = this.parts(i);
    const text = (r: Range) => this.chunks.slice(r[0], r[1]);
    if (p.time) e.timeText = text(p.time);
    if (p.date) e.dateText = text(p.date);
    if (p.context) e.context = text(p.context);
    if (p.type) e.type = text(p.type);
    if (p.file) e.file = text(p.file);
    return e;
  }

  unparsedSpans(): UnparsedSpan[] {
    const out: UnparsedSpan[] = [];
    for (let k = 0; k < this.spans.count; k++) out.push({ start: this.spans.start[k], end: this.spans.end[k], line: this.spans.line[k] });
    return out;
  }
}

/** Whether the first n values of a are all a[0]. */
function allEqual(a: Uint8Array, n: number): boolean {
  const first = a[0];
  for (let i = 1; i < n; i++) if (a[i] !== first) return false;
  return true;
}

/** Options with their defaults: no default offset, the bias convention, no file name. */
function settled(o: ParseOptions): Required<ParseOptions> {
  return { defaultOffset: o.defaultOffset ?? null, offsetConvention: o.offsetConvention ?? 'bias', fileName: o.fileName ?? null };
}
