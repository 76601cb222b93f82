// The workspace keeps its UTC timeline in step by itself: a document opened, appended to, edited,
// re-parsed for new settings or closed is seen by the next related-entries query without any
// caller telling the timeline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogDocuments } from '../../server/src/features/documents';
import { WorkspaceLogs } from '../../server/src/features/workspaceLogs';

const rec = (msg: string, s: number) =>
  `<![LOG[${msg}]LOG]!><time="10:00:${String(s).padStart(2, '0')}.000+000" date="1-1-2020" component="C" context="" type="1" thread="1" file="">\r\n`;
const A = 'file:///x/A.log';
const B = 'file:///x/B.log';
const open = (documents: LogDocuments, uri: string, text: string) => documents.didOpen({ textDocument: { uri, languageId: 'cmlog', version: 1, text } });
/** The messages of B's entries related to A's first entry (within a minute). */
const relatedToA = (logs: WorkspaceLogs) => logs.timeline.related(A, 0, { windowMs: 60_000 }).related.map((e) => e.message);

test('opening, appending, editing and closing documents keep the timeline in step', () => {
  const documents = new LogDocuments(() => ({ defaultOffset: null, offsetConvention: 'bias' }));
  const logs = new WorkspaceLogs(documents);
  open(documents, A, rec('a0', 0));
  open(documents, B, rec('b0', 1));
  assert.deepEqual(relatedToA(logs), ['b0'], 'opened documents are in the timeline');

  const end = { line: 1, character: 0 };
  documents.didChange({ textDocument: { uri: B, version: 2 }, contentChanges: [{ range: { start: end, end }, text: rec('b1', 2) }] });
  assert.deepEqual(relatedToA(logs), ['b0', 'b1'], 'an append is seen');

  documents.didChange({ textDocument: { uri: B, version: 3 }, contentChanges: [{ text: rec('b2', 3) }] });
  assert.deepEqual(relatedToA(logs), ['b2'], 'a whole-text edit is seen');

  documents.didClose(B);
  assert.deepEqual(relatedToA(logs), [], 'a closed document that is not indexed leaves the timeline');
  assert.equal(logs.timeline.has(B), false);
});

test('settings that re-time open documents are seen', () => {
  let offset: number | null = null;
  const documents = new LogDocuments(() => ({ defaultOffset: offset, offsetConvention: 'bias' }));
  const logs = new WorkspaceLogs(documents);
  // No written offset: UTC unknown until a default offset is set.
  const plain = (msg: string) => `${msg} $$<C><01-01-2020 10:00:00.000><thread=1 (0x1)>\r\n`;
  open(documents, A, plain('a0'));
  open(documents, B, rec('b0', 0));
  assert.deepEqual(relatedToA(logs), []);
  offset = 0;
  documents.reparseAll();
  assert.deepEqual(relatedToA(logs), ['b0'], 'the re-parsed model (now with a UTC) is the one in the timeline');
});
