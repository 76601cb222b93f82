// Workspace index and UTC timeline on a generated folder of about 150 logs / 300 MB written in
// several time zones: time and peak memory to index it, related-entry queries (median and p95),
// the cost of a 1 KB append to the largest log against parsing it from scratch, and the peak
// memory of a 10 MB single-line log and (BENCH_HUGE=1) a 1 GB log.
//
// Peak memory is the peak resident set of a child process that does only that task (so what
// earlier sections left behind does not count), minus its resident set before the task (on Linux
// the peak is reset before the task, so the child's start-up does not count either).
import { execFile } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, promises as fsp, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { LogFile } from '../server/src/logFile';
import type { ParseOptions } from '../server/src/model';
import { readLog } from '../server/src/workspace/readLog';
import { followTimeline, WorkspaceIndex } from '../server/src/workspace/index';
import { ParseWorker } from '../server/src/workspace/parseWorker';
import { generateLog, prng } from './generate';
import { DATA } from './parse';
import { fmt, gc, MB, median, percentile, settledGc, used } from './util';

const FOLDER_MB = Number(process.env.BENCH_FOLDER_MB ?? 300);
const LOGS = 150;
/** Biases written (minutes; UTC = local + bias), null for none (like the IME logs). */
const BIASES: (number | null)[] = [480, 420, 300, 0, -60, -120, -330, 300, -60, 420, null];
const START_UTC = Date.UTC(2024, 0, 15, 8);

interface FolderLog { name: string; format: 'ccm' | 'sms'; bytes: number; bias: number | null; seed: number; startWall: number }

/** The folder's plan: one log of a third of the total (the append target), the rest of assorted sizes. */
function plan(totalMb: number): FolderLog[] {
  const r = prng(2024);
  const big = Math.round((totalMb * MB) / 3);
  const weights = Array.from({ length: LOGS - 1 }, () => Math.exp(r() * 4)); // sizes spread over ~50x
  const sum = weights.reduce((a, b) => a + b, 0);
  const rest = totalMb * MB - big;
  const logs: FolderLog[] = [];
  for (let k = 0; k < LOGS; k++) {
    const bias = k === 0 ? -60 : BIASES[Math.floor(r() * BIASES.length)];
    const format = k === 0 ? 'ccm' : r() < 0.7 ? 'ccm' : 'sms';
    const bytes = k === 0 ? big : Math.max(4096, Math.round((rest * weights[k - 1]) / sum));
    // Wall clock so that every log starts within the same hour of UTC, whatever its zone.
    const startWall = START_UTC - (bias ?? 300) * 60_000 + Math.floor(r() * 3_600_000);
    logs.push({ name: `${k === 0 ? 'big' : 'log'}${String(k).padStart(3, '0')}-${format}.log`, format, bytes, bias, seed: 1000 + k, startWall });
  }
  return logs;
}

async function ensureFolder(): Promise<{ dir: string; logs: FolderLog[] }> {
  const dir = path.join(DATA, 'folder');
  const manifest = path.join(DATA, 'folder.json');
  const logs = plan(FOLDER_MB);
  const want = JSON.stringify({ version: 1, logs });
  const fresh = existsSync(manifest) && readFileSync(manifest, 'utf8') === want && logs.every((l) => existsSync(path.join(dir, l.name)));
  if (!fresh) {
    await fsp.rm(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    console.log(`(generating ${LOGS} logs, ${FOLDER_MB} MB, under ${path.relative(process.cwd(), dir)}: once)`);
    for (const l of logs) {
      const file = path.join(dir, l.name);
      await generateLog(file, l.format, l.bytes, l.seed, l.bias, l.startWall);
      // The generator writes at least a megabyte; cut small logs back to their size, at a line end.
      if (statSync(file).size > l.bytes) {
        const head = readFileSync(file).subarray(0, l.bytes);
        truncateSync(file, head.lastIndexOf(10) + 1);
      }
    }
    writeFileSync(manifest, want);
  }
  return { dir, logs };
}

/** Runs one task in a child process and returns what it measured. */
function child(task: ChildTask): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--expose-gc', '--import', 'tsx', path.resolve(DATA, '..', 'timeline.ts')],
      { cwd: path.resolve(DATA, '..', '..'), env: { ...process.env, CMLOG_BENCH_CHILD: JSON.stringify(task) }, maxBuffer: 1 << 20 },
      (e, out, err) => {
        if (e) reject(new Error(`${e.message}\n${err}`));
        else resolve(JSON.parse(out.trim().split('\n').pop()!));
      });
  });
}

