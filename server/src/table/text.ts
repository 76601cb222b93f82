// Rows as text: copied (tab-separated columns, or the records' own lines) and exported ("Open as
// text"). Bounded in characters, so that an export never reaches VS Code's 50 MB document limit
// (at most 3 UTF-8 bytes a character); a cut text says so.
import { isoUtc } from '../parse/time';
import type { TableColumnId, TableTextResult } from '../protocol';
import { baseName } from '../uri';
import { visibleLine } from '../explain/plainText';
import type { TableView } from './view';

/** Characters of a copy or an export: 12 M characters is at most 36 MB of UTF-8. */
export const TEXT_MAX = 12 * 1024 * 1024;

const noop = () => 0;

/** Every column a TSV copy can write, in the table's order. */
const TSV_COLUMNS: readonly TableColumnId[] = ['severity', 'time', 'utc', 'source', 'component', 'thread', 'message'];

/**
 * The columns a copy writes: those asked (the page's shown ones; untrusted: unknown ids and repeats
 * left out), in the table's order; none asked, all. Source only in a merge.
 */
function tsvColumns(view: TableView, asked: unknown): TableColumnId[] {
  const set = Array.isArray(asked) ? new Set(asked) : null;
  return TSV_COLUMNS.filter((c) => (set === null || set.has(c)) && (c !== 'source' || view.merged));
}

/** A TSV cell: its tabs and line breaks become spaces. */
const cell = (s: string): string => s.replace(/[\t\r\n]+/g, ' ');

/** One column of a row (`r`: its columns) as TSV writes it. */
function tsvValue(view: TableView, row: number, r: ReturnType<TableView['columns']>, c: TableColumnId, names: readonly string[] | undefined): string {
  switch (c) {
    case 'severity': return r.severity;
    case 'time': return r.time;
    case 'utc': return isoUtc(r.utc) ?? '';
    case 'source': return names?.[r.source] ?? baseName(view.keys[r.source]);
    case 'component': return r.component;
    case 'thread': return r.thread;
    case 'message': {
      const m = view.messageHead(view.positionOf(row));
      return m.cut ? `${m.text} ${tsvCutNote(m.text.length)}` : m.text;
    }
  }
}

/**
 * One row as tab-separated `columns`: severity, time as written, UTC, source (its name as the table
 * shows it: `names`), component, thread, message (read once; a longer one is cut and says so: its
 * raw lines copy all of it). No function made per row: a copy has up to millions of rows.
 */
function tsvLine(view: TableView, row: number, columns: readonly TableColumnId[], names?: readonly string[]): string {
  const r = view.columns(row);
  let line = '';
  for (let k = 0; k < columns.length; k++) line += (k > 0 ? '\t' : '') + cell(tsvValue(view, row, r, columns[k], names));
  return line;
}

/** What ends a TSV message cut at `chars` characters. */
export const tsvCutNote = (chars: number): string => `… (cut at ${chars.toLocaleString('en-US')} characters: copy raw lines for the whole record)`;

/** The record's own text, as the log has it. */
function rawLines(view: TableView, row: number): string {
  const pos = view.positionOf(row), log = view.model(view.logAt(pos))!, e = view.entryAt(pos);
  const t = log.text(log.table.start[e], log.table.end[e]);
  return t.endsWith('\n') ? t : t + '\n';
}

/** Collects lines until TEXT_MAX: the part of a line that passes it is left out and the text says it was cut. */
function bounded(lines: Iterable<string>, max: number): TableTextResult {
  const parts: string[] = [];
  let chars = 0;
  for (const l of lines) {
    if (chars + l.length > max) return { text: parts.join(''), cut: true };
    parts.push(l);
    chars += l.length;
  }
  return { text: parts.join(''), cut: false };
}

/**
 * The rows of `ranges`, as TSV or raw lines; `shown`: the columns the page shows (tsvColumns) and each
 * log's name as the table shows it (with its machine when a merge spans several).
 */
export function copyRows(view: TableView, ranges: { start: number; end: number }[], as: 'tsv' | 'raw', max = TEXT_MAX,
  shown: { columns?: unknown; names?: readonly string[] } = {}): TableTextResult {
  const columns = tsvColumns(view, shown.columns);
  function* lines(): Generator<string> {
    for (const r of Array.isArray(ranges) ? ranges : []) {
      const a = Math.max(0, Math.floor(Number(r?.start))), b = Math.min(view.rowCount, Math.floor(Number(r?.end)));
      for (let row = a; row < b; row++) yield as === 'raw' ? rawLines(view, row) : tsvLine(view, row, columns, shown.names) + '\n';
    }
  }
  return bounded(lines(), max);
}

/**
 * The current rows as plain text: UTC, source (a merge), time as written, severity, component, thread,
 * message (first line). `names`: each log's name as the table shows it (with its machine when the
 * merge spans several: the same file name on two devices); by default its file name.
 */
export function exportRows(view: TableView, max = TEXT_MAX, names?: readonly string[]): TableTextResult {
  function* lines(): Generator<string> {
    for (let row = 0; row < view.rowCount; row++) {
      const r = view.row(row, noop);
      const source = view.merged ? [visibleLine(names?.[r.source] ?? baseName(view.keys[r.source]))] : [];
      yield [isoUtc(r.utc) ?? 'UTC unknown', ...source, r.time, r.severity, visibleLine(r.component), visibleLine(r.thread), visibleLine(r.message) + (r.more ? ' …' : '')].join('  ') + '\n';
    }
  }
  const out = bounded(lines(), max);
  if (out.cut) out.text += `(cut: the export stops at ${max.toLocaleString('en-US')} characters; filter the table to export the rest)\n`;
  return out;
}
