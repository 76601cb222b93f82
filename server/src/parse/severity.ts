// Severity of records that carry no `type` (legacy format, empty type), by the keywords of
// keywords.ts: the first word found decides, and after a warning word, an error word in the rest
// of the message (a string of its own) can still make it an error.
//
// Whole messages go to the WebAssembly kernel (kernel.ts), the fast way. Here is the rule
// on character codes for the rest: messages longer than the kernel's window, and a record still
// being written, whose search goes on where the previous scan left it.
import { Severity } from '../model';
import { KEYWORDS, MAX_REACH } from './keywords';
import { charCodes, type Codes } from './time';

/** How far the keyword search through a message has got (see `keywordProgress`). */
export const KW_NONE = 0; // no keyword starts before `from`
const KW_ERROR = 1; // settled: error
const KW_WARN = 2; // a warning word came first, and no error word after it starts before `from`

export interface KeywordProgress { kind: number; from: number }

/** Set by `firstWord`: whether the word found is a warning word, and how long the match is. */
const wordOut = { warn: false, len: 0 };

/** A keyword as character codes: the letters after its first, its endings. */
interface Matcher { tail: readonly number[]; warn: boolean; whole: boolean; endings: readonly (readonly number[])[] }

/** The keywords by their first letter (lower case), in the list's order. */
const BY_FIRST: (Matcher[] | undefined)[] = new Array(128);
for (const k of KEYWORDS) {
  (BY_FIRST[k.word.charCodeAt(0)] ??= []).push({
    tail: charCodes(k.word.slice(1)), warn: k.severity === 'warning', whole: k.wholeWord === true, endings: (k.endings ?? []).map(charCodes),
  });
}

/**
 * Start of the first keyword in codes[a, b) (b if none; `wordOut` says which kind), as the
 * rule's patterns find it in text.substring(a, b): a `\b` at a or b sees the string's ends. With
 * `joined`, the character before a counts instead (a search that goes on from an earlier one).
 * Linear in b - a: each candidate reads at most MAX_REACH characters per word.
 */
function firstWord(codes: Codes, a: number, b: number, joined: boolean, errorsOnly: boolean): number {
  for (let p = a; p < b; p++) {
    // `| 32` lower-cases a letter and never turns another character into one.
    const c = codes[p] | 32;
    const ms = c < 128 ? BY_FIRST[c] : undefined;
    if (ms === undefined) continue;
    for (const m of ms) {
      if (errorsOnly && m.warn) continue;
      const len = matchAt(codes, p, a, b, joined, m);
      if (len > 0) {
        wordOut.warn = m.warn;
        wordOut.len = len;
        return p;
      }
    }
  }
  return b;
}

/** Length of the match of m at p (its first letter is there), or 0. */
function matchAt(codes: Codes, p: number, a: number, b: number, joined: boolean, m: Matcher): number {
  if (!spells(codes, p + 1, b, m.tail)) return 0;
  const e = p + 1 + m.tail.length;
  if (!m.whole) return e - p;
  if ((p > a || joined) && p > 0 && isWordChar(codes[p - 1])) return 0;
  for (const ending of m.endings) if (spells(codes, e, b, ending) && boundaryAt(codes, e + ending.length, b)) return e + ending.length - p;
  return boundaryAt(codes, e, b) ? e - p : 0;
}

/** Whether codes[q, ...) spells `letters` (lower case, any case in the text) before b. */
function spells(codes: Codes, q: number, b: number, letters: readonly number[]): boolean {
  const n = letters.length;
  if (q + n > b) return false;
  for (let k = 0; k < n; k++) if ((codes[q + k] | 32) !== letters[k]) return false;
  return true;
}

/** Whether a word ends at q: the string ends there, or a non-word character follows. */
function boundaryAt(codes: Codes, q: number, b: number): boolean {
  return q >= b || !isWordChar(codes[q]);
}

/** [0-9A-Za-z_], what `\b` counts as a word character. */
function isWordChar(c: number): boolean {
  const l = c | 32;
  return (l >= 97 && l <= 122) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * Severity of the message codes[?, b) whose keyword search got to (`kind`, `from`); `joined` as
 * in `firstWord` (false when `from` starts the message).
 */
export function keywordSeverityAt(codes: Codes, kind: number, from: number, b: number, joined: boolean): Severity {
  if (kind === KW_ERROR) return Severity.Error;
  if (kind === KW_WARN) return firstWord(codes, from, b, true, true) < b ? Severity.Error : Severity.Warning;
  const s = firstWord(codes, from, b, joined, false);
  if (s >= b) return Severity.Information;
  if (!wordOut.warn) return Severity.Error;
  // The rule looks for error words in the rest of the message as a string of its own.
  return firstWord(codes, s + wordOut.len, b, false, true) < b ? Severity.Error : Severity.Warning;
}

/**
 * The search through a message that runs to the end of the codes (a record still being written),
 * carried up to `stable`: what it says about positions before `stable` holds however the text
 * goes on, as long as `stable` is at least MAX_REACH + 1 characters before the end (a match
 * depends on at most the character before it and MAX_REACH from it on). The progress returned
 * is `joined`.
 */
export function keywordProgress(codes: Codes, kind: number, from: number, stable: number, joined: boolean): KeywordProgress {
  const n = codes.length;
  if (kind === KW_NONE) {
    const s = firstWord(codes, from, n, joined, false);
    if (s >= stable) return { kind, from: Math.max(from, stable) };
    if (!wordOut.warn) return { kind: KW_ERROR, from };
    // The rest after the warning word starts a string of its own (see keywordSeverityAt): settle
    // its first position now, so that what is carried on is `joined`.
    const p = s + wordOut.len;
    // Too near the end to settle: carry on from before the warning word (it is found again).
    if (p + MAX_REACH > n) return { kind, from };
    if (firstWord(codes, p, p + MAX_REACH, false, true) === p) return { kind: KW_ERROR, from };
    kind = KW_WARN;
    from = p + 1;
  }
  if (kind === KW_WARN && firstWord(codes, from, n, true, true) < stable) return { kind: KW_ERROR, from };
  return { kind, from: Math.max(from, stable) };
}

/**
 * CMTrace `type` attribute given as the char code of a one-character value: 0-3 as documented,
 * anything else information. (An empty or missing type goes to `keywordSeverity` instead.)
 */
export function typeSeverity(typeCode: number): Severity {
  switch (typeCode) {
    case 48: return Severity.Success; // '0'
    case 50: return Severity.Warning; // '2'
    case 51: return Severity.Error; // '3'
    default: return Severity.Information;
  }
}
