// Windows Installer verbose logs (`msiexec /l*v`, often UTF-16LE with a BOM). The banner
// `=== Verbose logging started: 1/17/2023  7:33:22  Build type: ... ===` gives the date; the lines
// after it carry only a time: `MSI (s) (7C:2C) [13:45:10:123]: message` (s client/server/custom
// action process, with its `MSI`: the component; process:thread: the thread), `Action start 13:45:10: X.`,
// `Action ended 13:45:12: X. Return value 3.` (component `Action`, message the whole line: start and
// end told apart), `Property(S): Name = value`, and MSI's own messages written bare: `Error 1722. ...`,
// `Warning 1946. ...`, `Info 2898.For ...`, `DEBUG: Error 2826: ...`, and a custom action's result
// `CustomAction X returned actual error code 1603 (...)` (these and Property lines have no time: the
// last line's). Every other line continues the record above (a custom action's own output, a value
// on several lines). Local time, no offset.
//
// Severity is MSI's own where it says one (Return value, `Error N.`, notes, the installation status,
// a custom action's code), else information: an action's start, a property's name or value (the
// standard `ERRORDIALOG` property) and a custom action's output are not MSI's verdict, whatever
// words they hold. Only a timed line that MSI gives no verdict in is judged by the keywords
// (`Product: X -- Installation failed.`), its first line alone (`judgedByFirstLine`).
import { MSI_SUCCESS_CODES, MSI_USER_CANCELLED } from '../../knowledge/msiReturnCodes';
import { charCodes, type Codes, DAY_MS, daysFromCivil, readClock, timeOut } from '../time';
import { LINE_HEAD, type LineRecord, type LineState } from './format';
import { startRecord, contentEnd, find, lineFormat, skipBlanks, wordEnd } from './lineFormat';

/**
 * A time more than this far before the last line's is on the next day (a midnight crossed). Less
 * is the client and server processes writing slightly out of order, not a day gone by.
 */
const MIDNIGHT_BACK_MS = 12 * 3_600_000;

const BANNERS = ['Verbose logging started: ', 'Verbose logging stopped: ', 'Logging started: ', 'Logging stopped: '].map(charCodes);
const MSI = charCodes('MSI (');
const ACTION = charCodes('Action ');
const STARTED = charCodes('start ');
const ENDED = charCodes('ended ');
const PROPERTY = charCodes('Property(');
const RETURN_VALUE = charCodes('Return value ');
const NOTE_1 = charCodes('Note: 1: ');
const RULE = charCodes('=== ');
const DEBUG = charCodes('DEBUG: ');
const PROPERTY_CHANGE = charCodes('PROPERTY CHANGE: ');
const CUSTOM_ACTION = charCodes('CustomAction ');
const RETURNED_CODE = charCodes(' returned actual error code ');
/** The words before the code at a timed line's end: the installation's status, the engine's return. */
const RETURNS = [charCodes('success or error status: '), charCodes('MainEngineThread is returning ')];
/** MSI's own messages written without a prefix, `Word N.` (`N:` after DEBUG), and their severity. */
export const BARE_WORDS: readonly (readonly [string, number])[] = [['Error', 3], ['Warning', 2], ['Info', 1]];
const BARE = BARE_WORDS.map(([word, sev]) => [charCodes(`${word} `), sev] as const);
/** The most digits of a Windows Installer message number. */
export const MESSAGE_DIGITS = 5;

function at(codes: Codes, i: number, b: number, word: readonly number[]): boolean {
  if (b - i < word.length) return false;
  for (let k = 0; k < word.length; k++) if (codes[i + k] !== word[k]) return false;
  return true;
}

/** A number of 1..max digits at codes[i] (not past b): its value, and where it ends in num.end; -1 when none. */
const num = { end: 0 };
function digits(codes: Codes, i: number, b: number, max: number): number {
  let v = 0;
  let k = i;
  while (k < b && k - i < max && codes[k] >= 48 && codes[k] <= 57) v = v * 10 + codes[k++] - 48;
  num.end = k;
  return k === i ? -1 : v;
}

