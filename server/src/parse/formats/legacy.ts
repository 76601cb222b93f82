// Legacy SMS trace lines: `message $$<component><MM-DD-YYYY HH:mm:ss.fff+bias><thread=N (0xH)>`.
// The scanner (scan.ts) finds these inline on its hot path and reads their tails with readScanTail,
// which uses the scan's caches; readLegacyTail, with none, serves detection and the model's parts.
import { codeUnits } from '../decode';
import type { ScanState } from '../scanState';
import { type Codes, DAY_MS, readTimeUpTo, timeOut } from '../time';
import type { LogFormat, Range, RecordParts, RecordView } from './format';

export const TAIL = '$$<';

/** The parts after the message are short: a parts read looks this far at most. */
const TAIL_MAX = 4096;

/** Where a legacy tail's values are (local offsets; date and time -1 when not split by a space). */
export class LegacyTail {
  compA = 0; compB = 0;
  dateA = -1; dateB = -1;
  timeA = -1; timeB = -1;
  /** Where `<date time>` is, brackets included. */
  clockA = 0; clockB = 0;
  threadA = -1; threadB = -1;
}

/**
 * Reads `$$<component><date time>[<thread=N ...>]` at codes[s] (the `$$<`), not past `eol`: the
 * component runs to the first `>`, which `<` must follow; then `date time` up to the next `>`,
 * split at its first space. Returns false when the tail has another shape.
 */
export function readLegacyTail(codes: Codes, s: number, eol: number, out: LegacyTail): boolean {
  const compA = s + TAIL.length;
  let compB = compA;
  while (compB < eol && codes[compB] !== 62) compB++;
  if (compB === compA || compB + 1 >= eol || codes[compB + 1] !== 60) return false;
  const dtA = compB + 2;
  let dtB = dtA, space = -1;
  for (; dtB < eol && codes[dtB] !== 62; dtB++) if (space < 0 && codes[dtB] === 32) space = dtB;
  if (dtB >= eol) return false;
  out.compA = compA;
  out.compB = compB;
  out.clockA = compB + 1;
  out.clockB = dtB + 1;
  if (space > dtA) {
    out.dateA = dtA; out.dateB = space; out.timeA = space + 1; out.timeB = dtB;
  } else {
    out.dateA = out.dateB = out.timeA = out.timeB = -1;
  }
  out.threadA = out.threadB = -1;
  // `<thread=N`: its number, as the scanner keys it.
  let i = dtB + 1;
  if (isThreadAt(codes, i)) {
    i += 8;
    const a = i;
    while (i < eol && codes[i] >= 48 && codes[i] <= 57) i++;
    if (i > a) { out.threadA = a; out.threadB = i; }
  }
  return true;
}

/** Characters between a legacy thread's number and its `>`: ` (0xFFFFFFFF)`. */
const THREAD_HEX_MAX = 14;

/**
 * The `date time>` of a legacy tail at codes[dtA], the general way: up to the first `>`, split at
 * the first space. Sets the ranges (timeB: where the `>` is) and the wall clock; false when no `>`
 * ends it on this line.
 */
function readDateTime(sc: ScanState, dtA: number, eol: number): boolean {
  const codes = sc.codes;
  let dtB = dtA, space = -1;
  for (; dtB < eol && codes[dtB] !== 62; dtB++) if (space < 0 && codes[dtB] === 32) space = dtB;
  if (dtB >= eol) return false;
  if (space > dtA) {
    sc.dateA = dtA;
    sc.dateB = space;
    sc.timeA = space + 1;
    // The date the next lines are compared with (it has no space or `>` in it).
    sc.smsDates.keep(codes, dtA, space);
  } else {
    sc.dateA = sc.timeA = -1;
  }
  sc.timeB = dtB;
  sc.wall = sc.clock();
  return true;
}

/**
 * Reads `$$<component><MM-DD-YYYY HH:mm:ss.fff±bias>[<thread=N (0xH)>]` at codes[s], not past
 * `eol`. Fills the record's fields and returns whether the tail has that shape.
 */
