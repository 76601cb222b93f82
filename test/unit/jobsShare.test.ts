// `check --jobs N` shares the logs between N - 1 workers and this thread: while this thread checks
// logs itself, the workers' answers still get in, so each is fed again at once and none starves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { ruleCatalog } from '../../server/src/cli/checkOne';
import { checkInOrder, type CheckPool, type PipelineStats } from '../../server/src/cli/jobs';
import { findLogs } from '../../server/src/cli/load';
import { zipBytes } from '../support/zipBytes';

const rec = (msg: string) =>
  `<![LOG[${msg}]LOG]!><time="08:00:00.000+000" date="3-15-2026" component="C" context="" type="1" thread="1" file="">\r\n`;

/** A worker that answers each log in the event loop's next turn, as a real one's message would arrive. */
function instantWorker(): Worker {
  const w = new EventEmitter() as EventEmitter & { postMessage(m: unknown): void; terminate(): Promise<number> };
  w.postMessage = (m) => {
    if (typeof m !== 'number') return;
    setImmediate(() => w.emit('message', { index: m, checked: { summary: { path: `w${m}`, format: 'cmtrace', encoding: 'utf-8', bytes: 0, entries: 0, unparsedSpans: 0 }, findings: [], failures: [] } }));
  };
  w.terminate = async () => 0;
  return w as unknown as Worker;
}

test('while this thread checks archive members (read without leaving the microtask queue), a worker is still fed', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-jobs-share-'));
  const members = Array.from({ length: 60 }, (_, i) => ({ name: `ccm/l${String(i).padStart(2, '0')}.log`, data: rec(`entry ${i}`) }));
  writeFileSync(path.join(dir, 'PC1.zip'), zipBytes(members));
  const found = await findLogs([dir]);
  assert.equal(found.sources.length, 60);
  const pool: CheckPool = { workers: [instantWorker()], spawn: instantWorker, failedEarly: () => undefined, close: async () => {} };
  const stats: PipelineStats = { live: 0, peak: 0, onWorkers: 0 };
  const plan = { sources: found.sources, options: {}, settings: {}, paths: [dir], catalog: ruleCatalog([dir], undefined).catalog };
  const order: string[] = [];
  for await (const r of checkInOrder(plan, pool, stats)) order.push(r.source.name);
  assert.deepEqual(order, members.map((m) => path.posix.basename(m.name)), 'results in the order of the sources');
  // The worker answers at once: it should check most logs, never only the two it was first given.
  assert.ok(stats.onWorkers >= 30, `${stats.onWorkers} of 60 logs checked by the worker`);
  assert.equal(stats.live, 0);
});
