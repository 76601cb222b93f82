// `cmlog check`: every finding of every rule on the named files and folders, as a compiler would
// print them, or as JSON for scripts.
import type { Finding } from '../model';
import { ruleById, rules as builtIn, type Rule, type RuleSettings } from '../rules';
import { USER_PREFIX } from '../rules/userRules';
import { isRuleLevel, ruleLevels } from '../severity';
import { oneOf, parseArgs, UsageError } from './args';
import { catalogOf, sarifWriter, type MemberChain, type Notification } from './sarif';
import { PARSE_FLAGS, parseOptions, type Command, type Io } from './common';
import { printable } from './escape';
import { counted } from '../explain/plural';
import { unplacedOffsetNotes } from './offsetNotes';
import type { CliParseOptions } from './common';
import { clip } from '../explain/markdown';
import { jsonList } from './jsonList';
import type { Skipped } from '../workspace/discover';
import type { WorkerStart } from '../workspace/parseWorker';
import { checkOne, ruleCatalog, type FileSummary } from './checkOne';
import { checkInOrder, jobsOption, startPool, type PipelineStats, type Result } from './jobs';
import { displayPath, findLogs, shownPath, type Found, type LogSource, type Loaded } from './load';
import { RunProblems } from './runProblems';
import { nearestName } from './nearestName';

export const checkCommand: Command = {
  name: 'check',
  synopsis: `check [--format text|json|sarif] [--rule ID=off|error|warning|information|hint]... [--rules FILE] [--jobs N] PATH...
      report known failures in the logs under PATH (files, folders, .zip archives); your own rules come from
      .cmlog/rules.json in each folder given and from --rules FILE; --jobs: parse threads (default: one per core)`,
  readsLogs: true,
  exitStatus: '0 no errors found, 1 errors found, 2 usage error or a path or rules file that could not be read\n' +
    '(the rest is still checked)',
  async run(argv, io) {
    const args = parseArgs(argv, ['format', 'rule', 'rules', 'jobs', ...PARSE_FLAGS], []);
    if (args.positional.length === 0) throw new UsageError('check: no PATH given');
    const format = oneOf(args.options.get('format'), ['text', 'json', 'sarif'] as const, 'format', 'text');
    const rulesFile = args.options.get('rules');
    if (rulesFile === true) throw new UsageError('--rules takes a file');
    return check(args.positional, { format, parse: parseOptions(args), rules: ruleSettings(args.options.get('rule')), rulesFile, jobs: jobsOption(args.options.get('jobs')) }, io);
  },
};

export function ruleSettings(value: string | true | undefined): RuleSettings {
  const settings: RuleSettings = {};
  if (value === undefined || value === true) return settings;
  for (const item of value.split(',')) {
    const [id, level] = item.split('=');
    if (!id.startsWith(USER_PREFIX) && !ruleById(id)) throw new UsageError(unknownRule(id));
    if (level === undefined) throw new UsageError(`--rule ${id}: give a level, ${id}=LEVEL, LEVEL one of ${ruleLevels.join(', ')}`);
    if (!isRuleLevel(level)) throw new UsageError(`--rule ${item}: '${level}' must be one of ${ruleLevels.join(', ')}`);
    settings[id] = level;
  }
  return settings;
}

/** The nearest rule id when one is close (a typo), else every id: a user should not have to guess. */
function unknownRule(id: string): string {
  const ids = builtIn.map((r) => r.id);
  const near = nearestName(id, ids);
  return `unknown rule '${printable(clip(id, 100))}': ` + (near ? `did you mean '${near}'?` : `the rules are ${ids.join(', ')}, and ${USER_PREFIX}ID for your own`);
}

