// The memory a check thread reads its logs into (cli/readBuffer.ts): lent to one log at a time,
// and never to a second log while the first is still being checked (a rotated partner read meanwhile).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReadBuffer } from '../../server/src/workspace/readBuffer';

const sameMemory = (a: Buffer, b: Buffer) => a.buffer === b.buffer && a.byteOffset === b.byteOffset;

test('read buffer: the next log goes where the last one was, once that one is dropped; it grows to the biggest', () => {
  const rb = new ReadBuffer();
  const first = rb.lease();
  const a = first.into(100);
  assert.equal(a.length, 100);
  first.end();
  const second = rb.lease();
  const b = second.into(40);
  assert.equal(b.length, 40);
  assert.ok(sameMemory(a, b), 'the same memory, lent again');
  second.end();
  const third = rb.lease();
  const c = third.into(1000);
  assert.equal(c.length, 1000);
  third.end();
  const fourth = rb.lease();
  assert.ok(sameMemory(fourth.into(500), c), 'the grown memory is kept');
  fourth.end();
});

test('read buffer: a log read while another is checked gets its own memory, and ending it frees nothing of the other', () => {
  const rb = new ReadBuffer();
  const target = rb.lease();
  const t = target.into(64).fill(1);
  const partner = rb.lease();
  const p = partner.into(64).fill(2);
  assert.ok(!sameMemory(t, p));
  assert.deepEqual([...new Set(t)], [1], 'the log being checked is untouched');
  // The partner ends first: the target's memory is still lent.
  partner.end();
  const third = rb.lease();
  third.into(64).fill(3);
  assert.deepEqual([...new Set(t)], [1], 'still untouched after the partner ended');
  third.end();
  target.end();
  // Ended twice, or a lease that never read: no effect on the memory's next owner.
  const next = rb.lease();
  const n = next.into(64);
  assert.ok(sameMemory(n, t));
  target.end();
  rb.lease().end();
  const other = rb.lease();
  assert.ok(!sameMemory(other.into(64), n), 'still lent to `next`');
});

test('read buffer: a server thread\'s memory goes a while after its last log, or when let go; never while a log holds it', async () => {
  const rb = new ReadBuffer(5);
  const first = rb.lease();
  first.into(1000);
  rb.release();
  assert.equal(rb.kept, 1000, 'held by a log: kept');
  first.end();
  // Polled with a bound: the timer lets it go.
  const until = Date.now() + 5000;
  while (rb.kept > 0 && Date.now() < until) await new Promise((r) => setImmediate(r));
  assert.equal(rb.kept, 0, 'let go after the last log');
  const second = rb.lease();
  second.into(10);
  second.end();
  rb.release();
  assert.equal(rb.kept, 0, 'let go at once when asked');
  // A command's buffer (no keepMs) stays.
  const kept = new ReadBuffer();
  const l = kept.lease();
  l.into(50);
  l.end();
  assert.equal(kept.kept, 50);
});