interface ChildTask { kind: 'parse' | 'index'; path: string }
interface ChildResult { ms: number; peakGrowth: number; retained: number; entries: number }

/** Peak resident set since the last reset (Linux: VmHWM, reset through clear_refs), else since start. */
function peakRss(reset = false): number {
  try {
    if (reset) writeFileSync('/proc/self/clear_refs', '5');
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux: the process-wide peak, which includes start-up
  }
  return process.resourceUsage().maxRSS * 1024;
}

async function runChild(task: ChildTask): Promise<ChildResult> {
  gc();
  peakRss(true);
  const rssBefore = process.memoryUsage().rss;
  const usedBefore = used();
  const t0 = performance.now();
  let entries = 0;
  let keep: unknown;
  if (task.kind === 'parse') {
    const log = await readLog(task.path);
    entries = log.entryCount;
    keep = log;
  } else {
    // With a timeline that follows it, as the language server keeps one.
    const index = new WorkspaceIndex({ folders: [task.path] });
    const timeline = followTimeline(index);
    await index.build();
    entries = index.logs().reduce((n, x) => n + x.log.entryCount, 0);
    keep = [index, timeline];
  }
  const ms = performance.now() - t0;
  gc();
  const retained = used() - usedBefore;
  const peakGrowth = peakRss() - rssBefore;
  void keep;
  return { ms, peakGrowth, retained, entries };
}

if (process.env.CMLOG_BENCH_CHILD && /timeline\.ts$/.test(process.argv[1] ?? '')) {
  runChild(JSON.parse(process.env.CMLOG_BENCH_CHILD) as ChildTask).then(
    (r) => process.stdout.write(JSON.stringify(r) + '\n'),
    (e) => { process.stderr.write(String(e?.stack ?? e)); process.exitCode = 1; },
  );
}

/** Reading the bytes and decoding them to strings: what any reader must at least do. */
async function readBaseline(files: string[]): Promise<number> {
  const t0 = performance.now();
  let chars = 0;
  for (const f of files) chars += new TextDecoder('utf-8').decode(await fsp.readFile(f)).length;
  if (chars < 0) console.log(chars);
  return performance.now() - t0;
}

/** About 1 KB of records continuing `log` after `wall` (its wall clock), in its bias. */
function kilobyte(wall: number, bias: number, seq: number): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const off = (bias < 0 ? '-' : '+') + pad(Math.abs(bias), 3);
  let s = '';
  for (let k = 0; s.length < 1000; k++) {
    const d = new Date(wall + k * 250);
    s += `<![LOG[Appended record ${seq}.${k}: state message queue processed]LOG]!><time="${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}${off}" ` +
      `date="${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}-${d.getUTCFullYear()}" component="CcmExec" context="" type="1" thread="1200" file="bench.cpp:1">\r\n`;
  }
  return s;
}

const mb = (bytes: number) => `${fmt(bytes / MB)} MB`;

