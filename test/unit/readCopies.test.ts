// Reading a log copies its bytes about once (issue #15: `cmlog check` on a 100 MB log spent a
// quarter of its time joining 16 MB pieces and more growing and slicing buffers).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LogFile } from '../../server/src/logFile';
import { readLog } from '../../server/src/workspace/readLog';

const rec = (k: number) => `<![LOG[message ${k}\r\nsecond line]LOG]!><time="10:20:30.000+000" date="02-23-2020" component="C" context="" type="1" thread="1" file="">\r\n`;

/** Bytes copied by typed-array `set` and `slice` while `fn` runs (joining and slicing buffers). */
async function copied<T>(fn: () => Promise<T>): Promise<{ result: T; bytes: number }> {
  const proto = Uint8Array.prototype as unknown as { set: (...a: unknown[]) => void; slice: (...a: unknown[]) => Uint8Array };
  const { set, slice } = proto;
  let bytes = 0;
  proto.set = function (this: Uint8Array, ...a: unknown[]) { bytes += (a[0] as ArrayLike<number>).length; return set.apply(this, a); };
  proto.slice = function (this: Uint8Array, ...a: unknown[]) { const r = slice.apply(this, a); bytes += r.length; return r; };
  try {
    return { result: await fn(), bytes };
  } finally {
    proto.set = set;
    proto.slice = slice;
  }
}

test('a log read from disk is not copied again after it is read (pieces are not joined)', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cmlog-copies-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'big.log');
  const text = Array.from({ length: 20_000 }, (_, k) => rec(k)).join('');
  writeFileSync(file, text);
  // Pieces far smaller than the file, as 16 MB pieces are to a 100 MB log.
  const { result: log, bytes } = await copied(() => readLog(file, {}, 64 * 1024));
  assert.ok(bytes < text.length / 10, `${bytes} bytes copied reading ${text.length}`);
  assert.equal(log.entryCount, 20_000);
  assert.equal(log.text(), LogFile.fromText(text).text());
});
