// `cmlog check` on every core: `--jobs N` is N - 1 check workers and this thread, each reading,
// parsing and checking one log at a time, this thread also handing out logs and printing; only
// findings cross between threads (a model's text never does). Results are handed on in the order
// of the sources, at most `4 × (QUEUE × (N - 1) + 1)` ahead of the caller; `--jobs 1`, or no worker bundle,
// checks on this thread alone. Each log is dropped once checked: memory stays bounded whatever the
// collection's size.
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { ParseOptions } from '../model';
import type { LogInput, Rule, RuleSettings } from '../rules';
import type { WorkerStart } from '../workspace/parseWorker';
import { UsageError } from './args';
import { checkOne, groupsOf, type Checked } from './checkOne';
import { Handout } from './handout';
import { readSource, type LogSource } from './load';
import { ReadBuffer } from '../workspace/readBuffer';

export function jobsOption(value: string | true | undefined): number {
  if (value === undefined) return availableParallelism();
  if (value === true || !/^\d{1,4}$/.test(value) || Number(value) < 1) throw new UsageError('--jobs takes a whole number of threads, 1 or more');
  return Number(value);
}

/** What every log is checked with; plain data but `catalog`, which a worker builds again from `paths` and `rulesFile`. */
export interface CheckPlan {
  sources: LogSource[];
  options: ParseOptions;
  settings: RuleSettings;
  paths: string[];
  rulesFile?: string;
  catalog: (target: LogInput) => readonly Rule[];
}

export interface Result {
  source: LogSource;
  checked?: Checked;
  error?: { message: string; code?: string };
}

/** Logs handed to a thread and not yet checked: at most QUEUE per worker (one in memory, the rest queued indices) and one here. */
export interface PipelineStats {
  live: number;
  peak: number;
  /** Logs checked on worker threads. */
  onWorkers: number;
  /** The biggest log (bytes) checked on this thread, when there was one. */
  largestHere?: number;
}

export const CHECK_WORKER_BUNDLE = 'checkWorker.js';

/** What a check worker is started with: everything but the sources, which it is sent once found. */
export type WorkerPlan = Omit<CheckPlan, 'sources' | 'catalog'>;

/**
 * `jobs - 1` check workers, started before the logs are found so that their start (loading the
 * bundle, the user's rules) overlaps discovery; null when checking on this thread (`--jobs 1`, or
 * no worker bundle). The caller closes it, whatever happens.
 */
export interface CheckPool {
  workers: Worker[];
  spawn(): Worker;
  /** Why a worker failed or ended before anyone listened to it (undefined: it did not). */
  failedEarly(w: Worker): Error | undefined;
  close(): Promise<void>;
}

export function startPool(jobs: number, base: WorkerPlan, start: WorkerStart = {}): CheckPool | null {
  const script = start.script ?? path.join(__dirname, CHECK_WORKER_BUNDLE);
  if (jobs <= 1 || (!start.eval && !existsSync(script))) return null;
  // When every core runs a check thread, V8's background compiler threads only take turns with
  // them: compiled on the thread that needs the code, a `--jobs 2` check of a 28-log folder took 5 %
  // less time on 2 cores (farm-bench, 9 pairs). Process-wide, for the workers started from here on.
  if (jobs >= availableParallelism()) setFlagsFromString('--no-concurrent-recompilation');
  const workerData = { cmlogCheckWorker: true, options: base.options, settings: base.settings, paths: base.paths, rulesFile: base.rulesFile };
  const live = new Set<Worker>();
  // A worker that cannot start may fail while the logs are still being found, before checkInOrder
  // listens to it: an 'error' nobody listens to would end the process. Kept until it is asked.
  const early = new WeakMap<Worker, Error>();
  const pool: CheckPool = {
    workers: [],
    spawn: () => {
      const w = new Worker(script, { eval: start.eval ?? false, workerData });
      live.add(w);
      w.once('error', (e) => early.set(w, e));
      w.once('exit', (code) => {
        live.delete(w);
        if (!early.has(w)) early.set(w, new Error(`check worker exited (code ${code})`));
      });
      return w;
    },
    failedEarly: (w) => early.get(w),
    close: async () => {
      pool.workers.splice(0);
      await Promise.all([...live].map((w) => w.terminate()));
    },
  };
  // This thread is the N-th (see checkInOrder).
  for (let k = 1; k < jobs; k++) pool.workers.push(pool.spawn());
  return pool;
}

