// Line breaks as the editor and LSP count them: LF, CRLF and a lone CR each end a line. Real MDT
// and script logs hold lone CRs (progress output) and `\r\r\n`; counting only LF would put every
// diagnostic after the first lone CR on the wrong line.

/** One line break, longest first. Linear: each alternative is one or two fixed characters. */
export const LINE_BREAK = /\r\n|\r|\n/;
/** The same, to search from `lastIndex` on. */
export const LINE_BREAKS = /\r\n|\r|\n/g;

/** Line breaks in `text` (a CR at the very end counts: the text is complete). */
export function countLineBreaks(text: string): number {
  let c = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) c++;
  }
  return c;
}

/** Where the text's last line starts (after its last line break; 0 when it has none). */
export function lastLineStart(text: string): number {
  return Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1;
}

/** The text up to its first line break. */
export function firstLine(text: string): string {
  const m = LINE_BREAK.exec(text);
  return m ? text.slice(0, m.index) : text;
}

/** The text without one line break at its end. */
export function withoutFinalBreak(text: string): string {
  if (text.endsWith('\r\n')) return text.slice(0, -2);
  return text.endsWith('\n') || text.endsWith('\r') ? text.slice(0, -1) : text;
}
