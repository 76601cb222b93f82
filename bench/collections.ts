// A collection of devices (issue #18): 20 generated device archives, ~300 MB of logs in all,
// checked by `cmlog check` with --jobs 1 and with --jobs N (one thread per core: N - 1 check workers
// and the main thread), in turn, and with --jobs N over twice the devices (the peak should not grow
// with the collection). Peak memory is the CLI process's peak resident set (worker threads included).
// Prints figures, never fails on them.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import * as path from 'node:path';
import { zipBytes } from '../test/support/zipBytes';
import { generateLog } from './generate';
import { DATA } from './parse';
import { fmt, MB, median } from './util';

const DEVICES = 20;
const SIZE = Number(process.env.BENCH_COLLECTION_MB ?? 300) * MB;
/** A device's logs: a few large, several small, both formats. */
const SHARES = [0.3, 0.2, 0.15, 0.1, 0.1, 0.08, 0.07];

async function ensureCollection(): Promise<{ dir: string; bytes: number }> {
  const dir = path.join(DATA, `collection-${SIZE / MB}-v2`);
  mkdirSync(dir, { recursive: true });
  const perDevice = SIZE / DEVICES;
  let bytes = 0;
  for (let d = 0; d < DEVICES; d++) {
    const zip = path.join(dir, `PC${String(d + 1).padStart(3, '0')}.zip`);
    const marker = `${zip}.size`;
    if (!existsSync(zip) || !existsSync(marker)) {
      const tmp = path.join(dir, `tmp-${d}`);
      mkdirSync(tmp, { recursive: true });
      const members = [];
      for (let k = 0; k < SHARES.length; k++) {
        const file = path.join(tmp, `Log${k}.log`);
        // generateLog writes whole 1 MB blocks past its target: aim a quarter block short.
        await generateLog(file, k % 3 === 2 ? 'sms' : 'ccm', Math.max(MB, Math.round(SHARES[k] * perDevice) - MB / 4), 1000 * d + k);
        members.push({ name: `ccm/logs/Log${k}.log`, data: readFileSync(file) });
      }
      writeFileSync(zip, zipBytes(members));
      writeFileSync(marker, String(members.reduce((n, m) => n + m.data.length, 0)));
      rmSync(tmp, { recursive: true, force: true });
    }
    bytes += Number(readFileSync(marker, 'utf8'));
  }
  return { dir, bytes };
}

/**
 * The shipped CLI (dist/cli.js and its dist/checkWorker.js, as `npm run bench` builds them) in a
 * process of its own, so its peak resident memory, worker threads included, is its alone.
 */
function run(dir: string, jobs: number): { ms: number; cpuMs: number; peakRss: number; lines: number } {
  const cli = path.resolve(__dirname, '..', 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error(`bench: ${cli} is missing: npm run build`);
  const preload = path.join(DATA, 'max-rss.js');
  // VmHWM, not getrusage's maxRSS: Linux keeps maxRSS across exec, so a child spawned by this
  // (large) bench process reported the bench's own resident size.
  writeFileSync(preload, "process.on('exit', () => { let kb = 0; try { kb = Number(/VmHWM:\\s+(\\d+) kB/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0); } catch {} const u = process.resourceUsage(); process.stderr.write(`maxRSS=${kb || u.maxRSS} cpu=${u.userCPUTime + u.systemCPUTime}\\n`); });\n");
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--require', preload, cli, 'check', '--jobs', String(jobs), dir], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`bench: cmlog check exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const m = /maxRSS=(\d+) cpu=(\d+)/.exec(r.stderr);
  return { ms, cpuMs: Number(m?.[2] ?? NaN) / 1000, peakRss: Number(m?.[1] ?? NaN) * 1024, lines: r.stdout.split('\n').length };
}

const PAIRS = 3;

/** The run of median wall time. */
function medianRun<T extends { ms: number }>(runs: T[]): T {
  const m = median(runs.map((r) => r.ms));
  return runs.find((r) => r.ms === m)!;
}

export async function benchCollections(): Promise<void> {
  const { dir, bytes } = await ensureCollection();
  const zipped = Array.from({ length: DEVICES }, (_, d) => statSync(path.join(dir, `PC${String(d + 1).padStart(3, '0')}.zip`)).size).reduce((a, b) => a + b, 0);
  const cores = availableParallelism();
  console.log(`\n## A collection: ${DEVICES} device archives, ${fmt(bytes / MB, 0)} MB of logs (${fmt(zipped / MB, 0)} MB zipped), ${cores} cores`);
  const load = loadavg()[0];
  // In turn, PAIRS times each, the median run of each kept: on a shared machine one run of each
  // says more about the neighbours than about --jobs.
  const ones: ReturnType<typeof run>[] = [], alls: ReturnType<typeof run>[] = [];
  for (let k = 0; k < PAIRS; k++) { ones.push(run(dir, 1)); alls.push(run(dir, cores)); }
  const one = medianRun(ones), all = medianRun(alls);
  if (one.lines !== all.lines) throw new Error(`bench: --jobs 1 printed ${one.lines} lines, --jobs ${cores} ${all.lines}`);
  console.log(`(median of ${PAIRS} runs of each, in turn; each pair's wall time of --jobs 1 / --jobs ${cores}: ${ones.map((o, k) => fmt(o.ms / alls[k].ms, 2)).join(', ')})`);
  // CPU time (all threads) says what parallel work costs; the wall-clock ratio needs idle cores to mean anything.
  console.log('check | wall s | MB/s of log | CPU s (all threads) | peak resident MB | peak / log size');
  for (const [name, r] of [['--jobs 1', one], [`--jobs ${cores}`, all]] as const) {
    console.log(`${name} | ${fmt(r.ms / 1000, 2)} | ${fmt(bytes / MB / (r.ms / 1000), 0)} | ${fmt(r.cpuMs / 1000, 2)} | ${fmt(r.peakRss / MB, 0)} | ${fmt(r.peakRss / bytes, 2)}x`);
  }
  // Bounded memory: the same check over twice the devices (each archive copied afresh: one file
  // linked twice would be read once) should peak about as high.
  const twice = `${dir}-twice`;
  mkdirSync(twice, { recursive: true });
  for (let d = 0; d < 2 * DEVICES; d++) {
    const copy = path.join(twice, `PC${String(d + 1).padStart(3, '0')}.zip`);
    copyFileSync(path.join(dir, `PC${String((d % DEVICES) + 1).padStart(3, '0')}.zip`), copy);
  }
  const more = run(twice, cores);
  console.log(`--jobs ${cores}, ${2 * DEVICES} devices | ${fmt(more.ms / 1000, 2)} | ${fmt(2 * bytes / MB / (more.ms / 1000), 0)} | ${fmt(more.cpuMs / 1000, 2)} | ${fmt(more.peakRss / MB, 0)} | ${fmt(more.peakRss / (2 * bytes), 2)}x`);
  console.log(`speed-up --jobs ${cores} over --jobs 1: ${fmt(one.ms / all.ms, 2)}x wall clock (target >= 1.5x on 2 cores; ` +
    `load average ${load.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after: only an idle machine shows it)`);
}

// Run alone: node --expose-gc --import tsx bench/collections.ts (BENCH_COLLECTION_MB=n for another size).
if (process.argv[1]?.endsWith(path.join('bench', 'collections.ts'))) benchCollections().catch((e) => { console.error(e); process.exitCode = 1; });
