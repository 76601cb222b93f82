// `cmlog check`: every finding of every rule on the named files and folders, as a compiler would
// print them, or as JSON for scripts.
import type { Finding, ParseOptions } from '../model';
import { ruleById, rules as builtIn, runRules, type LogInput, type Rule, type RuleSettings } from '../rules';
import { USER_PREFIX } from '../rules/userRules';
import { isRuleLevel, ruleLevels } from '../severity';
import { oneOf, parseArgs, UsageError } from './args';
import { PARSE_FLAGS, parseOptions, type Command, type Io } from './common';
import { printable } from './escape';
import { jsonList } from './jsonList';
import type { LogFile } from '../logFile';
import { describeError, type Skipped } from '../workspace/discover';
import type { WorkerStart } from '../workspace/parseWorker';
import { jobsOption, parseInOrder, type Parsed, type PipelineStats } from './jobs';
import { findLogs, readSource, type Found, type Loaded, type LogSource } from './load';
import { userRuleFiles } from './userRuleFiles';

export const checkCommand: Command = {
  name: 'check',
  synopsis: `check [--format text|json] [--rule ID=off|error|warning|information|hint]... [--rules FILE] [--jobs N] PATH...
      report known failures in the logs under PATH (files, folders, .zip archives); your own rules come from
      .cmlog/rules.json in each folder given and from --rules FILE; --jobs: parse threads (default: one per core)`,
  async run(argv, io) {
    const args = parseArgs(argv, ['format', 'rule', 'rules', 'jobs', ...PARSE_FLAGS], []);
    if (args.positional.length === 0) throw new UsageError('check: no PATH given');
    const format = oneOf(args.options.get('format'), ['text', 'json'] as const, 'format', 'text');
    const rulesFile = args.options.get('rules');
    if (rulesFile === true) throw new UsageError('--rules takes a file');
    return check(args.positional, { format, parse: parseOptions(args), rules: ruleSettings(args.options.get('rule')), rulesFile, jobs: jobsOption(args.options.get('jobs')) }, io);
  },
};

function ruleSettings(value: string | true | undefined): RuleSettings {
  const settings: RuleSettings = {};
  if (value === undefined || value === true) return settings;
  for (const item of value.split(',')) {
    const [id, level] = item.split('=');
    if (!id.startsWith(USER_PREFIX) && !ruleById(id)) throw new UsageError(`unknown rule '${id}'`);
    if (!isRuleLevel(level)) throw new UsageError(`--rule ${id}= must be one of ${ruleLevels.join(', ')}`);
    settings[id] = level;
  }
  return settings;
}

export interface CheckOptions {
  format: 'text' | 'json';
  parse: ParseOptions;
  rules: RuleSettings;
  /** `--rules FILE`: user rules for every log. */
  rulesFile?: string;
  /** `--jobs N`: parse threads (default 1 here; the command's default is the number of cores). */
  jobs?: number;
  /** How parse workers start (tests running TypeScript); default dist/parseWorker.js. */
  workerStart?: WorkerStart;
  /** Filled in as the logs go through (tests: how many were alive at once). */
  stats?: PipelineStats;
}

export async function check(paths: string[], opts: CheckOptions, io: Io): Promise<number> {
  const user = userRuleFiles(paths, opts.rulesFile);
  for (const p of user.problems) io.err(`cmlog: ${printable(p)}`);
  const found = await findLogs(paths);
  const input: CheckInput = {
    ...found,
    parsed: parseInOrder(found.sources, opts.parse, opts.jobs ?? 1, opts.workerStart, opts.stats),
    reread: (source) => readSource(source, opts.parse),
  };
  const status = await report(input, { ...opts, catalog: (t) => { const u = user.forLog(t); return u.length ? [...builtIn, ...u] : builtIn; } }, io);
  // A bad rule file is a problem like an unreadable path: reported, the rest still checked.
  return user.problems.length > 0 ? Math.max(status, 2) : status;
}

/** What `report` checks: every log's name known up front, the logs themselves parsed one by one. */
export interface CheckInput extends Omit<Found, 'sources'> {
  sources: readonly Pick<LogSource, 'key' | 'name' | 'group'>[];
  /** The logs, in the order of `sources`; the consumer is done with each before asking for the next. */
  parsed: AsyncIterable<Parsed>;
  /** A log parsed again, for a rule of another log that reads it (see Rule.reads). */
  reread(source: LogSource): Promise<LogFile>;
}

