// The scanner: one pass over a text, from where the last scan said to resume (see Resume), into
// the entry table and the list of unparsed spans. Together they cover the text exactly, in order.
//
// Linear time: every search (`]LOG]!>`, `\n<![LOG[`, `$$<`, line ends) is an indexOf (for a line
// not inside a CMTrace record, mostly the kernel's search for its end and its `$$<`) whose result
// is cached until the scan passes it (searches only move forward), so no character is searched
// twice by the same needle; the anchored regex and the character loops (legacy tails, names,
// times) stop at the line end.
//
// A scan ends with a `Resume`: where the next scan starts when text is appended, and what it
// continues there. A record still being written (no `]LOG]!>` yet), blank lines a record absorbs,
// or a long line with no line break yet can run to the end of a growing log, so the next scan
// picks them up near the end rather than reading them again from their start: appending costs
// what is appended.
//
// Speed: logs run to hundreds of megabytes. Searches and the attribute block's shape are left to
// native code (indexOf, one anchored regex), the lines of legacy logs and the keyword search
// through messages to a WebAssembly kernel (kernel.ts); the rest reads character codes from a
// typed array, about half the cost of charCodeAt. The text is read through a Source: an ASCII
// log's bytes are decoded only window by window for those native searches (see source.ts). Per
// record, no string is made (but a name not seen before).
//
// The seam: this file is the driver (the loop, line breaks, the searches, Resume). It finds
// CMTrace and legacy records inline, as a call per line through the format interface would cost
// on a hot path like this one, and reads their attributes and tails with their modules' readers
// (formats/cmtrace.ts, formats/legacy.ts), sharing the record being read and the caches through
// ScanState. Other registered formats are asked only about lines neither claims (formatLine).
import { EntryFlag, type Severity } from '../model';
import { EntryTable, firstAtOrAfter } from './entryTable';
import { CMTRACE, FORMATS, LEGACY, LINE_HEAD, LINE_MAX, lineFormats, type LineRecord, type LineState, type LogFormat } from './formats';
import { copyState } from './formats/format';
import { contentEnd } from './formats/lineFormat';
import { Attributes, CCM_ATTRS, CLOSE, OPEN, readAttributeBlock, readFixedBlock } from './formats/cmtrace';
import { readScanTail, TAIL } from './formats/legacy';
import { KernelWindow } from './kernel';
import { DateCache, NAME_SLOTS, NameCache, sameRange } from './scanCaches';
import type { ScanState } from './scanState';
import { KW_NONE, keywordProgress, keywordSeverityAt, typeSeverity } from './severity';
import { needle, NO_CODES, type Source, sourceOf } from './source';
import { BAD_OFFSET, type Codes, DAY_MS, NO_OFFSET, readTime, timeOut } from './time';

const NL = needle('\n');
const CLOSE_NEEDLE = needle(CLOSE);
const OPEN_NEEDLE = needle(OPEN);
const OPEN_AT_LINE = needle('\n<![LOG[');
/** `<![LOG[` after a lone CR, which ends a line too. */
const OPEN_AFTER_CR = needle('\r<![LOG[');
const SMS_TAIL = needle(TAIL);
const CUT_OFF = EntryFlag.Truncated | EntryFlag.BadAttributes | EntryFlag.BadTime | EntryFlag.NoOffset;
/** An open record is resumed this many characters before the end: enough for any needle or keyword to be re-read whole. */
const RESUME_MARGIN = 16;
/** An open record shorter than this is simply read again from its start. */
const RESUME_MIN = 256;
/**
 * A complete legacy line inside a CMTrace record cut off before `]LOG]!>` ends that record (two
 * writers interleaving), if the line is no longer than this. The bound lets a record still being
 * written resume at its last line's start (see cutOff) rather than re-read an endless line.
 */
const LEGACY_LINE_MAX = 64 * 1024;
/**
 * A record of a format that `continues` takes at most this many lines after its first, and runs
 * to at most this many characters: the lines after are unparsed spans. The bound keeps a record
 * (and what an append at its end reads again: see Resume) small whatever the log holds.
 */
export const CONTINUATION_MAX_LINES = 1000;
export const CONTINUATION_MAX_CHARS = LINE_MAX;


export class SpanList {
  count = 0;
  start: number[] = [];
  end: number[] = [];
  line: number[] = [];
  push(start: number, end: number, line: number): void {
    // Consecutive unparsed text is one span.
    if (this.count > 0 && this.end[this.count - 1] === start) {
      this.end[this.count - 1] = end;
      return;
    }
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.line[this.count] = line;
    this.count++;
  }
  truncate(n: number): void {
    this.count = Math.min(n, this.count);
    this.start.length = this.end.length = this.line.length = this.count;
  }
  firstAtOrAfter(offset: number): number {
    return firstAtOrAfter(this.start, this.count, offset);
  }
}

