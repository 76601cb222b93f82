// Line breaks as the editor and LSP count them: LF, CRLF and a lone CR each end a line. Real MDT
// and script logs hold lone CRs (progress output) and `\r\r\n`; counting only LF would put every
// diagnostic after the first lone CR on the wrong line.

/** One line break, longest first. Linear: each alternative is one or two fixed characters. */
export const LINE_BREAK = /\r\n|\r|\n/;
/** The same, to search from `lastIndex` on. */
export const LINE_BREAKS = /\r\n|\r|\n/g;

/** Whether code `ch` ends a line, `next` being the code after it (NaN: none, the text is complete). */
function endsLine(ch: number, next: number): boolean {
  return ch === 10 || (ch === 13 && next !== 10);
}

/** Line breaks in `text` (a CR at the very end counts: the text is complete). */
export function countLineBreaks(text: string): number {
  let c = 0;
  for (let i = 0; i < text.length; i++) if (endsLine(text.charCodeAt(i), text.charCodeAt(i + 1))) c++;
  return c;
}

// A long text (a 100 MB unparsed file is one span) is read by ranges, a piece at a time from its
// end, so that no question about its last lines makes the whole of it as one string.

/** Reads [a, b) of a text (LogFile.text). */
export type ReadRange = (a: number, b: number) => string;

/** Characters read at a time, backwards from a range's end. */
export const TAIL_PIECE = 4096;

/**
 * Where [a, b)'s content ends: after its last character String.prototype.trimEnd keeps (none of
 * the characters it removes is a surrogate, so a piece may end anywhere), or `a` when all is
 * whitespace. Only the whitespace at its end and one piece are read.
 */
export function trimmedEnd(read: ReadRange, a: number, b: number): number {
  for (let to = b; to > a;) {
    const from = Math.max(a, to - TAIL_PIECE);
    const kept = read(from, to).trimEnd().length;
    if (kept > 0) return from + kept;
    to = from;
  }
  return a;
}

/** Line breaks in [a, b), as countLineBreaks counts them, read backwards in pieces; `next`: the code after b (NaN: none). */
export function countLineBreaksIn(read: ReadRange, a: number, b: number, next: number): number {
  let c = 0;
  for (let to = b; to > a;) {
    const from = Math.max(a, to - TAIL_PIECE), piece = read(from, to);
    for (let i = piece.length - 1; i >= 0; i--) {
      const ch = piece.charCodeAt(i);
      if (endsLine(ch, next)) c++;
      next = ch;
    }
    to = from;
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