/** `M/D/YYYY  H:MM:SS` (D.M.YYYY with dots; D/M when the first number cannot be a month) at codes[i]: the wall clock, its end in num.end; NaN when unreadable. */
function bannerStamp(codes: Codes, i: number, b: number): number {
  const p = digits(codes, i, b, 2);
  const sep = codes[num.end];
  if (p < 0 || (sep !== 47 && sep !== 46 && sep !== 45)) return NaN;
  const q = digits(codes, num.end + 1, b, 2);
  if (q < 0 || codes[num.end] !== sep) return NaN;
  const y = digits(codes, num.end + 1, b, 4);
  if (num.end - i < 8 || y < 1601) return NaN;
  const [m, d] = sep === 46 || p > 12 ? [q, p] : [p, q];
  if (m < 1 || m > 12 || d < 1 || d > 31) return NaN;
  const ms = hourClock(codes, skipBlanks(codes, num.end, b), b);
  return ms !== ms ? NaN : daysFromCivil(y, m, d) * DAY_MS + ms;
}

/** `H:MM:SS` (the hour may have one digit) at codes[i]: milliseconds into the day, its end in num.end; or NaN. */
function hourClock(codes: Codes, i: number, b: number): number {
  const h = digits(codes, i, b, 2);
  const c = num.end;
  if (h < 0 || h > 23 || b - c < 6 || codes[c] !== 58 || codes[c + 3] !== 58) return NaN;
  const m = digits(codes, c + 1, c + 3, 2), s = digits(codes, c + 4, c + 6, 2);
  if (m < 0 || s < 0 || m > 59 || s > 60 || num.end !== c + 6) return NaN;
  return ((h * 60 + m) * 60 + s) * 1000;
}

// The state (see LineState): the date of the last banner (days since 1970, NaN before one) and the
// last time of day read (ms, -1 before one; read also before a banner: it says the file is MSI's).
const DAY = 0, LAST = 1;

/** Places the time of day `ms` after the file's date (state), crossing midnight when it went back far. */
function dated(state: LineState | undefined, ms: number): number {
  if (!state) return NaN;
  const known = state[DAY] === state[DAY];
  if (known && state[LAST] >= 0 && ms < state[LAST] - MIDNIGHT_BACK_MS) state[DAY]++;
  state[LAST] = ms;
  return known ? state[DAY] * DAY_MS + ms : NaN;
}

/** The wall clock of the last line read, for the lines MSI writes with no time; NaN when unknown. */
function lastWall(state: LineState | undefined): number {
  return state && state[DAY] === state[DAY] && state[LAST] >= 0 ? state[DAY] * DAY_MS + state[LAST] : NaN;
}

/**
 * The wall clock of a line read with no date (no banner: MSI's lines mixed into another log) by
 * the record before it (`before`): the last time of day read, on the day of that record nearest
 * to it (a line just after midnight follows a record just before it). NaN when either is unknown.
 * The state's date stays unknown: the next such line is dated by the record before it in turn.
 */
function datedBy(state: LineState | undefined, before: number): number {
  if (!state || state[LAST] < 0 || before !== before) return NaN;
  const wall = Math.floor(before / DAY_MS) * DAY_MS + state[LAST];
  return wall - before > MIDNIGHT_BACK_MS ? wall - DAY_MS : before - wall > MIDNIGHT_BACK_MS ? wall + DAY_MS : wall;
}

/**
 * Whether the scan has read nothing yet that says the file is MSI's: no banner, no timed line. Its
 * bare lines (`Error 5.`, `CustomAction ... returned`) are records only in an MSI log. No state
 * (`parts` reading a record the scan claimed already): not asked.
 */
function notMsiYet(state: LineState | undefined): boolean {
  return state !== undefined && state[DAY] !== state[DAY] && state[LAST] < 0;
}

/**
 * MSI's own message written bare at codes[w] (`Error 1722.`, `DEBUG: Error 2826:` when `debug`):
 * its severity, with the word's end in num.end; -1 when the line is not one. A DEBUG line's error
 * is an internal one (2xxx: for the package's author, like a `Note: 1: N`): information.
 */
function bareSeverity(codes: Codes, w: number, b: number, debug: boolean): number {
  for (const [word, sev] of BARE) {
    if (!at(codes, w, b, word) || (debug && sev !== 3)) continue;
    const n = w + word.length;
    const v = digits(codes, n, b, MESSAGE_DIGITS);
    const after = codes[num.end];
    if (v < 0 || after !== (debug ? 58 : 46)) return -1;
    num.end = n - 1;
    return debug ? 1 : sev;
  }
  return -1;
}

