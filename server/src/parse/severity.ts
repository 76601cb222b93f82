// Severity of records that carry no `type` (legacy format, empty type), by keywords.
// CMTrace's own rule is "error" -> error and "warn" -> warning, anywhere in the message,
// case-insensitive. We also know the words fail/failed/fails (but not "failover" or "failure",
// which ConfigMgr writes in harmless lines such as "raise failure status messages = True"),
// "exception", "critical" and "fatal". As a regex (the tests' statement of the rule): the first
// match of /error|\bfail(?:ed|s)?\b|exception|critical|fatal|warn/i decides, and after a warning
// word, /error|\bfail(?:ed|s)?\b|exception|critical|fatal/i on the rest of the message (a string
// of its own) can still make it an error.
//
// Whole messages go to the WebAssembly kernel (kernel.ts), the fast way. Here is the rule
// on character codes for the rest: messages longer than the kernel's window, and a record still
// being written, whose search goes on where the previous scan left it.
import { Severity } from '../model';
import type { Codes } from './time';

/** How far the keyword search through a message has got (see `keywordProgress`). */
export const KW_NONE = 0; // no keyword starts before `from`
const KW_ERROR = 1; // settled: error
const KW_WARN = 2; // a warning word came first, and no error word after it starts before `from`

export interface KeywordProgress { kind: number; from: number }

/** Set by `firstWord`: whether the word found is a warning word. */
const wordOut = { warn: false };

// The words in lower case, without their first letter (the caller has matched it).
const RROR = [114, 114, 111, 114];
const XCEPTION = [120, 99, 101, 112, 116, 105, 111, 110];
const RITICAL = [114, 105, 116, 105, 99, 97, 108];
const ATAL = [97, 116, 97, 108];
const AIL = [97, 105, 108];
const ARN = [97, 114, 110];

/**
 * Start of the first keyword in codes[a, b) (b if none; `wordOut.warn` says which kind), as the
 * rule's patterns find it in text.substring(a, b): a `\b` at a or b sees the string's ends. With
 * `joined`, the character before a counts instead (a search that goes on from an earlier one).
 * Linear in b - a: each candidate checks at most 9 characters.
 */
function firstWord(codes: Codes, a: number, b: number, joined: boolean, errorsOnly: boolean): number {
  for (let p = a; p < b; p++) {
    // `| 32` lower-cases a letter and never turns another character into one of these.
    switch (codes[p] | 32) {
      case 101: // e: error, exception
        if (rest(codes, p, b, RROR) || rest(codes, p, b, XCEPTION)) return found(p, false);
        break;
      case 102: // f: fail, failed, fails (whole words), fatal
        if (rest(codes, p, b, ATAL) || (rest(codes, p, b, AIL) && failWord(codes, p, a, b, joined))) return found(p, false);
        break;
      case 99: // c: critical
        if (rest(codes, p, b, RITICAL)) return found(p, false);
        break;
      case 119: // w: warn
        if (!errorsOnly && rest(codes, p, b, ARN)) return found(p, true);
        break;
    }
  }
  return b;
}

function found(p: number, warn: boolean): number {
  wordOut.warn = warn;
  return p;
}

/** Whether codes[p + 1, ...) spells `tail` (lower case, any case in the text) before b. */
function rest(codes: Codes, p: number, b: number, tail: readonly number[]): boolean {
  const n = tail.length;
  if (p + n >= b) return false;
  for (let k = 0; k < n; k++) if ((codes[p + 1 + k] | 32) !== tail[k]) return false;
  return true;
}

/** `\bfail(?:ed|s)?\b` at p, where `fail` is spelled. */
function failWord(codes: Codes, p: number, a: number, b: number, joined: boolean): boolean {
  if ((p > a || joined) && p > 0 && isWordChar(codes[p - 1])) return false;
  const e = p + 4;
  if (e + 1 < b && (codes[e] | 32) === 101 && (codes[e + 1] | 32) === 100 && boundaryAt(codes, e + 2, b)) return true; // ed
  if (e < b && (codes[e] | 32) === 115 && boundaryAt(codes, e + 1, b)) return true; // s
  return boundaryAt(codes, e, b);
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
  return firstWord(codes, s + 4, b, false, true) < b ? Severity.Error : Severity.Warning;
}

/**
 * The search through a message that runs to the end of the codes (a record still being written),
 * carried up to `stable`: what it says about positions before `stable` holds however the text
 * goes on, as long as `stable` is at least 12 characters before the end (a word depends on at
 * most the character before it and the 10 from it on). The progress returned is `joined`.
 */
export function keywordProgress(codes: Codes, kind: number, from: number, stable: number, joined: boolean): KeywordProgress {
  const n = codes.length;
  if (kind === KW_NONE) {
    const s = firstWord(codes, from, n, joined, false);
    if (s >= stable) return { kind, from: Math.max(from, stable) };
    if (!wordOut.warn) return { kind: KW_ERROR, from };
    // The rest after the warning word starts a string of its own (see keywordSeverityAt): settle
    // its first position now, so that what is carried on is `joined`.
    const p = s + 4;
    if (firstWord(codes, p, p + 1 + 9, false, true) === p) return { kind: KW_ERROR, from };
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
