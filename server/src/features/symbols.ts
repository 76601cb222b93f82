// The Outline: errors and warnings under their component, so Ctrl+Shift+O jumps to them. A group is
// a run of consecutive flagged records of one component, in document order: a group spanning a
// component's first to last record would contain other components' groups, and the breadcrumbs
// (the innermost symbol containing the cursor) would name it on their lines. A component's runs
// share its name and tell apart by their time span (detail). At most RESULT_LIMIT symbols, groups
// counted (as VS Code's JSON server's resultLimit): a 50 MB log would give 275,000 symbols, a 46 MB
// reply asked for by the outline and breadcrumbs.
// The file's problems (its findings) follow in one "Problems" group, named by rule title and line: a
// log of information records with warnings found would otherwise show "No editor symbols". They get
// at most half the limit (so a log of many errors keeps its records) and come last, so the
// breadcrumbs, which name the first symbol containing the cursor, prefer a record's own group.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LogFile } from '../logFile';
import { clip } from '../explain/markdown';
import { visibleLine } from '../explain/plainText';
import { Severity, type Finding } from '../model';
import type { Rule } from '../rules/types';
import { formatWall } from '../parse/time';
import { messageHead } from '../rules/logSet';
import { lineRange } from './positions';

/** Symbols (or folding ranges) per reply, at most. */
export const RESULT_LIMIT = 5000;

/** A file's findings (sorted by line, as the validator keeps them) and the rules that titled them. */
export interface SymbolProblems { findings: readonly Finding[]; rules: readonly Rule[] }

export function documentSymbols(doc: TextDocument, log: LogFile, problems?: SymbolProblems, limit = RESULT_LIMIT): DocumentSymbol[] {
  const problemGroup = problems ? problemSymbols(doc, problems, Math.floor(limit / 2)) : undefined;
  const groups = recordSymbols(doc, log, limit - (problemGroup ? 1 + problemGroup.children!.length : 0));
  if (problemGroup) groups.push(problemGroup);
  return groups;
}

/** The "Problems" group: one symbol per finding, in line order, at most `limit` symbols with the group. */
function problemSymbols(doc: TextDocument, { findings, rules }: SymbolProblems, limit: number): DocumentSymbol | undefined {
  const titles = new Map(rules.map((r) => [r.id, r.title]));
  const children: DocumentSymbol[] = [];
  for (const f of findings) {
    if (children.length + 1 >= limit) break;
    // Findings of an older version of the document may name lines it no longer has.
    if (f.line < 0 || f.line >= doc.lineCount) continue;
    // A workspace rule's title is the workspace's text: escapes for control characters, as log text.
    const title = visibleLine(clip(titles.get(f.ruleId) ?? f.ruleId, 100));
    const range = lineRange(f.line, Math.min(Math.max(f.endLine, f.line), doc.lineCount - 1), doc);
    children.push({
      name: `${title} (line ${f.line + 1})`,
      detail: `${f.severity} · ${f.ruleId}`,
      kind: f.severity === 'error' ? SymbolKind.Event : SymbolKind.Property,
      range,
      selectionRange: lineRange(f.line, f.line, doc),
    });
  }
  if (children.length === 0) return undefined;
  const shown = children.length < findings.length ? `${children.length} of ${findings.length}` : `${children.length}`;
  let end = children[0].range.end;
  for (const c of children) if (c.range.end.line > end.line) end = c.range.end;
  return {
    name: 'Problems', detail: shown, kind: SymbolKind.Namespace,
    range: { start: children[0].range.start, end }, selectionRange: children[0].selectionRange, children,
  };
}

/** Errors and warnings under their component, runs in document order, at most `limit` symbols. */
function recordSymbols(doc: TextDocument, log: LogFile, limit: number): DocumentSymbol[] {
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
