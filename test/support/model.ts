// Test helpers over the core model: coverage checks and a comparable snapshot of a parsed log.
import { TextDocument } from 'vscode-languageserver-textdocument';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import type { ParseOptions } from '../../server/src/model';

/** Entries and unparsed spans, in order, must tile the text exactly. */
export function assertCoverage(log: LogFile): void {
  const items: [number, number][] = [];
  for (let i = 0; i < log.table.count; i++) items.push([log.table.start[i], log.table.end[i]]);
  for (let k = 0; k < log.spans.count; k++) items.push([log.spans.start[k], log.spans.end[k]]);
  items.sort((a, b) => a[0] - b[0]);
  let pos = 0;
  for (const [a, b] of items) {
    assert.equal(a, pos, `gap or overlap at ${pos}`);
    assert.ok(b > a, `empty item at ${a}`);
    pos = b;
  }
  assert.equal(pos, log.length, 'items do not reach the end of the text');
}

/** A model built in appended pieces covers its text and equals the model parsed at once. */
export function assertSameAsWhole(pieces: LogFile, whole: LogFile): void {
  assertCoverage(pieces);
  assert.deepEqual(snapshot(pieces), snapshot(whole));
}

/** Everything observable about a parsed log, as plain data. */
export function snapshot(log: LogFile) {
  const entries = [];
  for (let i = 0; i < log.entryCount; i++) {
    const e = log.entry(i);
    entries.push({ ...e, wall: e.wall, utc: e.utc });
  }
  return {
    text: log.text(),
    encoding: log.encoding,
    format: log.format,
    byteLength: log.byteLength,
    pendingBytes: log.pendingBytes,
    lineCount: log.lineCount,
    entries,
    spans: log.unparsedSpans(),
  };
}

/** Line count of a text the way editors count it. */
export function lineCountOf(text: string): number {
  return TextDocument.create('file:///x.log', 'cmlog', 0, text).lineCount;
}

/** Offsets where each line starts, as the editor has them: LF, CRLF and a lone CR end a line. */
export function lineStartsOf(text: string): number[] {
  const doc = TextDocument.create('file:///x.log', 'cmlog', 0, text);
  return Array.from({ length: doc.lineCount }, (_, line) => doc.offsetAt({ line, character: 0 }));
}

/** Where `cuts` (any numbers) cut a text of `length`: in [0, length], sorted, each once. */
export function cutPoints(cuts: number[], length: number): number[] {
  return [...new Set(cuts.map((c) => c % (length + 1)))].sort((a, b) => a - b);
}

/**
 * `bytes` parsed from their first piece, then appended piece by piece (`cuts` say where). When an
 * append cannot go on (too short to show a BOM, stopped being UTF-8) the file is read again whole,
 * as a caller must.
 */
export function appendBytesInPieces(bytes: Uint8Array, cuts: number[]): LogFile {
  const points = cutPoints(cuts, bytes.length);
  let log = LogFile.fromBytes(bytes.subarray(0, points[0] ?? bytes.length));
  let prev = points[0] ?? bytes.length;
  for (const p of [...points.slice(1), bytes.length]) {
    if (!log.appendBytes(bytes.subarray(prev, p))) log = LogFile.fromBytes(bytes.subarray(0, p));
    prev = p;
  }
  return log;
}

/** `text` parsed from its first piece, then appended piece by piece (an editor document that grows). */
export function appendTextInPieces(text: string, cuts: number[], options: ParseOptions = {}): LogFile {
  const points = cutPoints(cuts, text.length);
  const log = LogFile.fromText(text.slice(0, points[0] ?? text.length), options);
  let prev = points[0] ?? text.length;
  for (const p of [...points.slice(1), text.length]) {
    log.appendText(text.slice(prev, p));
    prev = p;
  }
  return log;
}
