// The signature engine (#16): one declarative row (a log, a pattern over one record's message, the
// captured fields, what it means and what to do) becomes one `Rule`. The built-in rows are in
// signatureTable.ts (the admin's own rules are userRules.ts: their patterns run on a worker).
// Speed: the rows of one engine that apply to a log are run in ONE pass over its records (the first
// rule asked scans for all and the others read the result), each record's message is read only as
// its first HEAD_CHARS characters, and only for records of a log, component or format some row names.
import { counted } from '../explain/plural';
import { FORMATS } from '../parse/formats';
import { codeMeaning } from './codeText';
import { RelatedList } from './stories';
import { codeSpan, escapeMarkdown } from '../explain/markdown';
import { describeErrorCode, parseErrorCode } from '../knowledge/errorCodes';
import type { LogFile } from '../logFile';
import type { Finding, RelatedLocation } from '../model';
import { componentIds, liveName, messageHead } from './logSet';
import type { FindingSeverity, LogInput, Rule } from './types';

/** How much of a record's message a row's pattern sees: patterns match near the start. */
export const HEAD_CHARS = 4096;
/** A captured value is shown at most this long (it is log text). */
const FIELD_CHARS = 200;
/**
 * One signature. `pattern` runs over ONE record's message: case-insensitive (`i`), neither global nor
 * sticky, linear-time (anchored with `^` or starting with a literal, bounded repetition, no nested
 * quantifiers). Its named groups are the captured fields; the groups `code`, `code2` hold an error
 * code in hex (with or without `0x`) and `exitCode` a decimal one: the error-code knowledge adds
 * their meaning.
 */
export interface SignatureRow {
  id: string;
  title: string;
  severity: FindingSeverity;
  /** Live log names in lower case (`appenforce.log`); rotated copies (`.lo_`, dated history) match too. */
  logs?: readonly string[];
  /** Components in lower case whose records the row reads, in any log. */
  components?: readonly string[];
  /**
   * Format ids (parse/formats: `cbs`, `wu`, `psadt`, `portal`, `intunemac`...) whose records the row
   * reads, whatever the file is called: for logs that are found by their content, not their name.
   */
  formats?: readonly string[];
  pattern: RegExp;
  /**
   * The Problems line; `{field}` is replaced by that capture (clipped), `{field?}` by `: ` and the
   * capture when the line has one and by nothing when not (an optional reason).
   */
  message: string;
  /** What it means. */
  explanation: string;
  /** What to do. */
  remedy: string;
  /** Public sources (a URL and its title). */
  sources: readonly string[];
  /**
   * What a captured value means here (keys in lower case), before the error-code table; `orElse`, for
   * a value the table does not list, says what the code means in this log's own terms (a toolkit's
   * exit code), said without its hex form, which would read as a Windows code.
   */
  meanings?: { field: string; table: Readonly<Record<string, string>>; orElse?: (value: number) => string | undefined };
  /** Report only a file with at least this many matches: one finding at the first, the others related. */
  atLeast?: number;
  /** For an `atLeast` row: a line that says more, looked for among the records above its finding (its first related location). */
  evidence?: Evidence;
  /**
   * For an `atLeast` row whose later matches are not the same failure again (MSI: the sequences
   * that end with 3 after the failed action only pass it on): what each later match is called in the
   * related list (`{field}` as in `message`), and what the count after the message says of them.
   * Absent: "again", and "(N times in this file)".
   */
  repeats?: { related: string; count: (more: number) => string };
  /**
   * For an `atLeast` row: one finding per captured code (`code`/`code2`/`exitCode`) rather than one
   * per file, each with its own count. Bounded: past MAX_CODES codes in a file, the matches of any
   * other code are counted in one more finding.
   */
  perCode?: boolean;
}

/** At most this many codes get a finding of their own per row and file (perCode). */
export const MAX_CODES = 16;
const OTHER_CODES = '\u0000other';

/**
 * What to look for before a finding: the nearest record above it whose message matches `pattern`
 * (same rules as a row's pattern), at most `back` records up and not past one matching `stop`.
 * Bounded: a finding costs at most `back` message heads.
 */
export interface Evidence {
  pattern: RegExp;
  stop: RegExp;
  back: number;
  /** The related location's message, from the match. */
  message: (m: RegExpExecArray) => string;
}

/** The related location of a row's evidence for the finding at entry i, if the records above hold it. */
function evidenceFor(e: Evidence, target: LogInput, i: number): RelatedLocation | undefined {
  const { log } = target;
  for (let k = i - 1; k >= 0 && k >= i - e.back; k--) {
    const head = messageHead(log, k, HEAD_CHARS);
    const m = e.pattern.exec(head);
    if (m) return { file: target.key, line: log.line(k), message: e.message(m) };
    if (e.stop.test(head)) return undefined;
  }
  return undefined;
}

