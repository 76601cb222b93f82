// WindowsUpdate.log as Get-WindowsUpdateLog decodes it (Windows 10 and later):
// `2021/07/13 10:22:58.9553434 3696  8172  Agent  message` (process id, thread id, component).
// Local time; no level column, so the message's keywords judge the severity.
import { LINE_HEAD } from './format';
import { startRecord, contentEnd, isNumber, isoStamp, lineFormat, skipBlanks, stampOut, wordEnd } from './lineFormat';

export const windowsUpdate = lineFormat({
  id: 'wu',
  name: 'WindowsUpdate',
  continues: true,
  readLine(codes, a, eol, out) {
    const end = contentEnd(codes, a, eol);
    const head = Math.min(end, a + LINE_HEAD);
    if (codes[a + 4] !== 47) return false;
    const t = isoStamp(codes, a, end, 32);
    if (t < 0 || (codes[t] !== 32 && codes[t] !== 9)) return false;
    const p = skipBlanks(codes, t, head);
    const pEnd = wordEnd(codes, p, head);
    const th = skipBlanks(codes, pEnd, head);
    const thEnd = wordEnd(codes, th, head);
    if (!isNumber(codes, p, pEnd) || !isNumber(codes, th, thEnd)) return false;
    const c = skipBlanks(codes, thEnd, head);
    const cEnd = wordEnd(codes, c, head);
    if (cEnd === c) return false;
    startRecord(out, a, a, t);
    out.wall = stampOut.wall;
    out.threadStart = th;
    out.threadEnd = thEnd;
    out.compStart = c;
    out.compEnd = cEnd;
    out.msgStart = skipBlanks(codes, cEnd, end);
    out.msgEnd = end;
    return true;
  },
});
