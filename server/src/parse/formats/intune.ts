// Intune agents' own logs. Company Portal (Windows): `2026-05-04T15:00:00.1000000Z  INFO  Event ...`,
// in UTC (the `Z`), its level word the severity. The macOS agent (IntuneMDMDaemon*.log):
// `2025-08-11 16:27:57:288 | IntuneMDM-Daemon | I | 89007856 | Component | message`, local time,
// the level a letter (I, W, E), then thread and component.
import { UTC_OFFSET } from '../time';
import { LINE_HEAD } from './format';
import { startRecord, contentEnd, find, isNumber, isoStamp, levelSeverity, lineFormat, skipBlanks, stampOut, wordEnd } from './lineFormat';

export const companyPortal = lineFormat({
  id: 'portal',
  name: 'Company Portal',
  continues: true,
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
