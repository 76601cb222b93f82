// Our own Markdown (rule explanations write log text as `code` and stress with **bold**) as plain
// text, for outputs that have a plain field beside a Markdown one (SARIF's text and markdown).
// Code spans become the text they quote, in double quotes as the explanations quote log lines;
// `**` marks and backslash escapes go. Linear time: one pass, backtick runs paired through a
// table of the next run of each length (no search from every opener).

import { unescapeMarkdown } from './markdown';

/** Plain text of `md`: no backticks of code spans, no `**`, no backslash escapes. */
export function plainOfMarkdown(md: string): string {
  // Every run of backticks, and for each the next run of the same length (its closer, per CommonMark).
  const at: number[] = [], len: number[] = [];
  for (let i = 0; i < md.length; i++) {
    if (md.charCodeAt(i) !== 96) continue;
    let j = i;
    while (j < md.length && md.charCodeAt(j) === 96) j++;
    at.push(i);
    len.push(j - i);
    i = j - 1;
  }
  const closer = new Array<number>(at.length).fill(-1);
  const nextOfLength = new Map<number, number>();
  for (let k = at.length - 1; k >= 0; k--) {
    closer[k] = nextOfLength.get(len[k]) ?? -1;
    nextOfLength.set(len[k], k);
  }
  let out = '', from = 0;
  for (let k = 0; k < at.length; k++) {
    const c = closer[k];
    if (c < 0) continue; // no closer: the backticks are text
    out += prose(md.slice(from, at[k]));
    let code = md.slice(at[k] + len[k], at[c]).replace(/\r\n|\r|\n/g, ' ');
    if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') code = code.slice(1, -1);
    out += `"${code}"`;
    from = at[c] + len[c];
    k = c;
  }
  return out + prose(md.slice(from));
}

/** Text outside code spans: `**` marks dropped, `\*` and other escaped punctuation as the character. */
function prose(text: string): string {
  return unescapeMarkdown(text.replace(/\*\*/g, ''));
}
