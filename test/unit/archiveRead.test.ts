// Reading a member of a device archive on a check thread: whole, in place, and without waiting on
// libuv's thread pool (a thread that waits there idles: ~7% of a collection's check).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { listArchive, readArchiveLog } from '../../server/src/collections/archive';
import { zipBytes } from '../support/zipBytes';

const rec = (msg: string) =>
  `<![LOG[${msg}]LOG]!><time="08:00:00.000+000" date="3-15-2026" component="C" context="" type="1" thread="1" file="">\r\n`;

function archive(bytes: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cmlog-zipread-')), 'PC1.zip');
  writeFileSync(file, bytes);
  return file;
}

test('a member is read and parsed without the event loop taking a turn (no wait on the I/O pool)', async () => {
  const file = archive(zipBytes([{ name: 'ccm/a.log', data: rec('one') + rec('two') }, { name: 'ccm/b.log', data: rec('three'), method: 0 }]));
  const { logs } = await listArchive(file, 'PC1.zip');
  for (const chain of logs) {
    let turned = false;
    const immediate = setImmediate(() => { turned = true; });
    const log = await readArchiveLog(file, chain);
    clearImmediate(immediate);
    assert.equal(turned, false, `${chain[0].name}: the read waited for the event loop`);
    assert.equal(log.entryCount, chain[0].name.endsWith('a.log') ? 2 : 1);
  }
});

test('a member whose data is cut short by the end of the archive, or whose local header is not one, is an error', async () => {
  const whole = zipBytes([{ name: 'a.log', data: rec('x'.repeat(4000)), method: 0 }]);
  const file = archive(whole);
  const [chain] = (await listArchive(file, 'PC1.zip')).logs;
  // The listing said where the member is; the archive then changed under it.
  writeFileSync(file, whole.subarray(0, 1000));
  await assert.rejects(readArchiveLog(file, chain), /past the end of the archive/);
  const moved = Buffer.from(whole);
  moved.writeUInt32LE(0, chain[0].offset);
  writeFileSync(file, moved);
  await assert.rejects(readArchiveLog(file, chain), /local file header/i);
});

test('a stored size past the end of the archive is refused before any buffer of that size is made', async () => {
  const file = archive(zipBytes([{ name: 'a.log', data: rec('x') }]));
  const [chain] = (await listArchive(file, 'PC1.zip')).logs;
  // A forged central directory: 4 GB stored for a one-record member.
  const forged = [{ ...chain[0], compressedSize: 2 ** 32 - 1 }];
  await assert.rejects(readArchiveLog(file, forged), /past the end of the archive \(declared 4294967295 bytes stored\)/);
});
