// The admin's own rules: `.cmlog/rules.json` in a workspace folder (or `cmlog check --rules FILE`),
// validated with messages that say where and what, and turned into catalog `Rule`s. Their patterns
// are the user's, so they run on a worker with a time budget per file (patternWorker.ts): a
// catastrophic pattern is reported as skipped, never a hang. Ids are prefixed `user:` so a user
// rule never shadows a built-in one.
import type { Finding } from '../model';
import { findingSeverities, type FindingSeverity } from '../severity';
import { runPattern } from './patternWorker';
import { lineColumn, ruleOffsets } from './ruleFilePlaces';
import type { LogInput, Rule } from './types';

export const USER_RULES_FILE = '.cmlog/rules.json';
export const USER_PREFIX = 'user:';
/** Time one user rule may spend on one file. */
export const USER_RULE_BUDGET_MS = 1000;
/** Findings of one user rule in one file, at most (the Problems panel caps them further). */
const MAX_FINDINGS = 1000;
/** Characters of messages sent to the worker at once: memory stays bounded on a huge log. */
const BATCH_CHARS = 1 << 20;
/** Refusals remembered (see `refusals`), at most; the oldest is forgotten first. */
const MAX_REFUSALS = 256;
/** A rule's fields, and those it must have (schemas/rules.schema.json says the same: a test holds them together). */
export const FIELDS = ['id', 'logs', 'pattern', 'severity', 'message', 'explanation'] as const;
export const REQUIRED = ['id', 'pattern', 'severity', 'message'] as const;
/** What an id may be. */
export const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface UserRuleSpec {
  id: string;
  /** A glob on the log's file name (`*.log` by default), case-insensitive. */
  logs: string;
  pattern: string;
  severity: FindingSeverity;
  /** Plain text; `$1`..`$9` are the pattern's groups. */
  message: string;
  explanation: string;
}

/** What a rule file gave: the valid rules, and one sentence per problem (with its place). */
export interface UserRulesParse {
  specs: UserRuleSpec[];
  /** Every problem, each naming the file (the command line's, which has no schema). */
  problems: string[];
  /**
   * The problems the editor shows on the file itself: those VS Code's JSON language cannot say with
   * the schema (schemas/rules.schema.json) — a bad regular expression, an id used twice — without
   * the file's name (they are in its own Problems group). The rest VS Code shows once: broken JSON
   * where it breaks, the schema's on the field.
   */
  editor: { message: string; at: number | undefined }[];
}

export interface UserRuleData {
  /** The groups 1..9 of the match (empty when a group did not take part). */
  groups?: string[];
  /** Set on the one finding that says the rule ran out of time in this file. */
  skipped?: 'timeout' | 'error';
}

/** Line and column (1-based) of a character offset, as said in a message. */
function place(text: string, offset: number): string {
  const { line, column } = lineColumn(text, offset);
  return `line ${line + 1}, column ${column + 1}`;
}

/** Only white space (a byte-order mark too): JSON.parse refuses it, VS Code's JSON language does not. */
const isBlank = (text: string): boolean => /^[\ufeff\s]*$/.test(text);

