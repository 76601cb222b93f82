// Intune agents' own logs. Company Portal (Windows): `2026-05-04T15:00:00.1000000Z  INFO  Event ...`,
// in UTC (the `Z`), its level word the severity (see `companyPortal` for its other columns). The macOS agent (IntuneMDMDaemon*.log):
// `2025-08-11 16:27:57:288 | IntuneMDM-Daemon | I | 89007856 | Component | message`, local time,
// the level a letter (I, W, E), then thread and component.
import { type Codes, UTC_OFFSET } from '../time';
import { LINE_HEAD } from './format';
import { startRecord, contentEnd, find, isNumber, isoStamp, levelSeverity, lineFormat, skipBlanks, stampOut, wordEnd } from './lineFormat';

/**
 * The columns after a Company Portal line's level, as the one record published verbatim shows them
 * (Microsoft documents the log's place, not its columns):
 * `Event  None  0  1487dc30-3bb0-46bf-98ee-76771bd9953e  12-0-0  [Configuration Manager Trace Listener] text`.
 * Only two are plain from their shape: a GUID (an activity or correlation id) and the app's
 * version (12-0-0). `Event` and `None` have no documented meaning, nor has the number: it counts
 * 0, 1, ... in the samples, a sequence rather than a thread, so it is not shown as one. They, and
 * the GUID, stay in the message. The `[tag]` that opens the text names the part of the app that
 * wrote it (a trace listener, `Sync`): the component.
 */
const GUID = 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx';
/** At most this many space-separated words are read before the GUID (the multi-word columns before it). */
const WORDS_BEFORE_TAG = 12;

function isGuid(codes: Codes, a: number, b: number): boolean {
  if (b - a !== GUID.length) return false;
  for (let k = 0; k < GUID.length; k++) {
    const c = codes[a + k];
    const hex = (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);
    if (GUID.charCodeAt(k) === 45 ? c !== 45 : !hex) return false;
  }
  return true;
}

/** Whether codes[a, b) is an app version as the portal writes it, `12-0-0`. */
function isVersion(codes: Codes, a: number, b: number): boolean {
  let parts = 1;
  let digits = 0;
  for (let i = a; i < b; i++) {
    const c = codes[i];
    if (c === 45 && digits > 0) { parts++; digits = 0; } else if (c >= 48 && c <= 57) digits++; else return false;
  }
  return parts === 3 && digits > 0;
}

/** `Event`, the first column in the published record and in every sample. */
const EVENT = [69, 118, 101, 110, 116];

/**
 * Sets tag.a/b to the `[tag]` after the GUID and version columns from codes[i] on (not past b); false
 * when there is none. Only a line whose columns start with `Event` is walked: most lines of other
 * shapes cost five compares rather than a walk over their first words (the walk over every line
 * made the portal's parse a third slower).
 */
const tag = { a: 0, b: 0 };
function portalTag(codes: Codes, i: number, b: number): boolean {
  if (b - i <= EVENT.length || (codes[i + EVENT.length] !== 32 && codes[i + EVENT.length] !== 9)) return false;
  for (let k = 0; k < EVENT.length; k++) if (codes[i + k] !== EVENT[k]) return false;
  for (let w = 0; w < WORDS_BEFORE_TAG && i < b; w++) {
    const e = wordEnd(codes, i, b);
    if (isGuid(codes, i, e)) {
      const v = skipBlanks(codes, e, b);
      const ve = wordEnd(codes, v, b);
      const t = skipBlanks(codes, ve, b);
      if (!isVersion(codes, v, ve) || codes[t] !== 91) return false;
      const close = find(codes, 93, t + 1, b);
      if (close >= b || close === t + 1 || find(codes, 91, t + 1, close) < close) return false;
      tag.a = t + 1;
      tag.b = close;
      return true;
    }
    i = skipBlanks(codes, e, b);
  }
  return false;
}

export const companyPortal = lineFormat({
  id: 'portal',
  name: 'Company Portal',
  continues: true,
  writesUtc: true,
  readLine(codes, a, eol, out) {
    const end = contentEnd(codes, a, eol);
    const head = Math.min(end, a + LINE_HEAD);
    // The first line may start with a byte order mark the decoder kept.
    const s = codes[a] === 0xfeff ? a + 1 : a;
    const t = isoStamp(codes, s, end, 84);
    if (t < 0 || codes[t] !== 90 || (codes[t + 1] !== 32 && codes[t + 1] !== 9)) return false;
    const lv = skipBlanks(codes, t + 1, head);
    const lvEnd = wordEnd(codes, lv, head);
    const sev = levelSeverity(codes, lv, lvEnd);
    if (sev < 0) return false;
    startRecord(out, a, s, t + 1);
    out.levelStart = lv;
    out.levelEnd = lvEnd;
    out.wall = stampOut.wall;
    out.offset = UTC_OFFSET;
    out.severity = sev;
    out.msgStart = skipBlanks(codes, lvEnd, end);
    out.msgEnd = end;
    if (portalTag(codes, out.msgStart, head)) {
      out.compStart = tag.a;
      out.compEnd = tag.b;
    }
    return true;
  },
});

/** The field codes[i, ...) of a `|`-separated line, trimmed: sets field.a/b, returns where the next starts (after its `|`) or -1 when none follows. */
const field = { a: 0, b: 0 };
function nextField(codes: Parameters<typeof find>[0], i: number, end: number): number {
  const bar = find(codes, 124, i, end);
  if (bar >= end) return -1;
  let b = bar;
  while (b > i && codes[b - 1] === 32) b--;
  field.a = skipBlanks(codes, i, b);
  field.b = b;
  return bar + 1;
}

export const intuneMac = lineFormat({
  id: 'intunemac',
  name: 'Intune macOS agent',
  continues: true,
  readLine(codes, a, eol, out) {
    const end = contentEnd(codes, a, eol);
    const head = Math.min(end, a + LINE_HEAD);
    // `HH:mm:ss:fff`: the clock reads to the seconds, the milliseconds follow a colon.
    const t = isoStamp(codes, a, end, 32);
    if (t !== a + 19 || codes[t] !== 58 || !isNumber(codes, t + 1, t + 4) || codes[t + 4] !== 32 || codes[t + 5] !== 124) return false;
    const ms = (codes[t + 1] - 48) * 100 + (codes[t + 2] - 48) * 10 + (codes[t + 3] - 48);
    let i = nextField(codes, t + 6, head); // process
    if (i < 0) return false;
    i = nextField(codes, i, head);
    const severity = i < 0 ? -1 : levelSeverity(codes, field.a, field.b);
    if (severity < 0) return false;
    const lvA = field.a, lvB = field.b;
    i = nextField(codes, i, head);
    if (i < 0) return false;
    const thA = field.a, thB = field.b;
    i = nextField(codes, i, head);
    if (i < 0) return false;
    startRecord(out, a, a, t + 4);
    out.wall = stampOut.wall + ms;
    out.levelStart = lvA;
    out.levelEnd = lvB;
    out.severity = severity;
    out.threadStart = thA;
    out.threadEnd = thB;
    out.compStart = field.a;
    out.compEnd = field.b;
    out.msgStart = skipBlanks(codes, i, end);
    out.msgEnd = Math.max(end, out.msgStart);
    return true;
  },
});
