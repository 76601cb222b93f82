// Runs user-written patterns (`.cmlog/rules.json`) on a worker thread with a time budget. A JS
// regex cannot be interrupted on its own thread, and a user's `(a+)+$` backtracks for ages on one
// long line; on a worker, the caller waits (synchronously: rules are synchronous) at most the
// budget and then terminates the worker, which V8 interrupts even inside a regex.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/** One batch: the pattern, and messages numbered from `first`. At most `max` matches come back. */
interface Request { source: string; flags: string; messages: string[]; first: number; max: number }
/** Per match: the message's number and its groups 1..9 (each cut to a bounded length). */
export interface PatternMatch { index: number; groups: string[] }

// Plain JS, evaluated as the worker's code: no file to find beside the bundle.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { port, flag } = workerData;
const state = new Int32Array(flag);
port.on('message', (req) => {
  const out = [];
  try {
    const re = new RegExp(req.source, req.flags);
    for (let k = 0; k < req.messages.length && out.length < req.max; k++) {
      const m = re.exec(req.messages[k]);
      if (!m) continue;
      const groups = [];
      for (let g = 1; g < 10; g++) groups.push(m[g] === undefined ? '' : String(m[g]).slice(0, ${200}));
      out.push({ index: req.first + k, groups });
    }
  } catch (e) {
    // A pattern can throw while it runs (V8's regex stack overflows on some long lines): say so.
    port.postMessage({ error: String(e && e.message || e) });
    Atomics.store(state, 0, 1);
    Atomics.notify(state, 0);
    return;
  }
  port.postMessage(out);
  Atomics.store(state, 0, 1);
  Atomics.notify(state, 0);
});
`;

let live: { worker: Worker; port: MessagePort; state: Int32Array } | null = null;

function start(): NonNullable<typeof live> {
  const { port1, port2 } = new MessageChannel();
  const flag = new SharedArrayBuffer(4);
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { port: port2, flag }, transferList: [port2] });
  // A worker that dies must not take the process with it (an unhandled 'error' event would): the
  // caller then sees no reply and stops it.
  worker.on('error', () => { if (live?.worker === worker) live = null; });
  worker.unref(); // the CLI exits when its work is done, worker or not
  port1.unref();
  return { worker, port: port1, state: new Int32Array(flag) };
}

/** Stops the worker (a pattern ran out of time, or shutdown); the next batch starts a fresh one. */
export function stopPatternWorker(): void {
  if (!live) return;
  void live.worker.terminate();
  live.port.close();
  live = null;
}

/**
 * Runs `source` (flags `flags`) over `messages`, numbered from `first`, waiting at most until
 * `deadline` (Date.now() time). Returns the matches, 'timeout' (the worker is then stopped), or
 * `{ error }` when the pattern threw as it ran.
 */
export function runPattern(source: string, flags: string, messages: string[], first: number, max: number, deadline: number): PatternMatch[] | 'timeout' | { error: string } {
  live ??= start();
  const { port, state } = live;
  Atomics.store(state, 0, 0);
  port.postMessage({ source, flags, messages, first, max } satisfies Request);
  const wait = Math.max(0, deadline - Date.now());
  if (Atomics.wait(state, 0, 0, wait) === 'timed-out') {
    stopPatternWorker();
    return 'timeout';
  }
  const reply = receiveMessageOnPort(port)?.message as PatternMatch[] | { error: string } | undefined;
  if (reply === undefined) {
    stopPatternWorker();
    return 'timeout';
  }
  return reply;
}
