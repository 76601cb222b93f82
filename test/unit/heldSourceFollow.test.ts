// A held log the server lets go is followed from disk only when it was an open document (closed
// outside the index): one the index lets go (its folder removed, an exclude setting) keeps its rows
// and is not read again, so a merge of many indexed logs does not re-read and watch them all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LogFile } from '../../server/src/logFile';
import { HeldLogSource, type FollowFile } from '../../server/src/table/heldSource';

const cm = (msg: string) => `<![LOG[${msg}]LOG]!><time="10:00:00.000+000" date="1-1-2020" component="C" context="" type="1" thread="1" file="">\r\n`;

async function letGo(fromDocument: boolean): Promise<{ followed: string[]; changes: number; source: HeldLogSource; model: LogFile }> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cmlog-held-')), 'Held.log');
  writeFileSync(file, cm('one'));
  const model = LogFile.fromText(cm('one'));
  let held: LogFile | undefined = model;
  const followed: string[] = [];
  let changes = 0;
  let told!: () => void;
  const checked = new Promise<void>((r) => { told = r; });
  const follow: FollowFile = (p) => { followed.push(p); return { key: p, name: 'Held.log', log: () => undefined, reading: () => false, stop() {} }; };
  const source = new HeldLogSource('file:///Held.log', 'Held.log', () => held, file, () => { changes++; told(); }, follow, () => fromDocument);
  assert.equal(source.log(), model);
  held = undefined;
  assert.equal(source.log(), model, 'the rows stay');
  await checked;
  return { followed, changes, source, model };
}

test('a document closed outside the index, its file still there: followed from disk', async () => {
  const { followed, changes } = await letGo(true);
  assert.equal(followed.length, 1);
  assert.equal(changes, 1);
});

test('an indexed log the index let go, its file still there: its rows kept, not read again nor watched', async () => {
  const { followed, source, model } = await letGo(false);
  assert.deepEqual(followed, []);
  assert.equal(source.log(), model);
  assert.equal(source.failure, undefined);
  assert.deepEqual(followed, [], 'asking again does not follow either');
});