export async function benchTimeline(): Promise<void> {
  const { dir, logs } = await ensureFolder();
  const files = logs.map((l) => path.join(dir, l.name));
  const total = files.reduce((n, f) => n + statSync(f).size, 0);
  console.log(`\n## Workspace index and timeline (${logs.length} logs, ${mb(total)}, ${new Set(logs.map((l) => l.bias)).size} different offsets incl. none)`);

  // Index the folder.
  const base = await readBaseline(files);
  await settledGc();
  const before = used();
  let peak = before;
  const sampler = setInterval(() => { peak = Math.max(peak, used()); }, 5);
  const t0 = performance.now();
  const index = new WorkspaceIndex({ folders: [dir], onProgress: () => { peak = Math.max(peak, used()); } });
  const timeline = followTimeline(index);
  await index.build();
  const indexMs = performance.now() - t0;
  clearInterval(sampler);
  await settledGc();
  const retained = used() - before;
  const entries = index.logs().reduce((n, x) => n + x.log.entryCount, 0);
  console.log('index | time | MB/s | ratio to read+decode | entries | retained / folder size | peak heap+buffers growth (sampled) / folder size');
  console.log(`build | ${fmt(indexMs / 1000, 2)} s | ${fmt(total / MB / (indexMs / 1000))} | ${fmt(indexMs / base, 2)} | ${entries} | ${fmt(retained / total, 2)} | ${fmt((peak - before) / total, 2)}`);
  try {
    const c = await child({ kind: 'index', path: dir });
    console.log(`child process: peak resident growth ${mb(c.peakGrowth)} = ${fmt(c.peakGrowth / total, 2)} x folder size (time ${fmt(c.ms / 1000, 2)} s)`);
  } catch (e) {
    console.log(`(child process measurement skipped: ${(e as Error).message.split('\n')[0]})`);
  }

  await benchRequestLoop(dir, total);

  // Related queries from random anchors: nearest 50 within ±5 s, and the count alone (a lens title).
  const inputs = index.logs();
  const r = prng(7);
  const anchors: [string, number][] = [];
  while (anchors.length < 1000) {
    const x = inputs[Math.floor(r() * inputs.length)];
    const i = Math.floor(r() * x.log.entryCount);
    if (Number.isFinite(x.log.utc(i))) anchors.push([x.key, i]);
  }
  const measure = (limit: number) => {
    const ms: number[] = [];
    let found = 0;
    for (const [key, i] of anchors) {
      const t = performance.now();
      found += timeline.related(key, i, { windowMs: 5000, limit }).total;
      ms.push(performance.now() - t);
    }
    return { median: median(ms), p95: percentile(ms, 95), found: found / anchors.length };
  };
  measure(50); // warm up
  const full = measure(50);
  const count = measure(0);
  // Baseline: one scan of every log's UTC column, what a query without the sorted index costs.
  const scanMs: number[] = [];
  for (const [key, i] of anchors.slice(0, 20)) {
    const at = index.get(key)!.log.utc(i);
    const t = performance.now();
    let n = 0;
    for (const x of inputs) for (let j = 0; j < x.log.entryCount; j++) if (Math.abs(x.log.utc(j) - at) <= 5000) n++;
    scanMs.push(performance.now() - t);
    if (n < 0) console.log(n);
  }
  const scan = median(scanMs);
  console.log('\nrelated query (±5 s, 1,000 random anchors) | median ms | p95 ms | entries in window (mean) | p95 / one full scan of the UTC columns');
  console.log(`nearest 50 | ${fmt(full.median, 3)} | ${fmt(full.p95, 3)} | ${fmt(full.found)} | ${fmt(full.p95 / scan, 4)}`);
  console.log(`count only | ${fmt(count.median, 3)} | ${fmt(count.p95, 3)} | ${fmt(count.found)} | ${fmt(count.p95 / scan, 4)}`);
  console.log(`(one full scan: ${fmt(scan, 1)} ms; target p95 < 10 ms)`);

  // A 1 KB append to the largest log, refreshed from disk, against parsing that log from scratch.
  const big = logs[0];
  const bigFile = path.join(dir, big.name);
  const bigSize = statSync(bigFile).size;
  const parseMs: number[] = [];
  for (let k = 0; k < 3; k++) {
    gc();
    const t = performance.now();
    await readLog(bigFile);
    parseMs.push(performance.now() - t);
  }
  const parse = median(parseMs);
  const stats = timeline.stats(path.resolve(bigFile))!;
  let wall = stats.last! - big.bias! * 60_000 + 1000;
  const appendMs: number[] = [];
  const readBefore = index.bytesRead;
  let appended = 0;
  try {
    for (let k = 0; k < 21; k++) {
      const more = kilobyte(wall, big.bias!, k);
      wall += 10_000;
      appendFileSync(bigFile, more);
      appended += Buffer.byteLength(more);
      const t = performance.now();
      const result = await index.refresh(bigFile);
      appendMs.push(performance.now() - t);
      if (result !== 'appended') console.log(`  (!) refresh after an append returned ${result}`);
    }
  } finally {
    truncateSync(bigFile, bigSize);
  }
  const first = appendMs[0];
  const steady = median(appendMs.slice(1));
  console.log(`\nappend 1 KB to a ${mb(bigSize)} log | parse from scratch ms | refresh ms (first / median of next 20) | ratio to the full parse (first / median) | bytes read per append`);
  console.log(`refresh | ${fmt(parse)} | ${fmt(first, 2)} / ${fmt(steady, 2)} | ${fmt((100 * first) / parse, 2)}% / ${fmt((100 * steady) / parse, 3)}% | ${fmt((index.bytesRead - readBefore) / appendMs.length)} (appended ${fmt(appended / appendMs.length)})`);
  console.log('(target: under 1% of the full parse)');

  // Huge inputs: peak memory in a child process.
  console.log('\nhuge input | size | parse time | entries | peak resident growth | / file size | retained heap+buffers / file size');
  const single = path.join(DATA, 'single-line-10m.log');
  if (!existsSync(single) || statSync(single).size < 10 * MB) {
    const r2 = prng(3);
    const words = ['Policy', 'evaluation', 'completed', 'for', 'assignment', '0x80070005', 'user@contoso.com', '{guid}'];
    const parts: string[] = [];
    let n = 0;
    while (n < 10 * MB) { const w = words[Math.floor(r2() * words.length)]; parts.push(w); n += w.length + 1; }
    writeFileSync(single, `<![LOG[${parts.join(' ')}]LOG]!><time="10:00:00.000+000" date="01-15-2024" component="Huge" context="" type="1" thread="1" file="">`);
  }
  const huge = path.join(DATA, 'huge-1g.log');
  const targets: [string, string][] = [['10 MB single line', single]];
  if (process.env.BENCH_HUGE === '1') {
    if (!existsSync(huge) || Math.abs(statSync(huge).size - 1024 * MB) > MB) await generateLog(huge, 'ccm', 1024 * MB, 42, 420);
    targets.push(['1 GB log', huge]);
  }
  for (const [label, file] of targets) {
    try {
      const size = statSync(file).size;
      const c = await child({ kind: 'parse', path: file });
      console.log(`${label} | ${mb(size)} | ${fmt(c.ms / 1000, 2)} s | ${c.entries} | ${mb(c.peakGrowth)} | ${fmt(c.peakGrowth / size, 2)} | ${fmt(c.retained / size, 2)}`);
    } catch (e) {
      console.log(`${label} | (skipped: ${(e as Error).message.split('\n')[0]})`);
    }
  }
  if (process.env.BENCH_HUGE !== '1') console.log('(1 GB log: set BENCH_HUGE=1)');
}

