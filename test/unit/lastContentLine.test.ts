// Where an unparsed span or a record ends (its last line with content: what folding, `cmlog check`
// and findings point to) is found without making its text: the line of what follows it, less the
// breaks of its trailing whitespace (LogFile.spanEndLine / endLine). The same answer as counting the
// breaks of the whole trimmed text, on every span and record of the repository's fixtures and on
// made ones (no final break, lone CRs, whitespace across a read piece, NUL padding); and a big
// unparsed file is read near its end only, by `cmlog check` and by folding.
import { mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkOne } from '../../server/src/cli/checkOne';
import { foldingRanges } from '../../server/src/features/folding';
import { LogFile } from '../../server/src/logFile';
import { countLineBreaks } from '../../server/src/parse/lineBreaks';

const ROOT = path.resolve(__dirname, '../..');
const rec = (msg: string) => `<![LOG[${msg}]LOG]!><time="08:00:00.000+000" date="3-15-2026" component="C" context="" type="1" thread="1" file="">\r\n`;

/** The way it was: the whole text, trimmed, its breaks counted. */
const byText = (log: LogFile, start: number, end: number, line: number) => line + countLineBreaks(log.text(start, end).trimEnd());

/** Every span's and record's end compared with the old way; the number of spans. */
function sameEnds(log: LogFile, what: string): number {
  const { spans: s, table: t } = log;
  for (let k = 0; k < s.count; k++) assert.equal(log.spanEndLine(k), byText(log, s.start[k], s.end[k], s.line[k]), `${what}: span ${k} at line ${s.line[k]}`);
  for (let i = 0; i < t.count; i++) assert.equal(log.endLine(i), byText(log, t.start[i], t.end[i], t.line[i]), `${what}: entry ${i} at line ${t.line[i]}`);
  return s.count;
}

const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
  .flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : d.isFile() && !/\.(json|md|ts)$/.test(d.name) ? [path.join(dir, d.name)] : []));

test('every span and record of the fixtures and samples ends where counting its whole text says', () => {
  let spans = 0;
  for (const f of [...files(path.join(ROOT, 'samples')), ...files(path.join(ROOT, 'test/fixtures'))]) {
    const bytes = readFileSync(f);
    spans += sameEnds(LogFile.fromBytes(bytes), f);
    // Read in small pieces, as a live log grows: the spans are grown and cut back by appends.
    spans += sameEnds(LogFile.fromBytes(bytes, {}, { piece: 97 }), `${f} in pieces`);
  }
  assert.ok(spans >= 14, `${spans} spans compared`);
});

test('made spans: no final break, lone CRs, CR LF pairs, blank lines and whitespace longer than a read piece, NULs', () => {
  const texts = {
    'ends without a break': rec('a') + 'stray text\r\nmore stray',
    'ends in whitespace without a break': rec('a') + 'stray\r\n  \t ',
    'lone CRs': rec('a') + 'progress 10%\rprogress 20%\rprogress 30%\r\r\n' + rec('b'),
    'lone CR at the very end': rec('a') + 'stray\r',
    'CR CR LF and blank lines': rec('a') + 'x\r\r\n\r\n\n\r\n' + rec('b') + 'y\n\n',
    'whitespace across read pieces': rec('a') + 'stray\r' + '\n \r\n\t'.repeat(3000) + rec('b') + 'z' + ' '.repeat(4095) + '\r\n' + '\r\n'.repeat(2049),
    'all whitespace, before the first record': '   \r\n\r\n' + rec('b'),
    'a file of blank lines': '  \r\n  \r\n',
    'a long span': rec('a') + 'garbage line\r\n'.repeat(2000) + rec('b'),
    'NUL padding': rec('a') + '\0'.repeat(300) + 'after nuls\r\n' + rec('b') + '\0'.repeat(20),
    'unicode whitespace': rec('a') + 'stray\u00a0\u2028\r\n\u3000' + rec('b'),
    'before a record on its line': rec('a') + 'stray ' + rec('b'),
  };
  for (const [what, text] of Object.entries(texts)) {
    assert.ok(sameEnds(LogFile.fromText(text), what) > 0, `${what}: has a span`);
    sameEnds(LogFile.fromBytes(Buffer.from(text, 'utf8'), {}, { piece: 61 }), `${what}, read in pieces`);
  }
});

