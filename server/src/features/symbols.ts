// The Outline: errors and warnings under their component, so Ctrl+Shift+O jumps to them. A group is
// a run of consecutive flagged records of one component, in document order: a group spanning a
// component's first to last record would contain other components' groups, and the breadcrumbs
// (the innermost symbol containing the cursor) would name it on their lines. A component's runs
// share its name and tell apart by their time span (detail). At most RESULT_LIMIT symbols, groups
// counted (as VS Code's JSON server's resultLimit): a 50 MB log would give 275,000 symbols, a 46 MB
// reply asked for by the outline and breadcrumbs.
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
  const groups: DocumentSymbol[] = [];
  let group: DocumentSymbol | undefined;
  let groupComponent = '';
  let firstWall = NaN;
  let lastWall = NaN;
  let count = 0;
  for (let i = 0; i < log.entryCount; i++) {
    const sev = log.severity(i);
    if (sev !== Severity.Error && sev !== Severity.Warning) continue;
    const component = log.component(i) || '(no component)';
    const opens = !group || component !== groupComponent;
    // A new group needs room for itself and its first record.
    if (count + (opens ? 2 : 1) > limit) break;
    const line = log.line(i);
    const range = lineRange(line, log.endLine(i), doc);
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
    if (opens) {
      if (group) group.detail = span(firstWall, lastWall);
      group = { name: visibleLine(component), kind: SymbolKind.Namespace, range, selectionRange: symbol.selectionRange, children: [] };
      groups.push(group);
      groupComponent = component;
      firstWall = lastWall = NaN;
      count++;
    }
    group!.children!.push(symbol);
    group!.range = { start: group!.range.start, end: range.end };
    if (Number.isNaN(firstWall)) firstWall = wall;
    if (!Number.isNaN(wall)) lastWall = wall;
    count++;
  }
  if (group) group.detail = span(firstWall, lastWall);
  return groups;
}

/** A run's first to last time as written order has them; the date once when both share it. */
function span(first: number, last: number): string {
  if (Number.isNaN(first)) return Number.isNaN(last) ? '' : formatWall(last);
  const from = formatWall(first);
  if (Number.isNaN(last) || last === first) return from;
  const to = formatWall(last);
  return `${from} – ${to.slice(0, 11) === from.slice(0, 11) ? to.slice(11) : to}`;
}
