// `cmlog export --format ndjson`: one JSON object per entry and per problem, named after the
// OpenTelemetry log data model, for the log engines teams already run (Elasticsearch, Azure Data
// Explorer, ClickHouse: recipes in docs/export.md, which documents every field).
import type { Writable } from 'node:stream';
import type { Finding } from '../model';
import type { LogFile } from '../logFile';
import { rules as builtIn, type LogInput, type LogRef, type Rule, type RuleSettings } from '../rules';
import { FORMATS } from '../parse/formats';
import { isoUtc } from '../parse/time';
import { otelFindingSeverity, otelRecordSeverity, severityName, type Severity } from '../severity';
import { oneOf, parseArgs, UsageError } from './args';
import { ruleSettings } from './check';
import { checkOne, groupsOf, ruleCatalog, type CheckRef } from './checkOne';
import { PARSE_FLAGS, parseOptions, type Command, type Io } from './common';
import { jsonString, jsonText } from './escape';
import { findLogs, readSource, shownPath } from './load';
import { RunProblems } from './runProblems';
import { unplacedOffsetNotes } from './offsetNotes';

/** A log to export: its machine (LogSource.machine) is `host.name` when known. */
export interface ExportTarget extends LogInput {
  machine?: string | null;
  /** The logs its cross-log rules may read (LogSource.group); only exportNdjson reads it. */
  group?: string;
}

export const exportCommand: Command = {
  name: 'export',
  synopsis: `export [--format ndjson] [--rule ID=LEVEL]... [--rules FILE] PATH...
      every entry and every problem of the logs under PATH (files, folders, .zip archives) as one JSON
      object per line (OpenTelemetry log names: timestamp, severity_text, severity_number, body,
      attributes; host.name is the archive or top-level folder); --rule/--rules as for check; see docs/export.md`,
  readsLogs: true,
  exitStatus: '0 exported (errors in the logs do not count: the export is data, not a verdict), 2 usage error or a path, log\n' +
    'or rules file that could not be read (the rest is still exported)',
  async run(argv, io) {
    const args = parseArgs(argv, ['format', 'rule', 'rules', ...PARSE_FLAGS], []);
    if (args.positional.length === 0) throw new UsageError('export: no PATH given');
    oneOf(args.options.get('format'), ['ndjson'] as const, 'format', 'ndjson');
    const rulesFile = args.options.get('rules');
    if (rulesFile === true) throw new UsageError('--rules takes a file');
    const settings = ruleSettings(args.options.get('rule'));
    const options = parseOptions(args);
    const run = new RunProblems(io);
    const { problems: ruleProblems, catalog } = ruleCatalog(args.positional, rulesFile);
    run.ruleFiles(ruleProblems);
    const found = await findLogs(args.positional);
    run.found(found);
    for (const note of unplacedOffsetNotes(options, found.sources.map((s) => s.file))) io.err(`cmlog: ${note}`);
    const w = lineWriter(io.stream ?? process.stdout);
    await exportSources(found.sources, { read: (source) => readSource(source, options), shown: shownPath }, w, { settings, catalog }, run);
    await w.flush();
    // No 1 for errors found: the export is the data, not a verdict.
    return run.status();
  },
};

/** The wall clock as written, ISO-8601 without a zone (it is the log's local time). */
function wallText(wall: number): string | null {
  const iso = isoUtc(wall);
  return iso === null ? null : iso.slice(0, -1);
}

function timeFields(log: LogInput['log'], i: number) {
  if (i < 0) return { timestamp: null, observed_wall_clock: null };
  const utc = log.utc(i);
  return { timestamp: Number.isNaN(utc) ? null : isoUtc(utc), observed_wall_clock: wallText(log.table.wall[i]) };
}

/**
 * Where an entry's `timestamp` came from (docs/export.md): the offset `written` in the log, one
 * `assumed` (--default-offset, with its value), or `unknown` (timestamp null); with how the offset
 * was read (`utc-offset`: a .NET UTC offset, PSADT v3). The three as attributes, per log.
 */
function timeSources(log: LogInput['log']): { written: Record<string, unknown>; assumed: Record<string, unknown>; unknown: Record<string, unknown> } {
  return {
    written: { 'cmlog.time_source': 'written', 'cmlog.offset_convention': log.offsetConvention },
    assumed: { 'cmlog.time_source': 'assumed', 'cmlog.assumed_offset': log.defaultOffset, 'cmlog.offset_convention': log.defaultOffsetConvention },
    unknown: { 'cmlog.time_source': 'unknown' },
  };
}

