// A check worker of `cmlog check --jobs N` (see jobs.ts): sent the sources once found, then given a
// source's index, it reads, parses and checks that log and posts back its findings, one log at a
// time. Shipped as dist/checkWorker.js.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { groupsOf, ruleCatalog } from './checkOne';
import { checkSource, errorData, type WorkerPlan } from './jobs';
import type { LogSource } from './load';

type Data = WorkerPlan & { cmlogCheckWorker: true };

function serve(data: Data): void {
  const port = parentPort!;
  // The same user rules as the main thread's (whose problems it reported).
  const plan = { ...data, catalog: ruleCatalog(data.paths, data.rulesFile).catalog };
  // Sent once found, before any index (this worker was started while they were being found).
  let sources: LogSource[] = [];
  let groups = groupsOf(sources);
  // One log at a time, in the order given: a second index waits here, unread.
  let queue = Promise.resolve();
  port.on('message', (m: number | { sources: LogSource[] }) => {
    if (typeof m !== 'number') {
      sources = m.sources;
      groups = groupsOf(sources);
      return;
    }
    const index = m;
    queue = queue.then(async () => {
      try {
        port.postMessage({ index, checked: await checkSource(sources[index], plan, groups) });
      } catch (e) {
        port.postMessage({ index, error: errorData(e) });
      }
    });
  });
}

if (!isMainThread && (workerData as { cmlogCheckWorker?: boolean } | null)?.cmlogCheckWorker === true) serve(workerData as Data);
