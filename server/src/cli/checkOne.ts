// One log checked: every rule of its catalog, with the logs its cross-log rules read (Rule.reads)
// parsed again for it and dropped after, so nothing is held between logs. The same on the main
// thread (--jobs 1, tests) and on a check worker.
import type { LogFile } from '../logFile';
import { Severity, type Finding } from '../model';
import { rules as builtIn, runRules, type LogInput, type LogRef, type Rule, type RuleSettings } from '../rules';
import { userRuleFiles } from './userRuleFiles';

/** A log's name and its group (the logs cross-log rules may read: see LogSource.group). */
export interface CheckRef {
  key: string;
  name: string;
  group: string;
}

/** What `check` prints of a log: its summary line in the JSON, and its findings. */
export interface FileSummary {
  path: string; format: string; encoding: string; bytes: number; entries: number;
  /** Records of type 3 (error): what the log itself says, not what the rules found. */
  errorRecords: number;
  unparsedSpans: number;
  /** The first UNPARSED_SHOWN unparsed spans' lines, 1-based, so a user can go and look. */
  unparsed: { line: number; endLine: number }[];
}

/** Unparsed spans located per file: a log of banners and stack traces has thousands. */
export const UNPARSED_SHOWN = 5;

export interface Checked {
  summary: FileSummary;
  findings: Finding[];
  failures: { ruleId: string; message: string }[];
}

export async function checkOne(target: LogInput, group: readonly CheckRef[], settings: RuleSettings, catalog: readonly Rule[], reread: (ref: CheckRef) => Promise<LogFile>): Promise<Checked> {
  const readers = catalog.filter((r) => r.reads);
  const context: LogInput[] = [target];
  if (readers.length > 0) {
    for (const other of group) {
      if (other.key === target.key || !readers.some((r) => r.reads!(target, other))) continue;
      // Unreadable now: it was said when its own turn came.
      try { context.push({ key: other.key, name: other.name, log: await reread(other) }); } catch { /* said already */ }
    }
  }
  const { findings, failures } = runRules(target, { logs: context }, settings, catalog);
  return { summary: summary(target), findings, failures: failures.map((f) => ({ ruleId: f.ruleId, message: String((f.error as Error)?.message ?? f.error) })) };
}

function summary({ key, log }: LogInput): FileSummary {
  const { spans } = log;
  const unparsed: FileSummary['unparsed'] = [];
  for (let k = 0; k < spans.count && unparsed.length < UNPARSED_SHOWN; k++) {
    unparsed.push({ line: spans.line[k] + 1, endLine: log.spanEndLine(k) + 1 });
  }
  // An incomplete character at the very end (a file caught mid-write) counts as one more span.
  const pending = log.pendingBytes > 0 ? 1 : 0;
  if (pending && unparsed.length < UNPARSED_SHOWN) unparsed.push({ line: log.lineCount, endLine: log.lineCount });
  let errorRecords = 0;
  const { severity, count } = log.table;
  for (let i = 0; i < count; i++) if (severity[i] === Severity.Error) errorRecords++;
  return {
    path: key,
    format: log.format,
    encoding: log.encoding,
    bytes: log.byteLength,
    entries: log.entryCount,
    errorRecords,
    unparsedSpans: spans.count + pending,
    unparsed,
  };
}

/** The logs of each group, from every source's names. */
export function groupsOf<T extends CheckRef>(refs: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const s of refs) {
    const g = groups.get(s.group);
    if (g) g.push(s); else groups.set(s.group, [s]);
  }
  return groups;
}

/** The rules for each log: the built-in ones, and the user's that apply to it (see userRuleFiles). */
export function ruleCatalog(paths: readonly string[], rulesFile: string | undefined): { problems: string[]; catalog: (target: LogRef) => readonly Rule[] } {
  const user = userRuleFiles(paths, rulesFile);
  return { problems: user.problems, catalog: (t) => { const u = user.forLog(t); return u.length ? [...builtIn, ...u] : builtIn; } };
}
