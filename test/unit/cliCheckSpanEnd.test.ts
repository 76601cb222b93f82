// `cmlog check` says where each unparsed span ends (its last line with content) without making the
// span's text: the line of what follows it, less the breaks of its trailing whitespace. The same
// answer as counting the breaks of the whole trimmed text, on every span of the repository's
// fixtures and on made ones (no final break, lone CRs, whitespace across a read piece, NUL padding);
// and a big unparsed file is read near its end only.
import { mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkOne } from '../../server/src/cli/checkOne';
import { spanEndLine } from '../../server/src/cli/spanLines';
import { LogFile } from '../../server/src/logFile';
import { countLineBreaks } from '../../server/src/parse/lineBreaks';

const ROOT = path.resolve(__dirname, '../..');
const rec = (msg: string) => `<![LOG[${msg}]LOG]!><time="08:00:00.000+000" date="3-15-2026" component="C" context="" type="1" thread="1" file="">\r\n`;

/** The way it was: the span's whole text, trimmed, its breaks counted. */
const byText = (log: LogFile, k: number) => log.spans.line[k] + countLineBreaks(log.text(log.spans.start[k], log.spans.end[k]).trimEnd());

function sameEnds(log: LogFile, what: string): number {
  for (let k = 0; k < log.spans.count; k++) assert.equal(spanEndLine(log, k), byText(log, k), `${what}: span ${k} at line ${log.spans.line[k]}`);
  return log.spans.count;
}

const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
  .flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : d.isFile() && !/\.(json|md|ts)$/.test(d.name) ? [path.join(dir, d.name)] : []));

test('every span of the fixtures and samples ends where counting its whole text says', () => {
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