export interface SignatureData {
  /** The named captures (log text, clipped). */
  fields: Record<string, string>;
  /** The captured code as `0x` + 8 hex digits, when the row captures one and its meaning is a Windows one (not `orElse`'s). */
  code?: string;
  /** What the captured value means (the row's table, its `orElse` or the error-code knowledge). */
  meaning?: string;
  /** Matches in the file, for an `atLeast` row. */
  count?: number;
}

const clipField = (s: string) => (s.length > FIELD_CHARS ? s.slice(0, FIELD_CHARS - 1) + '…' : s);

/**
 * The captured code and its meaning: the row's own table first, then its `orElse`, then the error-code
 * knowledge. `key` (the code's hex form) tells codes apart for `perCode`; `code` is the hex form said
 * beside a Windows meaning, absent beside an `orElse` one.
 */
function meaningOf(row: SignatureRow, fields: Record<string, string>): { key?: string; code?: string; meaning?: string } {
  const own = row.meanings && fields[row.meanings.field] !== undefined ? row.meanings.table[fields[row.meanings.field]!.toLowerCase()] : undefined;
  const hex = fields.code ?? fields.code2;
  // `code` is hex with or without `0x` (parseErrorCode reads bare digits as decimal); `exitCode` decimal.
  const value = hex !== undefined ? parseErrorCode(/^0x/i.test(hex) ? hex : '0x' + hex)
    : fields.exitCode !== undefined ? parseErrorCode(fields.exitCode) : undefined;
  if (value === undefined) return own ? { meaning: own } : {};
  const key = describeErrorCode(value).hex;
  if (own === undefined) {
    const theirs = row.meanings?.orElse?.(value);
    if (theirs) return { key, meaning: theirs };
  }
  const meaning = own ?? (codeMeaning(value) || undefined);
  return { key, code: key, ...(meaning ? { meaning } : {}) };
}

function fill(template: string, fields: Record<string, string>): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9]{0,30})(\??)\}/g, (_, name: string, optional: string) =>
    optional ? (fields[name] ? `: ${fields[name]}` : '') : fields[name] ?? '?');
}

function explain(row: SignatureRow, f: Finding<SignatureData>): string {
  const d = f.data;
  const lines = [`**${escapeMarkdown(row.title, 200)}** (${escapeMarkdown(row.id, 80)}, ${f.severity})`, '', escapeMarkdown(row.explanation, 3000)];
  const fields = d && typeof d.fields === 'object' && d.fields ? Object.entries(d.fields) : [];
  if (fields.length) {
    lines.push('');
    for (const [k, v] of fields) lines.push(`- ${escapeMarkdown(k, 40)}: ${codeSpan(String(v), FIELD_CHARS)}`);
  }
  if (d?.code || d?.meaning) lines.push('', `${d.code ? codeSpan(d.code, 12) + ' ' : ''}${d.meaning ? escapeMarkdown(d.meaning, 600) : ''}`);
  if (typeof d?.count === 'number') lines.push('', `${counted(d.count, 'occurrence')} in this file.`);
  lines.push('', `**What to do:** ${escapeMarkdown(row.remedy, 2000)}`);
  if (row.sources.length) lines.push('', `*Source: ${escapeMarkdown(row.sources.join('; '), 1000)}*`);
  return lines.join('\n');
}

interface Tally { count: number; first: Finding<SignatureData> | null; more: RelatedList }

/** The registry indices of the formats the log's records are in (one pass over a byte per record). */
function formatsIn(log: LogFile): Set<number> {
  const { format, count } = log.table;
  // A byte per record tested, a Set touched once per format (as facets.ts counts them).
  const seen = new Uint8Array(256);
  const out = new Set<number>();
  for (let i = 0; i < count; i++) {
    const f = format[i]!;
    if (seen[f] === 0) { seen[f] = 1; out.add(f); }
  }
  return out;
}

/** What identifies one state of a log: a log that grew must be scanned again. */
function stampOf(target: LogInput): string {
  const { log } = target;
  const n = log.entryCount;
  return `${target.key}\u0000${n}\u0000${log.lineCount}\u0000${n ? log.messageEnd(n - 1) : 0}`;
}

/** Checks a row's pattern is one the engine may run (a programming error in a table, or a bad user row). */
export function checkRow(row: SignatureRow): void {
  if (!row.pattern.flags.includes('i')) throw new Error(`signature ${row.id}: the pattern must be case-insensitive`);
  if (/[gy]/.test(row.pattern.flags)) throw new Error(`signature ${row.id}: the pattern must be neither global nor sticky`);
  if (!row.logs?.length && !row.components?.length && !row.formats?.length) throw new Error(`signature ${row.id}: names no log, no component and no format`);
  for (const f of row.formats ?? []) if (!FORMATS.some((x) => x.id === f)) throw new Error(`signature ${row.id}: no format ${f}`);
}

/**
 * The rules of these rows. They share one scan per log: the first of them asked about a log runs
 * every row that applies to it and keeps the findings until the log changes.
 */