/** The note that says the installation failed: the one note that is an error. */
export const INSTALL_FAILED_NOTE = 1708;

/**
 * The severity MSI writes in words: `Action ended ...: X. Return value 3.` (the action failed) and
 * `Note: 1: 1708` (installation failed) are errors, `Return value 2` (cancelled by the user) a
 * warning, any other `Note: 1: N` an internal note (2205: a table the package lacks; its `3: Error`
 * names the table): information; else -1, the keyword rule.
 */
function noteSeverity(codes: Codes, m: number, b: number): number {
  const n = noteNumber(codes, m, b);
  return n < 0 ? -1 : n === INSTALL_FAILED_NOTE ? 3 : 1;
}

/** The message number of an internal note at codes[m] (`Note: 1: 2205 2: ...`), or -1 when none is there. */
export function noteNumber(codes: Codes, m: number, b: number): number {
  return at(codes, m, b, NOTE_1) ? digits(codes, m + NOTE_1.length, b, MESSAGE_DIGITS) : -1;
}

/** The severity of a Windows Installer return code: a success information; the user's cancel a warning; any other a failure. */
function exitCodeSeverity(code: number): number {
  return MSI_SUCCESS_CODES.includes(code) ? 1 : code === MSI_USER_CANCELLED ? 2 : 3;
}

/**
 * The code a timed line ends with after one of RETURNS (`... Installation success or error status:
 * 1603.`, `MainEngineThread is returning 0`): its severity, or -1. Reads back from the line's end
 * only (a few dozen characters), so no line is searched.
 */
function statusSeverity(codes: Codes, m: number, end: number): number {
  let e = end;
  while (e > m && (codes[e - 1] === 32 || codes[e - 1] === 9)) e--;
  if (e > m && codes[e - 1] === 46) e--;
  let d = e;
  while (d > m && e - d < 10 && codes[d - 1] >= 48 && codes[d - 1] <= 57) d--;
  if (d === e) return -1;
  for (const words of RETURNS) {
    if (d - m >= words.length && at(codes, d - words.length, d, words)) return exitCodeSeverity(digits(codes, d, e, 10));
  }
  return -1;
}

function returnSeverity(codes: Codes, a: number, b: number): number {
  for (let i = a; i < b; i++) {
    if (codes[i] === 82 && at(codes, i, b, RETURN_VALUE)) {
      const v = codes[i + RETURN_VALUE.length];
      return v === 51 ? 3 : v === 50 ? 2 : -1;
    }
  }
  return -1;
}

