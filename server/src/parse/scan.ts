// The scanner: one pass over a text, from a record boundary, into the entry table and the list of
// unparsed spans. Together they cover the text exactly, in order.
//
// Linear time: every search (`]LOG]!>`, `\n<![LOG[`, `$$<`, line ends, and `>` and spaces in
// legacy tails) is an indexOf whose result is cached until the scan passes it (searches only move
// forward), so no character is searched twice by the same needle; the anchored regex and the
// character loops stop at the line end.
//
// Speed: logs run to hundreds of megabytes. Searches and the attribute block's shape are left to
// native code (indexOf, one anchored regex); the rest reads character codes from a typed array,
// about half the cost of charCodeAt. No strings are made but the messages searched for keywords
// and names not seen before.
import { EntryFlag, type Severity } from '../model';
import { codeUnits } from './decode';
import { EntryTable, type Interner } from './entryTable';
import { keywordSeverity, typeSeverity } from './severity';
import { BAD_OFFSET, type Codes, DAY_MS, NO_OFFSET, readDate, readTime, timeOut } from './time';

export const OPEN = '<![LOG[';
export const CLOSE = ']LOG]!>';
const OPEN_AT_LINE = '\n<![LOG[';
const SMS_TAIL = '$$<';
const CUT_OFF = EntryFlag.Truncated | EntryFlag.BadAttributes | EntryFlag.BadTime | EntryFlag.NoOffset;
/** Slots of the per-scan name caches (a power of two). */
const NAME_SLOTS = 1024;