/**
 * Where a scan of appended text starts (global offset `at`, on line `line`): the text before it
 * is final, and the entries and spans that start before it stay (an entry being continued is
 * pushed again). What the text before `at` leaves unfinished:
 * - 'item': nothing; `at` starts the last item, or the last line of a trailing span (unparsed
 *   lines are judged one by one).
 * - 'blank': the last entry absorbs the blank lines after it, and `at` starts the last line.
 * - 'open': the last entry is a CMTrace record with no `]LOG]!>` and no `<![LOG[` starting a line
 *   so far, which starts at `record` on `recordLine`; `at` is inside its message, and (`kw`,
 *   `kwFrom`) is the keyword search through it so far.
 * - 'line': the text ends in a long unparsed line with no line break and no `$$<` so far (it may
 *   still become a legacy line), which starts at `record` on `recordLine`; `at` is inside it, and
 *   (`kw`, `kwFrom`) is the keyword search through it so far, as for 'open'.
 * A record of a format that `continues`, last in the text, is read again whole ('item' at its
 * start): what is appended may continue it. `states` are the line formats' states at `at` (see
 * LineState), in the order of `lineFormats()`; absent at a file's start.
 */
export interface Resume {
  at: number;
  line: number;
  mode: 'item' | 'blank' | 'open' | 'line';
  record: number;
  recordLine: number;
  kw: number;
  kwFrom: number;
  states?: readonly (LineState | undefined)[];
}

export const START: Readonly<Resume> = { at: 0, line: 0, mode: 'item', record: 0, recordLine: 0, kw: KW_NONE, kwFrom: 0 };

export interface ScanEnd {
  /** Where the next scan starts when text is appended. */
  resume: Resume;
  /** Line number at the end of the text. */
  endLine: number;
}

/**
 * Scans the log's text from `from.at` on (a string, or ASCII bytes: see Source) and appends what
 * it finds; the caller has removed the entries and spans from there on (and the entry continued,
 * see Resume). Offsets and lines in the table are global.
 */
export function scan(text: string | Uint8Array, from: Readonly<Resume>, table: EntryTable, spans: SpanList): ScanEnd {
  const scanner = new Scanner(sourceOf(text), from, table, spans);
  const end = scanner.run();
  scanner.release();
  lastScanners[kindOf(text)] = scanner;
  return end;
}

/** A source's kind, an index into lastScanners: ASCII bytes 0, a string 1. */
const kindOf = (text: string | Uint8Array): number => (typeof text === 'string' ? 1 : 0);

/** The state of one scan: where needles occur next, the record being read, and what repeats. */
class Scanner implements ScanState {
  line: number;
  private readonly base: number;
  // Where the next scan starts (see Resume), set as each item is read: scalars, as this is set
  // for every item; the details of an open record only when one is left open.
  private endAt: number;
  private endLine: number;
  private endMode: Resume['mode'];
  private endOpen: Resume;
  // Where each needle next occurs at or after the last search for it (the text's length if never).
  // Searches only move forward, so a cached position stays right until the scan passes it. The
  // kernel's search for `$$<` stops at the line end: nextSms can be that line end (or the text's
  // end), which only says that no `$$<` comes before it.
  // Line breaks are LF (of an LF or CRLF) and lone CRs, as in the editor: nextLoneCr is the next
  // lone CR, or a position before which there is none.
  private nextNl = -1;
  private nextLoneCr = -1;
  private nextClose = -1;
  private nextOpenAtLine = -1;
  private nextOpenAfterCr = -1;
  private nextOpen = -1;
  private nextSms = -1;
  // The record being read: where its time and date are (-1 when missing), its component and
  // thread (empty ranges when missing), and its type as a character code (-1 when empty).
  timeA = -1;
  timeB = -1;
  dateA = -1;
  dateB = -1;
  compA = 0;
  compB = 0;
  threadA = 0;
  threadB = 0;
  typeCode = -1;
  // What readAttributes read besides: the wall clock (offset in timeOut) and the name ids.
  wall = NaN;
  compId = 0;
  threadId = 0;
  /** The legacy thread's number (-1 when too long to be a key). */
  threadNumber = 0;
  // Dates repeat from record to record: one is read per change (see DateCache). Attribute blocks
  // and legacy tails have their own, whose end is found by comparing: only dates read there,
  // which hold no `"`, space or `>`.
  private readonly dates = new DateCache();
  readonly quotedDates = new DateCache();
  readonly smsDates = new DateCache();
  // Names repeat too (see NameCache). Legacy components have their own cache (they end at a `>`,
  // which a CMTrace one may contain). Threads written as a number are keyed by it.
  comps: NameCache;
  smsComps: NameCache;
  private threadNames: NameCache;
  private readonly threadKeys = new Float64Array(NAME_SLOTS).fill(-1);
  private readonly threadKeyIds = new Int32Array(NAME_SLOTS);
  /** Where the name matched by `matchName` ends. */
  nameEnd = 0;
  /** What the general attribute reader found (see readAttributeBlock). */
  private readonly attrs = new Attributes();
  /** Where the attribute block read by the general reader could at most run to. */
  private blockLimit = 0;
  /** Where the legacy tail read by `readSmsTail` ends (after its last `>`). */
  tailEnd = 0;
  /** The last line break `legacyLineStart` passed (-1 when none), and how many it passed. */
  private lastBreak = -1;
  private breaksPassed = 0;

