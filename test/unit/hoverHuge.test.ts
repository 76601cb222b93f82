// A hover on a huge record reads around the cursor, not the whole record (a 45 MB record took
// 0.8-1.5 s per hover). Counted in characters read, never timed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverMarkdown } from '../../server/src/explain';
import { LogFile } from '../../server/src/logFile';

const SIZE = 4_000_000;

function hugeLog(): { log: LogFile; at: number; plain: number; read: () => number } {
  const filler = 'x'.repeat(SIZE / 2);
  const text = `<![LOG[start ${filler} failed with 0x80070005 ${filler} end]LOG]!><time="10:00:00.000+000" date="1-1-2020" component="X" context="" type="3" thread="1" file="">\r\n`;
  const log = LogFile.fromText(text, { defaultOffset: null, offsetConvention: 'bias' });
  let chars = 0;
  const text0 = log.text.bind(log);
  log.text = (a?: number, b?: number) => { const t = text0(a, b); chars += t.length; return t; };
  log.message = () => { throw new Error('the whole message was read'); };
  return { log, at: text.indexOf('0x80070005') + 4, plain: text.indexOf(' end]LOG]!>') + 2, read: () => chars };
}

test('the error code under the cursor of a 4 MB record is explained from the text around it', () => {
  const { log, at, read } = hugeLog();
  const md = hoverMarkdown({ key: 'file:///x/Huge.log', name: 'Huge.log', log }, { logs: [] }, at, []);
  assert.match(md ?? '', /0x80070005/);
  assert.match(md ?? '', /E_ACCESSDENIED|Access is denied/i);
  assert.ok(read() < 100_000, `${read()} characters read for one hover`);
});

test('a hover elsewhere in a 4 MB record reads neither the record nor its message whole', () => {
  const { log, plain, read } = hugeLog();
  const md = hoverMarkdown({ key: 'file:///x/Huge.log', name: 'Huge.log', log }, { logs: [] }, plain, []);
  assert.equal(md, null, 'nothing to say about plain text');
  assert.ok(read() < 100_000, `${read()} characters read for one hover`);
});
