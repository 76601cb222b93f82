// Where a record's markup is on the lines asked for: CMTrace's `<![LOG[` and its `]LOG]!><time=...>`
// tail, the legacy `$$<component><time><thread=...>` tail. The client dims them with a colour of
// its own (`cmlog.markupForeground`): no TextMate scope is grey in every default theme (Light+
// colours tag punctuation maroon), and the message is what a reader reads. Bounded like the
// outline: records starting in the lines asked for (and the one running into them), at most `limit`.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LogFile } from '../logFile';
import { EntryFlag } from '../model';
import type { MarkupRange } from '../protocol';
import { RESULT_LIMIT } from './symbols';

/** Longest tail looked at: an attribute block is short; a hostile one is not read whole. */
const TAIL_MAX = 4096;

export function markupRanges(doc: TextDocument, log: LogFile, startLine: number, endLine: number, limit = RESULT_LIMIT): MarkupRange[] {
  const out: MarkupRange[] = [];
  const t = log.table;
  const push = (a: number, b: number) => {
    if (b <= a) return;
    const p = doc.positionAt(a);
    if (p.line >= startLine && p.line <= endLine) out.push({ line: p.line, start: p.character, end: p.character + (b - a) });
  };
  for (let i = Math.max(0, t.lastAtOrBeforeLine(startLine)); i < log.entryCount && log.line(i) <= endLine && out.length < limit; i++) {
    const msgEnd = t.msgEnd[i];
    push(t.start[i], t.msgStart[i]);
    if (t.flags[i] & EntryFlag.Truncated) continue; // a record cut short has no tail
    // The tail ends with its line: what follows a line break is not markup.
    const tail = log.text(msgEnd, Math.min(t.end[i], msgEnd + TAIL_MAX));
    const br = tail.search(/[\r\n]/);
    push(msgEnd, msgEnd + (br < 0 ? tail.length : br));
  }
  return out;
}
