// Two writers that stamp lines with the C library's asctime: ConfigMgr setup and role setup logs
// (`<Fri Dec  9 11:25:00 2022> message`) and the Intune device inventory agent's
// InventoryAdaptor.log (`[Thu Jul 30 13:05:01 2026][8604] - message`). Local time, no level
// column (keywords judge), and the lines after a record (JSON results) belong to it.
import { readAsctime, timeOut } from '../time';
import { startRecord, contentEnd, find, isNumber, lineFormat } from './lineFormat';

export const setup = lineFormat({
  id: 'setup',
  name: 'ConfigMgr setup',
  continues: true,
  readLine(codes, a, eol, out) {
    const end = contentEnd(codes, a, eol);
    if (codes[a] !== 60) return false;
    const wall = readAsctime(codes, a + 1, end);
    if (wall !== wall || codes[timeOut.end] !== 62) return false;
    startRecord(out, a, a, timeOut.end + 1);
    out.wall = wall;
    out.msgStart = codes[timeOut.end + 1] === 32 ? timeOut.end + 2 : timeOut.end + 1;
    out.msgEnd = Math.max(end, out.msgStart);
    return true;
  },
});

export const inventory = lineFormat({
  id: 'inventory',
  name: 'Intune inventory',
  continues: true,
  readLine(codes, a, eol, out) {
    const end = contentEnd(codes, a, eol);
    if (codes[a] !== 91) return false;
    const wall = readAsctime(codes, a + 1, end);
    const t = timeOut.end;
    if (wall !== wall || codes[t] !== 93 || codes[t + 1] !== 91) return false;
    const th = t + 2;
    const thEnd = find(codes, 93, th, Math.min(end, th + 11));
    if (!isNumber(codes, th, thEnd)) return false;
    startRecord(out, a, a, t + 1);
    out.wall = wall;
    out.threadStart = th;
    out.threadEnd = thEnd;
    let m = thEnd + 1;
    if (codes[m] === 32 && codes[m + 1] === 45 && codes[m + 2] === 32) m += 3;
    out.msgStart = Math.min(m, end);
    out.msgEnd = end;
    return true;
  },
});
