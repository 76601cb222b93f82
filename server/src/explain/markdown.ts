// Putting untrusted log text into Markdown (hovers) so that it stays text: no link, no command URI,
// no image, no HTML, no terminal escape sequence can come out of a log line. Pure.
//
// Two ways in:
// - `escapeMarkdown`: inline text. Every ASCII punctuation character is backslash-escaped (CommonMark
//   allows that for all of them), so no emphasis, link, autolink (`http\:\/\/`, `www\.`, `a\@b\.c`),
//   HTML tag or entity can form; line breaks become spaces.
// - `codeSpan` / `codeBlock`: literal text in a fence longer than any run of backticks inside.
// Both first remove ANSI escape sequences and control characters (including bidirectional
// overrides, which can make text read differently from what it is).

import { UNSAFE_BUT_BREAKS_RE } from './controlChars';

// eslint-disable-next-line no-control-regex -- matching terminal escape sequences is the point
const ANSI_RE = /\u001b(?:\[[0-?]{0,32}[ -/]{0,8}[@-~]?|\][^\u0007\u001b]{0,1024}(?:\u0007|\u001b\\)?|[@-Z\\-_]?)|\u009b[0-?]{0,32}[ -/]{0,8}[@-~]?/g;
// ASCII punctuation, which CommonMark lets a backslash escape: escapeMarkdown escapes it,
// unescapeMarkdown reads it back (the same class twice: literals, never a RegExp built at run time).
const PUNCT_RE = /[!-/:-@[-`{-~]/g;
const ESCAPED_RE = /\\([!-/:-@[-`{-~])/g;

/** Text with our Markdown's backslash escapes (`\*`, `\_`, ...) read back as the characters. */
export function unescapeMarkdown(text: string): string {
  return text.replace(ESCAPED_RE, '$1');
}

/** Removes ANSI escape sequences and control characters; keeps tab, LF and CR. */
export function sanitize(text: string): string {
  return text.replace(ANSI_RE, '').replace(UNSAFE_BUT_BREAKS_RE, '');
}

/** Cuts text to `max` characters (by code point boundaries), marking the cut with `…`. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const c = text.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return text.slice(0, cut) + '…';
}

/** Untrusted text as inert inline Markdown (one line). */
export function escapeMarkdown(text: string, max = 2000): string {
  const flat = clip(sanitize(text).replace(/\r\n|\r|\n|\t/g, ' '), max);
  return flat.replace(PUNCT_RE, '\\$&');
}

function longestBacktickRun(text: string): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 96) {
      run++;
      if (run > best) best = run;
    } else run = 0;
  }
  return best;
}

/** Untrusted text as an inline code span (one line), whatever backticks it holds. */
export function codeSpan(text: string, max = 300): string {
  const flat = clip(sanitize(text).replace(/\r\n|\r|\n|\t/g, ' '), max);
  if (flat.length === 0) return '` `';
  const fence = '`'.repeat(longestBacktickRun(flat) + 1);
  // A space on both sides when the text starts or ends with a backtick or a space (CommonMark strips one each side).
  const pad = /^[` ]|[` ]$/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Untrusted (or our own) text as a fenced code block; `lang` is ours, never log text. */
export function codeBlock(text: string, lang = '', max = 4000): string {
  const body = clip(sanitize(text).replace(/\r\n|\r/g, '\n'), max);
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
  const safeLang = /^[A-Za-z0-9_-]{0,20}$/.test(lang) ? lang : '';
  return `${fence}${safeLang}\n${body}\n${fence}`;
}

/** Joins hover sections with a horizontal rule. */
export function joinSections(sections: readonly string[]): string | null {
  const parts = sections.filter((s) => s.trim().length > 0);
  return parts.length === 0 ? null : parts.join('\n\n---\n\n');
}
