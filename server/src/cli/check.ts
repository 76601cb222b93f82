// `cmlog check`: every finding of every rule on the named files and folders, as a compiler would
// print them, or as JSON for scripts.
import type { Finding, ParseOptions } from '../model';
import { ruleById, rules as builtIn, runRules, type LogInput, type Rule, type RuleSettings } from '../rules';
import { USER_PREFIX } from '../rules/userRules';
import { isRuleLevel, ruleLevels } from '../severity';
import { oneOf, parseArgs, UsageError } from './args';
import { catalogOf, sarifWriter } from './sarif';
import { PARSE_FLAGS, parseOptions, type Command, type Io } from './common';
import { printable } from './escape';
import { jsonList } from './jsonList';
import { loadLogs, type Loaded } from './load';
import { userRuleFiles } from './userRuleFiles';

export const checkCommand: Command = {
  name: 'check',
  synopsis: `check [--format text|json|sarif] [--rule ID=off|error|warning|information|hint]... [--rules FILE] PATH...
      report known failures in the logs under PATH (files or folders); your own rules come from
      .cmlog/rules.json in each folder given and from --rules FILE`,
  async run(argv, io) {
    const args = parseArgs(argv, ['format', 'rule', 'rules', ...PARSE_FLAGS], []);
    if (args.positional.length === 0) throw new UsageError('check: no PATH given');
    const format = oneOf(args.options.get('format'), ['text', 'json', 'sarif'] as const, 'format', 'text');
    const rulesFile = args.options.get('rules');
    if (rulesFile === true) throw new UsageError('--rules takes a file');
    return check(args.positional, { format, parse: parseOptions(args), rules: ruleSettings(args.options.get('rule')), rulesFile }, io);
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
  format: 'text' | 'json' | 'sarif';
  parse: ParseOptions;
  rules: RuleSettings;
  /** `--rules FILE`: user rules for every log. */
  rulesFile?: string;
}

export async function check(paths: string[], opts: CheckOptions, io: Io): Promise<number> {
  const user = userRuleFiles(paths, opts.rulesFile);
  for (const p of user.problems) io.err(`cmlog: ${printable(p)}`);
  const status = report(await loadLogs(paths, opts.parse), { ...opts, catalog: (t) => { const u = user.forLog(t); return u.length ? [...builtIn, ...u] : builtIn; } }, io);
  // A bad rule file is a problem like an unreadable path: reported, the rest still checked.
  return user.problems.length > 0 ? Math.max(status, 2) : status;
}

/**
 * Rules run on what was loaded, findings printed, the exit status (tests give it logs made in
 * memory). Printed one file at a time as the rules find them: only counts are kept, so a log with
 * millions of findings costs no more than its own findings, and no string holds all of them.
 */
export function report(loaded: Loaded, opts: Omit<CheckOptions, 'parse'> & { catalog?: (target: LogInput) => readonly Rule[] }, io: Io): number {
  for (const p of [...loaded.problems, ...loaded.notes]) io.err(`cmlog: ${printable(p.path)}: ${printable(p.reason)}`);
  const context = { logs: loaded.logs };
  const files = loaded.logs.map(({ key, log }) => ({
    path: key,
    format: log.format,
    encoding: log.encoding,
    bytes: log.byteLength,
    entries: log.entryCount,
    // An incomplete character at the very end (a file caught mid-write) counts as one more span.
    unparsedSpans: log.spans.count + (log.pendingBytes > 0 ? 1 : 0),
  }));
  const counts: Record<Finding['severity'], number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const list = opts.format === 'json' ? jsonList(io) : null;
  const sarif = opts.format === 'sarif' ? sarifWriter(io, catalogOf(loaded.logs, opts.catalog ?? (() => builtIn))) : null;
  const notifications = loaded.problems.map((p) => `${p.path}: ${p.reason}`);
  if (list) {
    io.out('{\n  "files": [');
    for (const f of files) list.item(f);
    list.end('  ],\n  "diagnostics": [');
  }
  for (const target of loaded.logs) {
    const { findings, failures } = runRules(target, context, opts.rules, opts.catalog?.(target));
    for (const f of failures) {
      const text = `${target.key}: rule ${f.ruleId} failed: ${String((f.error as Error)?.message ?? f.error)}`;
      io.err(`cmlog: ${printable(text)}`);
      if (sarif) notifications.push(text);
    }
    for (const d of findings) {
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
    sarif.end(notifications, loaded.problems.length === 0);
  } else if (list) {
    list.end('  ]\n}');
  } else {
    const entries = files.reduce((n, f) => n + f.entries, 0);
    const unparsed = files.reduce((n, f) => n + f.unparsedSpans, 0);
    io.out(`${files.length} file${files.length === 1 ? '' : 's'}, ${entries} entries, ${unparsed} unparsed span${unparsed === 1 ? '' : 's'}: ` +
      `${counts.error} errors, ${counts.warning} warnings, ${counts.information} information` +
      (loaded.notLogs ? ` (${loaded.notLogs} files that are not logs were skipped)` : ''));
  }
  if (loaded.problems.length > 0) return 2;
  return counts.error > 0 ? 1 : 0;
}
