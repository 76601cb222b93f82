// A parsed log: decoded text, entries (column store), unparsed spans, and what it takes to
// continue parsing when the file grows. Pure: it is handed bytes or text and never touches disk.
import { AppendDecoder, decode } from './parse/decode';
import { type Chunk, ChunkedText, joinChunks } from './parse/chunkedText';
import { EntryTable, type EntryTableData } from './parse/entryTable';
import { CLOSE, OPEN, type Resume, scan, SpanList, START } from './parse/scan';
import { BAD_OFFSET, NO_OFFSET, toUtc } from './parse/time';
import { EntryFlag, type Encoding, type Entry, type Format, type OffsetSource, type ParseOptions, type Severity, type UnparsedSpan } from './model';

// Linear on any line: a name starts only at a word start (else `\w+` would be retried inside every
// word), and the legacy tail is matched once, anchored where it was found.
const ATTRIBUTE = /(?<!\w)(\w+)="([^"\n]*)"/g;
const SMS_PARTS = /^\$\$<([^>\n]*)><([^>\n]*)>(?:<thread=([^>\n]*)>)?/;

/** A parsed log as plain data, to post between threads (see `LogFile.toData`). */
export interface LogFileData {
  table: EntryTableData;
  spans: { start: number[]; end: number[]; line: number[] };
  chunks: Chunk[];
  resume: Resume;
  options: Required<ParseOptions>;
  heldBytes: Uint8Array | null;
  encoding: Encoding;
  bomLength: number;
  pendingBytes: number;
  byteLength: number;
  lineCount: number;
}