  /** Registered formats read line by line (none shipped), and their ids in the registry. */
  private readonly lineFormats: LogFormat[];
  private readonly lineFormatIds: number[];
  private readonly lineRecord: LineRecord = { msgStart: 0, msgEnd: 0, wall: NaN, offset: NO_OFFSET, severity: -1, compStart: 0, compEnd: 0, threadStart: 0, threadEnd: 0, clockStart: 0, clockEnd: 0, levelStart: 0, levelEnd: 0 };
  /** Each line format's state (see LineState), and a copy taken before each read. */
  private readonly lineStates: (LineState | undefined)[];
  private readonly statesBefore: (LineState | undefined)[];
  // The last record of a format that `continues` (see continueRecord): its entry (-1: none), where
  // it starts and on which line, its format's index in lineFormats, its state before it was read,
  // how many lines it has taken, and whether its severity comes from the keywords.
  private contEntry = -1;
  private contStart = 0;
  private contLine = 0;
  private contFormat = 0;
  private contState: LineState | undefined;
  /** Where contState is copied, one per format (no object made per record). */
  private readonly contStates: (LineState | undefined)[];
  /** The index in lineFormats of the format that read the last line one read. */
  private lastLineFormat = 0;
  private contLines = 0;
  private contByKeyword = false;

  codes: Codes;
  /** Keyword severity of whole messages. */
  private kernel: KernelWindow;

  constructor(
    private readonly src: Source,
    private from: Readonly<Resume>,
    public table: EntryTable,
    private spans: SpanList,
  ) {
    this.codes = src.codes;
    this.lineFormats = lineFormats();
    this.lineFormatIds = this.lineFormats.map((f) => FORMATS.indexOf(f));
    const given = from.states?.length === this.lineFormats.length ? from.states : undefined;
    // Copies: a Resume is kept by the model, and the scan changes its states.
    this.lineStates = this.lineFormats.map((f, k) => (given?.[k] ? given[k]!.slice() : f.newState?.()));
    this.statesBefore = this.lineStates.map((st) => st?.slice());
    this.contStates = this.lineStates.map((st) => st?.slice());
    this.kernel = new KernelWindow(src.codes);
    this.comps = new NameCache(table.components);
    this.smsComps = new NameCache(table.components);
    this.threadNames = new NameCache(table.threads);
    this.base = from.at;
    this.line = from.line;
    this.endAt = from.at;
    this.endLine = from.line;
    this.endMode = from.mode;
    this.endOpen = from;
  }

  /**
   * Lets go of the text, the model and what refers to them (see lastScanners), each for an empty
   * one of the same class: a field that changed class would cost the scan code its assumptions.
   */
  release(): void {
    const none = RELEASED;
    // The source itself is kept (emptied): the scan code depends on it as on the scanner.
    this.src.release();
    this.codes = none.codes;
    this.from = START;
    this.table = none.table;
    this.spans = none.spans;
    this.kernel.release();
    this.kernel = none.kernel;
    this.comps = this.smsComps = this.threadNames = none.names;
    this.endOpen = START;
    this.contState = undefined;
  }

  run(): ScanEnd {
    const { codes, base, table, from } = this;
    const n = codes.length;
    const count0 = table.count;
    let pos = 0;
    if (from.mode === 'blank') pos = this.moreBlank();
    else if (from.mode === 'open') pos = this.moreOpen();
    else if (from.mode === 'line') pos = this.moreLine();
    while (pos < n) {
      const itemLine = this.line;
      this.endAt = base + pos;
      this.endLine = itemLine;
      this.endMode = 'item';
      // Grow the columns once to the size the text read so far predicts, rather than by doubling.
      if (table.count === table.start.length && pos > 0) table.reserve(count0 + Math.ceil((((table.count - count0) * n) / pos) * 1.05) + 256);
      if (codes[pos] === 60 && isOpenAt(codes, pos)) {
        const msgStart = pos + OPEN.length;
        pos = this.ccmRecord(base + pos, itemLine, msgStart, msgStart, KW_NONE, msgStart);
        continue;
      }
      // Not a CMTrace record: a legacy line if it ends in a `$$<...>` tail, else unparsed text.
      const end = this.legacyLine(pos, KW_NONE, pos);
      pos = end >= 0 ? end : this.unparsedLine(pos, itemLine, KW_NONE, pos);
    }
    return { resume: this.resume(), endLine: this.line };
  }

  private resume(): Resume {
    if (this.contEntry >= 0 && this.contEntry === this.table.count - 1 && this.base + this.codes.length - this.contStart <= CONTINUATION_MAX_CHARS) {
      // What follows may continue the record: read it again, from the state it was read in.
      const states = this.lineStates.map((st, i) => (i === this.contFormat ? this.contState?.slice() : st?.slice()));
      return { at: this.contStart, line: this.contLine, mode: 'item', record: 0, recordLine: 0, kw: KW_NONE, kwFrom: 0, states };
    }
    const states = this.lineStates.map((st) => st?.slice());
    if (this.endMode === 'open' || this.endMode === 'line') return { ...this.endOpen, states };
    return { at: this.endAt, line: this.endLine, mode: this.endMode, record: 0, recordLine: 0, kw: KW_NONE, kwFrom: 0, states };
  }

  /** Continues the blank lines the last entry absorbs; returns where they end. */
  private moreBlank(): number {
    const end = this.absorbBlank(0);
    this.table.end[this.table.count - 1] = this.base + end;
    return end;
  }

