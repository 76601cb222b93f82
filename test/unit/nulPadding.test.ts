// Preallocated logs after a power loss: records, a long run of NULs, sometimes records after it.
// The run is one unparsed span, the records on both sides are read, the NULs are not kept in
// memory, and such a file is a log, not a binary file. (CLI tests need `npm run build` first.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LogFile } from '../../server/src/logFile';
import { looksBinary } from '../../server/src/workspace/discover';
import { appendBytesInPieces, assertCoverage, assertSameAsWhole } from '../support/model';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const sync = (msg: string, time: string) => `${msg}  $$<SMS_CLOUD_USERSYNC><09-15-2014 ${time}+420><thread=4321 (0x10E1)>\r\n`;
const ATTRS = '<time="08:00:00.000+000" date="3-15-2026" component="C" context="" type="1" thread="1">';
const rec = (msg: string) => `<![LOG[${msg}]LOG]!>${ATTRS}\r\n`;
const FAILURE = sync('Failed to add user scott@contoso.com; reason UserNotFound', '08:59:11.397');

/** Records up to `size` bytes (the client log of the issue had 4,478), the first starting a sync. */
function records(size: number): string {
  let s = sync('Starting user delta sync, raise failure status messages = True', '02:04:05.928');
  for (let i = 0; s.length < size; i++) s += sync(`Processed batch ${i}`, '02:04:06.000');
  return s;
}

/** The client log: records, 126,574 NULs ending in a few UTF-16 bytes, then a record after. */
function padded(before = records(4478)): { bytes: Buffer; runStart: number; runEnd: number } {
  const head = Buffer.from(before, 'latin1');
  const nuls = Buffer.alloc(126_574);
  const tail = Buffer.concat([Buffer.from('ok', 'utf16le'), Buffer.from('\r\n' + FAILURE, 'latin1')]);
  return { bytes: Buffer.concat([head, nuls, tail]), runStart: head.length, runEnd: head.length + nuls.length };
}

