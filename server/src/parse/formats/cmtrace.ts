// CMTrace (ConfigMgr's current format): `<![LOG[message]LOG]!><time="..." date="..." component="..."
// context="" type="1" thread="..." file="...">`. The scanner (scan.ts) finds these records inline
// on its hot path and reads their attribute blocks with the readers here: the fixed-order block by
// one anchored regex and readFixedBlock, other blocks by readAttributeBlock, which parts() uses too.
import { withoutFinalBreak } from '../lineBreaks';
import type { ScanState } from '../scanState';
import { type Codes, DAY_MS, NO_OFFSET, readTime, readTimeUpTo, timeOut } from '../time';
import { codeUnits as codesOf } from '../decode';
import { type LogFormat, type Range, type RecordParts, type RecordView } from './format';

export const OPEN = '<![LOG[';
export const CLOSE = ']LOG]!>';

/** The parts after the message are short: a parts read looks this far at most. */
const TAIL_MAX = 4096;

// The attribute block as ConfigMgr writes it, in its fixed order, checked by one native regex run
// (cheaper than reading it character by character); its values then end at the next quotes.
// Each `[^"\n]*` is followed by a literal quote it cannot contain, so it cannot backtrack. Blocks
// in another shape go through the general reader.
export const CCM_ATTRS = /<time="[^"\n]*" date="[^"\n]*" component="[^"\n]*" context="[^"\n]*" type="[^"\n]*" thread="[^"\n]*"(?: file="[^"\n]*")?>/y;

/** The first `"` at or after i (the caller knows there is one). */
function nextQuote(codes: Codes, i: number): number {
  while (codes[i] !== 34) i++;
  return i;
}

/**
 * The values of an attribute block CCM_ATTRS matched at codes[a], each read once: where a value
 * ends is found as it is read (a time, a date or a name seen before), else by a scan to its
 * closing quote. Each value starts a fixed number of characters after the previous one ends:
 * `" date="` is 8.
 */
export function readFixedBlock(sc: ScanState, a: number): void {
  const codes = sc.codes, table = sc.table;
  const timeA = a + 7;
  let timeB = readTimeUpTo(codes, timeA, 34);
  let timeOk = timeB >= 0;
  if (!timeOk) {
    timeB = nextQuote(codes, timeA);
    timeOk = readTime(codes, timeA, timeB);
  }
  const dateA = timeB + 8;
  let dateB = sc.quotedDates.endAt(codes, dateA, 34);
  if (dateB < 0) sc.quotedDates.keep(codes, dateA, (dateB = nextQuote(codes, dateA)));
  if (timeOk) {
    const d = sc.quotedDates.days;
    sc.wall = d === d ? d * DAY_MS + timeOut.ms : NaN;
  } else {
    timeOut.offset = NO_OFFSET;
    sc.wall = NaN;
  }
  const compA = dateB + 13;
  let comp = sc.matchName(sc.comps, compA, 34);
  let compB = sc.nameEnd;
  if (comp < 0) {
    compB = nextQuote(codes, compA);
    comp = sc.keepName(sc.comps, compA, compB);
  }
  sc.compId = comp;
  // context (mostly empty), then type (mostly one character)
  const contextA = compB + 11;
  const typeA = (codes[contextA] === 34 ? contextA : nextQuote(codes, contextA)) + 8;
  const typeB = codes[typeA] === 34 ? typeA : codes[typeA + 1] === 34 ? typeA + 1 : nextQuote(codes, typeA);
  sc.typeCode = typeB === typeA ? -1 : typeB - typeA === 1 ? codes[typeA] : 0;
  // thread: mostly digits
  const threadA = typeB + 10;
  let i = threadA, value = 0;
  while (i - threadA < 9 && codes[i] >= 48 && codes[i] <= 57) value = value * 10 + codes[i++] - 48;
  if (codes[i] !== 34) {
    i = nextQuote(codes, i);
    value = -1;
  }
  sc.threadId = i === threadA ? table.threads.id('') : sc.threadNumberId(threadA, i, value);
}

/** Where the values of an attribute block are (local offsets; -1 when absent). */
export class Attributes {
  timeA = -1; timeB = -1;
  dateA = -1; dateB = -1;
  compA = -1; compB = -1;
  contextA = -1; contextB = -1;
  typeA = -1; typeB = -1;
  threadA = -1; threadB = -1;
  fileA = -1; fileB = -1;
  /** Where each value's name starts (for `clock`): time and date. */
  timeName = -1; dateName = -1;
  clear(): void {
    this.timeA = this.timeB = this.dateA = this.dateB = this.compA = this.compB = -1;
    this.contextA = this.contextB = this.typeA = this.typeB = this.threadA = this.threadB = -1;
    this.fileA = this.fileB = this.timeName = this.dateName = -1;
  }
}

/**
 * Reads `<name="value" ...>` starting at codes[a], not past `eol`, into `out`; returns the offset
 * after `>`, or -1 when there is no well-formed block. Any order or set of attributes; a name is
 * told by its length and first letters (the scanner's rule). Linear: each character is read once.
 */
export function readAttributeBlock(codes: Codes, a: number, eol: number, out: Attributes): number {
  out.clear();
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
    if (nameLen === 4 && c0 === 116 && c1 === 105) { out.timeA = valA; out.timeB = valB; out.timeName = nameA; } // time
    else if (nameLen === 4 && c0 === 100) { out.dateA = valA; out.dateB = valB; out.dateName = nameA; } // date
    else if (nameLen === 9 && c0 === 99) { out.compA = valA; out.compB = valB; } // component
    else if (nameLen === 6 && c0 === 116 && c1 === 104) { out.threadA = valA; out.threadB = valB; } // thread
    else if (nameLen === 4 && c0 === 116 && c1 === 121) { out.typeA = valA; out.typeB = valB; } // type
    else if (nameLen === 7 && c0 === 99) { out.contextA = valA; out.contextB = valB; } // context
    else if (nameLen === 4 && c0 === 102) { out.fileA = valA; out.fileB = valB; } // file
  }
}

