// The scanner: one pass over a text, from a record boundary, into the entry table and the list of
// unparsed spans. Together they cover the text exactly, in order.
//
// Linear time: every search (`]LOG]!>`, `\n<![LOG[`, `$$<`, line ends) is an indexOf whose result
// is cached until the scan passes it, so no character is searched twice by the same needle, and
// attribute blocks are read by a character loop that stops at the line end.
import { EntryFlag } from '../model';
import { EntryTable } from './entryTable';
import { keywordSeverity, typeSeverity } from './severity';
import { BAD_OFFSET, DAY_MS, NO_OFFSET, readDate, readTime, timeOut } from './time';

export const OPEN = '<![LOG[';
export const CLOSE = ']LOG]!>';
const OPEN_AT_LINE = '\n<![LOG[';
const SMS_TAIL = '$$<';

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

// Attribute slots filled by readAttributes (reused; one record at a time).
const attr = { timeA: -1, timeB: -1, dateA: -1, dateB: -1, compA: -1, compB: -1, threadA: -1, threadB: -1, typeCode: -1 };

// The attribute block as ConfigMgr writes it, in its fixed order: one native regex run instead of
// a character loop. Each `[^"\n]*` is followed by a literal quote it cannot contain, so it cannot
// backtrack. Blocks in another shape go through the general reader.
const CCM_ATTRS = /<time="([^"\n]*)" date="([^"\n]*)" component="([^"\n]*)" context="([^"\n]*)" type="([^"\n]*)" thread="([^"\n]*)"(?: file="[^"\n]*")?>/y;

function readAttributesFast(text: string, a: number, eol: number): number {
  CCM_ATTRS.lastIndex = a;
  const m = CCM_ATTRS.exec(text);
  if (m === null || CCM_ATTRS.lastIndex > eol) return readAttributes(text, a, eol);
  // Each value starts a fixed number of characters after the previous one ends: `" date="` is 8.
  const [, time, date, comp, context, type, thread] = m;
  attr.timeA = a + 7; attr.timeB = attr.timeA + time.length;
  attr.dateA = attr.timeB + 8; attr.dateB = attr.dateA + date.length;
  attr.compA = attr.dateB + 13; attr.compB = attr.compA + comp.length;
  const typeA = attr.compB + 11 + context.length + 8;
  attr.typeCode = type.length === 0 ? -1 : type.length === 1 ? type.charCodeAt(0) : 0;
  attr.threadA = typeA + type.length + 10; attr.threadB = attr.threadA + thread.length;
  return CCM_ATTRS.lastIndex;
}

/**
 * Scans `text` (which starts at a record boundary) and appends what it finds. Offsets and lines
 * in the table are global: `base` and `startLine` are those of text[0].
 */
export function scan(text: string, base: number, startLine: number, table: EntryTable, spans: SpanList): ScanEnd {
  const n = text.length;
  let pos = 0;
  let line = startLine;
  let lastItemStart = base, lastItemLine = startLine;
  let nextClose = -1, nextOpenAtLine = -1, nextSms = -1, nextNl = -1;
  let lastDateA = -1, lastDateB = -1, lastDays = NaN;
  let lastCompText = '', lastCompId = -1, lastThreadText = '', lastThreadId = -1;

  const findNl = (from: number) => {
    if (nextNl < from) { nextNl = text.indexOf('\n', from); if (nextNl < 0) nextNl = n; }
    return nextNl;
  };
  const countNl = (a: number, b: number) => {
    let c = 0;
    for (let i = findNl(a); i < b; i = findNl(i + 1)) c++;
    return c;
  };
  // After a record's content: blank lines belong to it, so clean files report no unparsed text.
  const absorbBlank = (p: number) => {
    for (;;) {
      let q = p;
      while (q < n) {
        const c = text.charCodeAt(q);
        if (c !== 32 && c !== 9 && c !== 13) break;
        q++;
      }
      if (q >= n) return n;
      if (text.charCodeAt(q) !== 10) return p;
      p = q + 1;
      line++;
    }
  };
  const days = (a: number, b: number) => {
    if (b - a !== lastDateB - lastDateA || text.substring(a, b) !== text.substring(lastDateA, lastDateB)) {
      lastDays = readDate(text, a, b);
      lastDateA = a;
      lastDateB = b;
    }
    return lastDays;
  };
  const componentId = (a: number, b: number) => {
    const s = a < 0 ? '' : text.substring(a, b);
    if (s !== lastCompText || lastCompId < 0) { lastCompText = s; lastCompId = table.components.id(s); }
    return lastCompId;
  };
  const threadId = (a: number, b: number) => {
    const s = a < 0 ? '' : text.substring(a, b);
    if (s !== lastThreadText || lastThreadId < 0) { lastThreadText = s; lastThreadId = table.threads.id(s); }
    return lastThreadId;
  };
  const clock = (tA: number, tB: number, dA: number, dB: number): number => {
    if (tA < 0 || dA < 0 || !readTime(text, tA, tB)) { timeOut.offset = NO_OFFSET; return NaN; }
    const d = days(dA, dB);
    return d === d ? d * DAY_MS + timeOut.ms : NaN;
  };
  const timeFlags = (wall: number) =>
    (wall !== wall ? EntryFlag.BadTime : 0) |
    (timeOut.offset === NO_OFFSET ? EntryFlag.NoOffset : timeOut.offset === BAD_OFFSET ? EntryFlag.BadOffset : 0);

  while (pos < n) {
    const itemStart = pos;
    const itemLine = line;
    lastItemStart = base + itemStart;
    lastItemLine = itemLine;

    if (text.charCodeAt(pos) === 60 && text.startsWith(OPEN, pos)) {
      const msgStart = pos + OPEN.length;
      if (nextClose < msgStart) { nextClose = text.indexOf(CLOSE, msgStart); if (nextClose < 0) nextClose = n; }
      const close = nextClose;
      const nl = findNl(msgStart);
      if (nl < close) {
        // The message spans lines, or the record was cut off: a `<![LOG[` that starts a line
        // before the close begins the next record.
        if (nextOpenAtLine < msgStart) { nextOpenAtLine = text.indexOf(OPEN_AT_LINE, msgStart); if (nextOpenAtLine < 0) nextOpenAtLine = n; }
        if (nextOpenAtLine < close || close === n) {
          const cut = Math.min(nextOpenAtLine + 1, n);
          const msgEnd = nextOpenAtLine < n ? nextOpenAtLine : n;
          line += countNl(msgStart, cut);
          const sev = keywordSeverity(text.substring(msgStart, msgEnd));
          table.push(base + itemStart, base + cut, itemLine, NaN, NO_OFFSET, sev,
            EntryFlag.Truncated | EntryFlag.BadAttributes | EntryFlag.BadTime | EntryFlag.NoOffset, componentId(-1, -1), threadId(-1, -1));
          pos = cut;
          continue;
        }
        line += countNl(msgStart, close);
      } else if (close === n) {
        // Cut off on the last line of the text.
        table.push(base + itemStart, base + n, itemLine, NaN, NO_OFFSET, keywordSeverity(text.substring(msgStart, n)),
          EntryFlag.Truncated | EntryFlag.BadAttributes | EntryFlag.BadTime | EntryFlag.NoOffset, componentId(-1, -1), threadId(-1, -1));
        pos = n;
        continue;
      }
      const attrStart = close + CLOSE.length;
      const eol = findNl(attrStart);
      const after = readAttributesFast(text, attrStart, eol);
      let end: number;
      let flags = 0;
      let wall = NaN;
      let offset = NO_OFFSET;
      if (after < 0) {
        flags = EntryFlag.BadAttributes | EntryFlag.BadTime | EntryFlag.NoOffset;
        end = eol;
      } else {
        wall = clock(attr.timeA, attr.timeB, attr.dateA, attr.dateB);
        offset = timeOut.offset;
        flags = timeFlags(wall);
        end = after;
        while (end < eol && (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9 || text.charCodeAt(end) === 13)) end++;
      }
      const sev = after < 0 || attr.typeCode < 0 ? keywordSeverity(text.substring(msgStart, close)) : typeSeverity(attr.typeCode);
      const comp = after < 0 ? componentId(-1, -1) : componentId(attr.compA, attr.compB);
      const thr = after < 0 ? threadId(-1, -1) : threadId(attr.threadA, attr.threadB);
      if (end >= eol && eol < n) {
        line++;
        end = absorbBlank(eol + 1);
      } else if (end >= eol) {
        end = n;
      }
      table.push(base + itemStart, base + end, itemLine, wall, offset, sev, flags, comp, thr);
      pos = end;
      continue;
    }

    // Not a CMTrace record: a legacy line if it ends in a `$$<...>` tail, else unparsed text.
    const eol = findNl(pos);
    if (nextSms < pos) { nextSms = text.indexOf(SMS_TAIL, pos); if (nextSms < 0) nextSms = n; }
    if (nextSms < eol && readSmsTail(text, nextSms, eol)) {
      const wall = clock(attr.timeA, attr.timeB, attr.dateA, attr.dateB);
      const offset = timeOut.offset;
      const flags = EntryFlag.Sms | timeFlags(wall);
      const sev = keywordSeverity(text.substring(pos, nextSms));
      const comp = componentId(attr.compA, attr.compB);
      const thr = threadId(attr.threadA, attr.threadB);
      let end = n;
      if (eol < n) { line++; end = absorbBlank(eol + 1); }
      table.push(base + itemStart, base + end, itemLine, wall, offset, sev, flags, comp, thr);
      pos = end;
      continue;
    }
    const end = eol < n ? eol + 1 : n;
    if (eol < n) line++;
    spans.push(base + pos, base + end, itemLine);
    if (spans.start[spans.count - 1] !== base + pos) {
      // Merged into the previous span: the item started there.
      lastItemStart = spans.start[spans.count - 1];
      lastItemLine = spans.line[spans.count - 1];
    }
    pos = end;
  }
  return { lastItemStart, lastItemLine, endLine: line };
}

/**
 * Reads `<name="value" ...>` starting at text[a], not past `eol`. Fills `attr` and returns the
 * offset after `>`, or -1 when there is no well-formed block.
 */
function readAttributes(text: string, a: number, eol: number): number {
  attr.timeA = attr.dateA = attr.compA = attr.threadA = -1;
  attr.typeCode = -1;
  if (text.charCodeAt(a) !== 60) return -1; // '<'
  let i = a + 1;
  for (;;) {
    while (i < eol && text.charCodeAt(i) === 32) i++;
    if (i >= eol) return -1;
    if (text.charCodeAt(i) === 62) return i + 1; // '>'
    const nameA = i;
    while (i < eol && text.charCodeAt(i) !== 61 && text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 62) i++;
    if (i + 1 >= eol || text.charCodeAt(i) !== 61 || text.charCodeAt(i + 1) !== 34) return -1; // ="
    const nameLen = i - nameA;
    i += 2;
    const valA = i;
    while (i < eol && text.charCodeAt(i) !== 34) i++;
    if (i >= eol) return -1;
    const valB = i;
    i++;
    const c0 = text.charCodeAt(nameA), c1 = text.charCodeAt(nameA + 1);
    if (nameLen === 4 && c0 === 116 && c1 === 105) { attr.timeA = valA; attr.timeB = valB; } // time
    else if (nameLen === 4 && c0 === 100) { attr.dateA = valA; attr.dateB = valB; } // date
    else if (nameLen === 9 && c0 === 99) { attr.compA = valA; attr.compB = valB; } // component
    else if (nameLen === 6 && c0 === 116 && c1 === 104) { attr.threadA = valA; attr.threadB = valB; } // thread
    else if (nameLen === 4 && c0 === 116 && c1 === 121) attr.typeCode = valB === valA ? -1 : valB - valA === 1 ? text.charCodeAt(valA) : 0; // type
  }
}

/**
 * Reads `$$<component><MM-DD-YYYY HH:mm:ss.fff±bias>[<thread=N (0xH)>]` at text[s]. Fills `attr`
 * (time, date, component, thread) and returns whether the tail has that shape.
 */
function readSmsTail(text: string, s: number, eol: number): boolean {
  attr.timeA = attr.dateA = attr.threadA = -1;
  let i = s + SMS_TAIL.length;
  const compA = i;
  while (i < eol && text.charCodeAt(i) !== 62) i++;
  if (i === compA || i + 1 >= eol || text.charCodeAt(i + 1) !== 60) return false; // "><"
  attr.compA = compA;
  attr.compB = i;
  i += 2;
  const dtA = i;
  let space = -1;
  while (i < eol && text.charCodeAt(i) !== 62) {
    if (space < 0 && text.charCodeAt(i) === 32) space = i;
    i++;
  }
  if (i >= eol) return false;
  if (space > dtA) {
    attr.dateA = dtA;
    attr.dateB = space;
    attr.timeA = space + 1;
    attr.timeB = i;
  }
  i++;
  if (text.startsWith('<thread=', i)) {
    i += 8;
    const tA = i;
    while (i < eol && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i > tA) { attr.threadA = tA; attr.threadB = i; }
  }
  return true;
}

