// A rows request's highlight rules and how its answer is read: against the rules sent with that
// request (kept with it), never against the list as it is when the answer comes. Pure, for tests.
import type { TableHighlight, TableHighlightError, TableRow } from '../../server/src/protocol';

/** `invalid`: the pattern itself is wrong, kept across reloads; any other error (too slow on the rows it ran on) is not. */
export interface HighlightRule extends TableHighlight { slot: number; error?: string; invalid?: true }

/** What one rows request carries (`highlights`), and the rules they are (`rules`). */
export interface HighlightRequest { rules: readonly HighlightRule[]; highlights: TableHighlight[] }

/** The request for `rules`: those that run (not marked as not working), as the wire takes them. */
export function highlightRequest(rules: readonly HighlightRule[]): HighlightRequest {
  const run = rules.filter((r) => !r.error);
  return { rules: run, highlights: run.map(({ slot: _slot, error: _error, invalid: _invalid, ...rule }) => rule) };
}

/** A rows answer's rule indexes made colour slots of the rules asked with (`-1`: none), in place. */
export function slotsOf(items: TableRow[], asked: HighlightRequest): void {
  for (const it of items) it.highlight = it.highlight >= 0 ? asked.rules[it.highlight]?.slot ?? -1 : -1;
}

/**
 * Marks the rules of `asked` that an answer says cannot run, all at once, and says so once (several:
 * how many); undefined when none is newly marked (one of `rules` no more, or marked by another
 * page's answer meanwhile).
 */
export function markFailed(rules: readonly HighlightRule[], errors: readonly TableHighlightError[] | undefined, asked: HighlightRequest): string | undefined {
  if (!Array.isArray(errors)) return undefined;
  const marked: { regex: string | undefined; error: string }[] = [];
  for (const { rule: k, error, invalid } of errors) {
    const rule = asked.rules[k];
    if (!rule || !rules.includes(rule) || rule.error) continue;
    rule.error = String(error);
    if (invalid) rule.invalid = true;
    marked.push({ regex: rule.regex, error: rule.error });
  }
  if (marked.length === 0) return undefined;
  return marked.length === 1 ? `Highlight /${marked[0].regex}/ is not working: ${marked[0].error}` :
    `${marked.length} highlights are not working: ${marked.map((m) => `/${m.regex}/: ${m.error}`).join('; ')}`;
}