  /** Continues the record that had no end so far; returns where it ends. */
  private moreOpen(): number {
    const r = this.from;
    this.endAt = r.record;
    this.endLine = r.recordLine;
    this.endMode = 'item';
    return this.ccmRecord(r.record, r.recordLine, r.record + OPEN.length - this.base, 0, r.kw, r.kwFrom - this.base);
  }

  /** Continues the long unparsed line that had no line break and no `$$<` so far; returns where it ends. */
  private moreLine(): number {
    const r = this.from;
    this.endAt = r.record;
    this.endLine = r.recordLine;
    this.endMode = 'item';
    const pos = r.record - this.base; // before the text
    const end = this.legacyLine(pos, r.kw, r.kwFrom - this.base);
    if (end < 0) return this.unparsedLine(pos, r.recordLine, r.kw, r.kwFrom - this.base);
    // It was a legacy line after all: its start is no longer unparsed text.
    const k = this.spans.count - 1;
    if (this.spans.start[k] >= r.record) this.spans.truncate(k);
    else this.spans.end[k] = r.record;
    return end;
  }

  /**
   * The line at `pos` (local; before the text when continued) is not a record: it joins the
   * unparsed spans. A long last line with no line break and no `$$<` yet is resumed near the end
   * by the next scan (mode 'line'), so a line written in many pieces is not read again each time.
   * Returns where the line ends.
   */
  private unparsedLine(pos: number, itemLine: number, kw: number, kwFrom: number): number {
    const { codes, base } = this;
    const n = codes.length;
    const from = Math.max(pos, 0);
    const eol = this.findNl(from);
    // A line format's record, or more of the record before it, if short enough to be one (a line
    // continued from an earlier scan, starting before the text, is neither). The last line, with
    // no line break yet, is read again whole when more comes (see resume).
    if (pos >= 0 && eol - pos <= LINE_MAX) {
      const end = this.formatLine(pos, eol, itemLine);
      if (end >= 0) return end;
      if (this.contEntry >= 0) {
        const more = this.continueRecord(pos, eol);
        if (more >= 0) return more;
      }
    }
    if (eol < n) {
      this.line++;
      this.spans.push(base + from, base + eol + 1, itemLine);
      return eol + 1;
    }
    this.spans.push(base + from, base + n, itemLine);
    const at = n - RESUME_MARGIN;
    // (A line a format may still claim, or that may continue a record, is read again whole: see
    // LINE_HEAD and resume.)
    if (this.nextSms >= n && at - pos >= RESUME_MIN && n - pos > LINE_HEAD) {
      const p = keywordProgress(codes, kw, kwFrom, at + 1, kwFrom > pos);
      this.endMode = 'line';
      this.endOpen = { at: base + at, line: itemLine, mode: 'line', record: base + pos, recordLine: itemLine, kw: p.kind, kwFrom: base + p.from };
    }
    return n;
  }

  /**
   * The record of a registered format other than CMTrace and legacy (see LogFormat.readLine) on
   * the whole line codes[pos, eol), tried only for lines neither claims; returns where it ends
   * (blank lines after it absorbed), or -1 when no format reads it. The last line of the text
   * (eol = its length) is read again whole by the next scan, as is a record that `continues`.
   */
  private formatLine(pos: number, eol: number, itemLine: number): number {
    const { codes, base, table } = this;
    const r = this.lineRecord;
    const count = this.lineFormats.length;
    // The format of the last line a format read is asked first (a file is mostly one format): the
    // line formats' shapes are disjoint (a line is read by at most one: formatLines.test.ts), so
    // the order they are asked in changes nothing but the time.
    const first = this.lastLineFormat;
    for (let j = 0; j < count; j++) {
      const k = j === 0 ? first : j <= first ? j - 1 : j;
      const format = this.lineFormats[k];
      const state = this.lineStates[k];
      if (state) copyState(this.statesBefore[k]!, state);
      if (!format.readLine!(codes, pos, eol, r, state)) continue;
      this.lastLineFormat = k;
      if (format.continues || eol === codes.length) {
        this.contEntry = table.count;
        this.contStart = base + pos;
        this.contLine = itemLine;
        this.contFormat = k;
        this.contState = state && copyState(this.contStates[k]!, this.statesBefore[k]!);
        this.contLines = 0;
        this.contByKeyword = r.severity < 0 && format.judgedByFirstLine !== true;
      } else {
        this.contEntry = -1;
      }
      // A record without a date (MSI's line in a CMTrace log) may take the record before's: only such records pay.
      let wall = r.wall;
      if (wall !== wall && format.datedBy !== undefined && table.count > 0) wall = format.datedBy(state, table.wall[table.count - 1]);
      const flags = offsetFlags(wall, r.offset, 0);
      const sev = r.severity >= 0 ? (r.severity as Severity) : this.keywords(r.msgStart, KW_NONE, r.msgStart, r.msgEnd);
      const comp = this.nameId(this.comps, r.compStart, r.compEnd);
      const thr = this.nameId(this.threadNames, r.threadStart, r.threadEnd);
      let end = eol;
      if (eol < codes.length) {
        this.line++;
        end = this.absorbBlank(eol + 1);
      }
      table.push(base + pos, base + end, itemLine, wall, r.offset, sev, flags, comp, thr, this.lineFormatIds[k], base + r.msgStart, base + r.msgEnd);
      return end;
    }
    return -1;
  }

