// Memory and speed at scale (issue #15): a generated folder of mixed CMTrace and legacy logs,
// indexed as the language server does (WorkspaceIndex), against `cmlog check` on the same folder
// in the same run. Memory is heap + array buffers after a gc, and its peak sampled while indexing,
// both as a multiple of the folder's size. Prints figures, never fails on them.
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { check } from '../server/src/cli/check';
import { WorkspaceIndex } from '../server/src/workspace/index';
import { ParseWorker } from '../server/src/workspace/parseWorker';
import { generateLog } from './generate';
import { DATA } from './parse';
import { fmt, MB, settledGc, used } from './util';

const SIZE = Number(process.env.BENCH_FOLDER_MB ?? 300) * MB;
/** Files of the folder: a few large ones and many small ones, as a ConfigMgr Logs folder has. */
const SHARES = [0.25, 0.15, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, ...Array.from({ length: 20 }, () => 0.01)];

async function ensureFolder(): Promise<string> {
  const dir = path.join(DATA, `folder-${SIZE / MB}`);
  mkdirSync(dir, { recursive: true });
  const { existsSync, statSync } = await import('node:fs');
  for (let k = 0; k < SHARES.length; k++) {
    const file = path.join(dir, `Log${k}.log`);
    const want = Math.round(SHARES[k] * SIZE);
    if (!existsSync(file) || Math.abs(statSync(file).size - want) > MB) await generateLog(file, k % 3 === 2 ? 'sms' : 'ccm', want, 100 + k);
  }
  return dir;
}

export async function benchMemory(): Promise<void> {
  const dir = await ensureFolder();
  console.log(`\n## Memory and speed at scale: a ${fmt(SIZE / MB, 0)} MB folder of ${SHARES.length} logs (both formats)`);
  await settledGc();
  const base = used();
  let peak = 0;
  const sampler = setInterval(() => { peak = Math.max(peak, used() - base); }, 5);
  const index = new WorkspaceIndex({ folders: [dir] });
  const t1 = performance.now();
  await index.build();
  const indexMs = performance.now() - t1;
  clearInterval(sampler);
  peak = Math.max(peak, used() - base);
  await settledGc();
  const after = used() - base;
  // After the index is measured: what `cmlog check` leaves to collect must not count in the index's memory.
  const t0 = performance.now();
  await check([dir], { format: 'json', parse: {}, rules: {} }, { out: () => undefined, err: () => undefined });
  const checkMs = performance.now() - t0;
  const held = index.logs().reduce((n, l) => n + l.log.heldChars, 0);
  // The server's way: each log parsed on the parse worker (dist/parseWorker.js beside this bundle).
  const worker = new ParseWorker();
  const onWorker = new WorkspaceIndex({ folders: [dir], readLog: (f, o) => worker.read(f, o) });
  const t2 = performance.now();
  await onWorker.build();
  const workerMs = performance.now() - t2;
  const workerUsed = worker.onWorker;
  await worker.dispose();
  console.log(`cmlog check: ${fmt(checkMs / 1000, 2)} s; index on the parse worker, as the server indexes${workerUsed ? '' : ' (no worker: this thread)'}: ${fmt(workerMs / 1000, 2)} s = ${fmt(workerMs / checkMs, 2)}x check (target <= 1.2x); index in this thread (memory figures below): ${fmt(indexMs / 1000, 2)} s = ${fmt(indexMs / checkMs, 2)}x`);
  console.log(`index memory after: ${fmt(after / MB, 0)} MB = ${fmt(after / SIZE, 2)}x the folder (target <= 0.4x); peak: ${fmt(peak / MB, 0)} MB = ${fmt(peak / SIZE, 2)}x (target <= 0.6x); text held: ${fmt(held / MB, 1)} M characters`);
  if (index.size === 0) throw new Error('bench: nothing indexed');
}

// Run alone: node --expose-gc --import tsx bench/memory.ts (BENCH_FOLDER_MB=n for another size).
if (process.argv[1]?.endsWith(path.join('bench', 'memory.ts'))) benchMemory().catch((e) => { console.error(e); process.exitCode = 1; });
