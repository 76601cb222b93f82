// The Outline: errors and warnings grouped by component, so Ctrl+Shift+O jumps to them. At most
// RESULT_LIMIT records (as VS Code's JSON server's resultLimit): a 50 MB log would give 275,000
// symbols, a 46 MB reply asked for by the outline, breadcrumbs and sticky scroll.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LogFile } from '../logFile';
import { clip } from '../explain/markdown';
import { visibleLine } from '../explain/plainText';
import { Severity } from '../model';
import { formatWall } from '../parse/time';
import { messageHead } from '../rules/logSet';
import { lineRange } from './positions';

/** Symbols (or folding ranges) per reply, at most. */
export const RESULT_LIMIT = 5000;

export function documentSymbols(doc: TextDocument, log: LogFile, limit = RESULT_LIMIT): DocumentSymbol[] {
  const groups = new Map<string, DocumentSymbol>();
  let count = 0;
  for (let i = 0; i < log.entryCount && count < limit; i++) {
    const sev = log.severity(i);
    if (sev !== Severity.Error && sev !== Severity.Warning) continue;
    const component = log.component(i) || '(no component)';
    const line = log.line(i);
    const range = lineRange(line, log.endLine(i), doc);
    count++;
    // The head of the message only: a record can be megabytes long.
    const first = messageHead(log, i, 200).split('\n', 1)[0].trim();
    const wall = log.table.wall[i];
    const symbol: DocumentSymbol = {
      // Log text: control characters (ESC, BEL, U+202E...) show as escapes in the Outline.
      name: visibleLine(clip(first, 100)) || '(empty message)',
      detail: `${sev === Severity.Error ? 'error' : 'warning'}${Number.isNaN(wall) ? '' : ' · ' + formatWall(wall)}`,
      kind: sev === Severity.Error ? SymbolKind.Event : SymbolKind.Property,
      range,
      selectionRange: lineRange(line, line, doc),
    };
    let group = groups.get(component);
    if (!group) {
      group = { name: visibleLine(component), kind: SymbolKind.Namespace, range, selectionRange: symbol.selectionRange, children: [] };
      groups.set(component, group);
    }
    group.children!.push(symbol);
    group.range = { start: group.range.start, end: range.end };
  }
  return [...groups.values()];
}
