// PowerShell App Deployment Toolkit v4:
// `[2026-07-29 09:00:00.100] [Initialization] [Open-ADTSession] [Info] :: message`. Local time;
// the level in brackets (Info, Success, Warning, Error) is the severity, the function writing it
// the component. A message's further lines belong to it.
import { LINE_HEAD } from './format';
import { startRecord, contentEnd, find, isoStamp, levelSeverity, lineFormat, stampOut } from './lineFormat';

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
    // Three bracketed fields: section, source, level (in locals: no array made per line).
    let i = t + 1;
    if (codes[i] !== 32 || codes[i + 1] !== 91) return false;
    const sectionEnd = find(codes, 93, i + 2, head);
    if (sectionEnd >= head) return false;
    i = sectionEnd + 1;
    if (codes[i] !== 32 || codes[i + 1] !== 91) return false;
    const sourceA = i + 2;
    const sourceB = find(codes, 93, sourceA, head);
    if (sourceB >= head) return false;
    i = sourceB + 1;
    if (codes[i] !== 32 || codes[i + 1] !== 91) return false;
    const levelA = i + 2;
    const levelB = find(codes, 93, levelA, head);
    if (levelB >= head) return false;
    i = levelB + 1;
    if (codes[i] !== 32 || codes[i + 1] !== 58 || codes[i + 2] !== 58) return false;
    startRecord(out, a, a, t + 1);
    out.wall = stampOut.wall;
    out.compStart = sourceA;
    out.compEnd = sourceB;
    out.levelStart = levelA;
    out.levelEnd = levelB;
    out.severity = levelSeverity(codes, levelA, levelB);
    out.msgStart = codes[i + 3] === 32 ? i + 4 : i + 3;
    out.msgEnd = Math.max(end, out.msgStart);
    return true;
  },
});