  /**
   * The whole line codes[pos, eol), which no format claims, continues the record of a format that
   * `continues` when it directly follows it (blank lines between belong to the record) and the
   * record is within its bounds: the record's message and extent grow to the line's end, and a
   * severity judged by keywords is judged over the line too. Returns where the record now ends, or
   * -1 (the line is an unparsed span, and the record is done).
   */
  private continueRecord(pos: number, eol: number): number {
    const { codes, base, table } = this;
    const i = this.contEntry;
    if (i !== table.count - 1 || table.end[i] !== base + pos || this.contLines >= CONTINUATION_MAX_LINES || base + eol + 1 - this.contStart > CONTINUATION_MAX_CHARS) {
      this.contEntry = -1;
      return -1;
    }
    this.contLines++;
    const lineEnd = contentEnd(codes, pos, eol);
    table.msgEnd[i] = base + lineEnd;
    if (this.contByKeyword) {
      const sev = this.kernel.severity(pos, lineEnd);
      if (sev > table.severity[i]) table.severity[i] = sev;
    }
    let end = eol;
    if (eol < codes.length) {
      this.line++;
      end = this.absorbBlank(eol + 1);
    }
    table.end[i] = base + end;
    return end;
  }

  /**
   * Reads the CMTrace record that starts at global offset `start` on line `startLine`, from its
   * message on: the message starts at `msgStart` (local, before the text when the record is
   * continued), and has no `]LOG]!>` and no `\n<![LOG[` before `from`; (`kw`, `kwFrom`) is the
   * keyword search through it so far. Returns where it ends.
   */
  private ccmRecord(start: number, startLine: number, msgStart: number, from: number, kw: number, kwFrom: number): number {
    const { src, codes, base, table } = this;
    const n = codes.length;
    if (this.nextClose < from) this.nextClose = src.find(CLOSE_NEEDLE, from);
    const close = this.nextClose;
    if (this.findNl(from) < close) {
      // The message spans lines, or the record was cut off: a line before the close that starts
      // a `<![LOG[` or is a legacy record begins the next record. (Line breaks before `from` do
      // not matter: no such line follows them.)
      if (this.nextOpenAtLine < from) this.nextOpenAtLine = src.find(OPEN_AT_LINE, from);
      if (this.nextOpenAfterCr < from) {
        // It starts with a lone CR: searched for only from the next one on (most logs have none).
        // (findNl(from) above left nextLoneCr at the next lone CR, or before it.)
        const cr = this.nextLoneCr;
        this.nextOpenAfterCr = cr >= n ? n : src.find(OPEN_AFTER_CR, cr);
      }
      let next = Math.min(this.nextOpenAtLine, this.nextOpenAfterCr);
      const legacy = this.legacyLineStart(from, Math.min(next, close));
      // The searches have moved past `from`: the lines are those legacyLineStart passed.
      const lines = this.breaksPassed;
      if (legacy >= 0) next = legacy - 1;
      if (next < close || close === n) return this.cutOff(start, startLine, msgStart, from, kw, kwFrom, next, legacy < 0 && next < n ? lines + 1 : lines);
      this.line += lines;
    } else if (close === n) {
      // Cut off on the last line of the text.
      this.lastBreak = -1;
      return this.cutOff(start, startLine, msgStart, from, kw, kwFrom, n, 0);
    }
    const attrStart = close + CLOSE.length;
    const eol = this.findNl(attrStart);
    const after = this.readAttributes(attrStart, eol);
    let end: number;
    let flags: number;
    let wall = NaN;
    let offset = NO_OFFSET;
    let sev: Severity;
    let comp: number, thr: number;
    if (after < 0) {
      flags = EntryFlag.BadAttributes | EntryFlag.BadTime | EntryFlag.NoOffset;
      // Up to a record spliced into the block, which is read next (see readAttributes).
      end = this.blockLimit;
      sev = this.keywords(msgStart, kw, kwFrom, close);
      comp = table.components.id('');
      thr = table.threads.id('');
    } else {
      wall = this.wall;
      offset = timeOut.offset;
      flags = timeFlags(wall);
      end = after;
      while (end < eol && isBlank(codes[end])) end++;
      sev = this.typeCode < 0 ? this.keywords(msgStart, kw, kwFrom, close) : typeSeverity(this.typeCode);
      comp = this.compId;
      thr = this.threadId;
    }
    if (end >= eol && eol < n) {
      this.line++;
      end = this.absorbBlank(eol + 1);
    } else if (end >= eol) {
      end = n;
    }
    table.push(start, base + end, startLine, wall, offset, sev, flags, comp, thr, CMTRACE, start + OPEN.length, base + close);
    return end;
  }

