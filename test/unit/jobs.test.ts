// `cmlog check --jobs N`: the same findings on 1 thread and on N parse workers, cross-log rules
// still see their logs, and only a few logs are alive at once whatever the collection's size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { check } from '../../server/src/cli/check';
import { checkInOrder, HERE_MAX, jobsOption, QUEUE, startPool, type PipelineStats, type Result } from '../../server/src/cli/jobs';
import { findLogs } from '../../server/src/cli/load';
import { loadLogs } from '../../server/src/cli/load';
import { runRules } from '../../server/src/rules';
import { zipBytes } from '../support/zipBytes';

const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLES = path.join(ROOT, 'samples');
// TypeScript straight from the sources (the shipped CLI starts dist/parseWorker.js instead).
const workerStart = { eval: true, script: `require('tsx/cjs'); require(${JSON.stringify(path.join(ROOT, 'server', 'src', 'cli', 'checkWorker.ts'))})` };

const rec = (msg: string, type = '1') =>
  `<![LOG[${msg}]LOG]!><time="08:00:00.000+000" date="3-15-2026" component="C" context="" type="${type}" thread="1" file="">\r\n`;

async function run(paths: string[], jobs: number, stats?: PipelineStats) {
  const out: string[] = [], err: string[] = [];
  const code = await check(paths, { format: 'json', parse: {}, rules: {}, jobs, workerStart, stats }, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, json: JSON.parse(out.join('\n')), err };
}

/** The samples as loose files and as one device archive, plus many small logs with findings. */
function collection(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-jobs-'));
  const members = [];
  for (const sub of readdirSync(SAMPLES, { withFileTypes: true })) {
    if (!sub.isDirectory()) continue;
    for (const f of readdirSync(path.join(SAMPLES, sub.name))) members.push({ name: `${sub.name}/${f}`, data: readFileSync(path.join(SAMPLES, sub.name, f)) });
  }
  writeFileSync(path.join(dir, 'PC1.zip'), zipBytes(members));
  mkdirSync(path.join(dir, 'loose'));
  for (let i = 0; i < 24; i++) writeFileSync(path.join(dir, 'loose', `l${i}.log`), rec(`ok ${i}`) + '<![LOG[cut off\r\n' + rec('failed', '3'));
  return dir;
}

test('--jobs: the same findings, in the same order, on 1 thread and on 3 (2 check workers and this thread)', { timeout: 120_000 }, async () => {
  const dir = collection();
  const stats: PipelineStats = { live: 0, peak: 0, onWorkers: 0 };
  const one = await run([dir], 1);
  const three = await run([dir], 3, stats);
  assert.deepEqual(three, one);
  const logs = one.json.files.length;
  assert.equal(logs, 24 + (await loadLogs([SAMPLES], {})).logs.length);
  // N - 1 workers and this thread: this thread checks logs too, once every worker's queue is full.
  assert.ok(stats.onWorkers > 0 && stats.onWorkers < logs, `${stats.onWorkers} of ${logs} logs checked on worker threads`);
  assert.equal(one.json.diagnostics.filter((d: { code: string }) => d.code === 'truncated-record').length, 24);
});

test('cross-log rules read their logs inside an archive as in a folder: the findings of the samples, unpacked or zipped', { timeout: 120_000 }, async () => {
  const dir = collection();
  // The reference: every log in memory, each checked with all others as its context.
  const all = await loadLogs([SAMPLES], {});
  const expected = all.logs.flatMap((t) => runRules(t, { logs: all.logs }).findings)
    .map((f) => `${path.relative(SAMPLES, f.file).split(path.sep).join('/')}:${f.line} ${f.ruleId} ${f.message} ${(f.related ?? []).length}`).sort();
  assert.ok(expected.some((f) => f.includes('user-not-found')) && expected.some((f) => f.includes('aad-tenant-missing')), 'the samples hold cross-log findings');
  const zipped = (await run([path.join(dir, 'PC1.zip')], 2)).json.diagnostics
    .map((d: { path: string; line: number; code: string; message: string; related: unknown[] }) => `${d.path.slice(d.path.indexOf('!/') + 2)}:${d.line - 1} ${d.code} ${d.message} ${d.related.length}`).sort();
  assert.deepEqual(zipped, expected);
});

// What this shows is the pipeline's count of logs handed out and not yet answered; that a queued
// index is not read before its turn rests on checkWorker.ts taking one message at a time.
test('logs handed out at once: at most QUEUE per worker and one here, whatever the number of logs, and none left over', { timeout: 120_000 }, async () => {
  const dir = collection();
  for (const jobs of [1, 2]) {
    const stats: PipelineStats = { live: 0, peak: 0, onWorkers: 0 };
    const r = await run([path.join(dir, 'loose')], jobs, stats);
    assert.equal(r.json.files.length, 24);
    assert.ok(stats.peak >= 1 && stats.peak <= QUEUE * (jobs - 1) + 1, `jobs ${jobs}: peak ${stats.peak} logs handed out`);
    assert.equal(stats.live, 0);
  }
});

