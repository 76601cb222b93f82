// The characters that must never reach a user raw, whatever the output, stated once: controls (C0
// and C1, DEL), format characters (bidirectional overrides and isolates, which make text read
// differently from what it is, zero-width characters, the BOM, the soft hyphen) and the line and
// paragraph separators. Markdown output removes them (markdown.ts); plain-text output
// (plainText.ts) and the terminal (cli/escape.ts) show them as the escapes `escapeChar` spells.
// Each pattern is one character class: linear over any input.

/** Every such character. Global: use it with `replace` only (stateless there), never `test`/`exec`. */
export const UNSAFE_RE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** The same but tab, LF and CR, which text of several lines keeps. Global, as UNSAFE_RE. */
export const UNSAFE_BUT_BREAKS_RE = /(?![\t\n\r])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** One character as a visible escape: `\x1b`, `\u202e`, `\u{1d173}`. */
export function escapeChar(c: string): string {
  const cp = c.codePointAt(0)!;
  const hex = cp.toString(16);
  return cp <= 0xff ? `\\x${hex.padStart(2, '0')}` : cp <= 0xffff ? `\\u${hex.padStart(4, '0')}` : `\\u{${hex}}`;
}
