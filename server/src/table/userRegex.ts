// A user's regular expression over log messages (filter, find, highlight). A JS regex cannot be
// interrupted on the thread it runs on, and `(a+)+$` on a long line of a's backtracks for ages:
// patterns run on the pattern worker (rules/patternWorker.ts, the user rules' one) with a time
// budget per batch; a batch that runs out of it refuses the pattern with a message. Chosen over a
// linear engine (re2-wasm) to add no dependency and to accept every JS pattern users already
// write in `.cmlog/rules.json`, backreferences and lookarounds included.
import { runPattern } from '../rules/patternWorker';

/** Time one batch of messages may take on the worker. */
export const REGEX_BUDGET_MS = 1000;
/** Messages per batch posted to the worker, and the characters of each that are searched. */
export const REGEX_BATCH = 2000;
export const REGEX_TEXT_MAX = 64 * 1024;

export interface UserRegex { source: string; flags: string }

/** The pattern, or why it cannot be used (a syntax error). Compiled here only to check it. */
export function userRegex(source: string, caseSensitive: boolean | undefined): UserRegex | { error: string } {
  const flags = caseSensitive ? '' : 'i';
  try {
    new RegExp(source, flags);
  } catch (e) {
    return { error: `invalid regular expression: ${syntaxReason(String((e as Error).message), flags)}` };
  }
  return { source, flags };
}

/**
 * What is wrong, from V8's "Invalid regular expression: /SOURCE/FLAGS: REASON": the user typed the
 * pattern, so it is not repeated, nor wrapped in JavaScript's /.../i. Cut after the last
 * `/FLAGS: ` (the pattern itself may hold one; the reason does not).
 */
function syntaxReason(message: string, flags: string): string {
  const mark = `/${flags}: `;
  const at = message.lastIndexOf(mark);
  const reason = at < 0 ? message.replace(/^Invalid regular expression: /, '') : message.slice(at + mark.length);
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}

export const tooSlow = (source: string) =>
  `the regular expression /${source.slice(0, 200)}/ took longer than ${REGEX_BUDGET_MS} ms on one batch of messages ` +
  '(catastrophic backtracking, e.g. nested quantifiers like (a+)+): refused';

/**
 * Which of `messages` the pattern matches (their indexes), or an error: it ran out of time or
 * threw. Messages are cut to REGEX_TEXT_MAX characters.
 */
export function matchAll(re: UserRegex, messages: string[]): Set<number> | { error: string } {
  const hits = new Set<number>();
  for (let b = 0; b < messages.length; b += REGEX_BATCH) {
    const batch = messages.slice(b, b + REGEX_BATCH).map((m) => (m.length > REGEX_TEXT_MAX ? m.slice(0, REGEX_TEXT_MAX) : m));
    const r = runPattern(re.source, re.flags, batch, b, batch.length, Date.now() + REGEX_BUDGET_MS);
    if (r === 'timeout') return { error: tooSlow(re.source) };
    if (!Array.isArray(r)) return { error: `the regular expression failed: ${r.error}` };
    for (const m of r) hits.add(m.index);
  }
  return hits;
}