function cmlog(args: string[]) {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('a NUL run is one unparsed span; the records before and after it are read', () => {
  const { bytes, runStart, runEnd } = padded();
  const log = LogFile.fromBytes(bytes);
  assertCoverage(log);
  const messages = Array.from({ length: log.entryCount }, (_, i) => log.message(i));
  assert.equal(messages[0], 'Starting user delta sync, raise failure status messages = True');
  assert.equal(messages.at(-1), 'Failed to add user scott@contoso.com; reason UserNotFound');
  const over = log.unparsedSpans().filter((s) => s.end > runStart && s.start < runEnd);
  assert.equal(over.length, 1, 'one span for the padding');
  assert.ok(over[0].start <= runStart && over[0].end >= runEnd);
  // Directly after the run, with nothing between: the record is read too.
  const glued = LogFile.fromBytes(Buffer.concat([Buffer.from(records(200), 'latin1'), Buffer.alloc(5000), Buffer.from(FAILURE, 'latin1')]));
  assertCoverage(glued);
  assert.equal(glued.message(glued.entryCount - 1), 'Failed to add user scott@contoso.com; reason UserNotFound');
});

test('NUL runs: read in pieces cut anywhere (inside the run too) gives the model read whole', () => {
  const { bytes, runStart, runEnd } = padded(records(300));
  const whole = LogFile.fromBytes(bytes);
  for (const cuts of [[runStart + 1, runStart + 20, runStart + 40, runEnd - 3], [runStart - 5, runEnd + 1], [runStart + 31, runEnd - 1, runEnd + 2]]) {
    assertSameAsWhole(appendBytesInPieces(bytes, cuts), whole);
  }
  // Padding is kept as a count, not as bytes.
  const stored = whole.toData().data.chunks.reduce((n, c) => n + (typeof c === 'string' || c instanceof Uint8Array ? c.length : 0), 0);
  assert.ok(stored < 2000, `${stored} characters stored`);
});

test('NULs that end a piece and NULs that begin the next are one run (a record cut off before it ends where the run starts)', () => {
  const open = '<![LOG[cut off by the power loss ' + 'x'.repeat(400); // long: a growing record is resumed near its end
  for (const [a, b] of [[20, 20], [1, 31], [31, 1], [5, 300]]) {
    const bytes = Buffer.concat([Buffer.from(open, 'latin1'), Buffer.alloc(a + b), Buffer.from(rec('after'), 'latin1')]);
    const whole = LogFile.fromBytes(bytes);
    assert.equal(whole.table.end[0], open.length, 'the cut-off record ends where the run starts');
    assertSameAsWhole(appendBytesInPieces(bytes, [open.length + a]), whole);
  }
});

test('a NUL run in the first 8 KB is not a binary file; a real binary file is', () => {
  assert.equal(looksBinary(padded().bytes.subarray(0, 64 * 1024)), false);
  assert.equal(looksBinary(Buffer.alloc(64 * 1024)), false, 'all padding: an empty log');
  const exe = Buffer.alloc(4096);
  exe.write('MZ\x90\x00\x03', 'latin1');
  exe.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  assert.equal(looksBinary(exe), true);
  const random = Buffer.alloc(4096);
  let x = 12345;
  for (let i = 0; i < random.length; i++) random[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  assert.equal(looksBinary(random), true, 'compressed-looking data');
  assert.equal(looksBinary(Buffer.from('MZ is how this line starts\r\n')), false);
});

test('cmlog check: a padded client folder is read (the failure after the run found); a binary file in it is skipped with a note, exit status unaffected', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-nul-'));
  writeFileSync(path.join(dir, 'CloudUserSync.log'), padded().bytes);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00]);
  writeFileSync(path.join(dir, 'image.log'), png);
  const r = cmlog(['check', '--format', 'json', dir]);
  assert.notEqual(r.code, 2, r.err);
  assert.match(r.err, /image\.log: binary file/);
  const json = JSON.parse(r.out);
  assert.deepEqual(json.files.map((f: { path: string }) => path.basename(f.path)), ['CloudUserSync.log']);
  assert.ok(json.diagnostics.some((d: { code: string; line: number }) => d.code === 'user-not-found'), r.out);
  // Named by the user, a binary file is a path that cannot be read as a log: exit 2.
  assert.equal(cmlog(['check', path.join(dir, 'image.log')]).code, 2);
});

const LIMIT = 8 * 1024 * 1024;

test('a big sparse file (256 MB of NULs between records) is read with bounded memory', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-sparse-'));
  const file = path.join(dir, 'sparse.log');
  const size = 256 * 1024 * 1024;
  const fd = openSync(file, 'w');
  writeSync(fd, rec('before'), 0, 'latin1');
  writeSync(fd, rec('after'), size, 'latin1'); // the gap is a hole: NULs, no disk
  closeSync(fd);
  const script = `
    require('tsx/cjs');
    const { readLog } = require(${JSON.stringify(path.join(ROOT, 'server/src/workspace/readLog.ts'))});
    (async () => {
      global.gc();
      const base = process.memoryUsage();
      const log = await readLog(${JSON.stringify(file)});
      // What is still held once the read buffers are collected (their memory is freed off the
      // main thread, a turn or more later: polled, with a bound).
      let grown = Infinity;
      for (let k = 0; k < 100 && grown >= ${LIMIT}; k++) {
        global.gc();
        await new Promise((r) => setImmediate(r));
        const now = process.memoryUsage();
        grown = (now.heapUsed - base.heapUsed) + (now.arrayBuffers - base.arrayBuffers);
      }
      const messages = Array.from({ length: log.entryCount }, (_, i) => log.message(i));
      process.stdout.write(JSON.stringify({ grown, messages, spans: log.spans.count, length: log.length }));
    })();`;
  const r = spawnSync(process.execPath, ['--expose-gc', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.ok(out.grown < LIMIT, `the model holds ${(out.grown / 1048576).toFixed(1)} MB`);
  assert.deepEqual(out.messages, ['before', 'after']);
  assert.equal(out.spans, 1);
  assert.equal(out.length, size + rec('after').length);
});