/** A `<![LOG[` at a line start, with its `]LOG]!>` later in the sample. */
function recognise(sample: string): boolean {
  const open = sample.startsWith(OPEN) ? 0 : lineStartOpen(sample);
  return open >= 0 && sample.indexOf(CLOSE, open + OPEN.length) >= 0;
}

function lineStartOpen(sample: string): number {
  const lf = sample.indexOf('\n' + OPEN), cr = sample.indexOf('\r' + OPEN);
  const at = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
  return at < 0 ? -1 : at + 1;
}

function parts(r: RecordView): RecordParts {
  const message: Range = [r.msgStart, r.msgEnd];
  if (r.truncated) return { message, body: [r.start, r.start + r.text(r.start, r.end).trimEnd().length], clock: [] };
  const body: Range = [r.start, r.msgEnd + CLOSE.length];
  const p: RecordParts = { message, body, clock: [] };
  if (r.badAttributes) return p;
  // The block after `]LOG]!>`, up to its line's end (bounded: the tail is short).
  const base = r.msgEnd + CLOSE.length;
  const tail = r.text(base, Math.min(r.end, base + TAIL_MAX));
  const codes = codesOf(tail);
  let eol = 0;
  while (eol < codes.length && codes[eol] !== 10 && codes[eol] !== 13) eol++;
  const at = new Attributes();
  if (readAttributeBlock(codes, 0, eol, at) < 0) return p;
  const range = (a: number, b: number): Range | undefined => (a < 0 ? undefined : [base + a, base + b]);
  p.time = range(at.timeA, at.timeB);
  p.date = range(at.dateA, at.dateB);
  p.component = range(at.compA, at.compB);
  p.thread = range(at.threadA, at.threadB);
  p.context = range(at.contextA, at.contextB);
  p.type = range(at.typeA, at.typeB);
  p.file = range(at.fileA, at.fileB);
  // `time="..."` and `date="..."` whole, closing quote included.
  if (at.timeA >= 0) p.clock.push([base + at.timeName, base + at.timeB + 1]);
  if (at.dateA >= 0) p.clock.push([base + at.dateName, base + at.dateB + 1]);
  return p;
}

export const cmtrace: LogFormat<'ccm'> = {
  id: 'ccm',
  name: 'CMTrace',
  scope: 'source.cmlog',
  recognise,
  messageText: withoutFinalBreak,
  parts,
};
