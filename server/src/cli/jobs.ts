// `cmlog check` on every core: `--jobs N` check workers, each reading, parsing and checking one log
// at a time, while this thread hands out logs and prints; only findings cross between threads (a
// model's text never does). Results are handed on in the order of the sources, at most `2 × jobs`
// ahead of the caller; `--jobs 1`, or no worker bundle, checks on this thread alone. Each log is
// dropped once checked: memory stays bounded whatever the collection's size.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ParseOptions } from '../model';
import type { LogInput, Rule, RuleSettings } from '../rules';
import type { WorkerStart } from '../workspace/parseWorker';
import { UsageError } from './args';
import { checkOne, groupsOf, type Checked } from './checkOne';
import { readSource, type LogSource } from './load';

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

/** Logs handed to a thread and not yet checked: at most `jobs` (one per worker). */
export interface PipelineStats {
  live: number;
  peak: number;
  /** Logs checked on worker threads. */
  onWorkers: number;
}

export const CHECK_WORKER_BUNDLE = 'checkWorker.js';

/** What a check worker is started with: everything but the sources, which it is sent once found. */
export type WorkerPlan = Omit<CheckPlan, 'sources' | 'catalog'>;

/**
 * `jobs` check workers, started before the logs are found so that their start (loading the
 * bundle, the user's rules) overlaps discovery; null when checking on this thread (`--jobs 1`, or
 * no worker bundle). The caller closes it, whatever happens.
 */
export interface CheckPool {
  workers: Worker[];
  spawn(): Worker;
  close(): Promise<void>;
}

export function startPool(jobs: number, base: WorkerPlan, start: WorkerStart = {}): CheckPool | null {
  const script = start.script ?? path.join(__dirname, CHECK_WORKER_BUNDLE);
  if (jobs <= 1 || (!start.eval && !existsSync(script))) return null;
  const workerData = { cmlogCheckWorker: true, options: base.options, settings: base.settings, paths: base.paths, rulesFile: base.rulesFile };
  const live = new Set<Worker>();
  const pool: CheckPool = {
    workers: [],
    spawn: () => {
      const w = new Worker(script, { eval: start.eval ?? false, workerData });
      live.add(w);
      w.once('exit', () => live.delete(w));
      return w;
    },
    close: async () => {
      pool.workers.splice(0);
      await Promise.all([...live].map((w) => w.terminate()));
    },
  };
  for (let k = 0; k < jobs; k++) pool.workers.push(pool.spawn());
  return pool;
}

/**
 * Each source checked, in order, on the pool's workers while this thread only hands out indices
 * and passes results on. A worker holds one log at a time and is given the next as soon as it
 * answers: this thread is never busy parsing, so the answer is served at once, and no log is
 * committed to a thread that is still busy (the biggest log of a window no longer keeps the other
 * thread idle behind it). Without a pool, on this thread.
 */
export async function* checkInOrder(plan: CheckPlan, pool: CheckPool | null, stats: PipelineStats = { live: 0, peak: 0, onWorkers: 0 }): AsyncGenerator<Result> {
  if (!pool) {
    yield* inThread(plan, stats);
    return;
  }
  const { sources } = plan;
  const jobs = pool.workers.length;
  const done = new Map<number, Result>();
  let wake: (() => void) | null = null;
  let next = 0;
  let y = 0; // the next result to yield
  interface Pooled { worker: Worker; pending: number | null }
  const workers: Pooled[] = [];
  // Results wait in `done` (findings only, no log) at most 2 × jobs ahead of the one yielded next.
  const take = (): number => {
    if (next >= sources.length || next - y >= 2 * jobs) return -1;
    stats.live++;
    if (stats.live > stats.peak) stats.peak = stats.live;
    return next++;
  };
  const feed = (w: Pooled) => {
    if (w.pending !== null) return;
    const index = take();
    if (index < 0) return;
    w.pending = index;
    w.worker.postMessage(index);
  };
  const settle = (index: number, r: Result) => {
    done.set(index, r);
    stats.live--;
    wake?.();
  };
  const attach = (worker: Worker): Pooled => {
    const w: Pooled = { worker, pending: null };
    // Before any index: the port keeps messages in order.
    worker.postMessage({ sources });
    worker.on('message', (m: { index: number; checked?: Checked; error?: Result['error'] }) => {
      w.pending = null;
      stats.onWorkers++;
      settle(m.index, { source: sources[m.index], checked: m.checked, error: m.error });
      feed(w);
    });
    // A crashed worker (out of memory on a huge log) fails its log, once; a new one takes its place.
    const fail = (e: Error) => {
      const index = w.pending;
      w.pending = null;
      const at = workers.indexOf(w);
      if (at >= 0) workers[at] = attach(pool.spawn());
      if (index !== null) settle(index, { source: sources[index], error: { message: e.message } });
    };
    worker.once('error', fail);
    worker.once('exit', (code) => { if (workers.includes(w)) fail(new Error(`check worker exited (code ${code})`)); });
    return w;
  };
  for (const worker of pool.workers) workers.push(attach(worker));
  try {
    for (; y < sources.length; y++) {
      // The window moved on: idle workers may take more.
      for (const w of workers) feed(w);
      while (!done.has(y)) {
        await new Promise<void>((resolve) => { wake = resolve; });
        wake = null;
        for (const w of workers) feed(w);
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

async function* inThread(plan: CheckPlan, stats: PipelineStats): AsyncGenerator<Result> {
  const groups = groupsOf(plan.sources);
  for (const source of plan.sources) {
    stats.live++;
    if (stats.live > stats.peak) stats.peak = stats.live;
    let r: Result;
    try {
      r = { source, checked: await checkSource(source, plan, groups) };
    } catch (e) {
      r = { source, error: errorData(e) };
    }
    stats.live--;
    yield r;
  }
}

/** Reads, parses and checks one source (here or on a check worker). */
export async function checkSource(source: LogSource, plan: Omit<CheckPlan, 'sources' | 'paths'>, groups: Map<string, LogSource[]>): Promise<Checked> {
  const log = await readSource(source, plan.options);
  const target = { key: source.key, name: source.name, log };
  return checkOne(target, groups.get(source.group) ?? [], plan.settings, plan.catalog(target), (ref) => readSource(ref as LogSource, plan.options));
}

export function errorData(e: unknown): { message: string; code?: string } {
  const err = e as NodeJS.ErrnoException;
  return { message: String(err?.message ?? e), code: err?.code };
}
