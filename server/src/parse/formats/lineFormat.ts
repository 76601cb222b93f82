// What the formats read line by line (CBS, PSADT, WindowsUpdate, ...) share: small character
// readers, the level words, and `lineFormat`, which makes a LogFormat of a `readLine` alone (its
// recogniser and parts are that same reader run again on a line, so each shape is written once).
import { codeUnits } from '../decode';
import { charCodes, type Codes, DAY_MS, NO_OFFSET, readClock, readIsoDate, timeOut } from '../time';
import type { LineRecord, LineState, LogFormat, RecordParts, RecordView } from './format';

/** The end of the line codes[a, eol) without a CR before its line break. */
export function contentEnd(codes: Codes, a: number, eol: number): number {
  return eol > a && codes[eol - 1] === 13 ? eol - 1 : eol;
}

/** The first position at or after i (not past b) that is not a space or tab. */
export function skipBlanks(codes: Codes, i: number, b: number): number {
  while (i < b && (codes[i] === 32 || codes[i] === 9)) i++;
  return i;
}

/** The first position at or after i (not past b) that is a space or tab. */
export function wordEnd(codes: Codes, i: number, b: number): number {
  while (i < b && codes[i] !== 32 && codes[i] !== 9) i++;
  return i;
}

/** The first `c` at or after i, not past b; b when there is none. */
export function find(codes: Codes, c: number, i: number, b: number): number {
  while (i < b && codes[i] !== c) i++;
  return i;
}

/** Whether codes[a, b) is the digits of a number (1-10 of them). */
export function isNumber(codes: Codes, a: number, b: number): boolean {
  if (b <= a || b - a > 10) return false;
  for (let i = a; i < b; i++) if (codes[i] < 48 || codes[i] > 57) return false;
  return true;
}

// The level words of the formats, lower case, and the record severity each means (see severity.ts).
export const LEVELS: readonly (readonly [string, number])[] = [
  ['info', 1], ['information', 1], ['informational', 1], ['verbose', 1], ['debug', 1], ['trace', 1], ['perf', 1], ['i', 1], ['d', 1], ['v', 1],
  ['success', 0],
  ['warning', 2], ['warn', 2], ['w', 2],
  ['error', 3], ['err', 3], ['fatal', 3], ['critical', 3], ['e', 3], ['f', 3],
];

/** LEVELS by length, as character codes: a record's level word is compared with the few of its length only. */
const LEVELS_BY_LENGTH: { codes: number[]; sev: number }[][] = [];
for (const [word, sev] of LEVELS) (LEVELS_BY_LENGTH[word.length] ??= []).push({ codes: charCodes(word), sev });
for (let len = 0; len < LEVELS_BY_LENGTH.length; len++) LEVELS_BY_LENGTH[len] ??= [];

/** The severity of the level word codes[a, b) (any case), or -1 when it is none of LEVELS. */
export function levelSeverity(codes: Codes, a: number, b: number): number {
  const len = b - a;
  if (len <= 0 || len >= LEVELS_BY_LENGTH.length) return -1;
  const words = LEVELS_BY_LENGTH[len];
  next: for (let w = 0; w < words.length; w++) {
    const word = words[w].codes;
    for (let k = 0; k < len; k++) if ((codes[a + k] | 32) !== word[k]) continue next;
    return words[w].sev;
  }
  return -1;
}

/**
 * Starts the record of the line at `a` whose clock is codes[clockStart, clockEnd): no component,
 * thread or level, no offset and no severity of its own (the keywords judge) until the reader
 * says otherwise. The reader sets the wall clock and the message.
 */
export function startRecord(out: LineRecord, a: number, clockStart: number, clockEnd: number): void {
  out.compStart = out.compEnd = out.threadStart = out.threadEnd = out.levelStart = out.levelEnd = a;
  out.clockStart = clockStart;
  out.clockEnd = clockEnd;
  out.offset = NO_OFFSET;
  out.severity = -1;
}

