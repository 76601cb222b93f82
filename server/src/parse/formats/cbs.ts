// CBS.log, DISM.log and Panther's setupact.log / setuperr.log (Windows servicing and setup):
// `2024-01-15 08:00:00, Info                  CBS    message`. Local time with no offset; the
// level word (Info, Warning, Error, Perf) is the severity; the lines after a record that no format
// claims (stack details, indented dumps) belong to it.
import { LINE_HEAD } from './format';
import { startRecord, contentEnd, isoStamp, levelSeverity, lineFormat, skipBlanks, stampOut, wordEnd } from './lineFormat';

export const cbs = lineFormat({
  id: 'cbs',
  name: 'CBS / DISM / Panther',
  continues: true,
  readLine(codes, a, eol, out) {
    const end = contentEnd(codes, a, eol);
    const head = Math.min(end, a + LINE_HEAD);
    const t = isoStamp(codes, a, end, 32);
    if (t < 0 || codes[t] !== 44 || codes[t + 1] !== 32) return false;
    const lv = skipBlanks(codes, t + 1, head);
    const lvEnd = wordEnd(codes, lv, head);
    const sev = levelSeverity(codes, lv, lvEnd);
    if (lvEnd === lv) return false;
    startRecord(out, a, a, t);
    out.levelStart = lv;
    out.levelEnd = lvEnd;
    out.wall = stampOut.wall;
    out.severity = sev;
    const c = skipBlanks(codes, lvEnd, end);
    const cEnd = wordEnd(codes, c, end);
    out.compStart = c;
    out.compEnd = cEnd;
    out.msgStart = skipBlanks(codes, cEnd, end);
    out.msgEnd = end;
    return true;
  },
});