export class LogFile {
  readonly table: EntryTable = new EntryTable();
  readonly spans: SpanList = new SpanList();
  private chunks = new ChunkedText();
  /** Where parsing continues when text is appended (see Resume). */
  private resume: Resume = { ...START };
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
    this.options = { defaultOffset: options.defaultOffset ?? null, offsetConvention: options.offsetConvention ?? 'bias' };
  }

  /** The model keeps the ASCII text of `bytes` as they are: they must not change afterwards. */
  static fromBytes(bytes: Uint8Array, options: ParseOptions = {}): LogFile {
    const log = new LogFile(options);
    const d = decode(bytes);
    log.encoding = d.encoding;
    log.bomLength = d.bomLength;
    log.pendingBytes = d.pending;
    log.byteLength = bytes.length;
    // A copy: a view of `bytes` would keep a non-ASCII file's buffer alive for a few held-back bytes
    // (an ASCII file's text is a view of `bytes` anyway).
    log.decoder = new AppendDecoder(d.encoding, Uint8Array.prototype.slice.call(bytes, bytes.length - d.pending));
    log.appendDecoded(d.text, true);
    log.table.compact();
    return log;
  }

  /** From text an editor already decoded. */
  static fromText(text: string, options: ParseOptions = {}, encoding: Encoding = 'utf-8'): LogFile {
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
  appendBytes(bytes: Uint8Array): boolean {
    if (!this.decoder || this.byteLength < 4) return false;
    const d = this.decoder.decode(bytes);
    if (!d) return false;
    this.byteLength += bytes.length;
    this.pendingBytes = d.pending;
    this.appendDecoded(d.text, false);
    return true;
  }

  /** Text appended at the end of the document. */
  appendText(text: string): void {
    this.appendDecoded(text);
  }

  /**
   * `text`: a string, or ASCII bytes (see `Decoded`); `owned`: bytes the model may keep as they
   * are (else a view of the caller's buffer, copied once here).
   */
  private appendDecoded(text: Chunk, owned = true): void {
    // Only the end can change when text is added: cut the text off where the last scan said to
    // resume, with the items from there on (and the record it continues), and scan it again with
    // the new text.
    const r = this.resume;
    const from = r.at;
    this.table.truncate(this.table.firstAtOrAfter(r.mode === 'open' ? r.record : from));
    this.spans.truncate(this.spans.firstAtOrAfter(from));
    // A span of unparsed lines may run past `from` (its last line): cut it back, the scan grows it again.
    const k = this.spans.count - 1;
    if (k >= 0 && this.spans.end[k] > from) this.spans.end[k] = from;
    const head = this.chunks.cut(from);
    // Joining copies; bytes appended right at the resume point are copied unless owned.
    const rest = head.length === 0 && !owned && typeof text !== 'string' ? Uint8Array.prototype.slice.call(text) : joinChunks(head, text);
    this.chunks.push(rest);
    const end = scan(rest, r, this.table, this.spans);
    this.resume = end.resume;
    this.lineCount = end.endLine + 1;
  }

  setOptions(options: ParseOptions): void {
    this.options = { defaultOffset: options.defaultOffset ?? null, offsetConvention: options.offsetConvention ?? 'bias' };
  }

  get length(): number { return this.chunks.length; }
  get entryCount(): number { return this.table.count; }

  get format(): Format {
    let sms = 0;
    const { flags, count } = this.table;
    for (let i = 0; i < count; i++) sms += flags[i] & EntryFlag.Sms;
    if (count === 0) return 'plain';
    return sms === 0 ? 'ccm' : sms === count ? 'sms' : 'mixed';
  }

  text(a = 0, b = this.length): string { return this.chunks.slice(a, b); }
  /** Where `needle` first occurs in [a, b), or -1: searches without copying the text. */
  indexOf(needle: string, a: number, b: number): number { return this.chunks.indexOf(needle, a, b); }

  severity(i: number): Severity { return this.table.severity[i] as Severity; }
  line(i: number): number { return this.table.line[i]; }
  isSms(i: number): boolean { return (this.table.flags[i] & EntryFlag.Sms) !== 0; }
  component(i: number): string { return this.table.components.names[this.table.component[i]]; }
  thread(i: number): string { return this.table.threads.names[this.table.thread[i]]; }

  /** UTC in ms, NaN when unknown (no readable time, or no offset and no default). */
  utc(i: number): number {
    const wall = this.table.wall[i];
    const off = this.table.offset[i];
    if (off !== NO_OFFSET && off !== BAD_OFFSET) return toUtc(wall, off, this.options.offsetConvention);
    const def = this.options.defaultOffset;
    return def === null ? NaN : toUtc(wall, def, this.options.offsetConvention);
  }

  offsetSource(i: number): OffsetSource {
    const off = this.table.offset[i];
    if (off !== NO_OFFSET && off !== BAD_OFFSET) return 'written';
    if (this.options.defaultOffset !== null && !(this.table.flags[i] & EntryFlag.BadTime)) return 'default';
    return off === BAD_OFFSET ? 'unreadable' : 'missing';
  }

  get offsetConvention(): 'bias' | 'utc-offset' { return this.options.offsetConvention; }

  /** The message text (multi-line messages keep their line breaks). */
  message(i: number): string {
    const start = this.table.start[i];
    const end = this.table.end[i];
    if (this.isSms(i)) {
      const tail = this.chunks.indexOf('$$<', start, end);
      return this.chunks.slice(start, tail < 0 ? end : tail).trimEnd();
    }
    const close = this.chunks.indexOf(CLOSE, start + OPEN.length, end);
    return this.chunks.slice(start + OPEN.length, close < 0 ? end : close).replace(/\r?\n$/, '');
  }

  /** Last line of the record's content (blank lines it absorbed are not counted). */
  endLine(i: number): number {
    const body = this.chunks.slice(this.table.start[i], this.table.end[i]).trimEnd();
    let lines = 0;
    for (let k = body.indexOf('\n'); k >= 0; k = body.indexOf('\n', k + 1)) lines++;
    return this.table.line[i] + lines;
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
    const sms = (flags & EntryFlag.Sms) !== 0;
    const wall = t.wall[i];
    const off = t.offset[i];
    const utc = this.utc(i);
    const e: Entry = {
      index: i,
      kind: sms ? 'sms' : 'ccm',
      start, end,
      line: t.line[i],
      endLine: this.endLine(i),
      message: this.message(i),
      severity: t.severity[i] as Severity,
      component: this.component(i),
      thread: this.thread(i),
      wall: Number.isNaN(wall) ? null : wall,
      offset: off === NO_OFFSET || off === BAD_OFFSET ? null : off,
      offsetSource: this.offsetSource(i),
      utc: Number.isNaN(utc) ? null : utc,
      truncated: (flags & EntryFlag.Truncated) !== 0,
    };
    if (sms) {
      const tail = this.chunks.indexOf('$$<', start, end);
      const m = tail < 0 ? null : SMS_PARTS.exec(this.chunks.slice(tail, end));
      if (m) {
        const space = m[2].indexOf(' ');
        e.dateText = space < 0 ? m[2] : m[2].slice(0, space);
        e.timeText = space < 0 ? undefined : m[2].slice(space + 1);
      }
    } else if (!e.truncated) {
      const close = this.chunks.indexOf(CLOSE, start + OPEN.length, end);
      const block = this.chunks.slice(close + CLOSE.length, end);
      const eol = block.indexOf('\n');
      for (const m of (eol < 0 ? block : block.slice(0, eol)).matchAll(ATTRIBUTE)) {
        switch (m[1]) {
          case 'time': e.timeText = m[2]; break;
          case 'date': e.dateText = m[2]; break;
          case 'context': e.context = m[2]; break;
          case 'type': e.type = m[2]; break;
          case 'file': e.file = m[2]; break;
        }
      }
    }
    return e;
  }

  unparsedSpans(): UnparsedSpan[] {
    const out: UnparsedSpan[] = [];
    for (let k = 0; k < this.spans.count; k++) out.push({ start: this.spans.start[k], end: this.spans.end[k], line: this.spans.line[k] });
    return out;
  }
}
