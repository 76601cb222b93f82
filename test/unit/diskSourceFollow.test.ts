// A DiskLogSource that follows its file: appends are appended, and a file that shrank, was emptied,
// was replaced by another (same size or larger) or was rotated (renamed, a new one started) is read
// anew; a file gone while followed is said. Each test polls (bounded) for what the model shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DiskLogSource } from '../../server/src/table/diskSource';

const cm = (msg: string) => `<![LOG[${msg}]LOG]!><time="10:00:00.000+000" date="1-1-2020" component="C" context="" type="1" thread="1" file="">\r\n`;

function messages(s: DiskLogSource): string[] {
  const m = s.log();
  const out: string[] = [];
  for (let i = 0; m && i < m.entryCount; i++) out.push(m.message(i));
  return out;
}

/** Polls (each turn of the event loop, at most `ms`) until `ok`; fails saying what was seen. */
async function until(ok: () => boolean, what: () => unknown, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) assert.fail(`timed out; saw ${JSON.stringify(what())}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function following(text: string): Promise<{ file: string; source: DiskLogSource; changes: () => number }> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cmlog-follow-')), 'CcmExec.log');
  writeFileSync(file, text);
  let n = 0;
  const source = new DiskLogSource('file:///CcmExec.log', 'CcmExec.log', file, {}, () => n++, undefined, true);
  await source.done;
  return { file, source, changes: () => n };
}

const expect = async (s: DiskLogSource, want: string[]) => until(() => JSON.stringify(messages(s)) === JSON.stringify(want), () => messages(s));

test('an append is read and appended', async () => {
  const { file, source } = await following(cm('one'));
  appendFileSync(file, cm('two'));
  await expect(source, ['one', 'two']);
  source.stop();
});

test('a file that shrank is read anew', async () => {
  const { file, source } = await following(cm('one') + cm('two'));
  writeFileSync(file, cm('x'));
  await expect(source, ['x']);
  source.stop();
});

test('an emptied file is read anew as empty, then followed', async () => {
  const { file, source } = await following(cm('one') + cm('two'));
  writeFileSync(file, '');
  await until(() => source.log()?.byteLength === 0, () => messages(source));
  appendFileSync(file, cm('again'));
  await expect(source, ['again']);
  source.stop();
});

test('a file replaced by another of the same size is read anew', async () => {
  const { file, source } = await following(cm('one') + cm('two'));
  // Written aside and renamed over it (a new inode), as a copy over it would.
  const other = `${file}.new`;
  writeFileSync(other, cm('uno') + cm('dos'));
  renameSync(other, file);
  await expect(source, ['uno', 'dos']);
  source.stop();
});

test('a file rewritten in place by a larger one is read anew, not appended to the old rows', async () => {
  const { file, source } = await following(cm('one') + cm('two'));
  // The same inode, larger, with different bytes before the old end.
  writeFileSync(file, cm('eins') + cm('zwei') + cm('drei'));
  await expect(source, ['eins', 'zwei', 'drei']);
  source.stop();
});

test('a rotated log (renamed to .lo_, a new one started) is followed in its new file', async () => {
  const { file, source } = await following(cm('old one') + cm('old two'));
  renameSync(file, file.replace(/\.log$/, '.lo_'));
  writeFileSync(file, cm('new one') + cm('new two') + cm('new three'));
  await expect(source, ['new one', 'new two', 'new three']);
  // And the new file goes on being followed (the watcher is on it, not on the renamed one).
  appendFileSync(file, cm('new four'));
  await expect(source, ['new one', 'new two', 'new three', 'new four']);
  source.stop();
});

test('a file gone while followed is said once, and the rows read stay', async () => {
  const { file, source, changes } = await following(cm('one'));
  const before = changes();
  rmSync(file);
  await until(() => source.failure !== undefined, () => source.failure);
  assert.match(source.failure!, /no such file/);
  assert.deepEqual(messages(source), ['one']);
  assert.ok(changes() > before, 'the table was told');
  source.stop();
});