  /**
   * A record with no `]LOG]!>` (see ccmRecord): it ends where a line starting with `<![LOG[`
   * begins (`next`), or at the end of the text, where it stays open to what is appended.
   */
  private cutOff(start: number, startLine: number, msgStart: number, from: number, kw: number, kwFrom: number, next: number, lines: number): number {
    const { codes, base, table } = this;
    const n = codes.length;
    const cut = Math.min(next + 1, n);
    this.line += lines;
    // A last line that could still become a legacy line (see LEGACY_LINE_MAX) is read again whole.
    let at = n - RESUME_MARGIN;
    if (this.lastBreak >= 0 && this.lastBreak < at && n - this.lastBreak <= LEGACY_LINE_MAX) at = this.lastBreak;
    let sev: Severity;
    if (cut === n && at - msgStart >= RESUME_MIN) {
      // Still open: the next scan resumes near the end, with what the searches found so far; the
      // severity goes on from there too (the message is searched once).
      const line = this.line - this.countNlBack(at, n);
      const p = keywordProgress(codes, kw, kwFrom, at + 1, kwFrom > msgStart);
      this.endMode = 'open';
      this.endOpen = { at: base + at, line, mode: 'open', record: start, recordLine: startLine, kw: p.kind, kwFrom: base + p.from };
      sev = keywordSeverityAt(codes, p.kind, p.from, next, true);
    } else {
      sev = this.keywords(msgStart, kw, kwFrom, next);
    }
    table.push(start, base + cut, startLine, NaN, NO_OFFSET, sev, CUT_OFF, table.components.id(''), table.threads.id(''), CMTRACE, start + OPEN.length, base + cut);
    return cut;
  }

  /**
   * Keyword severity of the message [msgStart, b) whose search got to (kw, kwFrom): a message in
   * this text goes to the kernel whole; one continued from an earlier scan (it starts before the
   * text) resumes its search where it got to.
   */
  private keywords(msgStart: number, kw: number, kwFrom: number, b: number): Severity {
    if (msgStart >= 0) return this.kernel.severity(msgStart, b);
    return keywordSeverityAt(this.codes, kw, kwFrom, b, true);
  }

  /**
   * The legacy record on the line at `pos` (local; before the text when a line is continued, with
   * the keyword search through it at (`kw`, `kwFrom`)); returns where it ends, or -1 when the line
   * is not one.
   */
  private legacyLine(pos: number, kw: number, kwFrom: number): number {
    const { src, codes, base, table } = this;
    const n = codes.length;
    const from = Math.max(pos, 0);
    // Mostly one call to the kernel finds both the line's end and its `$$<`.
    if (this.nextNl < from && this.nextSms < from) {
      const p = this.kernel.line(from);
      if (p >= 0) {
        this.nextSms = this.kernel.lineTail;
        this.lineBreakAt(from, p);
      }
    }
    const eol = this.findNl(from);
    if (this.nextSms < from) this.nextSms = src.find(SMS_TAIL, from);
    const tail = this.nextSms;
    // A `$$<` fits before the line end; the kernel gives the line break (or the CR of a CRLF)
    // when the line has none, and reading a tail there would only fail.
    if (tail + TAIL.length > eol || !readScanTail(this, tail, eol)) return -1;
    const itemLine = this.line;
    const wall = this.wall;
    const offset = timeOut.offset;
    const flags = timeFlags(wall);
    const sev = this.keywords(pos, kw, kwFrom, tail);
    const comp = this.compId >= 0 ? this.compId : this.keepName(this.smsComps, this.compA, this.compB);
    const thr = this.threadA === this.threadB ? table.threads.id('') : this.threadNumberId(this.threadA, this.threadB, this.threadNumber);
    const end = eol < n ? this.afterTail(eol) : n;
    table.push(base + pos, base + end, itemLine, wall, offset, sev, flags, comp, thr, LEGACY, base + pos, base + tail);
    return end;
  }

  /**
   * Where a legacy record on a complete line ends: after the blank lines it absorbs, or, when text
   * follows its tail on the same line (another writer's record glued on), at the tail's end, where
   * that text is read as the next item. (On a last line still being written, the tail may not be
   * complete yet: the record runs to the end.)
   */
  private afterTail(eol: number): number {
    const codes = this.codes;
    let end = this.tailEnd;
    while (end < eol && isBlank(codes[end])) end++;
    if (end < eol) return this.tailEnd;
    this.line++;
    return this.absorbBlank(eol + 1);
  }

  /** The first line break at or after `from` (an LF, or a lone CR), or the text's length. */
  private findNl(from: number): number {
    if (this.nextNl < from) this.nextNl = this.src.find(NL, from);
    if (this.nextLoneCr < from) this.nextLoneCr = this.src.findLoneCr(from);
    return this.nextNl < this.nextLoneCr ? this.nextNl : this.nextLoneCr;
  }

  /**
   * What the kernel found for the line at `from`: its first CR or LF is at p. Sets the searches'
   * caches; what they held for later text stays (a lone CR found further on).
   */
  private lineBreakAt(from: number, p: number): void {
    const codes = this.codes, n = codes.length;
    if (p < n && codes[p] === 13 && p + 1 < n && codes[p + 1] !== 10) {
      this.nextLoneCr = p;
      return;
    }
    // An LF at p or after a CR there, or none before the end (a CR that ends the text is none yet).
    const nl = p >= n ? n : codes[p] === 10 ? p : p + 1 < n ? p + 1 : n;
    this.nextNl = nl;
    if (this.nextLoneCr < from) this.nextLoneCr = nl;
  }

