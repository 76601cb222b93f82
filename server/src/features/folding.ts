// Multi-line records (stack traces, script output) and runs of unparsed text fold. At most `limit`
// ranges: the client's rangeLimit, else RESULT_LIMIT (a 50 MB log has hundreds of thousands).
import type { FoldingRange } from 'vscode-languageserver';
import type { LogFile } from '../logFile';
import { RESULT_LIMIT } from './symbols';

export function foldingRanges(log: LogFile, limit = RESULT_LIMIT): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (let i = 0; i < log.entryCount && out.length < limit; i++) {
    const line = log.line(i);
    // Cheap test first: a one-line record ends on the line it starts (and the next starts after).
    const next = i + 1 < log.entryCount ? log.line(i + 1) : log.lineCount;
    if (next - line < 2) continue;
    const endLine = log.endLine(i);
    if (endLine > line) out.push({ startLine: line, endLine });
  }
  // A span's last line is found from its end: an unparsed file of 100 MB is one span.
  const { spans } = log;
  for (let k = 0; k < spans.count && out.length < limit; k++) {
    const line = spans.line[k], endLine = log.spanEndLine(k);
    if (endLine > line) out.push({ startLine: line, endLine, kind: 'region' });
  }
  return out;
}