/**
 * Each source checked, in order, by the pool's workers and by this thread, which would otherwise
 * idle between handing out logs: N - 1 isolates loaded and warmed up instead of N. A worker is kept
 * `QUEUE` logs ahead (the next one is already posted when it answers), so it does not starve while
 * this thread is busy checking; it still holds only one log in memory, a queued one being an index.
 * Workers take the biggest logs first, this thread small ones, and only when no worker can (see
 * Handout and `feed`). Without a pool, on this thread.
 */
export async function* checkInOrder(plan: CheckPlan, pool: CheckPool | null, stats: PipelineStats = { live: 0, peak: 0, onWorkers: 0 }): AsyncGenerator<Result> {
  if (!pool) {
    yield* inThread(plan, stats);
    return;
  }
  const { sources } = plan;
  const groups = groupsOf(sources);
  // In flight at most: QUEUE per worker and one here. Results (findings, no log) wait at most
  // `window` ahead of the one yielded next: room for this thread to go on with small logs while a
  // worker is on a big one (with only the logs in flight, this thread idled 37% of a jobs 2 check;
  // with 4 results per thread in flight, a quarter of a check of a folder with one 78 MB log).
  const window = WINDOW_PER_THREAD * (QUEUE * pool.workers.length + 1);
  const done = new Map<number, Result>();
  let wake: (() => void) | null = null;
  let y = 0; // the next result to yield
  // `big`: the last log taken as the biggest for this worker (-1: none yet).
  interface Pooled { worker: Worker; pending: number[]; big: number }
  const workers: Pooled[] = [];
  // Each source's size, read once (the handout compares them often).
  const sizes: number[] = [];
  const size = (i: number): number => (sizes[i] ??= sizeOf(sources[i]));
  const handout = new Handout(sources.length, size, window);
  const take = (index: number): number => {
    handout.take(index);
    stats.live++;
    if (stats.live > stats.peak) stats.peak = stats.live;
    return index;
  };
  const feed = (w: Pooled) => {
    // Near the end a shallow queue: logs queued on a worker would wait there while this thread idles.
    const depth = handout.remaining > QUEUE * workers.length ? QUEUE : 2;
    while (w.pending.length < depth) {
      // One big log at a time per worker, small ones queued behind it (see Handout).
      const big = !w.pending.includes(w.big);
      const index = big ? handout.forWorker(y) : handout.smallest(y);
      if (index < 0) return;
      if (big) w.big = index;
      w.pending.push(take(index));
      w.worker.postMessage(index);
    }
  };
  const settle = (index: number, r: Result) => {
    done.set(index, r);
    stats.live--;
    wake?.();
  };
  const attach = (worker: Worker): Pooled => {
    const w: Pooled = { worker, pending: [], big: -1 };
    // Before any index: the port keeps messages in order.
    worker.postMessage({ sources });
    worker.on('message', (m: { index: number; checked?: Checked; error?: Result['error'] }) => {
      // A worker answers in the order it was given. An answer from a worker already failed and
      // replaced (its error came first) was settled by `fail`.
      if (!workers.includes(w) || w.pending[0] !== m.index) return;
      w.pending.shift();
      stats.onWorkers++;
      settle(m.index, { source: sources[m.index], checked: m.checked, error: m.error });
      feed(w);
    });
    // A crashed worker (out of memory on a huge log) fails the log it was on, once; the ones
    // queued behind it go to others, and a new worker takes its place.
    const fail = (e: Error) => {
      const [index, ...queued] = w.pending.splice(0);
      for (const q of queued) { stats.live--; handout.requeue(q); }
      const at = workers.indexOf(w);
      if (at >= 0) workers[at] = attach(pool.spawn());
      if (index !== undefined) settle(index, { source: sources[index], error: { message: e.message } });
      else wake?.();
    };
    worker.once('error', fail);
    worker.once('exit', (code) => { if (workers.includes(w)) fail(new Error(`check worker exited (code ${code})`)); });
    // Already gone (its events were before this): replaced as if it died now, once it is in `workers`.
    const gone = pool.failedEarly(worker);
    if (gone) setImmediate(() => fail(gone));
    return w;
  };
  for (const worker of pool.workers) workers.push(attach(worker));
  try {
    for (; y < sources.length; y++) {
      while (!done.has(y)) {
        for (const w of workers) feed(w);
        if (done.has(y)) break;
        // Every worker has its queue full: this thread checks the first log not taken itself, but
        // never a big one: a worker takes those (out of memory there fails that log alone, and this
        // thread goes on taking the workers' answers in).
        const here = handout.forHere(y, HERE_MAX);
        const index = here >= 0 ? take(here) : -1;
        if (index >= 0) {
          stats.largestHere = Math.max(stats.largestHere ?? 0, size(index));
          settle(index, await checkHere(sources[index], plan, groups));
          // A check here may never leave the microtask queue: let the workers' answers in, or they starve.
          await new Promise<void>((resolve) => setImmediate(resolve));
          continue;
        }
        await new Promise<void>((resolve) => { wake = resolve; });
        wake = null;
      }
      const r = done.get(y)!;
      done.delete(y);
      yield r;
    }
  } finally {
    // No more respawns: the pool's owner terminates what is left.
    workers.splice(0);
  }
}