  /**
   * The start of the first line after `from` that is a legacy record (with a readable time) no
   * longer than LEGACY_LINE_MAX and starts before `limit`, or -1. Sets lastBreak and breaksPassed: the line
   * breaks before `limit` (or before that line) it passed.
   */
  private legacyLineStart(from: number, limit: number): number {
    const codes = this.codes;
    this.lastBreak = -1;
    this.breaksPassed = 0;
    for (let b = this.findNl(from); b < limit; ) {
      this.lastBreak = b;
      this.breaksPassed++;
      const s = b + 1;
      const e = this.findNl(s);
      if (e - s <= LEGACY_LINE_MAX) {
        // The line's first `$$<`, read here: only lines inside multi-line records come this way,
        // each once, and a search ahead would cross a whole CMTrace log that has none.
        let t = s;
        const last = Math.min(e, limit) - 2;
        while (t < last && !isSmsAt(codes, t)) t++;
        // A whole legacy record: its tail reads, with a readable date and time.
        if (t < last && readScanTail(this, t, e) && this.wall === this.wall) return s;
      }
      b = e;
    }
    return -1;
  }

  /** Line breaks in [a, b), read directly (the cached search has passed them). */
  private countNlBack(a: number, b: number): number {
    const codes = this.codes, n = codes.length;
    let c = 0;
    for (let i = a; i < b; i++) if (codes[i] === 10 || (codes[i] === 13 && i + 1 < n && codes[i + 1] !== 10)) c++;
    return c;
  }

  /**
   * After a record's content: blank lines belong to it, so clean files report no unparsed text.
   * When they run to the end of the text, the next scan continues them from the last line.
   */
  private absorbBlank(p: number): number {
    const codes = this.codes, n = codes.length;
    for (;;) {
      let q = p;
      while (q < n && (codes[q] === 32 || codes[q] === 9)) q++;
      // A CR: half of a CRLF, or a lone CR (a line break too); one that ends the text is not known yet.
      if (q + 1 < n && codes[q] === 13 && codes[q + 1] === 10) q++;
      if (q >= n || (q + 1 === n && codes[q] === 13)) {
        this.endAt = this.base + p;
        this.endLine = this.line;
        this.endMode = 'blank';
        return n;
      }
      if (codes[q] !== 10 && codes[q] !== 13) return p;
      p = q + 1;
      this.line++;
    }
  }

  /** Wall clock of the record read (offset in timeOut), NaN when unreadable. */
  clock(): number {
    const codes = this.codes, a = this.dateA, b = this.dateB;
    if (this.timeA < 0 || a < 0 || !readTime(codes, this.timeA, this.timeB)) {
      timeOut.offset = NO_OFFSET;
      timeOut.dotNet = 0;
      return NaN;
    }
    const d = this.dates.read(codes, a, b);
    return d === d ? d * DAY_MS + timeOut.ms : NaN;
  }

  /**
   * Interned id of the name in text[a, b). A cache hit is confirmed by comparing characters and
   * makes no string; only a miss takes the substring to the interner's map.
   */
  private nameId(cache: NameCache, a: number, b: number): number {
    const codes = this.codes, len = b - a;
    const slot = len <= 0 ? 0 : Math.imul(len ^ (codes[a] << 8) ^ (codes[a + (len >> 1)] << 16) ^ (codes[b - 1] << 24), 0x9e3779b1) >>> 22;
    const id = cache.ids[slot];
    if (id >= 0 && cache.len[slot] === len && sameRange(codes, a, cache.at[slot], len)) return id;
    return cache.keep(slot, a, len, this.src.name(a, b));
  }

  /**
   * The id of the name that starts at codes[a] and ends at the first `term` (a character none of
   * the names in `ids` contains) if it is the one last seen in its slot, else -1. A hit finds the
   * end (in nameEnd) as it compares the characters: the name is read once. The slot is picked by
   * the first 8 characters, whatever they are (past a short name, what follows it in the format).
   */
  matchName(cache: NameCache, a: number, term: number): number {
    const c = this.codes;
    const slot = prefixSlot(c, a);
    const id = cache.ids[slot];
    if (id < 0) return -1;
    const e = a + cache.len[slot];
    const o = cache.at[slot] - a;
    let k = a;
    while (k < e && c[k] === c[k + o]) k++;
    if (k < e || c[e] !== term) return -1;
    this.nameEnd = e;
    return id;
  }

  /** Interns the name in text[a, b) and remembers it where `matchName` looks first. */
  keepName(cache: NameCache, a: number, b: number): number {
    return cache.keep(prefixSlot(this.codes, a), a, b - a, this.src.name(a, b));
  }

  /**
   * Id of the thread in text[a, b) whose digits make `value` (up to 9 digits): the number and
   * the count of digits (leading zeros) are an exact key, so a hit compares no characters.
   */
  threadNumberId(a: number, b: number, value: number): number {
    if (value < 0) return this.nameId(this.threadNames, a, b);
    const key = value * 16 + (b - a);
    const slot = Math.imul(value, 0x9e3779b1) >>> 22;
    if (this.threadKeys[slot] === key) return this.threadKeyIds[slot];
    const id = this.table.threads.id(this.src.name(a, b));
    this.threadKeys[slot] = key;
    this.threadKeyIds[slot] = id;
    return id;
  }