/** Validates a rule file's text. `source` names it in the messages. Never throws. */
export function parseUserRules(text: string, source: string): UserRulesParse {
  const problems: string[] = [];
  const editor: UserRulesParse['editor'] = [];
  // `byVsCode`: VS Code's JSON language says it all, its syntax check or the schema (the editor leaves
  // it to VS Code); `editorMessage`: what the editor shows else.
  const problem = (message: string, offset: number | undefined, byVsCode: boolean, editorMessage = message) => {
    problems.push(`${source}: ${message}`);
    if (!byVsCode) editor.push({ message: editorMessage, at: offset });
  };
  const specs: UserRuleSpec[] = [];
  let json: unknown;
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  try {
    json = JSON.parse(bom ? text.slice(1) : text);
  } catch (e) {
    const msg = String((e as Error).message);
    const at = /position (\d+)/.exec(msg);
    const offset = at ? Number(at[1]) + bom : text.length;
    // VS Code marks broken JSON where it breaks, but takes a blank file for an empty document.
    problem(`not valid JSON at ${at ? place(text, offset) : 'the end'}: ${msg.replace(/ ?\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '')}`, offset, !isBlank(text));
    return { specs, problems, editor };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || !Array.isArray((json as { rules?: unknown }).rules)) {
    problem('expected { "rules": [ ... ] }', undefined, true);
    return { specs, problems, editor };
  }
  for (const key of Object.keys(json)) if (key !== 'rules' && key !== '$schema') problem(`unknown field "${key}" (expected "rules")`, undefined, true);
  const seen = new Set<string>();
  const starts = ruleOffsets(text);
  (json as { rules: unknown[] }).rules.forEach((raw, n) => {
    const where = `rule ${n + 1}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return void problem(`${where}: expected an object`, starts[n], true);
    const r = raw as Record<string, unknown>;
    // What the schema says too (every check but the last two), and what it cannot.
    const bad: string[] = [];
    const beyondSchema: string[] = [];
    for (const key of Object.keys(r)) if (!(FIELDS as readonly string[]).includes(key)) bad.push(`unknown field "${key}" (expected one of ${FIELDS.join(', ')})`);
    for (const key of REQUIRED) if (r[key] === undefined) bad.push(`missing field "${key}"`);
    for (const key of FIELDS) if (r[key] !== undefined && typeof r[key] !== 'string') bad.push(`"${key}" must be a string`);
    const id = typeof r.id === 'string' ? r.id : '';
    if (typeof r.id === 'string' && !ID_RE.test(id)) bad.push(`"id" must be letters, digits, '.', '_' or '-' (at most 64), got ${JSON.stringify(id.slice(0, 70))}`);
    if (id && seen.has(id)) beyondSchema.push(`"id" ${JSON.stringify(id)} is used twice`);
    if (typeof r.severity === 'string' && !(findingSeverities as readonly string[]).includes(r.severity)) bad.push(`"severity" must be error, warning, information or hint, got ${JSON.stringify(r.severity.slice(0, 40))}`);
    if (typeof r.pattern === 'string') {
      try { new RegExp(r.pattern, 'i'); } catch (e) { beyondSchema.push(`"pattern" is not a valid regular expression: ${(e as Error).message}`); }
    }
    const label = id ? `${where} ("${id}")` : where;
    if (bad.length + beyondSchema.length > 0) {
      return void problem(`${label}: ${[...bad, ...beyondSchema].join('; ')}`, starts[n], beyondSchema.length === 0, `${label}: ${beyondSchema.join('; ')}`);
    }
    seen.add(id);
    specs.push({
      id, logs: (r.logs as string | undefined) ?? '*.log', pattern: r.pattern as string, severity: r.severity as FindingSeverity,
      message: r.message as string, explanation: (r.explanation as string | undefined) ?? '',
    });
  });
  return { specs, problems, editor };
}

/** `$1`..`$9` replaced by the groups; `$$` is a dollar. */
export function fillMessage(template: string, groups: readonly string[]): string {
  return template.replace(/\$(\$|[1-9])/g, (_, g: string) => (g === '$' ? '$' : groups[Number(g) - 1] ?? ''));
}

/** Compiles a `logs` glob to a test on file names (the caller's glob engine: rules know no workspace). */
export type NameMatcher = (glob: string) => (name: string) => boolean;

/**
 * A file's findings for a rule whose pattern was refused there (out of time, or it threw), by rule
 * id, pattern, budget and file. Re-validating the same content then costs no budget again and says
 * the same thing once; content that changed is run again. Kept across rule-file reloads (the key
 * names the pattern), bounded.
 */
const refusals = new Map<string, { print: string; findings: Finding<UserRuleData>[] }>();

/** What identifies a log's content: its size in records, lines and characters, and a hash of its messages. O(text), run only for refused files. */
function contentPrint(log: LogInput['log']): string {
  let h = 0x811c9dc5;
  let chars = 0;
  for (let i = 0; i < log.entryCount; i++) {
    const m = log.message(i);
    chars += m.length;
    for (let k = 0; k < m.length; k++) h = Math.imul(h ^ m.charCodeAt(k), 0x01000193);
    h = Math.imul(h ^ 0x0a, 0x01000193);
  }
  return `${log.entryCount}:${log.lineCount}:${chars}:${(h >>> 0).toString(16)}`;
}

function remember(key: string, value: { print: string; findings: Finding<UserRuleData>[] }): void {
  refusals.delete(key);
  if (refusals.size >= MAX_REFUSALS) refusals.delete(refusals.keys().next().value!);
  refusals.set(key, value);
}

/** One catalog rule per spec. `source` (the file) is the rule's source; `budgetMs` per file. */
export function userRules(specs: readonly UserRuleSpec[], source: string, matchName: NameMatcher, budgetMs = USER_RULE_BUDGET_MS): Rule<UserRuleData>[] {
  return specs.map((spec) => {
    const id = USER_PREFIX + spec.id;
    const appliesTo = matchName(spec.logs);
    return {
      id,
      defaultSeverity: spec.severity,
      title: `Your rule ${spec.id}`,
      explanation: spec.explanation || spec.message,
      sources: [source],
      check(target) {
        if (!appliesTo(target.name)) return [];
        const { log } = target;
        const memoKey = `${id}\u0000${spec.pattern}\u0000${budgetMs}\u0000${target.key}`;
        const refused = refusals.get(memoKey);
        if (refused) {
          if (refused.print === contentPrint(log)) return refused.findings.map((f) => ({ ...f }));
          refusals.delete(memoKey);
        }
        const out: Finding<UserRuleData>[] = [];
        const deadline = Date.now() + budgetMs;
        for (let i = 0; i < log.entryCount && out.length < MAX_FINDINGS;) {
          const first = i;
          const batch: string[] = [];
          let chars = 0;
          while (i < log.entryCount && (batch.length === 0 || chars < BATCH_CHARS)) {
            const m = log.message(i++);
            chars += m.length;
            batch.push(m);
          }
          const matches = runPattern(spec.pattern, 'i', batch, first, MAX_FINDINGS - out.length, deadline);
          if (matches === 'timeout' || !Array.isArray(matches)) {
            const why = matches === 'timeout'
              ? `its pattern ran longer than ${budgetMs} ms (from this line on). A pattern with nested repetition such as (a+)+ can take forever on a long line`
              : `its pattern failed as it ran (from this line on: ${matches.error.slice(0, 200)}). A pattern with nested repetition can exhaust the regex engine on a long line`;
            out.push({
              ruleId: id, severity: 'warning', file: target.key, line: log.line(first), endLine: log.line(first), entryIndex: first,
              message: `Your rule ${id} was skipped in this file: ${why}; simplify it in ${source}.`,
              data: { skipped: matches === 'timeout' ? 'timeout' : 'error' },
            });
            remember(memoKey, { print: contentPrint(log), findings: out.map((f) => ({ ...f })) });
            break;
          }
          for (const m of matches) {
            out.push({
              ruleId: id, severity: spec.severity, file: target.key, line: log.line(m.index), endLine: log.endLine(m.index), entryIndex: m.index,
              message: fillMessage(spec.message, m.groups), data: { groups: m.groups },
            });
          }
        }
        return out;
      },
    };
  });
}
