// The workspace index keeps no text it can read again from disk (issue #15): indexed logs read
// their messages from the file, appends are handed over too, and a file rewritten under the index
// is parsed again rather than misread.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs, utimesSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LogFile } from '../../server/src/logFile';
import { WorkspaceIndex } from '../../server/src/workspace/index';

const rec = (msg: string, sec: number) =>
  `<![LOG[${msg}]LOG]!><time="10:20:${String(sec % 60).padStart(2, '0')}.000+000" date="02-23-2020" component="Test" context="" type="1" thread="1" file="">\r\n`;
const body = (word: string, n: number) => Array.from({ length: n }, (_, k) => rec(`${word} ${k} é`, k)).join('');

async function tempFolder(t: TestContext): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cmlog-ondisk-'));
  t.after(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

const messages = (log: LogFile) => Array.from({ length: log.entryCount }, (_, i) => log.message(i));

test('an indexed log holds no text: its messages are read from the file, appends included', async (t) => {
  const dir = await tempFolder(t);
  const file = path.join(dir, 'a.log');
  await fs.writeFile(file, body('first', 300));
  await fs.writeFile(path.join(dir, 'b.log'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body('wide', 50), 'utf16le')]));
  const index = new WorkspaceIndex({ folders: [dir] });
  await index.build();
  for (const { key, log } of index.logs()) {
    assert.equal(log.heldChars, 0, key);
    assert.deepEqual(messages(log), messages(LogFile.fromBytes(await fs.readFile(key))));
  }
  await fs.appendFile(file, body('more', 20));
  assert.equal(await index.refresh(file), 'appended');
  const log = index.get(file)!.log;
  assert.equal(log.heldChars, 0);
  assert.deepEqual(messages(log), messages(LogFile.fromBytes(await fs.readFile(file))));
});

test('a file rewritten under the index (same size) is parsed again when its text is read, never misread', async (t) => {
  const dir = await tempFolder(t);
  const file = path.join(dir, 'a.log');
  // Larger than a window (64K characters): the message read below is not in the cache.
  await fs.writeFile(file, body('first', 1000));
  const index = new WorkspaceIndex({ folders: [dir] });
  await index.build();
  const before = index.get(file)!.log;
  assert.equal(before.message(0), 'first 0 é');
  // Rewritten in place with other text of the same size, no watcher event yet.
  await fs.writeFile(file, body('again', 1000));
  const later = new Date(Date.now() + 10_000);
  utimesSync(file, later, later);
  const m = before.message(990);
  assert.ok(!m.includes('first') && !m.includes('again'), `misread: ${JSON.stringify(m)}`);
  // The read had the file parsed again: poll (bounded) for the new model.
  for (const deadline = Date.now() + 5000; index.get(file)!.log === before; await new Promise((r) => setTimeout(r, 10))) {
    assert.ok(Date.now() < deadline, 'the rewritten file was not parsed again');
  }
  assert.equal(index.get(file)!.log.message(990), 'again 990 é');
});
