// What the command line prints comes partly from logs and file names, which are untrusted: a
// control character, a bidirectional override or a line feed in them must not reach a terminal or
// forge an output line. The one place that decides what is shown as an escape instead.

import { escapeChar, UNSAFE_RE as UNSAFE } from '../explain/controlChars';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** One field of text output (a path, a message, a reason): unsafe characters as visible escapes. */
export function printable(s: string): string {
  // Most log text is printable ASCII: one cheap test skips the Unicode class and the copy.
  return PRINTABLE_ASCII.test(s) ? s : s.replace(UNSAFE, escapeChar);
}

/**
 * A whole write of several lines: each line made printable, the line breaks between them kept.
 * The last guard before the terminal, for text that is already built.
 */
export function printableLines(s: string): string {
  return s.split('\n').map(printable).join('\n');
}

/**
 * JSON for scripts, safe to print: JSON.stringify leaves C1 controls, bidi and zero-width
 * characters and U+2028/U+2029 raw; here they become \u escapes, which parse back to the same text.
 */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(UNSAFE, jsonEscape);
}

// Raw line feeds in JSON.stringify's output are its own indentation, never inside a string.
function jsonEscape(c: string): string {
  if (c === '\n') return c;
  let out = '';
  for (let i = 0; i < c.length; i++) out += '\\u' + c.charCodeAt(i).toString(16).padStart(4, '0');
  return out;
}

/** Printable ASCII but `"` and `\`: a JSON string as it is, between quotes. */
const PLAIN_JSON = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** jsonText of one string, the same bytes, cheaper: most log text needs no escape at all. */
export function jsonString(s: string): string {
  if (PLAIN_JSON.test(s)) return '"' + s + '"';
  const j = JSON.stringify(s);
  return PRINTABLE_ASCII.test(j) ? j : j.replace(UNSAFE, jsonEscape);
}
