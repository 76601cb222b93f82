// The workspace index on real files in a temporary folder: appends are read incrementally (counted
// in bytes), shrunk or replaced files are parsed again, removed ones dropped.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LogFile } from '../../server/src/logFile';
import { APPEND_CHECK_BYTES, followTimeline, WorkspaceIndex, type IndexChange, type WorkspaceIndexOptions } from '../../server/src/workspace/index';
import type { Timeline } from '../../server/src/workspace/timeline';
import { ParseWorker } from '../../server/src/workspace/parseWorker';
import { snapshot } from '../support/model';

const SAMPLES = path.resolve(__dirname, '..', '..', 'samples');

const rec = (msg: string, sec: number, bias = '+300') =>
  `<![LOG[${msg}]LOG]!><time="10:20:${String(sec % 60).padStart(2, '0')}.000${bias}" date="02-23-2020" component="Test" context="" type="1" thread="1" file="">\r\n`;

/** A new empty folder, removed when the test ends. */
async function tempFolder(t: TestContext): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cmlog-index-'));
  t.after(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

/** The timeline each index of these tests is followed by (see `indexed`). */
const timelines = new WeakMap<WorkspaceIndex, Timeline>();

/** A new index, with a timeline that follows it (as the language server keeps one). */
function indexed(options: WorkspaceIndexOptions): WorkspaceIndex {
  const index = new WorkspaceIndex(options);
  timelines.set(index, followTimeline(index));
  return index;
}

const timelineOf = (index: WorkspaceIndex) => timelines.get(index)!;

/** The index's model of `file` must equal a fresh parse of the file as it is on disk now. */
async function assertFresh(index: WorkspaceIndex, file: string): Promise<void> {
  const model = index.get(file)!.log;
  const fresh = LogFile.fromBytes(await fs.readFile(file));
  assert.deepEqual(snapshot(model), snapshot(fresh));
  assert.equal(timelineOf(index).stats(file)!.entries, fresh.entryCount);
}

test('build: finds the logs under the folders, honours include/exclude, reports progress', async (t) => {
  const dir = await tempFolder(t);
  await fs.cp(SAMPLES, dir, { recursive: true });
  await fs.writeFile(path.join(dir, 'notes.txt'), 'just some notes\n');
  const progress: [number, number][] = [];
  const changes: IndexChange[] = [];
  const index = indexed({
    folders: [dir],
    exclude: (f) => f.endsWith('.lo_'),
    // `include` names the files to read, whatever their name (cmlog.include).
    include: (f) => f.endsWith('.log') && !f.includes('ADAL'),
    onProgress: (done, total) => progress.push([done, total]),
  });
  index.onDidChange((c) => changes.push(...c));
  await index.build();
  const names = index.logs().map((x) => path.relative(dir, x.key).split(path.sep).join('/'));
  assert.deepEqual(names, [
    'Client/ClientIDManagerStartup.log', 'Client/IntuneManagementExtension.log', 'Client/ccmsetup.log',
    'SiteServer/CCM_STS.log', 'SiteServer/CloudUserSync.log', 'SiteServer/MP_RegistrationManager.log', 'SiteServer/SMS_AZUREAD_DISCOVERY_AGENT.log',
  ]);
  assert.ok(index.logs().every((x) => path.isAbsolute(x.key) && x.name === path.basename(x.key)));
  assert.deepEqual(progress[0], [0, 7]);
  assert.deepEqual(progress.at(-1), [7, 7]);
  assert.equal(changes.length, 7);
  assert.ok(changes.every((c) => c.kind === 'added'));
  assert.deepEqual(timelineOf(index).keys(), index.logs().map((x) => x.key));
  // The timeline of the index lines up the client and the MP (see samples/README.md).
  const client = path.join(dir, 'Client', 'ClientIDManagerStartup.log');
  const r = timelineOf(index).related(client, index.get(client)!.log.entryAtLine(4), { windowMs: 5000 });
  assert.deepEqual(r.related.map((x) => [path.basename(x.key), x.line + 1, x.deltaMs])[0], ['MP_RegistrationManager.log', 7, 1077]);
  assert.deepEqual(r.unknownOffsetLogs, [path.join(dir, 'Client', 'IntuneManagementExtension.log')]);
  // A second build with nothing changed reads nothing but what it must to discover.
  changes.length = 0;
  await index.build();
  assert.deepEqual(changes, []);
});

test('append: only the new bytes are read, and the model equals a fresh parse', async (t) => {
  const dir = await tempFolder(t);
  const file = path.join(dir, 'live.log');
  let text = '';
  for (let k = 0; k < 200; k++) text += rec(`line ${k} ${'x'.repeat(k % 50)}`, k);
  await fs.writeFile(file, text);
  const index = indexed({ folders: [dir] });
  const changes: IndexChange[] = [];
  index.onDidChange((c) => changes.push(...c));
  await index.build();
  changes.length = 0;
  const before = index.bytesRead;
  // About 1 KB appended, ending inside a record (a writer caught mid-line).
  let more = '';
  for (let k = 200; k < 210; k++) more += rec(`appended ${k}`, k);
  const cut = more.length - 40;
  await fs.appendFile(file, more.slice(0, cut));
  assert.equal(await index.refresh(file), 'appended');
  assert.equal(index.bytesRead - before, Buffer.byteLength(more.slice(0, cut)) + APPEND_CHECK_BYTES);
  await assertFresh(index, file);
  await fs.appendFile(file, more.slice(cut));
  const mid = index.bytesRead;
  assert.equal(await index.refresh(file), 'appended');
  assert.equal(index.bytesRead - mid, Buffer.byteLength(more.slice(cut)) + APPEND_CHECK_BYTES);
  await assertFresh(index, file);
  assert.deepEqual(changes, [{ key: file, kind: 'appended' }, { key: file, kind: 'appended' }]);
  assert.equal(timelineOf(index).stats(file)!.timed, 210);
  // Nothing new: nothing read.
  const still = index.bytesRead;
  assert.equal(await index.refresh(file), 'unchanged');
  assert.equal(index.bytesRead, still);
  // A multi-byte character split across two writes.
  await fs.appendFile(file, Buffer.from(rec('café ü', 59)).subarray(0, 12 + 4));
  assert.equal(await index.refresh(file), 'appended');
  await fs.appendFile(file, Buffer.from(rec('café ü', 59)).subarray(12 + 4));
  assert.equal(await index.refresh(file), 'appended');
  await assertFresh(index, file);
});

test('an append larger than the append limit is read as a whole file is, in pieces, not into one buffer', async (t) => {
  const dir = await tempFolder(t);
  const file = path.join(dir, 'grows.log');
  await fs.writeFile(file, rec('first', 1));
  const index = indexed({ folders: [dir], appendLimit: 1024 });
  await index.build();
  let more = '';
  for (let k = 2; k < 40; k++) more += rec(`appended ${k}`, k);
  assert.ok(Buffer.byteLength(more) > 1024);
  await fs.appendFile(file, more);
  assert.equal(await index.refresh(file), 'reparsed');
  await assertFresh(index, file);
  // A small one is still an append.
  await fs.appendFile(file, rec('small', 41));
  assert.equal(await index.refresh(file), 'appended');
  await assertFresh(index, file);
});

test('shrink (rotation), same-size replacement, rewrite in place, removal', async (t) => {
  const dir = await tempFolder(t);
  const file = path.join(dir, 'X.log');
  await fs.writeFile(file, rec('one', 1) + rec('two', 2));
  const index = indexed({ folders: [dir] });
  await index.build();
  // Rotation: the live log starts again, smaller.
  await fs.writeFile(file, rec('new', 3));
  assert.equal(await index.refresh(file), 'reparsed');
  await assertFresh(index, file);
  // Another file of the same size, with the same modification time, moved over it (new inode).
  const stat = await fs.stat(file);
  const other = path.join(dir, 'other.tmp');
  await fs.writeFile(other, rec('NEW', 4));
  assert.equal((await fs.stat(other)).size, stat.size);
  await fs.utimes(other, stat.atime, stat.mtime);
  await fs.rename(other, file);
  assert.equal(await index.refresh(file), 'reparsed');
  await assertFresh(index, file);
  assert.equal(index.get(file)!.log.message(0), 'NEW');
  // Same inode, same size, new content and a new modification time.
  const fh = await fs.open(file, 'r+');
  await fh.write(Buffer.from('ABC'), 0, 3, 7);
  await fh.close();
  await fs.utimes(file, new Date(), new Date(Date.now() + 5000));
  assert.equal(await index.refresh(file), 'reparsed');
  assert.equal(index.get(file)!.log.message(0), 'ABC');
  // Rewritten in place with more bytes (same inode): the bytes before the old end changed, so
  // it is not an append.
  await fs.writeFile(file, rec('rewritten', 5) + rec('and longer', 6));
  assert.equal(await index.refresh(file), 'reparsed');
  await assertFresh(index, file);
  // Removed.
  const changes: IndexChange[] = [];
  index.onDidChange((c) => changes.push(...c));
  await fs.rm(file);
  assert.equal(await index.refresh(file), 'removed');
  assert.equal(index.get(file), undefined);
  assert.equal(timelineOf(index).has(file), false);
  assert.deepEqual(changes, [{ key: file, kind: 'removed' }]);
  assert.equal(await index.refresh(file), 'ignored');
});

test('new files: logs are added, other files and files outside the folders ignored; builds drop vanished files', async (t) => {
  const dir = await tempFolder(t);
  const outside = await tempFolder(t);
  const index = indexed({ folders: [dir], exclude: (f) => f.includes('skip') });
  await index.build();
  assert.equal(index.size, 0);
  await fs.mkdir(path.join(dir, 'sub'));
  const log = path.join(dir, 'sub', 'new.log');
  await fs.writeFile(log, '');
  assert.equal(await index.refresh(log), 'added');
  await fs.writeFile(log, rec('grown from empty', 1));
  assert.equal(await index.refresh(log), 'reparsed'); // too short to have shown its encoding: read whole
  await assertFresh(index, log);
  // Not named like a log and not named by `include`: never opened (the editor detects it when opened).
  const txt = path.join(dir, 'trace.txt');
  await fs.writeFile(txt, rec('a CMTrace log named .txt', 2));
  assert.equal(await index.refresh(txt), 'ignored');
  await fs.writeFile(path.join(dir, 'skip.log'), rec('x', 3));
  assert.equal(await index.refresh(path.join(dir, 'skip.log')), 'ignored');
  await fs.writeFile(path.join(outside, 'a.log'), rec('x', 3));
  assert.equal(await index.refresh(path.join(outside, 'a.log')), 'ignored');
  const extra = path.join(dir, 'sub', 'old.log');
  await fs.writeFile(extra, rec('x', 4));
  assert.equal(await index.refresh(extra), 'added');
  await fs.rm(extra);
  const changes: IndexChange[] = [];
  index.onDidChange((c) => changes.push(...c));
  await index.build();
  assert.deepEqual(changes, [{ key: extra, kind: 'removed' }]);
  assert.deepEqual(index.logs().map((x) => x.key), [log]);
});

test('a file under two names (symbolic or hard link in the folders) is indexed once, under the name that is no link', async (t) => {
  const dir = await tempFolder(t);
  const outside = await tempFolder(t);
  const real = path.join(dir, 'z-real.log');
  await fs.writeFile(real, rec('one file', 1));
  await fs.symlink(real, path.join(dir, 'a-link.log')); // sorts before the file it points to
  await fs.mkdir(path.join(dir, 'sub'));
  await fs.symlink('../z-real.log', path.join(dir, 'sub', 'rel-link.log'));
  await fs.link(real, path.join(dir, 'zz-hard.log'));
  // A link to a file outside the folders is the only name of it here: indexed under the link.
  const away = path.join(outside, 'away.log');
  await fs.writeFile(away, rec('elsewhere', 2));
  const ext = path.join(dir, 'ext-link.log');
  await fs.symlink(away, ext);
  const index = indexed({ folders: [dir] });
  await index.build();
  assert.deepEqual(index.logs().map((x) => x.key), [ext, real]);
  // A link made later, reported by the file watcher, is not indexed either.
  const late = path.join(dir, 'late-link.log');
  await fs.symlink(real, late);
  assert.equal(await index.refresh(late), 'ignored');
  assert.equal(index.size, 2);
  // The file itself keeps being followed: appends, and a removal frees its identity.
  await fs.appendFile(real, rec('more', 3));
  assert.equal(await index.refresh(real), 'appended');
  await assertFresh(index, real);
  await fs.rm(real);
  assert.equal(await index.refresh(real), 'removed');
  await fs.writeFile(path.join(dir, 'zz-hard.log'), rec('now its own file', 4), { flag: 'a' });
  assert.equal(await index.refresh(path.join(dir, 'zz-hard.log')), 'added');
});

test('parse options changed while a file is being read: the model arrives with the new ones', async (t) => {
  const dir = await tempFolder(t);
  const file = path.join(dir, 'a.log');
  await fs.writeFile(file, '<![LOG[no offset]LOG]!><time="10:00:00.000" date="01-02-2024" component="C" context="" type="1" thread="1">\n');
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let entered!: () => void;
  const reading = new Promise<void>((r) => (entered = r));
  const index = indexed({
    folders: [dir], parseOptions: {},
    readLog: async (f, options) => { const log = LogFile.fromBytes(await fs.readFile(f), options); entered(); await gate; return log; },
  });
  const built = index.build();
  await reading;
  index.setParseOptions({ defaultOffset: 0 });
  release();
  await built;
  assert.equal(index.get(file)!.log.utc(0), Date.UTC(2024, 0, 2, 10));
  assert.equal(timelineOf(index).stats(file)!.timed, 1);
});

test('parse options per file, and changed later without reading the disk', async (t) => {
  const dir = await tempFolder(t);
  const ime = path.join(dir, 'IntuneManagementExtension.log');
  await fs.copyFile(path.join(SAMPLES, 'Client', 'IntuneManagementExtension.log'), ime);
  const index = indexed({ folders: [dir] });
  await index.build();
  assert.equal(timelineOf(index).stats(ime)!.timed, 0);
  const read = index.bytesRead;
  index.setParseOptions((f) => (f.endsWith('IntuneManagementExtension.log') ? { defaultOffset: 300 } : {}));
  const s = timelineOf(index).stats(ime)!;
  assert.equal(s.timed, s.entries);
  assert.equal(s.defaultOffset, s.entries);
  assert.equal(s.first, Date.UTC(2020, 1, 23, 15, 20, 12) + 123.4567);
  assert.equal(index.bytesRead, read);
});

test('refreshes of one file run one after the other while it grows', async (t) => {
  const dir = await tempFolder(t);
  const file = path.join(dir, 'busy.log');
  await fs.writeFile(file, rec('start', 0));
  const index = indexed({ folders: [dir] });
  await index.build();
  const pending: Promise<unknown>[] = [];
  for (let k = 1; k < 40; k++) {
    await fs.appendFile(file, rec(`r${k}`, k));
    pending.push(index.refresh(file));
  }
  await Promise.all(pending);
  await index.refresh(file);
  await assertFresh(index, file);
  assert.equal(index.get(file)!.log.entryCount, 40);
});

// Bounded, and the worker stopped in an `after` hook, which runs even when the test times out: a
// reply the protocol never sends must fail the run, not hang it.
test('whole files parsed on a worker thread: the same models, reading errors keep their code, appends continue in place', { timeout: 60_000 }, async (t) => {
  const dir = await tempFolder(t);
  // TypeScript straight from the sources (the shipped server starts dist/parseWorker.js instead).
  const script = `require('tsx/cjs'); require(${JSON.stringify(path.resolve(__dirname, '..', '..', 'server', 'src', 'workspace', 'parseWorker.ts'))})`;
  const worker = new ParseWorker({ eval: true, script });
  t.after(() => worker.dispose());
  await fs.cp(SAMPLES, dir, { recursive: true });
  const live = path.join(dir, 'live.log');
  await fs.writeFile(live, rec('first', 1));
  const read: string[] = [];
  const index = indexed({ folders: [dir], readLog: (f, o) => { read.push(f); return worker.read(f, o); } });
  await index.build();
  assert.ok(worker.onWorker);
  assert.equal(worker.received, index.size, 'every model came from the worker thread');
  assert.equal(read.length, index.size);
  assert.ok(index.size >= 10);
  for (const { key } of index.logs()) await assertFresh(index, key);
  await fs.appendFile(live, rec('second', 2));
  assert.equal(await index.refresh(live), 'appended');
  assert.equal(read.filter((f) => f === live).length, 1, 'an append is read in place, not parsed again on the worker');
  await assertFresh(index, live);
  await assert.rejects(worker.read(path.join(dir, 'missing.log')), (e: NodeJS.ErrnoException) => e.code === 'ENOENT');
  // Over one read piece (16 MB): the text comes back in several messages, in order.
  const big = path.join(dir, 'big.log');
  const line = rec('x'.repeat(900), 3);
  const count = Math.ceil((17 * 1024 * 1024) / line.length);
  await fs.writeFile(big, line.repeat(count - 1) + rec('last one', 4));
  const model = await worker.read(big);
  assert.equal(model.heldChars, 0, 'the text stays in the file: the worker sends where to read it back, not the text');
  assert.equal(model.entryCount, count);
  assert.equal(model.text(), await fs.readFile(big, 'utf8'));
  assert.equal(model.message(count - 1), 'last one');
});

test('a crashed worker fails only its own read; the next read gets a new worker and succeeds', { timeout: 60_000 }, async (t) => {
  // The real worker, which crashes when asked for a file named crash.log.
  const real = JSON.stringify(path.resolve(__dirname, '..', '..', 'server', 'src', 'workspace', 'parseWorker.ts'));
  const script = `require('worker_threads').parentPort.on('message', (m) => { if (m.file && m.file.endsWith('crash.log')) throw new Error('boom'); });
    require('tsx/cjs'); require(${real});`;
  const said: string[] = [];
  const worker = new ParseWorker({ eval: true, script }, (m) => said.push(m));
  t.after(() => worker.dispose());
  const file = path.join(SAMPLES, 'Client', 'ClientIDManagerStartup.log');
  await assert.rejects(worker.read(path.join(SAMPLES, 'crash.log')), /boom/);
  // Started at once, before the crashed worker's 'exit' arrives: that must not fail this read.
  const model = await worker.read(file);
  assert.deepEqual(snapshot(model), snapshot(LogFile.fromBytes(await fs.readFile(file))));
  assert.equal(worker.received, 1);
  assert.ok(said.some((m) => m.includes('boom')));
});

test('no worker script: parses run on the calling thread, and say so once', async () => {
  const said: string[] = [];
  const worker = new ParseWorker({ script: path.join(os.tmpdir(), 'no-such-parse-worker.js') }, (m) => said.push(m));
  const file = path.join(SAMPLES, 'Client', 'ClientIDManagerStartup.log');
  const a = await worker.read(file);
  const b = await worker.read(file);
  assert.equal(worker.onWorker, false);
  assert.equal(worker.received, 0);
  assert.deepEqual(snapshot(a), snapshot(LogFile.fromBytes(await fs.readFile(file))));
  assert.equal(b.entryCount, a.entryCount);
  assert.equal(said.length, 1);
  assert.match(said[0], /no-such-parse-worker\.js is missing/);
});