test('made records: long messages, blank lines and whitespace longer than a read piece, lone CRs, NULs after', () => {
  const texts = {
    'a long message': rec('line\r\n'.repeat(3000) + 'last') + rec('b'),
    'blank lines after, across read pieces': rec('a') + '\r\n \t'.repeat(3000) + rec('b'),
    'lone CRs in and after': rec('x\ry\rz') + '\r\r\r' + rec('b') + '\r',
    'the last record with no break': rec('a').trimEnd(),
    'the last record, blank lines after': rec('a') + '\n\n  \r\n',
    'a few NULs after the last record': rec('a') + '\0\0\0',
  };
  for (const [what, text] of Object.entries(texts)) {
    const log = LogFile.fromText(text);
    assert.ok(log.table.count > 0, `${what}: has a record`);
    sameEnds(log, what);
    sameEnds(LogFile.fromBytes(Buffer.from(text, 'utf8'), {}, { piece: 61 }), `${what}, read in pieces`);
  }
});

/**
 * Characters made from the log's text while `run` ran: its store's `slice` is spied, as every read
 * goes through it (LogFile.text and the model's own reads, which do not call text()).
 */
function charactersRead(log: LogFile, run: () => void): number {
  const read = mock.method((log as unknown as { chunks: { slice(a: number, b: number): string } }).chunks, 'slice');
  try {
    run();
    return read.mock.calls.reduce((n, c) => n + (c.result as string).length, 0);
  } finally {
    read.mock.restore();
  }
}

test('folding a big unparsed file or a big record reads near their ends, not all of them', () => {
  const line = 'this is not a log line, only text written by some tool\r\n';
  const n = Math.ceil(8_000_000 / line.length);
  const unparsed = LogFile.fromText(line.repeat(n) + 'last words\r\n\r\n');
  assert.equal(unparsed.spans.count, 1);
  let ranges: ReturnType<typeof foldingRanges> = [];
  let asked = charactersRead(unparsed, () => { ranges = foldingRanges(unparsed); });
  assert.ok(asked <= 16 * 1024, `${asked} characters read to fold the span`);
  assert.deepEqual(ranges, [{ startLine: 0, endLine: n, kind: 'region' }]);

  const record = LogFile.fromText(rec(line.repeat(n) + 'last words') + '\r\n\r\n' + rec('b'));
  assert.equal(record.table.count, 2);
  asked = charactersRead(record, () => { ranges = foldingRanges(record); });
  assert.ok(asked <= 16 * 1024, `${asked} characters read to fold the record`);
  assert.deepEqual(ranges, [{ startLine: 0, endLine: n }]);
});

test('a big unparsed file: its last line is found from the text near its end, not from all of it', async () => {
  const line = 'this is not a log line, only text written by some tool\r\n';
  const text = line.repeat(Math.ceil(8_000_000 / line.length)) + 'last words\r\n\r\n';
  const log = LogFile.fromText(text);
  assert.equal(log.spans.count, 1);
  const read = mock.method(log, 'text');
  const { summary } = await checkOne({ key: 'big.log', name: 'big.log', log }, [], {}, [], () => Promise.reject(new Error('no other log')));
  const asked = read.mock.calls.reduce((n, c) => n + (c.result as string).length, 0);
  assert.ok(asked <= 16 * 1024, `${asked} characters read for the span's last line`);
  const lines = Math.ceil(8_000_000 / line.length) + 1;
  assert.deepEqual(summary.unparsed, [{ line: 1, endLine: lines }]);
});
