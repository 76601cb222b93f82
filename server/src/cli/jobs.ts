// `cmlog check` on every core: `--jobs N` check workers, each reading, parsing and checking one log
// at a time, so that only findings cross between threads (a model's text never does). Results are
// handed on in the order of the sources, at most `2 × jobs` ahead of the caller; `--jobs 1`, or no
// worker bundle, checks on this thread. Each log is dropped once checked: memory stays bounded
// whatever the collection's size.
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

/** Logs read and not yet checked, across threads: at most `jobs` (each with the few its rules read). */
export interface PipelineStats {
  live: number;
  peak: number;
  /** Logs checked on worker threads. */
  onWorkers: number;
}

export const CHECK_WORKER_BUNDLE = 'checkWorker.js';

/** Each source checked, in order. */
export async function* checkInOrder(plan: CheckPlan, jobs: number, start: WorkerStart = {}, stats: PipelineStats = { live: 0, peak: 0, onWorkers: 0 }): AsyncGenerator<Result> {
  const script = start.script ?? path.join(__dirname, CHECK_WORKER_BUNDLE);
  if (jobs <= 1 || (!start.eval && !existsSync(script))) {
    yield* inThread(plan, stats);
    return;
  }
  const { sources } = plan;
  const data = { cmlogCheckWorker: true, sources, options: plan.options, settings: plan.settings, paths: plan.paths, rulesFile: plan.rulesFile };
  const done = new Map<number, Result>();
  let wake: (() => void) | null = null;
  let next = 0;
  const workers: { worker: Worker; index: number }[] = [];
  const settle = (index: number, r: Result) => {
    done.set(index, r);
    stats.live--;
    wake?.();
  };
  const spawn = (): { worker: Worker; index: number } => {
    const w = { worker: new Worker(script, { eval: start.eval ?? false, workerData: data }), index: -1 };
    w.worker.on('message', (m: { checked?: Checked; error?: Result['error'] }) => {
      const index = w.index;
      w.index = -1;
      stats.onWorkers++;
      settle(index, { source: sources[index], ...m });
    });
    // A crashed worker (out of memory on a huge log) fails its log, once; a new one takes its place.
    const fail = (e: Error) => {
      if (w.index >= 0) { const index = w.index; w.index = -1; settle(index, { source: sources[index], error: { message: e.message } }); }
      const at = workers.indexOf(w);
      if (at >= 0 && next < sources.length) workers[at] = spawn();
    };
    w.worker.on('error', fail);
    w.worker.on('exit', (code) => fail(new Error(`check worker exited (code ${code})`)));
    return w;
  };
  for (let k = 0; k < jobs; k++) workers.push(spawn());
  try {
    for (let y = 0; y < sources.length; y++) {
      for (;;) {
        for (const w of workers) {
          if (w.index >= 0 || next >= sources.length || next - y >= 2 * jobs) continue;
          w.index = next++;
          stats.live++;
          if (stats.live > stats.peak) stats.peak = stats.live;
          w.worker.postMessage(w.index);
        }
        if (done.has(y)) break;
        await new Promise<void>((resolve) => { wake = resolve; });
        wake = null;
      }
      const r = done.get(y)!;
      done.delete(y);
      yield r;
    }
  } finally {
    next = sources.length;
    await Promise.all(workers.map((w) => w.worker.terminate()));
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
