// Where a record's message lies in the document: features colour and fold it, and place ranges.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver';
import type { LogFile } from '../logFile';

/** [start, end) offsets of entry i's message in the text, with its format's markers (see RecordParts.body). */
export function messageExtent(log: LogFile, i: number): [number, number] {
  return log.parts(i).body;
}

/** Whole lines first..last; the end is clamped to the line's length when the document is known. */
export function lineRange(line: number, endLine: number, doc?: TextDocument): Range {
  let endChar = 0x7fffffff;
  if (doc) {
    const lineEndOffset = endLine + 1 < doc.lineCount ? doc.offsetAt({ line: endLine + 1, character: 0 }) : doc.getText().length;
    const text = doc.getText({ start: { line: endLine, character: 0 }, end: doc.positionAt(lineEndOffset) });
    endChar = text.replace(/\r?\n$/, '').length;
  }
  return { start: { line, character: 0 }, end: { line: endLine, character: endChar } };
}

/**
 * Whether a position a client sent lies in the document: a line that exists, a character not
 * negative. (Past the end of a line is allowed: LSP reads it as the line's end.) Positions outside
 * answer nothing rather than being clamped onto the first or last record.
 */
export function isInside(doc: TextDocument, p: { line: number; character: number }): boolean {
  return Number.isInteger(p?.line) && Number.isInteger(p?.character) && p.line >= 0 && p.line < doc.lineCount && p.character >= 0;
}