// The attribute block as ConfigMgr writes it, in its fixed order, checked by one native regex run
// (cheaper than reading it character by character); its values then end at the next quotes.
// Each `[^"\n]*` is followed by a literal quote it cannot contain, so it cannot backtrack. Blocks
// in another shape go through the general reader.
const CCM_ATTRS = /<time="[^"\n]*" date="[^"\n]*" component="[^"\n]*" context="[^"\n]*" type="[^"\n]*" thread="[^"\n]*"(?: file="[^"\n]*")?>/y;

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
    let lo = 0, hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.start[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export interface ScanEnd {
  /** Global offset and line of the last item (entry or span): where a re-scan after an append starts. */
  lastItemStart: number;
  lastItemLine: number;
  /** Line number at the end of the text. */
  endLine: number;
}

/**
 * Scans `text` (which starts at a record boundary) and appends what it finds. Offsets and lines
 * in the table are global: `base` and `startLine` are those of text[0]. `codes` are the text's
 * character codes when the caller has them already (the bytes of an ASCII file).
 */
export function scan(text: string, base: number, startLine: number, table: EntryTable, spans: SpanList, codes: Codes = codeUnits(text)): ScanEnd {
  return new Scanner(text, codes, base, startLine, table, spans).run();
}

/** Position of `needle` at or after `from`, or the text's length. */
function indexOrEnd(text: string, needle: string, from: number): number {
  const i = text.indexOf(needle, from);
  return i < 0 ? text.length : i;
}

/** The state of one scan: where needles occur next, the record being read, and what repeats. */
class Scanner {
  line: number;
  // Where each needle next occurs at or after the last search for it (the text's length if never).
  // Searches only move forward, so a cached position stays right until the scan passes it.
  private nextNl = -1;
  private nextClose = -1;
  private nextOpenAtLine = -1;
  private nextSms = -1;
  private nextGt = -1;
  private nextSpace = -1;
  // The record being read: where its time and date are (-1 when missing), its component and
  // thread (empty ranges when missing), and its type as a character code (-1 when empty).
  private timeA = -1;
  private timeB = -1;
  private dateA = -1;
  private dateB = -1;
  private compA = 0;
  private compB = 0;
  private threadA = 0;
  private threadB = 0;
  private typeCode = -1;
  // Dates repeat from record to record: one is read per change.
  private lastDateA = -1;
  private lastDateB = -1;
  private lastDays = NaN;
  // Names repeat too: the ids last seen, in slots picked by a hash of a few characters, and where
  // in the text each was seen, to compare with.
  private readonly compIds = new Int32Array(NAME_SLOTS).fill(-1);
  private readonly compAt = new Int32Array(NAME_SLOTS);
  private readonly threadIds = new Int32Array(NAME_SLOTS).fill(-1);
  private readonly threadAt = new Int32Array(NAME_SLOTS);

  constructor(
    private readonly text: string,
    private readonly codes: Codes,
    private readonly base: number,
    line: number,
    private readonly table: EntryTable,
    private readonly spans: SpanList,
  ) {
    this.line = line;
  }

  run(): ScanEnd {
    const { codes, base, table, spans } = this;
    const n = codes.length;
    const count0 = table.count;
    let pos = 0;
    let lastItemStart = base, lastItemLine = this.line;
    while (pos < n) {
      lastItemStart = base + pos;
      lastItemLine = this.line;
      // Grow the columns once to the size the text read so far predicts, rather than by doubling.
      if (table.count === table.start.length && pos > 0) table.reserve(count0 + Math.ceil((((table.count - count0) * n) / pos) * 1.05) + 256);
      if (codes[pos] === 60 && isOpenAt(codes, pos)) {
        pos = this.ccmRecord(pos);
        continue;
      }
      // Not a CMTrace record: a legacy line if it ends in a `$$<...>` tail, else unparsed text.
      const end = this.legacyLine(pos);
      if (end >= 0) {
        pos = end;
        continue;
      }
      const eol = this.findNl(pos);
      const spanEnd = eol < n ? eol + 1 : n;
      if (eol < n) this.line++;
      spans.push(base + pos, base + spanEnd, lastItemLine);
      if (spans.start[spans.count - 1] !== base + pos) {
        // Merged into the previous span: the item started there.
        lastItemStart = spans.start[spans.count - 1];
        lastItemLine = spans.line[spans.count - 1];
      }
      pos = spanEnd;
    }
    return { lastItemStart, lastItemLine, endLine: this.line };
  }

  /** The CMTrace record that starts at `pos`; returns where it ends. */
  private ccmRecord(pos: number): number {
    const { text, codes, base, table } = this;
    const n = codes.length;
    const itemLine = this.line;
    const msgStart = pos + OPEN.length;
    if (this.nextClose < msgStart) this.nextClose = indexOrEnd(text, CLOSE, msgStart);
    const close = this.nextClose;
    if (this.findNl(msgStart) < close) {
      // The message spans lines, or the record was cut off: a `<![LOG[` that starts a line
      // before the close begins the next record.
      if (this.nextOpenAtLine < msgStart) this.nextOpenAtLine = indexOrEnd(text, OPEN_AT_LINE, msgStart);
      const next = this.nextOpenAtLine;
      if (next < close || close === n) {
        const cut = Math.min(next + 1, n);
        this.line += this.countNl(msgStart, cut);
        table.push(base + pos, base + cut, itemLine, NaN, NO_OFFSET, keywordSeverity(text.substring(msgStart, next)), CUT_OFF, table.components.id(''), table.threads.id(''));
        return cut;
      }
      this.line += this.countNl(msgStart, close);
    } else if (close === n) {
      // Cut off on the last line of the text.
      table.push(base + pos, base + n, itemLine, NaN, NO_OFFSET, keywordSeverity(text.substring(msgStart, n)), CUT_OFF, table.components.id(''), table.threads.id(''));
      return n;
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
      end = eol;
      sev = keywordSeverity(text.substring(msgStart, close));
      comp = table.components.id('');
      thr = table.threads.id('');
    } else {
      wall = this.clock();
      offset = timeOut.offset;
      flags = timeFlags(wall);
      end = after;
      while (end < eol && isBlank(codes[end])) end++;
      sev = this.typeCode < 0 ? keywordSeverity(text.substring(msgStart, close)) : typeSeverity(this.typeCode);
      comp = this.nameId(table.components, this.compIds, this.compAt, this.compA, this.compB);
      thr = this.nameId(table.threads, this.threadIds, this.threadAt, this.threadA, this.threadB);
    }
    if (end >= eol && eol < n) {
      this.line++;
      end = this.absorbBlank(eol + 1);
    } else if (end >= eol) {
      end = n;
    }
    table.push(base + pos, base + end, itemLine, wall, offset, sev, flags, comp, thr);
    return end;
  }

  /** The legacy record on the line at `pos`; returns where it ends, or -1 when the line is not one. */
  private legacyLine(pos: number): number {
    const { text, base, table } = this;
    const n = this.codes.length;
    const eol = this.findNl(pos);
    if (this.nextSms < pos) this.nextSms = indexOrEnd(text, SMS_TAIL, pos);
    const tail = this.nextSms;
    if (tail >= eol || !this.readSmsTail(tail, eol)) return -1;
    const itemLine = this.line;
    const wall = this.clock();
    const offset = timeOut.offset;
    const flags = EntryFlag.Sms | timeFlags(wall);
    const sev = keywordSeverity(text.substring(pos, tail));
    const comp = this.nameId(table.components, this.compIds, this.compAt, this.compA, this.compB);
    const thr = this.nameId(table.threads, this.threadIds, this.threadAt, this.threadA, this.threadB);
    let end = n;
    if (eol < n) {
      this.line++;
      end = this.absorbBlank(eol + 1);
    }
    table.push(base + pos, base + end, itemLine, wall, offset, sev, flags, comp, thr);
    return end;
  }

  /** The first line break at or after `from`, or the text's length. */
  private findNl(from: number): number {
    if (this.nextNl < from) this.nextNl = indexOrEnd(this.text, '\n', from);
    return this.nextNl;
  }

  private countNl(a: number, b: number): number {
    let c = 0;
    for (let i = this.findNl(a); i < b; i = this.findNl(i + 1)) c++;
    return c;
  }

  /** After a record's content: blank lines belong to it, so clean files report no unparsed text. */
  private absorbBlank(p: number): number {
    const codes = this.codes, n = codes.length;
    for (;;) {
      let q = p;
      while (q < n && isBlank(codes[q])) q++;
      if (q >= n) return n;
      if (codes[q] !== 10) return p;
      p = q + 1;
      this.line++;
    }
  }

  /** Wall clock of the record read (offset in timeOut), NaN when unreadable. */
  private clock(): number {
    const codes = this.codes, a = this.dateA, b = this.dateB;
    if (this.timeA < 0 || a < 0 || !readTime(codes, this.timeA, this.timeB)) {
      timeOut.offset = NO_OFFSET;
      return NaN;
    }
    if (b - a !== this.lastDateB - this.lastDateA || !sameRange(codes, a, this.lastDateA, b - a)) {
      this.lastDays = readDate(codes, a, b);
      this.lastDateA = a;
      this.lastDateB = b;
    }
    const d = this.lastDays;
    return d === d ? d * DAY_MS + timeOut.ms : NaN;
  }

  /**
   * Interned id of the name in text[a, b). A cache hit is confirmed by comparing characters and
   * makes no string; only a miss takes the substring to the interner's map.
   */
  private nameId(names: Interner, ids: Int32Array, at: Int32Array, a: number, b: number): number {
    const codes = this.codes, len = b - a;
    const slot = len <= 0 ? 0 : Math.imul(len ^ (codes[a] << 8) ^ (codes[a + (len >> 1)] << 16) ^ (codes[b - 1] << 24), 0x9e3779b1) >>> 22;
    const id = ids[slot];
    if (id >= 0 && names.names[id].length === len && sameRange(codes, a, at[slot], len)) return id;
    const fresh = names.id(this.text.substring(a, b));
    ids[slot] = fresh;
    at[slot] = a;
    return fresh;
  }

  /**
   * Reads `<name="value" ...>` starting at codes[a], not past `eol`. Fills the record's fields and
   * returns the offset after `>`, or -1 when there is no well-formed block.
   */
  private readAttributes(a: number, eol: number): number {
    const codes = this.codes;
    CCM_ATTRS.lastIndex = a;
    if (CCM_ATTRS.test(this.text) && CCM_ATTRS.lastIndex <= eol) {
      // Each value starts a fixed number of characters after the previous one ends: `" date="` is 8.
      this.timeA = a + 7;
      this.timeB = nextQuote(codes, this.timeA);
      this.dateA = this.timeB + 8;
      this.dateB = nextQuote(codes, this.dateA);
      this.compA = this.dateB + 13;
      this.compB = nextQuote(codes, this.compA);
      const typeA = nextQuote(codes, this.compB + 11) + 8;
      const typeB = nextQuote(codes, typeA);
      this.threadA = typeB + 10;
      this.threadB = nextQuote(codes, this.threadA);
      this.typeCode = typeB === typeA ? -1 : typeB - typeA === 1 ? codes[typeA] : 0;
      return CCM_ATTRS.lastIndex;
    }
    // Any other order or set of attributes.
    this.timeA = this.dateA = -1;
    this.compA = this.compB = this.threadA = this.threadB = 0;
    this.typeCode = -1;
    if (codes[a] !== 60) return -1; // '<'
    let i = a + 1;
    for (;;) {
      while (i < eol && codes[i] === 32) i++;
      if (i >= eol) return -1;
      if (codes[i] === 62) return i + 1; // '>'
      const nameA = i;
      while (i < eol && codes[i] !== 61 && codes[i] !== 32 && codes[i] !== 62) i++;
      if (i + 1 >= eol || codes[i] !== 61 || codes[i + 1] !== 34) return -1; // ="
      const nameLen = i - nameA;
      i += 2;
      const valA = i;
      while (i < eol && codes[i] !== 34) i++;
      if (i >= eol) return -1;
      const valB = i;
      i++;
      const c0 = codes[nameA], c1 = codes[nameA + 1];
      if (nameLen === 4 && c0 === 116 && c1 === 105) { this.timeA = valA; this.timeB = valB; } // time
      else if (nameLen === 4 && c0 === 100) { this.dateA = valA; this.dateB = valB; } // date
      else if (nameLen === 9 && c0 === 99) { this.compA = valA; this.compB = valB; } // component
      else if (nameLen === 6 && c0 === 116 && c1 === 104) { this.threadA = valA; this.threadB = valB; } // thread
      else if (nameLen === 4 && c0 === 116 && c1 === 121) this.typeCode = valB === valA ? -1 : valB - valA === 1 ? codes[valA] : 0; // type
    }
  }

  /**
   * Reads `$$<component><MM-DD-YYYY HH:mm:ss.fff±bias>[<thread=N (0xH)>]` at codes[s], not past
   * `eol`. Fills the record's fields and returns whether the tail has that shape.
   */
  private readSmsTail(s: number, eol: number): boolean {
    const { text, codes } = this;
    // The component runs to the first `>`, which `<` must follow.
    const compA = s + SMS_TAIL.length;
    if (this.nextGt < compA) this.nextGt = indexOrEnd(text, '>', compA);
    const compB = this.nextGt;
    if (compB === compA || compB + 1 >= eol || codes[compB + 1] !== 60) return false;
    // Then `date time` up to the next `>`, split at its first space.
    const dtA = compB + 2;
    if (this.nextGt < dtA) this.nextGt = indexOrEnd(text, '>', dtA);
    const dtB = this.nextGt;
    if (dtB >= eol) return false;
    if (this.nextSpace < dtA) this.nextSpace = indexOrEnd(text, ' ', dtA);
    const space = this.nextSpace;
    this.compA = compA;
    this.compB = compB;
    if (space > dtA && space < dtB) {
      this.dateA = dtA;
      this.dateB = space;
      this.timeA = space + 1;
      this.timeB = dtB;
    } else {
      this.dateA = this.timeA = -1;
    }
    let i = dtB + 1;
    this.threadA = this.threadB = 0;
    if (isThreadAt(codes, i)) {
      i += 8;
      const tA = i;
      while (i < eol && codes[i] >= 48 && codes[i] <= 57) i++;
      if (i > tA) { this.threadA = tA; this.threadB = i; }
    }
    return true;
  }
}

function timeFlags(wall: number): number {
  return (wall !== wall ? EntryFlag.BadTime : 0) |
    (timeOut.offset === NO_OFFSET ? EntryFlag.NoOffset : timeOut.offset === BAD_OFFSET ? EntryFlag.BadOffset : 0);
}

/** Space, tab or carriage return. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

/** The first `"` at or after i (the caller knows there is one). */
function nextQuote(codes: Codes, i: number): number {
  while (codes[i] !== 34) i++;
  return i;
}

/** Whether `<![LOG[` starts at codes[i] (spelled out: cheaper than a loop over a literal). */
function isOpenAt(codes: Codes, i: number): boolean {
  return codes[i] === 60 && codes[i + 1] === 33 && codes[i + 2] === 91 && codes[i + 3] === 76 && codes[i + 4] === 79 && codes[i + 5] === 71 && codes[i + 6] === 91;
}

/** Whether `<thread=` starts at codes[i]. */
function isThreadAt(codes: Codes, i: number): boolean {
  return codes[i] === 60 && codes[i + 1] === 116 && codes[i + 2] === 104 && codes[i + 3] === 114 && codes[i + 4] === 101 && codes[i + 5] === 97 && codes[i + 6] === 100 && codes[i + 7] === 61;
}

/** Whether codes[a, a + len) equals codes[b, b + len). */
function sameRange(codes: Codes, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (codes[a + k] !== codes[b + k]) return false;
  return true;
}