  /**
   * Reads `<name="value" ...>` starting at codes[a], not past `eol`. Fills the record's fields
   * (and the wall clock and name ids) and returns the offset after `>`, or -1 when there is no
   * well-formed block.
   */
  private readAttributes(a: number, eol: number): number {
    const codes = this.codes;
    const blockEnd = this.src.sticky(CCM_ATTRS, a, eol);
    if (blockEnd >= 0) {
      readFixedBlock(this, a);
      return blockEnd;
    }
    // Any other order or set of attributes, up to a `<![LOG[` that another writer spliced in:
    // that record is not an attribute value.
    if (this.nextOpen < a) this.nextOpen = this.src.find(OPEN_NEEDLE, a);
    if (this.nextOpen < eol) eol = this.nextOpen;
    this.blockLimit = eol;
    const at = this.attrs;
    const after = readAttributeBlock(codes, a, eol, at);
    if (after < 0) return -1;
    this.timeA = at.timeA;
    this.timeB = at.timeB;
    this.dateA = at.dateA;
    this.dateB = at.dateB;
    // A missing component or thread is an empty name.
    this.compA = at.compA < 0 ? 0 : at.compA;
    this.compB = at.compB < 0 ? 0 : at.compB;
    this.threadA = at.threadA < 0 ? 0 : at.threadA;
    this.threadB = at.threadB < 0 ? 0 : at.threadB;
    this.typeCode = at.typeA < 0 || at.typeB === at.typeA ? -1 : at.typeB - at.typeA === 1 ? codes[at.typeA] : 0;
    this.wall = this.clock();
    this.compId = this.nameId(this.comps, this.compA, this.compB);
    this.threadId = this.nameId(this.threadNames, this.threadA, this.threadB);
    return after;
  }


}

/** The flags of a record whose time readTime read (the offset and its kind in timeOut). */
function timeFlags(wall: number): number {
  return offsetFlags(wall, timeOut.offset, timeOut.dotNet);
}

/** The flags of a wall clock, the offset written with it and whether that is a .NET UTC offset. */
function offsetFlags(wall: number, offset: number, dotNet: number): number {
  return (wall !== wall ? EntryFlag.BadTime : 0) | (dotNet ? EntryFlag.UtcOffset : 0) |
    (offset === NO_OFFSET ? EntryFlag.NoOffset : offset === BAD_OFFSET ? EntryFlag.BadOffset : 0);
}

/** Space, tab or carriage return. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}


/** Whether `<![LOG[` starts at codes[i] (spelled out: cheaper than a loop over a literal). */
function isOpenAt(codes: Codes, i: number): boolean {
  return codes[i] === 60 && codes[i + 1] === 33 && codes[i + 2] === 91 && codes[i + 3] === 76 && codes[i + 4] === 79 && codes[i + 5] === 71 && codes[i + 6] === 91;
}


/** Whether `$$<` starts at codes[i]. */
function isSmsAt(codes: Codes, i: number): boolean {
  return codes[i] === 36 && codes[i + 1] === 36 && codes[i + 2] === 60;
}

/**
 * A name cache slot picked by the 8 characters at codes[a] (past the end of a short name, what
 * follows it, which the format fixes).
 */
function prefixSlot(c: Codes, a: number): number {
  const h = (c[a] | (c[a + 1] << 8) | (c[a + 2] << 16) | (c[a + 3] << 24)) ^ Math.imul(c[a + 4] | (c[a + 5] << 8) | (c[a + 6] << 16) | (c[a + 7] << 24), 0x85ebca6b);
  return Math.imul(h, 0x9e3779b1) >>> 22;
}

/** What a released scanner refers to instead of its text and model (see release). */
const RELEASED = (() => {
  const table = new EntryTable(0);
  return { codes: NO_CODES, table, spans: new SpanList(), kernel: new KernelWindow(NO_CODES), names: new NameCache(table.components) };
})();

/** A CMTrace record and a legacy line: what the first kept scanners, and the kept models, read. */
export const SHAPES_SAMPLE = '<![LOG[Sample]LOG]!><time="08:00:00.000+000" date="01-15-2024" component="Sample" context="" type="1" thread="1" file="">\r\n'
  + 'Sample $$<Sample><01-15-2024 08:00:00.000+000><thread=1 (0x1)>\r\n';

// The last scanner of each kind of source (see kindOf), released (its text, model and caches let
// go), kept for the thread's life: V8 throws away optimised code once an object it was compiled
// with dies ("weak objects" in its deopt trace), and the scan code depends on the scanner object it
// ran with (keeping that object alive keeps the code; keeping every value of its fields does not)
// and on the shapes of what it makes (kernel window, name and date caches). Without them every
// log's scan started cold, its methods deoptimised mid-scan and compiled anew: `cmlog check`
// compiled the scanner again after every log, and a server's scans, all from the event loop, ran
// 20-25 % slower (a scan in a script's first turn kept its code, which hid it from measurements of
// one log). The first ones have read a sample: a scanner that never ran keeps the shapes its fields
// start with, which a scan leaves at once (a field's first number, say). (keepShapes in logFile.ts
// does the same for the model.)
const lastScanners: Scanner[] = [];
for (const text of [new TextEncoder().encode(SHAPES_SAMPLE), SHAPES_SAMPLE]) {
  const scanner = new Scanner(sourceOf(text), START, new EntryTable(0), new SpanList());
  scanner.run();
  scanner.release();
  lastScanners[kindOf(text)] = scanner;
}
