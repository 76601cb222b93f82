// Every mapping between severities, in one place: a record's severity (CMTrace `type` 0-3) by name
// and letter, a finding's severity, the rule settings' levels, the LSP DiagnosticSeverity, and what
// the CLI's outputs call them (OpenTelemetry severities, SARIF levels). No
// LSP import: the numbers are the protocol's (1 error .. 4 hint), so the CLI and client can use this too.
// A leaf: model.ts re-exports `Severity` from here.

/** CMTrace `type`: 0 success (PSADT, OneTrace), 1 information, 2 warning, 3 error. */
export const Severity = { Success: 0, Information: 1, Warning: 2, Error: 3 } as const;
export type Severity = (typeof Severity)[keyof typeof Severity];

/** A record's severity by number: `severityName[Severity.Error]` is 'error'. */
export const severityName = ['success', 'information', 'warning', 'error'] as const;
export type SeverityName = (typeof severityName)[number];

/** One letter per record severity, for one-line listings (CLI timeline, merged view). */
export const severityLetter = ['S', 'I', 'W', 'E'] as const;

/** The record severity of a name ('error', 'warning', 'information', 'success'), or undefined. */
export function severityOfName(name: string): Severity | undefined {
  const i = (severityName as readonly string[]).indexOf(name);
  return i < 0 ? undefined : (i as Severity);
}

/** What a finding (a rule's report) can be; the Problems panel's four levels. */
export const findingSeverities = ['error', 'warning', 'information', 'hint'] as const;
export type FindingSeverity = (typeof findingSeverities)[number];

/** What `cmlog.rules.<id>` and `cmlog check --rule ID=` accept: off, or a finding severity. */
export const ruleLevels = ['off', ...findingSeverities] as const;
export type RuleLevel = (typeof ruleLevels)[number];

export function isRuleLevel(s: unknown): s is RuleLevel {
  return typeof s === 'string' && (ruleLevels as readonly string[]).includes(s);
}

/** LSP `DiagnosticSeverity` of a finding severity (protocol values). */
export const diagnosticSeverity: Readonly<Record<FindingSeverity, 1 | 2 | 3 | 4>> = { error: 1, warning: 2, information: 3, hint: 4 };

/** OpenTelemetry SeverityText and SeverityNumber (`cmlog export`) of a record severity: success is a kind of INFO. */
export const otelRecordSeverity: Readonly<Record<Severity, readonly [text: string, number: number]>> = { 0: ['INFO', 9], 1: ['INFO', 9], 2: ['WARN', 13], 3: ['ERROR', 17] };

/** OpenTelemetry SeverityText and SeverityNumber of a finding severity. */
export const otelFindingSeverity: Readonly<Record<FindingSeverity, readonly [text: string, number: number]>> = { error: ['ERROR', 17], warning: ['WARN', 13], information: ['INFO', 9], hint: ['DEBUG', 5] };

/** SARIF `level` of a finding severity (`check --format sarif`): SARIF has no "information" or "hint", both are notes. */
export const sarifLevel: Readonly<Record<FindingSeverity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A record severity as a person types it: a name, its letter, `warn` or `info` (any case); else undefined. */
export function severityOfWord(word: string): Severity | undefined {
  const w = word.toLowerCase();
  const byLetter = severityLetter.findIndex((l) => l.toLowerCase() === w);
  if (byLetter >= 0) return byLetter as Severity;
  return severityOfName(w === 'warn' ? 'warning' : w === 'info' ? 'information' : w);
}