export function signatureRules(rows: readonly SignatureRow[]): Rule<SignatureData>[] {
  rows.forEach(checkRow);
  const logSets = rows.map((r) => new Set(r.logs ?? []));
  const compSets = rows.map((r) => new Set(r.components ?? []));
  // Format ids -> their indices in the registry (what the entry table stores per record).
  const fmtSets = rows.map((r) => new Set(FORMATS.flatMap((f, k) => (r.formats?.includes(f.id) ? [k] : []))));
  const cache = new WeakMap<LogFile, { stamp: string; byRow: Finding<SignatureData>[][] }>();

  function scan(target: LogInput): Finding<SignatureData>[][] {
    const { log } = target;
    const byRow: Finding<SignatureData>[][] = rows.map(() => []);
    const name = liveName(target.name);
    const active: { r: number; all: boolean; ids: Set<number>; fmts: Set<number> }[] = [];
    const present = fmtSets.some((f) => f.size) ? formatsIn(log) : new Set<number>();
    rows.forEach((row, r) => {
      const all = logSets[r]!.has(name);
      const ids = compSets[r]!.size ? componentIds(log, compSets[r]!) : new Set<number>();
      const fmts = new Set([...fmtSets[r]!].filter((k) => present.has(k)));
      if (all || ids.size || fmts.size) active.push({ r, all, ids, fmts });
    });
    if (active.length === 0) return byRow;
    const comp = log.table.component;
    const fmt = log.table.format;
    // For `atLeast` rows: the first match, a few more, and the count (bounded whatever the log holds);
    // for `perCode` rows one such tally per code (at most MAX_CODES + 1).
    const tally = rows.map(() => new Map<string, Tally>());
    for (let i = 0; i < log.entryCount; i++) {
      let head: string | undefined;
      for (const a of active) {
        if (!a.all && !a.ids.has(comp[i]!) && !a.fmts.has(fmt[i]!)) continue;
        head ??= messageHead(log, i, HEAD_CHARS);
        const m = rows[a.r]!.pattern.exec(head);
        if (!m) continue;
        const row = rows[a.r]!;
        const fields: Record<string, string> = {};
        for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) fields[k] = clipField(v.trim());
        const { key: codeKey, code, meaning } = meaningOf(row, fields);
        const finding: Finding<SignatureData> = {
          ruleId: row.id, severity: row.severity, file: target.key,
          line: log.line(i), endLine: log.endLine(i), entryIndex: i,
          message: fill(row.message, fields) + (meaning ? ` (${code ? code + ': ' : ''}${meaning})` : ''),
          data: { fields, ...(code ? { code } : {}), ...(meaning ? { meaning } : {}) },
        };
        if (!row.atLeast) { byRow[a.r]!.push(finding); continue; }
        const groups = tally[a.r]!;
        let key = row.perCode ? codeKey ?? '' : '';
        if (!groups.has(key) && groups.size >= MAX_CODES) key = OTHER_CODES;
        let t = groups.get(key);
        if (!t) groups.set(key, (t = { count: 0, first: null, more: new RelatedList() }));
        t.count++;
        if (!t.first) t.first = finding;
        else t.more.add({ file: target.key, line: finding.line, message: row.repeats ? fill(row.repeats.related, fields) : 'again' });
      }
    }
    rows.forEach((row, r) => tally[r]!.forEach((t) => {
      if (!row.atLeast || !t.first || t.count < row.atLeast) return;
      const evidence = row.evidence && evidenceFor(row.evidence, target, t.first.entryIndex!);
      byRow[r]!.push({
        ...t.first,
        message: t.count === 1 ? t.first.message : row.repeats ? `${t.first.message}; ${row.repeats.count(t.count - 1)}` : `${t.first.message} (${t.count} times in this file)`,
        data: { ...t.first.data!, count: t.count },
        related: evidence ? [evidence, ...t.more.items] : t.more.items,
      });
    }));
    rows.forEach((row, r) => { if (row.perCode) byRow[r]!.sort((x, y) => x.entryIndex! - y.entryIndex!); });
    return byRow;
  }

  function findings(target: LogInput, r: number): Finding<SignatureData>[] {
    const stamp = stampOf(target);
    let hit = cache.get(target.log);
    if (!hit || hit.stamp !== stamp) {
      hit = { stamp, byRow: scan(target) };
      cache.set(target.log, hit);
    }
    return hit.byRow[r]!.slice();
  }

  return rows.map((row, r): Rule<SignatureData> => ({
    id: row.id,
    defaultSeverity: row.severity,
    title: row.title,
    explanation: `${row.explanation} What to do: ${row.remedy}`,
    sources: [...row.sources],
    check: (target) => findings(target, r),
    explain: (f) => explain(row, f),
    actions: () => [{ title: 'Copy What to Do', copy: row.remedy }],
  }));
}