/** What `lineFormat` needs: the format's identity and its reader of one line. */
export interface LineFormatSpec<Id extends string> {
  id: Id;
  name: string;
  continues?: boolean;
  judgedByFirstLine?: boolean;
  clockLacksDate?: boolean;
  writesUtc?: boolean;
  newState?(): LineState;
  datedBy?(state: LineState | undefined, before: number): number;
  readLine(codes: Codes, a: number, eol: number, out: LineRecord, state?: LineState): boolean;
}

/** A record's first line is read again for its parts at most this far. */
const PARTS_MAX = 4096;

// The last sample a recogniser turned into codes: the client asks every format about one sample.
let lastSample = '';
let lastCodes: Codes = new Uint8Array(0);

function codesOf(text: string): Codes {
  if (text !== lastSample) { lastSample = text; lastCodes = codeUnits(text); }
  return lastCodes;
}

/** The LogFormat of a line reader: it recognises a sample with a line it reads, and reads the parts of a record again from its first line. */
export function lineFormat<Id extends string>(spec: LineFormatSpec<Id>): LogFormat<Id> {
  const scratch: LineRecord = { msgStart: 0, msgEnd: 0, wall: NaN, offset: 0, severity: -1, compStart: 0, compEnd: 0, threadStart: 0, threadEnd: 0, clockStart: 0, clockEnd: 0, levelStart: 0, levelEnd: 0 };
  const range = (a: number, b: number, at: number): [number, number] | undefined => (b > a ? [at + a, at + b] : undefined);
  return {
    id: spec.id,
    name: spec.name,
    // One grammar colours every format's records (syntaxes/cmlog.tmLanguage.json).
    scope: 'source.cmlog',
    continues: spec.continues,
    judgedByFirstLine: spec.judgedByFirstLine,
    clockLacksDate: spec.clockLacksDate,
    writesUtc: spec.writesUtc,
    newState: spec.newState,
    datedBy: spec.datedBy,
    readLine: spec.readLine,
    recognise(sample) {
      // Each line once, each read bounded by the line: linear in the sample.
      const codes = codesOf(sample);
      const n = codes.length;
      const state = spec.newState?.();
      for (let a = 0; a < n; ) {
        let eol = a;
        while (eol < n && codes[eol] !== 10 && codes[eol] !== 13) eol++;
        if (spec.readLine(codes, a, eol, scratch, state)) return true;
        a = eol + 1;
      }
      return false;
    },
    messageText: (raw) => raw,
    parts(r: RecordView): RecordParts {
      const line = r.text(r.start, Math.min(r.end, r.start + PARTS_MAX));
      const codes = codesOf(line);
      let eol = 0;
      while (eol < codes.length && codes[eol] !== 10 && codes[eol] !== 13) eol++;
      const out: RecordParts = { message: [r.msgStart, r.msgEnd], body: [r.msgStart, r.msgEnd], clock: [] };
      // No state: the scan claimed this line with the file's state, which a fresh one would not
      // have (MSI's bare `Error N.` lines are claimed only after a banner or a timed line).
      if (!spec.readLine(codes, 0, eol, scratch)) return out;
      const s = scratch;
      const clock = range(s.clockStart, s.clockEnd, r.start);
      if (clock) {
        out.clock.push(clock);
        out.time = clock;
      }
      out.component = range(s.compStart, s.compEnd, r.start);
      out.thread = range(s.threadStart, s.threadEnd, r.start);
      out.type = range(s.levelStart, s.levelEnd, r.start);
      return out;
    },
  };
}

/** The wall clock `isoStamp` read (ms as if UTC). */
export const stampOut = { wall: NaN };

/**
 * `YYYY-MM-DD HH:mm:ss[.f…]` (or `/` in the date, `T` or another `between` character) at codes[a],
 * not past b: returns where it ends with the wall clock in stampOut, or -1.
 */
export function isoStamp(codes: Codes, a: number, b: number, between: number): number {
  const day = readIsoDate(codes, a, b);
  if (day !== day || codes[a + 10] !== between) return -1;
  const end = readClock(codes, a + 11, b);
  if (end < 0) return -1;
  stampOut.wall = day * DAY_MS + timeOut.ms;
  return end;
}