export function readScanTail(sc: ScanState, s: number, eol: number): boolean {
  const codes = sc.codes;
  // The component runs to the first `>`, which `<` must follow.
  const compA = s + TAIL.length;
  let compB: number;
  sc.compId = sc.matchName(sc.smsComps, compA, 62);
  if (sc.compId >= 0) compB = sc.nameEnd;
  else for (compB = compA; compB < eol && codes[compB] !== 62; compB++);
  if (compB === compA || compB + 1 >= eol || codes[compB + 1] !== 60) return false;
  // Then `date time` up to the next `>`, split at its first space: mostly the date of the line
  // before and a clean time, whose ends are found as they are read.
  const dtA = compB + 2;
  const dateB = sc.smsDates.endAt(codes, dtA, 32);
  let dtB = -1;
  if (dateB >= 0) {
    dtB = readTimeUpTo(codes, dateB + 1, 62);
    if (dtB >= 0 && dtB < eol) {
      const d = sc.smsDates.days;
      sc.wall = d === d ? d * DAY_MS + timeOut.ms : NaN;
    } else {
      dtB = -1;
    }
  }
  if (dtB < 0 && !readDateTime(sc, dtA, eol)) return false;
  sc.compA = compA;
  sc.compB = compB;
  let i = (dtB < 0 ? sc.timeB : dtB) + 1;
  sc.threadA = sc.threadB = 0;
  sc.tailEnd = i;
  if (isThreadAt(codes, i)) {
    i += 8;
    const tA = i;
    let value = 0;
    while (i < eol && codes[i] >= 48 && codes[i] <= 57) value = value * 10 + codes[i++] - 48;
    if (i > tA) { sc.threadA = tA; sc.threadB = i; sc.threadNumber = i - tA <= 9 ? value : -1; }
    // ` (0x10E1)>`: the tail ends at its `>`, looked for a few characters on.
    let k = i;
    while (k < eol && k - i < THREAD_HEX_MAX && codes[k] !== 62) k++;
    sc.tailEnd = k < eol && codes[k] === 62 ? k + 1 : i;
  }
  return true;
}

/** Whether `<thread=` starts at codes[i]. */
export function isThreadAt(codes: Codes, i: number): boolean {
  return codes[i] === 60 && codes[i + 1] === 116 && codes[i + 2] === 104 && codes[i + 3] === 114 && codes[i + 4] === 101 && codes[i + 5] === 97 && codes[i + 6] === 100 && codes[i + 7] === 61;
}

/**
 * A line with a tail of that shape (what the scanner takes for a legacy record). Linear: a `$$<`
 * inside a component already read would end at the same `>`, so the search goes on after it.
 */
function recognise(sample: string): boolean {
  const codes = codeUnits(sample);
  const tail = new LegacyTail();
  for (let t = sample.indexOf(TAIL); t >= 0; ) {
    let eol = t;
    while (eol < codes.length && codes[eol] !== 10 && codes[eol] !== 13) eol++;
    if (readLegacyTail(codes, t, eol, tail)) return true;
    let next = t + TAIL.length;
    while (next < eol && codes[next] !== 62) next++;
    t = sample.indexOf(TAIL, next);
  }
  return false;
}

function parts(r: RecordView): RecordParts {
  const head = r.text(r.msgStart, r.msgEnd);
  const p: RecordParts = { message: [r.msgStart, r.msgEnd], body: [r.start, r.start + head.trimEnd().length], clock: [] };
  const base = r.msgEnd;
  const text = r.text(base, Math.min(r.end, base + TAIL_MAX));
  const codes = codeUnits(text);
  let eol = 0;
  while (eol < codes.length && codes[eol] !== 10 && codes[eol] !== 13) eol++;
  const t = new LegacyTail();
  if (!readLegacyTail(codes, 0, eol, t)) return p;
  const range = (a: number, b: number): Range | undefined => (a < 0 ? undefined : [base + a, base + b]);
  p.component = [base + t.compA, base + t.compB];
  p.clock.push([base + t.clockA, base + t.clockB]);
  p.date = t.dateA < 0 ? [base + t.clockA + 1, base + t.clockB - 1] : [base + t.dateA, base + t.dateB];
  p.time = range(t.timeA, t.timeB);
  p.thread = range(t.threadA, t.threadB);
  return p;
}

export const legacy: LogFormat<'sms'> = {
  id: 'sms',
  name: 'legacy SMS',
  scope: 'source.cmlog',
  recognise,
  messageText: (raw) => raw.trimEnd(),
  parts,
};