export interface CheckOptions {
  format: 'text' | 'json' | 'sarif';
  parse: CliParseOptions;
  rules: RuleSettings;
  /** `--rules FILE`: user rules for every log. */
  rulesFile?: string;
  /** `--jobs N`: check threads (default 1 here; the command's default is the number of cores). */
  jobs?: number;
  /** How check workers start (tests running TypeScript); default dist/checkWorker.js. */
  workerStart?: WorkerStart;
  /** Filled in as the logs go through (tests: how many were alive at once). */
  stats?: PipelineStats;
}

export async function check(paths: string[], opts: CheckOptions, io: Io): Promise<number> {
  const { problems, catalog } = ruleCatalog(paths, opts.rulesFile);
  const base = { options: opts.parse, settings: opts.rules, paths, rulesFile: opts.rulesFile };
  // The workers start while the logs are found (a collection's archives listed).
  const pool = startPool(opts.jobs ?? 1, base, opts.workerStart);
  let status: number;
  try {
    const found = await findLogs(paths);
    for (const note of unplacedOffsetNotes(opts.parse, found.sources.map((s) => s.file))) io.err(`cmlog: ${note}`);
    // SARIF names every rule that can report before its results: the catalogs of every log found.
    const sarifRules = opts.format === 'sarif' ? catalogOf(found.sources, catalog) : undefined;
    const chains = opts.format === 'sarif' ? memberChains(found.sources) : undefined;
    status = await report({ ...found, results: checkInOrder({ ...base, sources: found.sources, catalog }, pool, opts.stats) }, { format: opts.format, sarifRules, ruleProblems: problems, chainOf: chains && ((f) => chains.get(f)) }, io);
  } finally {
    await pool?.close();
  }
  return status;
}

/** The logs inside archives by their shown key: the archive as shown, then each member's name (SARIF's nested artifacts). */
function memberChains(sources: readonly LogSource[]): Map<string, MemberChain> {
  const chains = new Map<string, MemberChain>();
  for (const s of sources) if (s.member) chains.set(s.key, [displayPath(s.file), ...s.member.map((m) => m.name)]);
  return chains;
}

/** What `report` prints: what discovery skipped, then each log's findings as they come. */
export interface CheckInput extends Omit<Found, 'sources'> {
  results: AsyncIterable<Result>;
}

/** Logs already in memory (tests make them) as input for `report`, checked with the built-in rules. */
export function inMemory(loaded: Loaded, settings: RuleSettings = {}): CheckInput {
  const sources = loaded.logs.map(({ key, name }) => ({ key, name, file: key, machine: null, group: '' }));
  const byKey = new Map(loaded.logs.map((x) => [x.key, x.log]));
  return {
    ...loaded,
    results: (async function* () {
      for (let i = 0; i < sources.length; i++) {
        yield { source: sources[i], checked: await checkOne(loaded.logs[i], sources, settings, builtIn, async (s) => byKey.get(s.key)!) };
      }
    })(),
  };
}

/**
 * Findings printed as each log's come, the exit status. Only counts and each file's summary line
 * are kept, so a collection of any size, or a log with millions of findings, costs no more than
 * the logs being checked at the moment and no string holds all of the output.
 */