function readMsiLine(codes: Codes, a: number, eol: number, out: LineRecord, state?: LineState): boolean {
  const end = contentEnd(codes, a, eol);
  const head = Math.min(end, a + LINE_HEAD);
  // The first line may start with the byte order mark of a UTF-16 log.
  const s = codes[a] === 0xfeff ? a + 1 : a;
  let wall: number;
  let msg: number;
  let sev = -1;
  const c0 = codes[s];
  if (c0 === 61 && at(codes, s, head, RULE)) {
    const w = s + 4;
    const banner = BANNERS.find((word) => at(codes, w, head, word));
    if (!banner) return false;
    const stamp = bannerStamp(codes, w + banner.length, head);
    if (stamp !== stamp) return false;
    startRecord(out, a, w + banner.length, num.end);
    if (state) {
      state[DAY] = Math.floor(stamp / DAY_MS);
      state[LAST] = stamp - state[DAY] * DAY_MS;
    }
    wall = stamp;
    msg = s;
    sev = 1;
  } else if (c0 === 77 && at(codes, s, head, MSI)) {
    // MSI (s) (7C:2C) [13:45:10:123]: message
    const cA = s + MSI.length;
    const cB = find(codes, 41, cA, Math.min(head, cA + 8));
    if (cB === cA || codes[cB] !== 41 || codes[cB + 1] !== 32 || codes[cB + 2] !== 40) return false;
    const tA = cB + 3;
    const tB = find(codes, 41, tA, Math.min(head, tA + 24));
    if (tB === tA || codes[tB] !== 41 || codes[tB + 1] !== 32 || codes[tB + 2] !== 91) return false;
    const k = tB + 3;
    const t = readClock(codes, k, head);
    if (t !== k + 8 || codes[t] !== 58) return false;
    const ms = digits(codes, t + 1, head, 3);
    if (ms < 0 || num.end !== t + 4 || codes[t + 4] !== 93 || codes[t + 5] !== 58) return false;
    const day = timeOut.ms + ms;
    startRecord(out, a, k - 1, t + 5);
    // `MSI (s)`, not `s`: the Outline groups the server and client processes under what they say.
    out.compStart = s;
    out.compEnd = cB + 1;
    out.threadStart = tA;
    out.threadEnd = tB;
    wall = dated(state, day);
    msg = skipBlanks(codes, t + 6, end);
    sev = noteSeverity(codes, msg, head);
    if (sev < 0) sev = statusSeverity(codes, msg, end);
    if (sev < 0 && at(codes, msg, head, PROPERTY_CHANGE)) sev = 1;
  } else if (c0 === 65 && at(codes, s, head, ACTION)) {
    // Action start 13:45:10: X.   Action ended 13:45:12: X. Return value 1.   Action 13:45:10: X.
    let k = s + ACTION.length;
    const ended = at(codes, k, head, ENDED);
    if (ended || at(codes, k, head, STARTED)) k += 6;
    const day = hourClock(codes, k, head);
    const t = num.end;
    if (day !== day || codes[t] !== 58) return false;
    startRecord(out, a, k, t);
    out.compStart = s;
    out.compEnd = s + ACTION.length - 1;
    wall = dated(state, day);
    // The whole line: `Action start` and `Action ended` told apart in the table and export.
    msg = s;
    sev = ended ? returnSeverity(codes, t + 1, head) : 1;
    if (sev < 0) sev = 1;
  } else if (c0 === 80 && at(codes, s, head, PROPERTY)) {
    // Property(S): Name = value, dumped with no time: the last line's.
    const p = s + PROPERTY.length;
    if (codes[p + 1] !== 41 || codes[p + 2] !== 58 || codes[p + 3] !== 32) return false;
    startRecord(out, a, a, a);
    // `Property(S)` as written (as timed lines are `MSI (s)`): not a bare letter beside them.
    out.compStart = s;
    out.compEnd = p + 2;
    wall = lastWall(state);
    msg = p + 4;
    sev = 1;
  } else if (c0 === 67 && at(codes, s, head, CUSTOM_ACTION)) {
    // CustomAction CA_X returned actual error code 1603 (note this may not be 100% accurate ...):
    // MSI's verdict on a custom action, a record of its own (not a continuation of the action's
    // start, which it would turn red). Only in an MSI log, as the bare messages below.
    if (notMsiYet(state)) return false;
    const n = wordEnd(codes, s + CUSTOM_ACTION.length, head);
    if (n === s + CUSTOM_ACTION.length || !at(codes, n, head, RETURNED_CODE)) return false;
    const code = digits(codes, n + RETURNED_CODE.length, head, 10);
    if (code < 0) return false;
    startRecord(out, a, a, a);
    out.compStart = s;
    out.compEnd = s + CUSTOM_ACTION.length - 1;
    wall = lastWall(state);
    msg = s;
    sev = exitCodeSeverity(code);
  } else if (c0 === 69 || c0 === 87 || c0 === 73 || c0 === 68) {
    // Error 1722. ...   Warning 1946. ...   Info 2898.For ...   DEBUG: Error 2826: ...
    // Only in an MSI log (a banner or a timed line read): a text file's `Error 5.` is not one.
    // (No state: `parts` reads again a record the scan already claimed.)
    if (notMsiYet(state)) return false;
    const debug = c0 === 68;
    if (debug && !at(codes, s, head, DEBUG)) return false;
    const w = debug ? s + DEBUG.length : s;
    sev = bareSeverity(codes, w, head, debug);
    if (sev < 0) return false;
    startRecord(out, a, a, a);
    out.levelStart = w;
    out.levelEnd = num.end;
    wall = lastWall(state);
    msg = s;
  } else {
    return false;
  }
  out.wall = wall;
  out.msgStart = Math.min(msg, end);
  out.msgEnd = end;
  out.severity = sev;
  return true;
}

export const msi = lineFormat({
  id: 'msi',
  name: 'MSI verbose log',
  continues: true,
  judgedByFirstLine: true,
  clockLacksDate: true,
  newState: () => Float64Array.of(NaN, -1),
  datedBy,
  readLine: readMsiLine,
});
