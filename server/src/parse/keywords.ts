// The severity keyword rule's words, stated once (CMTrace's "error" and "warn", plus the failure
// words its users expect: README, "How it reads logs", Severity). A record without a
// type (legacy format, empty type) is an error or a warning by the first of these words in its
// message, in any case; after a warning word, an error word in the rest of the message still
// makes it an error. The TypeScript rule (severity.ts) builds its tables from this list,
// `npm run wasm` generates the kernel's keyword search from it (scripts/compile-wasm.mjs), and
// the tests derive the rule's regex from it (test/support/keywordRule.ts): adding a word is one
// edit here, then `npm run wasm`.
//
// CMTrace's own words are "error" and "warn", anywhere. "fail" counts only as a whole word
// (also "failed", "fails"): ConfigMgr writes "failover" and "failure" in harmless lines such as
// "raise failure status messages = True".

export interface Keyword {
  /** Lower-case ASCII letters, at least 3 (the kernel screens on the first three). */
  readonly word: string;
  readonly severity: 'error' | 'warning';
  /** Only as a whole word (`\b` before and after), optionally with one of these endings. */
  readonly wholeWord?: boolean;
  /** Endings tried in this order (then none), lower-case letters; only with wholeWord. */
  readonly endings?: readonly string[];
}

/** In the order the rule tries them where two start at the same character. */
export const KEYWORDS: readonly Keyword[] = [
  { word: 'error', severity: 'error' },
  { word: 'fail', severity: 'error', wholeWord: true, endings: ['ed', 's'] },
  { word: 'exception', severity: 'error' },
  { word: 'critical', severity: 'error' },
  { word: 'fatal', severity: 'error' },
  { word: 'warn', severity: 'warning' },
];

/**
 * Most characters a match may read from its first one on (word, longest ending, the boundary
 * after it). The kernel reads that far past a candidate (it has 64 bytes of room), and a scan
 * resuming a record still being written trusts the search only up to 16 characters before the
 * text's end (RESUME_MARGIN in scan.ts), which must leave room for a whole match.
 */
export const MAX_REACH = 12;

/** Characters a match reads from its first one on: the word, its longest ending, and the boundary after it. */
export function keywordReach(list: readonly Keyword[]): number {
  let reach = 0;
  for (const k of list) {
    const ending = k.wholeWord ? Math.max(0, ...(k.endings ?? []).map((e) => e.length)) + 1 : 0;
    reach = Math.max(reach, k.word.length + ending);
  }
  return reach;
}

/** Throws unless every word of the list can be matched by both implementations. */
export function checkKeywords(list: readonly Keyword[]): readonly Keyword[] {
  const letters = /^[a-z]+$/;
  for (const k of list) {
    if (!letters.test(k.word) || k.word.length < 3) throw new Error(`keyword ${JSON.stringify(k.word)}: at least 3 lower-case letters a-z`);
    if (k.endings && !k.wholeWord) throw new Error(`keyword ${k.word}: endings need wholeWord`);
    for (const e of k.endings ?? []) if (!letters.test(e)) throw new Error(`keyword ${k.word}: ending ${JSON.stringify(e)} is not lower-case letters a-z`);
  }
  if (keywordReach(list) > MAX_REACH) throw new Error(`keywords: a word with its ending is longer than ${MAX_REACH - 1} letters`);
  return list;
}

checkKeywords(KEYWORDS);
