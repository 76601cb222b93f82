// `cmlog related FILE:LINE`: what the other logs wrote around that record, compared in UTC (the
// same answer as the editor's code lens), nearest first.
import * as path from 'node:path';
import { formatGap } from '../explain/gap';
import { isoUtc } from '../parse/time';
import { normalizeUserPath } from '../workspace/discover';
import { Timeline, type RelatedResult } from '../workspace/timeline';
import { oneOf, parseArgs, UsageError } from './args';
import { PARSE_FLAGS, parseOptions, type CliParseOptions, type Command, type Io } from './common';
import { jsonText, printable } from './escape';
import { jsonList } from './jsonList';
import { loadLogs, type LoadedLog } from './load';
import { offsetNotes } from './offsetNotes';
import { counted } from '../explain/plural';
import { RunProblems } from './runProblems';
import { firstLine } from '../parse/lineBreaks';
import { positiveInt } from './timeline';

export const relatedCommand: Command = {
  name: 'related',
  synopsis: `related FILE:LINE [--window 5s] [--include-self] [--limit N] [--format text|json] [PATH...]
      entries of the logs under PATH (default: FILE's folder) within the window of that line, in UTC, nearest first`,
  readsLogs: true,
  exitStatus: '0 compared (also when nothing is in the window), 2 usage error, FILE:LINE not a record,\n' +
    'or a path that could not be read',
  async run(argv, io) {
    const args = parseArgs(argv, ['window', 'format', 'limit', ...PARSE_FLAGS], ['include-self']);
    const [target, ...paths] = args.positional;
    if (!target) throw new UsageError('related: no FILE:LINE given');
    const { file, line } = parseFileLine(target);
    return related(file, line, paths, {
      windowMs: parseDuration(args.options.get('window') ?? '5s'),
      includeSelf: args.options.get('include-self') === true,
      limit: args.options.has('limit') ? positiveInt(args.options.get('limit'), 'limit') : undefined,
      format: oneOf(args.options.get('format'), ['text', 'json'] as const, 'format', 'text'),
      parse: parseOptions(args),
    }, io);
  },
};

export interface RelatedCliOptions {
  windowMs: number;
  includeSelf: boolean;
  limit?: number;
  format: 'text' | 'json';
  parse: CliParseOptions;
}

export async function related(file: string, line: number, paths: string[], opts: RelatedCliOptions, io: Io): Promise<number> {
  const anchorPath = path.resolve(normalizeUserPath(file));
  const roots = paths.length > 0 ? paths : [path.dirname(anchorPath)];
  const loaded = await loadLogs([...roots, file], opts.parse);
  const problems = new RunProblems(io);
  problems.found(loaded);
  const anchorLog = loaded.logs.find((x) => path.resolve(x.key) === anchorPath);
  if (!anchorLog) {
    if (!loaded.problems.some((p) => path.resolve(normalizeUserPath(p.path)) === anchorPath)) io.err(`cmlog: ${printable(file)}: not read`);
    return 2;
  }
  const entry = anchorLog.log.entryAtLine(line - 1);
  if (entry < 0) {
    io.err(`cmlog: ${printable(anchorLog.key)}:${line}: no log record on this line` + (line > anchorLog.log.lineCount ? ` (the file has ${anchorLog.log.lineCount} lines)` : ''));
    return 2;
  }
  const timeline = new Timeline(loaded.logs);
  const r = timeline.related(anchorLog.key, entry, { windowMs: opts.windowMs, includeSelf: opts.includeSelf, limit: opts.limit });
  if (opts.format === 'json') {
    // Entries one per line as they come (a window can hold every record of a log).
    io.out(`{\n  "anchor": ${jsonText({ path: r.anchor.key, line: r.anchor.line + 1, utc: isoUtc(r.anchor.utc) })},\n  "related": [`);
    const list = jsonList(io);
    for (const x of r.related) list.item({ path: x.key, line: x.line + 1, utc: isoUtc(x.utc), deltaMs: x.deltaMs, message: x.message });
    list.end(`  ],\n  "total": ${r.total},\n  "offsetUnknown": ${jsonText(r.unknownOffsetLogs)},\n  "defaultOffset": ${jsonText(r.defaultOffsetLogs)}\n}`);
  } else {
    for (const x of r.related) io.out(`${printable(x.key)}:${x.line + 1}: ${formatGap(x.deltaMs)} ${printable(firstLine(x.message))}`);
    // An empty answer said, not silence (the anchor's time unknown is said on stderr instead).
    if (r.related.length === 0 && r.anchor.utc !== null) {
      const others = loaded.logs.length - (opts.includeSelf ? 0 : 1);
      io.out(`No entries within ±${formatWindow(opts.windowMs)} in ${counted(others, 'other log')}${opts.includeSelf ? ' and this one' : ''}.`);
    }
  }
  notes(r, anchorLog, loaded.logs, timeline, opts, io);
  return problems.status();
}

function notes(r: RelatedResult, anchor: LoadedLog, logs: readonly LoadedLog[], timeline: Timeline, opts: RelatedCliOptions, io: Io): void {
  if (r.anchor.utc === null) {
    io.err(`cmlog: note: ${printable(anchor.key)}:${r.anchor.line + 1}: the time of this record is unknown` +
      (anchor.log.offsetSource(r.anchor.entryIndex) === 'missing' ? ' (no offset written; --default-offset sets one)' : '') + ': nothing compared');
  }
  const unknown = r.anchor.utc === null ? r.unknownOffsetLogs.filter((k) => k !== anchor.key) : r.unknownOffsetLogs;
  for (const note of offsetNotes(timeline, logs, unknown, r.defaultOffsetLogs, opts.parse, 'not compared')) io.err(note);
  if (opts.limit !== undefined && r.total > r.related.length) io.err(`cmlog: note: ${r.total} entries in ${r.logCount} logs within the window, ${r.related.length} shown`);
}

/** `FILE:LINE`, the file possibly Windows-style (`C:\Logs\x.log:12`). */
export function parseFileLine(s: string): { file: string; line: number } {
  const colon = s.lastIndexOf(':');
  const digits = colon < 0 ? '' : s.slice(colon + 1);
  if (colon <= 0 || !/^\d{1,9}$/.test(digits) || Number(digits) < 1) throw new UsageError(`related: '${s}' is not FILE:LINE (lines count from 1)`);
  return { file: s.slice(0, colon), line: Number(digits) };
}

/** A window as the user would write it: `1 s`, `500 ms`, `2 min`. */
function formatWindow(ms: number): string {
  return ms === 0 ? '0 s' : ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : ms % 60_000 === 0 ? `${ms / 60_000} min` : ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}

/** `5s`, `500ms`, `2m`, `1.5s`, `1h`; a bare number is seconds. */
export function parseDuration(value: string | true): number {
  const m = typeof value === 'string' ? /^(\d{1,9}(?:\.\d{1,6})?)\s*(ms|s|m|h)?$/i.exec(value.trim()) : null;
  if (!m) throw new UsageError('--window takes a duration such as 5s, 500ms or 2m');
  const unit = (m[2] ?? 's').toLowerCase();
  return Number(m[1]) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 3_600_000);
}
