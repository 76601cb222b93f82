// PowerShell App Deployment Toolkit v4:
// `[2026-07-29 09:00:00.100] [Initialization] [Open-ADTSession] [Info] :: message`. Local time;
// the level in brackets (Info, Success, Warning, Error) is the severity, the function writing it
// the component. A message's further lines belong to it.
import { NO_OFFSET } from '../time';
import { LINE_HEAD } from './format';
import { clearRecord, contentEnd, find, isoStamp, levelSeverity, lineFormat, stampOut } from './lineFormat';

export const psadt = lineFormat({
  id: 'psadt',
  name: 'PSADT',
  continues: true,
  readLine(codes, a, eol, out) {
    const end = contentEnd(codes, a, eol);
    const head = Math.min(end, a + LINE_HEAD);
    if (codes[a] !== 91) return false;
    const t = isoStamp(codes, a + 1, end, 32);
    if (t < 0 || codes[t] !== 93) return false;
    // Three bracketed fields: section, source, level.
    let i = t + 1;
    const open: number[] = [0, 0, 0];
    const close: number[] = [0, 0, 0];
    for (let k = 0; k < 3; k++) {
      if (codes[i] !== 32 || codes[i + 1] !== 91) return false;
      open[k] = i + 2;
      close[k] = find(codes, 93, i + 2, head);
      if (close[k] >= head) return false;
      i = close[k] + 1;
    }
    if (codes[i] !== 32 || codes[i + 1] !== 58 || codes[i + 2] !== 58) return false;
    clearRecord(out, a);
    out.clockStart = a;
    out.clockEnd = t + 1;
    out.wall = stampOut.wall;
    out.offset = NO_OFFSET;
    out.compStart = open[1];
    out.compEnd = close[1];
    out.levelStart = open[2];
    out.levelEnd = close[2];
    out.severity = levelSeverity(codes, open[2], close[2]);
    out.msgStart = codes[i + 3] === 32 ? i + 4 : i + 3;
    out.msgEnd = Math.max(end, out.msgStart);
    return true;
  },
});
