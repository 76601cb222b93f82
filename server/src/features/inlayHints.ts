// Inlay hints at the start of each record: its time as written (and, by settings, its component and
// thread), so a CMTrace line, whose attributes sit at its far right, reads like CMTrace's columns.
// A part is shown only where the record writes it after its message (CMTrace, legacy): the line
// formats (MSI, CBS, PSADT, WindowsUpdate, Company Portal, macOS) write theirs before it, where the
// eye already reads them, and a hint there only said it twice. Always as written, never converted,
// so a hint reads like the line it stands for.
// Only records starting in the requested range, and at most `limit` of them (the editor asks for
// the visible lines; a hostile range over a 50 MB log must not build 275,000 hints).
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LogFile } from '../logFile';
import { clip } from '../explain/markdown';
import { visibleLine } from '../explain/plainText';
import { RESULT_LIMIT } from './symbols';

export interface InlayHintSettings { enabled: boolean; component: boolean; thread: boolean }
export const inlayHintDefaults: InlayHintSettings = { enabled: true, component: false, thread: false };

/** Longest part shown (log text: a component can be anything). */
const PART_MAX = 40;

export function inlayHints(doc: TextDocument, log: LogFile, range: Range, s: InlayHintSettings, limit = RESULT_LIMIT): InlayHint[] {
  if (!s.enabled) return [];
  const out: InlayHint[] = [];
  const first = Math.max(0, range.start.line);
  // The first record starting on or after the range's first line.
  let i = log.table.lastAtOrBeforeLine(first - 1) + 1;
  for (; i < log.entryCount && log.line(i) <= range.end.line && out.length < limit; i++) {
    const p = log.parts(i);
    // Read no more than is shown: an attribute can be megabytes long.
    const read = (r: [number, number] | undefined) => (r && r[0] >= p.message[1] ? visibleLine(clip(log.text(r[0], Math.min(r[1], r[0] + PART_MAX + 1)), PART_MAX)) : '');
    const parts = [read(p.time)];
    if (s.component) parts.push(read(p.component));
    if (s.thread) parts.push(read(p.thread));
    const label = parts.filter((x) => x !== '').join(' · ');
    if (label === '') continue; // nothing written to show
    out.push({ position: doc.positionAt(log.table.start[i]), label, kind: InlayHintKind.Type, paddingRight: true });
  }
  return out;
}
