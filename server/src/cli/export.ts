// `cmlog export --format ndjson`: one JSON object per entry and per problem, named after the
// OpenTelemetry log data model, for the log engines teams already run (Elasticsearch, Azure Data
// Explorer, ClickHouse: recipes in docs/export.md, which documents every field).
import type { Writable } from 'node:stream';
import type { Finding } from '../model';
import { rules as builtIn, runRules, type LogInput } from '../rules';
import { isoUtc } from '../parse/time';
import { severityName, type FindingSeverity, type Severity } from '../severity';
import { oneOf, parseArgs, UsageError } from './args';
import { PARSE_FLAGS, parseOptions, type Command, type Io } from './common';
import { jsonText, printable } from './escape';
import { loadLogs } from './load';

export const exportCommand: Command = {
  name: 'export',
  synopsis: `export [--format ndjson] PATH...
      every entry and every problem of the logs under PATH as one JSON object per line (OpenTelemetry
      log names: timestamp, severity_text, severity_number, body, attributes); see docs/export.md`,
  async run(argv, io) {
    const args = parseArgs(argv, ['format', ...PARSE_FLAGS], []);
    if (args.positional.length === 0) throw new UsageError('export: no PATH given');
    oneOf(args.options.get('format'), ['ndjson'] as const, 'format', 'ndjson');
    const loaded = await loadLogs(args.positional, parseOptions(args));
    for (const p of [...loaded.problems, ...loaded.notes]) io.err(`cmlog: ${printable(p.path)}: ${printable(p.reason)}`);
    await exportNdjson(loaded.logs, process.stdout, io);
    return loaded.problems.length > 0 ? 2 : 0;
  },
};

/** OpenTelemetry's SeverityNumber and short name of a record's severity (success is a kind of INFO). */
const ENTRY_SEVERITY: Record<Severity, [string, number]> = { 0: ['INFO', 9], 1: ['INFO', 9], 2: ['WARN', 13], 3: ['ERROR', 17] };
const FINDING_SEVERITY: Record<FindingSeverity, [string, number]> = { error: ['ERROR', 17], warning: ['WARN', 13], information: ['INFO', 9], hint: ['DEBUG', 5] };

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

function fileAttributes(target: LogInput) {
  // host.name is left out until the log's machine is known (an archive's or a device folder's name,
  // from the collection loader): a folder name is not a host.
  const host = (target as LogInput & { machine?: string }).machine;
  return { 'log.file.path': target.key, 'log.file.name': target.name, ...(host ? { 'host.name': host } : {}) };
}

/** One line per entry of `target`. */
export function entryRow(target: LogInput, i: number): string {
  const { log } = target;
  const [text, number] = ENTRY_SEVERITY[log.severity(i)];
  return jsonText({
    ...timeFields(log, i),
    severity_text: text,
    severity_number: number,
    body: log.message(i),
    attributes: {
      ...fileAttributes(target),
      'thread.id': log.thread(i),
      'code.function': log.component(i),
      'cmlog.kind': 'entry',
      'cmlog.severity': severityName[log.severity(i)],
      'cmlog.line': log.line(i) + 1,
      'cmlog.offset': log.table.start[i],
      'cmlog.format': log.formatOf(i).id,
    },
  });
}

/** One line per finding of a rule in `target`; its time is that of the entry it is on. */
export function problemRow(target: LogInput, f: Finding): string {
  const [text, number] = FINDING_SEVERITY[f.severity];
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
    },
  });
}

/**
 * Lines to a stream in pieces of about `piece` characters, waiting for 'drain' when the stream
 * says its buffer is full: the output of a 100 MB log is never one string, nor all in memory.
 */
export function lineWriter(out: Writable, piece = 1 << 16) {
  let buf: string[] = [];
  let size = 0;
  const flush = async () => {
    if (buf.length === 0) return;
    const text = buf.join('\n') + '\n';
    buf = [];
    size = 0;
    if (!out.write(text)) await new Promise<void>((resolve, reject) => {
      const done = (e?: Error) => { out.off('drain', done); out.off('error', done); if (e) reject(e); else resolve(); };
      out.once('drain', done);
      out.once('error', done);
    });
  };
  return {
    /** Returns a promise only when a piece was written: the caller awaits it then, and only then. */
    line(s: string): Promise<void> | undefined {
      buf.push(s);
      size += s.length;
      return size >= piece ? flush() : undefined;
    },
    flush,
  };
}

/** Every entry of every log, then its problems (the rules see every log, as `check` does). */
export async function exportNdjson(logs: readonly LogInput[], out: Writable, io: Io): Promise<{ entries: number; problems: number }> {
  const w = lineWriter(out);
  const context = { logs };
  let entries = 0, problems = 0;
  for (const target of logs) {
    const n = target.log.entryCount;
    for (let i = 0; i < n; i++) {
      const p = w.line(entryRow(target, i));
      if (p) await p;
    }
    entries += n;
    const { findings, failures } = runRules(target, context, {}, builtIn);
    for (const f of failures) io.err(`cmlog: ${printable(target.key)}: rule ${f.ruleId} failed: ${printable(String((f.error as Error)?.message ?? f.error))}`);
    for (const f of findings) {
      const p = w.line(problemRow(target, f));
      if (p) await p;
    }
    problems += findings.length;
  }
  await w.flush();
  return { entries, problems };
}
