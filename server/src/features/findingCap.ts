// At most FINDINGS_PER_RULE problems of one rule in one file reach the editor, then one that says
// how many more: 131,072 cut-off records would otherwise be 33 MB of diagnostics per publish.
// Only the language server caps; `cmlog check` lists every finding (its JSON is a contract).
import type { Finding } from '../model';

export const FINDINGS_PER_RULE = 1000;

/**
 * `findings` (sorted by line, as runRules returns them) with each rule's beyond the first `limit`
 * left out; `summaries` holds one finding per capped rule, on the line of its first left-out one.
 */
export function capFindings(findings: Finding[], limit = FINDINGS_PER_RULE): { shown: Finding[]; summaries: Finding[] } {
  const counts = new Map<string, number>();
  const firstLeftOut = new Map<string, Finding>();
  const shown: Finding[] = [];
  for (const f of findings) {
    const n = (counts.get(f.ruleId) ?? 0) + 1;
    counts.set(f.ruleId, n);
    if (n <= limit) shown.push(f);
    else if (n === limit + 1) firstLeftOut.set(f.ruleId, f);
  }
  const summaries: Finding[] = [];
  for (const [ruleId, first] of firstLeftOut) {
    const more = counts.get(ruleId)! - limit;
    summaries.push({
      ruleId, severity: first.severity, file: first.file, line: first.line, endLine: first.line,
      message: `${more.toLocaleString('en-US')} more ${ruleId} problem${more === 1 ? '' : 's'} in this file from here on are not shown ` +
        `(at most ${limit.toLocaleString('en-US')} per rule and file). \`cmlog check\` lists them all.`,
      data: { omitted: more, limit },
    });
  }
  return { shown, summaries };
}