/** Entry i's time source (timeSources' key). */
function timeSourceOf(log: LogInput['log'], i: number, utc: number): 'written' | 'assumed' | 'unknown' {
  if (utc !== utc) return 'unknown'; // no offset, or no readable time: no timestamp
  return log.offsetSource(i) === 'written' ? 'written' : 'assumed';
}

/** timeSources as the tail of a JSON object (`,"cmlog.time_source":...`), built once per log. */
function timeSourceJson(log: LogInput['log']): Record<'written' | 'assumed' | 'unknown', string> {
  const t = timeSources(log), tail = (o: Record<string, unknown>) => ',' + jsonText(o).slice(1, -1);
  return { written: tail(t.written), assumed: tail(t.assumed), unknown: tail(t.unknown) };
}

function fileAttributes(target: ExportTarget) {
  // host.name only when the log's machine is known (an archive's or a collected folder's name).
  return { 'log.file.path': target.key, 'log.file.name': target.name, ...(target.machine ? { 'host.name': target.machine } : {}) };
}

/**
 * `"YYYY-MM-DDTHH:mm:ss.fff` + `close` as JSON, or null: isoUtc's text, its seconds worked out once
 * per second met (records come many to a second), the milliseconds appended.
 */
function stampCache(close: string) {
  let second = NaN, head = '';
  return (ms: number): string => {
    if (!Number.isFinite(ms)) return 'null';
    const t = Math.floor(ms);
    const s = Math.floor(t / 1000);
    if (s !== second) { second = s; head = '"' + isoUtc(s * 1000)!.slice(0, -4); }
    const f = t - s * 1000;
    return head + (f < 10 ? '00' : f < 100 ? '0' : '') + f + close;
  };
}

/** Each interned name (component, thread, format) as JSON, escaped once per log. */
function namesAsJson(name: (k: number) => string): (k: number) => string {
  const cache: string[] = [];
  return (k) => cache[k] ?? (cache[k] = jsonString(name(k)));
}

const ENTRY_HEAD: Record<Severity, string> = { 0: '', 1: '', 2: '', 3: '' };
const ENTRY_KIND: Record<Severity, string> = { 0: '', 1: '', 2: '', 3: '' };
for (const sev of [0, 1, 2, 3] as Severity[]) {
  const [text, number] = otelRecordSeverity[sev];
  ENTRY_HEAD[sev] = `,"severity_text":"${text}","severity_number":${number},"body":`;
  ENTRY_KIND[sev] = `,"cmlog.kind":"entry","cmlog.severity":"${severityName[sev]}","cmlog.line":`;
}

/**
 * Every entry of `target`, one line each, byte for byte jsonText of the object docs/export.md
 * describes (test/unit/export.test.ts compares them) but built as text: the file's attributes
 * once, names escaped once, only the message escaped per entry. No object per row.
 */
export async function writeEntries(w: LineWriter, target: ExportTarget): Promise<void> {
  const { log } = target, t = log.table;
  const file = ',"attributes":' + jsonText(fileAttributes(target)).slice(0, -1) + ',"thread.id":';
  const utcText = stampCache('Z"'), wallJson = stampCache('"');
  const thread = namesAsJson((k) => t.threads.names[k]), component = namesAsJson((k) => t.components.names[k]);
  const format = namesAsJson((k) => FORMATS[k].id);
  const source = timeSourceJson(log);
  for (let i = 0, n = log.entryCount; i < n; i++) {
    const sev = log.severity(i);
    const utc = log.utc(i);
    const row = '{"timestamp":' + utcText(utc) + ',"observed_wall_clock":' + wallJson(t.wall[i]) + ENTRY_HEAD[sev] + jsonString(log.message(i)) +
      file + thread(t.thread[i]) + ',"code.function":' + component(t.component[i]) + ENTRY_KIND[sev] + (t.line[i] + 1) +
      ',"cmlog.offset":' + t.start[i] + ',"cmlog.format":' + format(t.format[i]) + source[timeSourceOf(log, i, utc)] + '}}';
    const p = w.line(row);
    if (p) await p;
  }
}