export async function report(input: CheckInput, opts: Pick<CheckOptions, 'format'> & { sarifRules?: readonly Rule[]; ruleProblems?: readonly string[]; chainOf?: (file: string) => MemberChain | undefined }, io: Io): Promise<number> {
  // A bad rule file is a problem like an unreadable path (runProblems.ts); SARIF's notifications too.
  const ruleProblems = opts.ruleProblems ?? [];
  const run = new RunProblems(io);
  run.ruleFiles(ruleProblems);
  run.found(input);
  const skipped: Skipped[] = [...input.problems, ...input.notes];
  const files: FileSummary[] = [];
  const counts: Record<Finding['severity'], number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const list = opts.format === 'json' ? jsonList(io) : null;
  const sarif = opts.format === 'sarif' ? sarifWriter(io, opts.sarifRules ?? builtIn, undefined, opts.chainOf) : null;
  // Unreadable paths and failed rules (errors), files skipped as not logs (warnings): SARIF carries
  // them as the invocation's notifications.
  const said = (level: Notification['level']) => (p: Skipped): Notification => ({ level, text: `${p.path}: ${p.reason}` });
  const notifications: Notification[] = [...ruleProblems.map((text) => ({ level: 'error' as const, text })), ...input.problems.map(said('error')), ...input.notes.map(said('warning'))];
  if (list) io.out('{\n  "diagnostics": [');
  for await (const { source, checked, error } of input.results) {
    if (!checked) {
      // A binary member of an archive is skipped as not a log, leaving the exit status alone.
      const { skipped: p, notALog } = run.logNotRead(shownPath(source), error);
      skipped.push(p);
      notifications.push(said(notALog ? 'warning' : 'error')(p));
      continue;
    }
    files.push(checked.summary);
    if (!sarif && !list && checked.summary.unparsedSpans > 0) io.out(unparsedLine(checked.summary));
    for (const f of checked.failures) notifications.push({ level: 'error', text: run.ruleFailed(source.key, f) });
    for (const d of checked.findings) {
      counts[d.severity]++;
      if (sarif) {
        sarif.result(d);
      } else if (list) {
        list.item({ path: d.file, line: d.line + 1, endLine: d.endLine + 1, severity: d.severity, code: d.ruleId, message: d.message, data: d.data ?? null,
          related: (d.related ?? []).map((r) => ({ path: r.file, line: r.line + 1, message: r.message })) });
      } else {
        io.out(`${printable(d.file)}:${d.line + 1}: ${d.severity} ${d.ruleId}: ${printable(d.message)}`);
      }
    }
  }
  if (sarif) {
    sarif.end(notifications, !run.anyFailed);
  } else if (list) {
    // Files and what was skipped come after the findings: known only once every log went through.
    list.end('  ],\n  "files": [');
    for (const f of files) list.item(f);
    list.end('  ],\n  "skipped": [');
    for (const p of skipped) list.item(p);
    list.end('  ]\n}');
  } else if (files.length > 0 || input.notLogs > 0 || !run.anyFailed) {
    // Nothing read and something failed: the errors said it all; "0 files, 0 entries" would read as a clean run.
    io.out(summaryLine(files, counts, input.notLogs));
  }
  return run.status(counts.error);
}

/** Where a log's unparsed spans are (the first few), for the text output: `x.log: 2 unparsed spans: lines 1-3, 10`. */
export function unparsedLine(f: FileSummary): string {
  const where = f.unparsed.map((u) => (u.endLine > u.line ? `${u.line}-${u.endLine}` : `${u.line}`)).join(', ');
  const more = f.unparsedSpans - f.unparsed.length;
  const one = f.unparsedSpans === 1 && f.unparsed[0]?.endLine === f.unparsed[0]?.line;
  return `${printable(f.path)}: ${counted(f.unparsedSpans, 'unparsed span')} (text not read as records) at line${one ? '' : 's'} ${where}${more > 0 ? ` and ${more} more` : ''}`;
}

/**
 * The last line of the text output. The rules' findings are said as "problems found", apart from
 * the records' own severities: "0 errors" over a log of error records read as "no error records".
 */
export function summaryLine(files: readonly FileSummary[], counts: Record<Finding['severity'], number>, notLogs: number): string {
  let entries = 0, errorRecords = 0, unparsed = 0;
  for (const f of files) { entries += f.entries; errorRecords += f.errorRecords; unparsed += f.unparsedSpans; }
  return `${counted(files.length, 'file')}, ${counted(entries, 'entry', 'entries')} (${counted(errorRecords, 'error record')}), ${counted(unparsed, 'unparsed span')}; ` +
    `problems found: ${counted(counts.error, 'error')}, ${counted(counts.warning, 'warning')}, ${counts.information} information` +
    (notLogs > 0 ? ` (${counted(notLogs, 'file that is not a log was', 'files that are not logs were')} skipped)` : '');
}