test('--jobs takes a whole number; by default one per core', () => {
  assert.equal(jobsOption('3'), 3);
  assert.ok(jobsOption(undefined) >= 1);
  for (const bad of ['0', '-1', 'all', true] as const) assert.throws(() => jobsOption(bad), /--jobs/);
});

test('a crashed check worker fails its own log only: the one queued behind it and the rest are checked, in order', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-jobs-crash-'));
  // boom.log first: the worker is handed it (and c.log queued behind it) before this thread takes a log.
  const names = ['boom.log', 'c.log', 'd.log', 'e.log', 'f.log', 'g.log'];
  for (const n of names) writeFileSync(path.join(dir, n), rec(`ok ${n}`));
  // The real worker, which dies when handed boom.log.
  const crashing = { eval: true, script: `${workerStart.script}; const wt = require('node:worker_threads');
    let sources = []; wt.parentPort.on('message', (m) => { if (typeof m !== 'number') sources = m.sources; else if (sources[m].name === 'boom.log') throw new Error('boom'); });` };
  const out: string[] = [], err: string[] = [];
  const stats: PipelineStats = { live: 0, peak: 0, onWorkers: 0 };
  await check([dir], { format: 'json', parse: {}, rules: {}, jobs: 2, workerStart: crashing, stats }, { out: (s) => out.push(s), err: (s) => err.push(s) });
  const json = JSON.parse(out.join('\n'));
  assert.deepEqual(json.files.map((f: { path: string }) => path.basename(f.path)), names.filter((n) => n !== 'boom.log'));
  assert.match(JSON.stringify(json) + err.join('\n'), /boom\.log[^]*boom|boom[^]*boom\.log/);
  assert.equal(stats.live, 0);
});

test('check workers that cannot start fail their logs once, and check ends (no endless respawning)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-jobs-nostart-'));
  const names = ['a.log'];
  for (const n of names) writeFileSync(path.join(dir, n), rec(`ok ${n}`));
  // More workers than logs: the idle ones die too, holding no log.
  const broken = { eval: true, script: `throw new Error('cannot start')` };
  const out: string[] = [], err: string[] = [];
  const stats: PipelineStats = { live: 0, peak: 0, onWorkers: 0 };
  const code = await check([dir], { format: 'json', parse: {}, rules: {}, jobs: 4, workerStart: broken, stats }, { out: (s) => out.push(s), err: (s) => err.push(s) });
  const json = JSON.parse(out.join('\n'));
  assert.deepEqual(json.files, []);
  assert.deepEqual(json.skipped.map((s: { path: string }) => path.basename(s.path)).sort(), names);
  assert.match(err.join('\n'), /cannot start/);
  assert.equal(code, 2);
  assert.equal(stats.live, 0);
});

test('workers that fail before the logs are found (discovery slower than their start) fail their logs once, with nothing uncaught', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-jobs-early-'));
  writeFileSync(path.join(dir, 'a.log'), rec('ok'));
  const pool = startPool(3, { options: {}, settings: {}, paths: [dir] }, { eval: true, script: `throw new Error('cannot start')` })!;
  try {
    // Discovery still going on while the workers fail and exit (as on a loaded machine, or a slow share).
    await Promise.all(pool.workers.map((w) => new Promise((r) => w.once('exit', r))));
    const found = await findLogs([dir]);
    const stats: PipelineStats = { live: 0, peak: 0, onWorkers: 0 };
    const results: Result[] = [];
    for await (const r of checkInOrder({ sources: found.sources, options: {}, settings: {}, paths: [dir], catalog: () => [] }, pool, stats)) results.push(r);
    assert.equal(results.length, 1);
    assert.match(results[0].error?.message ?? '', /cannot start|exited/);
    assert.equal(stats.live, 0);
  } finally {
    await pool.close();
  }
});

test('a log over HERE_MAX is checked on a worker, never on this thread (out of memory there would end the whole check)', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-jobs-big-'));
  // --jobs 2: one worker, which takes the bigger big log first and queues small logs behind it
  // (QUEUE in all); one small log is left for this thread, then only the second big log, which
  // this thread must leave to the worker.
  for (let i = 0; i < QUEUE; i++) writeFileSync(path.join(dir, `a${i}.log`), rec(`small ${i}`));
  const one = rec('big');
  const big = one.repeat(Math.ceil((HERE_MAX + 1) / one.length));
  writeFileSync(path.join(dir, 'b.log'), big);
  writeFileSync(path.join(dir, 'c.log'), big + one);
  const stats: PipelineStats = { live: 0, peak: 0, onWorkers: 0 };
  const r = await run([dir], 2, stats);
  assert.equal(r.json.files.length, QUEUE + 2);
  assert.ok(stats.largestHere !== undefined && stats.largestHere <= HERE_MAX, `${stats.largestHere} bytes checked here`);
  assert.equal(stats.onWorkers, QUEUE + 1, 'both big logs on the worker, with the small ones it queued');
});