/** One line per finding of a rule in `target`; its time is that of the entry it is on. */
export function problemRow(target: ExportTarget, f: Finding): string {
  const [text, number] = otelFindingSeverity[f.severity];
  const status = (f.data as { status?: unknown } | undefined)?.status;
  const at = f.entryIndex ?? target.log.entryAtLine(f.line);
  return jsonText({
    ...timeFields(target.log, at),
    severity_text: text,
    severity_number: number,
    body: f.message,
    attributes: {
      ...fileAttributes(target),
      'cmlog.kind': 'problem',
      'cmlog.rule': f.ruleId,
      'cmlog.status': typeof status === 'string' ? status : null,
      'cmlog.severity': f.severity,
      'cmlog.line': f.line + 1,
      'cmlog.end_line': f.endLine + 1,
      ...(at >= 0 ? timeSources(target.log)[timeSourceOf(target.log, at, target.log.utc(at))] : timeSources(target.log).unknown),
    },
  });
}

async function writeProblems(w: LineWriter, target: ExportTarget, findings: readonly Finding[]): Promise<void> {
  for (const f of findings) {
    const p = w.line(problemRow(target, f));
    if (p) await p;
  }
}

/**
 * Lines to a stream in pieces of about `piece` characters, waiting for 'drain' when the stream
 * says its buffer is full: the output of a 100 MB log is never one string, nor all in memory.
 */
export function lineWriter(out: Writable, piece = 1 << 16) {
  let buf = '';
  const flush = async () => {
    if (buf === '') return;
    const text = buf;
    buf = '';
    if (!out.write(text)) await new Promise<void>((resolve, reject) => {
      const done = (e?: Error) => { out.off('drain', done); out.off('error', done); if (e) reject(e); else resolve(); };
      out.once('drain', done);
      out.once('error', done);
    });
  };
  return {
    /** Returns a promise only when a piece was written: the caller awaits it then, and only then. */
    line(s: string): Promise<void> | undefined {
      buf += s + '\n';
      return buf.length >= piece ? flush() : undefined;
    },
    flush,
  };
}

export type LineWriter = ReturnType<typeof lineWriter>;

/** What an export wrote (unreadable logs were said on stderr and skipped). */
export interface ExportCounts { entries: number; problems: number }

/** What exportSources needs of a log: its names (as ExportTarget's) and its group. */
export interface ExportItem extends CheckRef { machine?: string | null }

/** How exportSources gets a log, and what it calls it on stderr when that fails. */
export interface ExportReader<T> {
  read(item: T): Promise<LogFile>;
  shown(item: T): string;
}

/**
 * The export of `items`, for `cmlog export` (LogSources read from disk) and for logs already in
 * memory (exportNdjson: tests, bench): one log at a time, as check --jobs 1 reads them, so memory
 * stays that of the log being written; its entries, then its problems as check finds them
 * (checkOne: the rules of its catalog, the logs of its group read again for the cross-log ones).
 */
async function exportSources<T extends ExportItem>(items: readonly T[], reader: ExportReader<T>, w: LineWriter,
  rules: { settings: RuleSettings; catalog: (target: LogRef) => readonly Rule[] }, run: RunProblems): Promise<ExportCounts> {
  const groups = groupsOf(items);
  const counts: ExportCounts = { entries: 0, problems: 0 };
  for (const item of items) {
    let target: ExportTarget;
    try {
      target = { key: item.key, name: item.name, log: await reader.read(item), machine: item.machine };
    } catch (e) {
      // As check: a binary member of an archive is not a log (a note), anything else unreadable.
      run.logNotRead(reader.shown(item), e as { message?: string; code?: string } | undefined);
      continue;
    }
    await writeEntries(w, target);
    counts.entries += target.log.entryCount;
    // The group holds items of `items`, so each ref checkOne hands back is a T.
    const checked = await checkOne(target, groups.get(item.group) ?? [], rules.settings, rules.catalog(target), (ref) => reader.read(ref as T));
    for (const f of checked.failures) run.ruleFailed(target.key, f);
    await writeProblems(w, target, checked.findings);
    counts.problems += checked.findings.length;
  }
  return counts;
}

/**
 * Logs already in memory (tests, bench) exported as `cmlog export` exports them, with the built-in
 * rules at their default levels; `group` as LogSource's (all together when not given).
 */
export async function exportNdjson(logs: readonly ExportTarget[], out: Writable, io: Io): Promise<{ entries: number; problems: number }> {
  const items = logs.map((t) => ({ ...t, group: t.group ?? '' }));
  const w = lineWriter(out);
  const counts = await exportSources(items, { read: async (t) => t.log, shown: (t) => t.key }, w, { settings: {}, catalog: () => builtIn }, new RunProblems(io));
  await w.flush();
  return counts;
}