/** Logs already in memory (tests make them) as input for `report`. */
export function inMemory(loaded: Loaded): CheckInput {
  const sources = loaded.logs.map(({ key, name }) => ({ key, name, file: key, machine: null, group: '' }));
  const byKey = new Map(loaded.logs.map((x) => [x.key, x.log]));
  return {
    sources, problems: loaded.problems, notes: loaded.notes, notLogs: loaded.notLogs,
    parsed: (async function* () { for (let i = 0; i < sources.length; i++) yield { source: sources[i], log: loaded.logs[i].log }; })(),
    reread: async (s) => byKey.get(s.key)!,
  };
}

/**
 * Rules run on each log as it is parsed, findings printed, the exit status. One log at a time is
 * held here, with the logs its cross-log rules read (`reads`: within its archive, or among the
 * logs outside archives), which are parsed again for it and dropped after: memory stays bounded
 * whatever the collection's size. Only counts and each file's summary line are kept.
 */
export async function report(input: CheckInput, opts: Omit<CheckOptions, 'parse'> & { catalog?: (target: LogInput) => readonly Rule[] }, io: Io): Promise<number> {
  const skipped: Skipped[] = [...input.problems, ...input.notes];
  for (const p of skipped) io.err(`cmlog: ${printable(p.path)}: ${printable(p.reason)}`);
  let failed = input.problems.length > 0;
  const groups = new Map<string, (typeof input.sources)[number][]>();
  for (const s of input.sources) {
    const g = groups.get(s.group);
    if (g) g.push(s); else groups.set(s.group, [s]);
  }
  const files: FileSummary[] = [];
  const counts: Record<Finding['severity'], number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const list = opts.format === 'json' ? jsonList(io) : null;
  if (list) io.out('{\n  "diagnostics": [');
  for await (const { source, log, error } of input.parsed) {
    if (!log) {
      const p = { path: (source as LogSource).member ? source.key : (source as LogSource).file ?? source.key, reason: describeError(error) };
      io.err(`cmlog: ${printable(p.path)}: ${printable(p.reason)}`);
      skipped.push(p);
      failed = true;
      continue;
    }
    const target: LogInput = { key: source.key, name: source.name, log };
    files.push(summary(target));
    const catalog = opts.catalog?.(target) ?? builtIn;
    const readers = catalog.filter((r) => r.reads);
    const context: LogInput[] = [target];
    if (readers.length > 0) {
      for (const other of groups.get(source.group) ?? []) {
        if (other.key === source.key || !readers.some((r) => r.reads!(target, other))) continue;
        // Unreadable now: it was said when its own turn came.
        try { context.push({ key: other.key, name: other.name, log: await input.reread(other as LogSource) }); } catch { /* said already */ }
      }
    }
    const { findings, failures } = runRules(target, { logs: context }, opts.rules, catalog);
    for (const f of failures) io.err(`cmlog: ${printable(target.key)}: rule ${f.ruleId} failed: ${printable(String((f.error as Error)?.message ?? f.error))}`);
    for (const d of findings) {
      counts[d.severity]++;
      if (list) {
        list.item({ path: d.file, line: d.line + 1, endLine: d.endLine + 1, severity: d.severity, code: d.ruleId, message: d.message, data: d.data ?? null,
          related: (d.related ?? []).map((r) => ({ path: r.file, line: r.line + 1, message: r.message })) });
      } else {
        io.out(`${printable(d.file)}:${d.line + 1}: ${d.severity} ${d.ruleId}: ${printable(d.message)}`);
      }
    }
  }
  if (list) {
    // Files and what was skipped come after the findings: known only once every log went through.
    list.end('  ],\n  "files": [');
    for (const f of files) list.item(f);
    list.end('  ],\n  "skipped": [');
    for (const p of skipped) list.item(p);
    list.end('  ]\n}');
  } else {
    const entries = files.reduce((n, f) => n + f.entries, 0);
    const unparsed = files.reduce((n, f) => n + f.unparsedSpans, 0);
    io.out(`${files.length} file${files.length === 1 ? '' : 's'}, ${entries} entries, ${unparsed} unparsed span${unparsed === 1 ? '' : 's'}: ` +
      `${counts.error} errors, ${counts.warning} warnings, ${counts.information} information` +
      (input.notLogs ? ` (${input.notLogs} files that are not logs were skipped)` : ''));
  }
  if (failed) return 2;
  return counts.error > 0 ? 1 : 0;
}

interface FileSummary { path: string; format: string; encoding: string; bytes: number; entries: number; unparsedSpans: number }

function summary({ key, log }: LogInput): FileSummary {
  return {
    path: key,
    format: log.format,
    encoding: log.encoding,
    bytes: log.byteLength,
    entries: log.entryCount,
    // An incomplete character at the very end (a file caught mid-write) counts as one more span.
    unparsedSpans: log.spans.count + (log.pendingBytes > 0 ? 1 : 0),
  };
}
