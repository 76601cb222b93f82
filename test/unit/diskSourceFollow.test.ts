// A DiskLogSource that follows its file: appends are appended, and a file that shrank, was emptied,
// was replaced by another (same size or larger) or was rotated (renamed, a new one started) is read
// anew; a file gone while followed is said. Each test polls (bounded) for what the model shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DiskLogSource, FOLLOW_DELAY_MS } from '../../server/src/table/diskSource';
import { APPEND_CHECK_BYTES } from '../../server/src/workspace/fileChange';

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

test('a small append allocates what was appended, not a piece', async () => {
  const { file, source } = await following(cm('one'));
  const before = source.allocated;
  const line = cm('two');
  appendFileSync(file, line);
  await expect(source, ['one', 'two']);
  // The bytes appended, and the few before the old end that tell an append from a rewrite.
  assert.ok(source.allocated - before <= Buffer.byteLength(line) + APPEND_CHECK_BYTES, `allocated ${source.allocated - before}`);
  source.stop();
});

test('a burst of appends is read and told a few times, not once per change event', async () => {
  const { file, source, changes } = await following(cm('m0'));
  const before = changes();
  const want = ['m0'];
  // A writer's pace, a line every few milliseconds (not a wait for a result): each line's change
  // event arrives apart, and was read and told on its own before (15 to 18 times of 20).
  const t0 = Date.now();
  for (let i = 1; i <= 20; i++) {
    appendFileSync(file, cm(`m${i}`));
    want.push(`m${i}`);
    await new Promise((r) => setTimeout(r, 2));
  }
  const writing = Date.now() - t0;
  await expect(source, want);
  // At most one read and notice per FOLLOW_DELAY_MS of writing (and one for the end): bounded by the
  // writer's pace as this machine ran it, so a slow runner stretches the bound, not the test.
  const bound = Math.ceil(writing / FOLLOW_DELAY_MS) + 2;
  assert.ok(changes() - before <= Math.min(bound, 19), `told ${changes() - before} times for 20 appends over ${writing} ms`);
  source.stop();
});