/**
 * Logs posted to a worker ahead of its answers (see checkInOrder): this thread lets answers in only
 * between its own logs, and a worker given two small logs while this thread was on a big one idled
 * ~20% of a jobs 2 check; with four, not at all.
 */
export const QUEUE = 4;

/** Results that may wait to be handed on, per log in flight (see checkInOrder). */
const WINDOW_PER_THREAD = 16;

/** A log bigger than this is checked on a worker, never on this thread (see checkInOrder). */
export const HERE_MAX = 32 * 1024 * 1024;

/** The bytes of a source's log: an archive member's declared size, or the file's (0 when unknown). */
function sizeOf(source: LogSource): number {
  const member = source.member?.at(-1);
  if (member) return member.size;
  try {
    return statSync(source.file).size;
  } catch {
    return 0;
  }
}

async function checkHere(source: LogSource, plan: CheckPlan, groups: Map<string, LogSource[]>): Promise<Result> {
  try {
    return { source, checked: await checkSource(source, plan, groups) };
  } catch (e) {
    return { source, error: errorData(e) };
  }
}

async function* inThread(plan: CheckPlan, stats: PipelineStats): AsyncGenerator<Result> {
  const groups = groupsOf(plan.sources);
  for (const source of plan.sources) {
    stats.live++;
    if (stats.live > stats.peak) stats.peak = stats.live;
    const r = await checkHere(source, plan, groups);
    stats.live--;
    yield r;
  }
}

/** The memory this thread reads the log it checks into (see ReadBuffer). */
const readBuffer = new ReadBuffer();

/** Reads, parses and checks one source (here or on a check worker). */
export async function checkSource(source: LogSource, plan: Omit<CheckPlan, 'sources' | 'paths'>, groups: Map<string, LogSource[]>): Promise<Checked> {
  const lease = readBuffer.lease();
  try {
    const log = await readSource(source, plan.options, lease.into);
    const target = { key: source.key, name: source.name, log };
    // Checked holds no part of the log (a summary and findings, plain data): the log is dropped here.
    return await checkOne(target, groups.get(source.group) ?? [], plan.settings, plan.catalog(target), (ref) => readSource(ref as LogSource, plan.options));
  } finally {
    lease.end();
  }
}

export function errorData(e: unknown): { message: string; code?: string } {
  const err = e as NodeJS.ErrnoException;
  return { message: String(err?.message ?? e), code: err?.code };
}
