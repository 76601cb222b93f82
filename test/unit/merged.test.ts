// The merged view is bounded (lines, characters, characters per line) and says when it is cut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogDocuments } from '../../server/src/features/documents';
import { buildMerged } from '../../server/src/features/merged';
import { WorkspaceLogs } from '../../server/src/features/workspaceLogs';

const rec = (msg: string, s: number) =>
  `<![LOG[${msg}]LOG]!><time="10:00:${String(s).padStart(2, '0')}.000+000" date="1-1-2020" component="C" context="" type="1" thread="1" file="">\r\n`;

function twoLogs(long = 10) {
  const documents = new LogDocuments(() => ({ defaultOffset: null, offsetConvention: 'bias' }));
  const logs = new WorkspaceLogs(documents);
  const uris = ['file:///x/A.log', 'file:///x/B.log'];
  uris.forEach((uri, k) => {
    let text = '';
    for (let s = 0; s < 50; s++) text += rec(`${'m'.repeat(long)} ${k}/${s}`, s);
    documents.didOpen({ textDocument: { uri, languageId: 'cmlog', version: 1, text } });
  });
  return { logs, uris };
}

test('under the limits: every entry, no note', () => {
  const { logs, uris } = twoLogs();
  const answer = buildMerged(logs, { uris });
  assert.equal(answer.sources.length, 100);
  assert.deepEqual(answer.notes, []);
});

test('more entries than the line limit: the first ones, and a note that says the view is cut', () => {
  const { logs, uris } = twoLogs();
  const answer = buildMerged(logs, { uris }, { lines: 30, chars: 1e6, lineChars: 1000 });
  assert.equal(answer.sources.length, 30);
  assert.equal(answer.text.split('\n').length - 1, 30);
  assert.match(answer.notes[0], /^the view is cut after 30 entries/);
});

test('more characters than the limit: whole lines up to it, and the note', () => {
  const { logs, uris } = twoLogs();
  const answer = buildMerged(logs, { uris }, { lines: 1000, chars: 3000, lineChars: 1000 });
  assert.ok(answer.text.length <= 3000 + 1 && answer.sources.length > 0, `${answer.text.length}`);
  assert.equal(answer.text.split('\n').length - 1, answer.sources.length);
  assert.match(answer.notes[0], /^the view is cut after \d+ entries/);
});

test('a long message is clipped on its line', () => {
  const { logs, uris } = twoLogs(5000);
  const answer = buildMerged(logs, { uris }, { lines: 1000, chars: 1e7, lineChars: 200 });
  assert.equal(answer.sources.length, 100);
  for (const line of answer.text.trimEnd().split('\n')) assert.ok(line.length < 400, `${line.length}`);
});
