// Parsing a collection on every core: `--jobs N` parse workers (the language server's ParseWorker,
// one thread each), results handed on in the order of the sources, and only a few logs alive at
// once: a log is parsed when fewer than `2 × jobs` are waiting to be used, and dropped by the
// caller once used. `--jobs 1` parses on this thread.
import { availableParallelism } from 'node:os';
import type { LogFile } from '../logFile';
import type { ParseOptions } from '../model';
import { ParseWorker, type WorkerStart } from '../workspace/parseWorker';
import { UsageError } from './args';
import { readSource, type LogSource } from './load';


export function jobsOption(value: string | true | undefined): number {
  if (value === undefined) return availableParallelism();
  if (value === true || !/^\d{1,4}$/.test(value) || Number(value) < 1) throw new UsageError('--jobs takes a whole number of threads, 1 or more');
  return Number(value);
}

export interface Parsed {
  source: LogSource;
  log?: LogFile;
  error?: unknown;
}

/** How many parsed logs are alive in the pipeline (parsed, not yet released by the caller). */
export interface PipelineStats {
  live: number;
  peak: number;
  /** Logs that came from worker threads. */
  fromWorkers?: number;
}

/**
 * Each source parsed, in order. The caller must be done with a log when it asks for the next one:
 * at most `2 × jobs` logs are parsed ahead of it.
 */
export async function* parseInOrder(sources: readonly LogSource[], options: ParseOptions, jobs: number, start?: WorkerStart, stats: PipelineStats = { live: 0, peak: 0 }): AsyncGenerator<Parsed> {
  const workers = jobs > 1 ? Array.from({ length: jobs }, () => ({ worker: new ParseWorker(start), busy: 0 })) : [];
  const ahead = Math.max(1, 2 * jobs);
  const queue: Promise<Parsed>[] = [];
  let next = 0;
  const launch = () => {
    const source = sources[next++];
    let read: Promise<LogFile>;
    if (workers.length === 0) read = readSource(source, options);
    else {
      // The least busy worker: a slow archive member does not hold the others back.
      let w = workers[0];
      for (const x of workers) if (x.busy < w.busy) w = x;
      w.busy++;
      read = w.worker.read(source.file, options, source.member).finally(() => { w.busy--; });
    }
    queue.push(read.then((log) => {
      stats.live++;
      if (stats.live > stats.peak) stats.peak = stats.live;
      return { source, log };
    }, (error) => ({ source, error })));
  };
  try {
    while (next < sources.length || queue.length > 0) {
      while (next < sources.length && queue.length < ahead) launch();
      const done = await queue.shift()!;
      yield done;
      if (done.log) stats.live--;
    }
  } finally {
    stats.fromWorkers = workers.reduce((n, w) => n + w.worker.received, 0);
    await Promise.all(workers.map((w) => w.worker.dispose()));
  }
}