/**
 * What a language server's request loop sees while the folder is indexed: the longest and the
 * 99th-percentile event-loop delay, parsing on this thread and on the worker thread (as the server
 * does). A request waits at most about that long for an answer.
 */
async function benchRequestLoop(dir: string, total: number): Promise<void> {
  const measure = async (read?: (f: string, o: ParseOptions) => Promise<LogFile>) => {
    gc();
    const h = monitorEventLoopDelay({ resolution: 1 });
    h.enable();
    const t0 = performance.now();
    const index = new WorkspaceIndex({ folders: [dir], readLog: read });
    followTimeline(index);
    await index.build();
    const ms = performance.now() - t0;
    h.disable();
    return { ms, max: h.max / 1e6, p99: h.percentile(99) / 1e6 };
  };
  const here = await measure();
  const worker = new ParseWorker();
  let off: Awaited<ReturnType<typeof measure>> | null = null;
  try {
    off = await measure((f, o) => worker.read(f, o));
    if (!worker.onWorker || worker.received === 0) off = null;
  } finally {
    await worker.dispose();
  }
  console.log(`\nrequest loop while indexing ${mb(total)} | index time | longest stall ms | p99 stall ms | longest stall / in-thread longest`);
  console.log(`parse on this thread | ${fmt(here.ms / 1000, 2)} s | ${fmt(here.max, 1)} | ${fmt(here.p99, 1)} | 1.00`);
  if (off) console.log(`parse on the worker thread (as the server does) | ${fmt(off.ms / 1000, 2)} s | ${fmt(off.max, 1)} | ${fmt(off.p99, 1)} | ${fmt(off.max / here.max, 2)}`);
  else console.log('(worker thread measurement skipped: out/parseWorker.js not built)');
}
