// The last line of an unparsed span with content (what `check` points to), found from its end: the
// line of what follows it (an entry, a span, or the end of the text) less the line breaks of its
// trailing whitespace. Only that tail is read, in pieces: an unparsed file of 100 MB is one span,
// and its text is never made for one line number.
import type { LogFile } from '../logFile';

/** Characters read at a time, backwards from a span's end. */
const TAIL_PIECE = 4096;

/**
 * The 0-based last line of span `k` with content (trailing whitespace and blank lines not counted,
 * as LogFile.endLine counts a record's): the same as its first line plus the line breaks of its
 * text without trailing whitespace.
 */
export function spanEndLine(log: LogFile, k: number): number {
  const { spans } = log;
  const start = spans.start[k], end = spans.end[k], content = contentEnd(log, start, end);
  const after = lineAt(log, end);
  // Nothing known to start there (not seen in practice): counted from the span's start, in pieces.
  if (after === null) return spans.line[k] + breaksIn(log, start, content, NaN);
  // What follows (if anything) decides whether a CR that ends the span is a break of its own.
  const next = end < log.length ? log.text(end, end + 1).charCodeAt(0) : NaN;
  return after - breaksIn(log, content, end, next);
}

/**
 * Where span [start, end)'s content ends: after its last character that is not whitespace (the
 * set String.prototype.trimEnd removes), or `start` when it is all whitespace.
 */
function contentEnd(log: LogFile, start: number, end: number): number {
  for (let b = end; b > start;) {
    const a = Math.max(start, b - TAIL_PIECE);
    const kept = log.text(a, b).trimEnd().length;
    if (kept > 0) return a + kept;
    b = a;
  }
  return start;
}

/** The 0-based line at offset `at`, where an item starts or the text ends; null when neither is known there. */
function lineAt(log: LogFile, at: number): number | null {
  if (at >= log.length) return log.lineCount - 1;
  const t = log.table, i = t.firstAtOrAfter(at);
  if (i < t.count && t.start[i] === at) return t.line[i];
  const s = log.spans.firstAtOrAfter(at);
  if (s < log.spans.count && log.spans.start[s] === at) return log.spans.line[s];
  return null;
}

/** Line breaks (LF, CRLF, a lone CR) in [a, b), read in pieces; `next`: the character after b (NaN: none). */
function breaksIn(log: LogFile, a: number, b: number, next: number): number {
  let count = 0;
  for (let to = b; to > a;) {
    const from = Math.max(a, to - TAIL_PIECE), piece = log.text(from, to);
    for (let i = piece.length - 1; i >= 0; i--) {
      const ch = piece.charCodeAt(i);
      if (ch === 10 || (ch === 13 && next !== 10)) count++;
      next = ch;
    }
    to = from;
  }
  return count;
}
