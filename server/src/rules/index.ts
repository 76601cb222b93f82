// The rule catalog and the one function every front end (language server, `cmlog check`) calls.
import type { Finding } from '../model';
import { aadTenantMissing } from './aadTenantMissing';
import { aadTokenFailure } from './aadTokenFailure';
import { intuneWin32App } from './intuneWin32';
import { taskSequenceFailure } from './taskSequence';
import { SIGNATURES } from './signatureTable';
import { signatureRules } from './signatures';
import { truncatedRecord } from './truncatedRecord';
import { userNotFound } from './userNotFound';
import type { LogInput, LogRef, Rule, RuleContext, RuleSettings } from './types';

export type { FindingAction, FindingLens, LogInput, LogRef, Rule, RuleContext, RuleSettings } from './types';

export const rules: readonly Rule[] = [
  truncatedRecord, userNotFound, aadTenantMissing, aadTokenFailure, taskSequenceFailure, intuneWin32App,
  ...(signatureRules(SIGNATURES) as Rule[]),
];

export function ruleById(id: string, catalog: readonly Rule[] = rules): Rule | undefined {
  return catalog.find((r) => r.id === id);
}

export interface RuleFailure {
  ruleId: string;
  error: unknown;
}

/**
 * Runs every enabled rule on `target`. A rule that throws is reported in `failures` and the others
 * still run: one broken rule must not hide the rest of a file's problems.
 */
export function runRules(target: LogInput, context: RuleContext, settings: RuleSettings = {}, catalog: readonly Rule[] = rules): { findings: Finding[]; failures: RuleFailure[] } {
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  for (const rule of catalog) {
    const setting = settings[rule.id];
    if (setting === 'off') continue;
    try {
      for (const f of rule.check(target, context)) findings.push(setting ? { ...f, severity: setting } : f);
    } catch (error) {
      failures.push({ ruleId: rule.id, error });
    }
  }
  findings.sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId));
  return { findings, failures };
}

/**
 * The logs among `logs` whose findings can change when one of `changed` changes (besides the
 * changed logs themselves), as the rules declare with `reads`. O(logs × changed × rules).
 */
export function readersOf(changed: readonly LogRef[], logs: readonly LogInput[], catalog: readonly Rule[] = rules): LogInput[] {
  const reading = catalog.filter((r) => r.reads);
  const out: LogInput[] = [];
  if (reading.length === 0 || changed.length === 0) return out;
  const keys = new Set(changed.map((c) => c.key));
  for (const target of logs) {
    if (keys.has(target.key)) continue;
    if (reading.some((r) => changed.some((c) => r.reads!(target, c)))) out.push(target);
  }
  return out;
}
