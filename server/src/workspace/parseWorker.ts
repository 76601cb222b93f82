// Whole-file parses on a worker thread, so that reading hundreds of megabytes of logs never blocks
// the language server's request loop. The worker reads and parses; the finished model moves to
// the server's thread (its columns are transferred, not copied: LogFile.toData), where rules,
// hovers and lenses use it. Appends stay on the server's thread: they cost what was appended.
//
// Both sides live in this file. The worker side runs when the file is loaded as a worker with
// `workerData.cmlogParseWorker` set. The shipped worker is its own bundle, dist/parseWorker.js,
// next to dist/server.js; tests that run TypeScript pass a `WorkerStart` that loads this file.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { LogFile, type LogFileData } from '../logFile';
import type { ParseOptions } from '../model';
import type { Part } from '../parse/chunkedText';
import { statSync } from 'node:fs';
import { FileText, type FileTextData, keepOnDisk } from './fileText';
import { readLog } from './readLog';
import { KEEP_READ_BUFFER_MS, ReadBuffer } from './readBuffer';

// A model's text comes first, one chunk (at most a read piece, 16 MB) a message, each sent when
// the previous one has been taken (`more`): the receiving thread copies a message in one go and
// handles all queued messages in one turn, so a 100 MB text sent at once stalled it for ~70 ms.
type Request = { id: number; file: string; options: ParseOptions } | { id: number; more: true };
type Reply = { id: number; chunk: Part } | { id: number; data: LogFileData; text?: FileTextData } | { id: number; error: { message: string; code?: string } };

/** How to start the worker; by default dist/parseWorker.js beside the running bundle. */
export interface WorkerStart {
  script?: string;
  /** `script` is code, not a path (tests: "require('tsx/cjs'); require('.../parseWorker.ts')"). */
  eval?: boolean;
}

export const WORKER_BUNDLE = 'parseWorker.js';

export class ParseWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  /** Reads under way, each with the worker doing it (a crashed worker fails only its own). */
  private readonly pending = new Map<number, { worker: Worker; resolve: (log: LogFile) => void; reject: (e: Error) => void; chunks: Part[] }>();
  /** Set when no worker can be started: parses then run in this thread (slower to answer, never lost). */
  private unavailable: string | null = null;

  constructor(private readonly start: WorkerStart = {}, private readonly log: (message: string) => void = () => undefined) {}

  /** Reads and parses `file` on the worker; rejects with the reading error (its `code` kept). */
  read(file: string, options: ParseOptions = {}): Promise<LogFile> {
    const worker = this.worker ?? this.spawn();
    if (!worker) return readLog(file, options);
    const id = this.nextId++;
    worker.ref(); // a parse under way keeps the process alive; an idle worker does not (see settle)
    return new Promise<LogFile>((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject, chunks: [] });
      worker.postMessage({ id, file, options } satisfies Request);
    });
  }

  /** Whether parses run on a worker thread (false after the worker could not be started). */
  get onWorker(): boolean { return this.unavailable === null; }

  /** Models received from the worker thread so far. */
  received = 0;

  async dispose(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.unavailable = 'disposed';
    await w?.terminate();
  }

  private spawn(): Worker | null {
    if (this.unavailable) return null;
    const script = this.start.script ?? path.join(__dirname, WORKER_BUNDLE);
    if (!this.start.eval && !existsSync(script)) {
      this.unavailable = `${script} is missing`;
      this.log(`parse worker: ${this.unavailable}; parsing on the server's thread`);
      return null;
    }
    const worker = new Worker(script, { eval: this.start.eval ?? false, workerData: { cmlogParseWorker: true } });
    worker.on('message', (m: Reply) => this.settle(worker, m));
    // A crashed worker (out of memory on a huge file, say) fails what it had, once ('error' is
    // followed by 'exit'); the next read starts another, whose reads this must not touch.
    const fail = (e: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, p] of this.pending) {
        if (p.worker !== worker) continue;
        this.pending.delete(id);
        p.reject(e);
      }
    };
    worker.on('error', (e) => { this.log(`parse worker failed: ${e?.stack ?? e}`); fail(e); });
    worker.on('exit', (code) => fail(new Error(`parse worker exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private settle(worker: Worker, m: Reply): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if ('chunk' in m) {
      p.chunks.push(m.chunk);
      worker.postMessage({ id: m.id, more: true } satisfies Request);
      return;
    }
    this.pending.delete(m.id);
    if (![...this.pending.values()].some((q) => q.worker === worker)) worker.unref();
    if ('data' in m) {
      this.received++;
      try {
        const log = LogFile.fromData({ ...m.data, chunks: p.chunks });
        if (m.text) log.readTextFrom(FileText.fromData(m.text));
        return p.resolve(log);
      } catch (e) {
        return p.reject(e as Error); // a read always settles
      }
    }
    const e = new Error(m.error.message) as NodeJS.ErrnoException;
    if (m.error.code) e.code = m.error.code;
    p.reject(e);
  }
}

// ---- worker side ----

function serve(): void {
  const port = parentPort!;
  const outgoing = new Map<number, { chunks: Part[]; data: LogFileData; text?: FileTextData; transfer: ArrayBuffer[] }>();
  const sendNext = (id: number) => {
    const o = outgoing.get(id);
    if (!o) return;
    const chunk = o.chunks.shift();
    if (chunk !== undefined) return port.postMessage({ id, chunk } satisfies Reply);
    outgoing.delete(id);
    port.postMessage({ id, data: o.data, text: o.text } satisfies Reply, o.transfer);
  };
  port.on('message', async (m: Request) => {
    if ('more' in m) return sendNext(m.id);
    const { id, file, options } = m;
    // The log's bytes go into this thread's read buffer: its text is handed to the file below
    // (keepOnDisk), so the model keeps no view of them once the message is made.
    const lease = readBuffer.lease();
    try {
      const log = await readLog(file, options, undefined, undefined, lease.into);
      // The text stays in the file: only where to read it back crosses to the server's thread
      // (which checks the file's identity again as it indexes it).
      let text: FileText | undefined;
      if (log.byteLength > 0) {
        const st = statSync(file);
        text = FileText.create(file, log.encoding, log.bomLength, { ino: st.ino, dev: st.dev, size: log.byteLength, mtimeMs: st.size === log.byteLength ? st.mtimeMs : -1 });
        keepOnDisk(log, text);
      }
      const { data, transfer } = log.toData();
      outgoing.set(id, { chunks: data.chunks, data: { ...data, chunks: [] }, text: text?.toData(), transfer });
      sendNext(id);
    } catch (e) {
      outgoing.delete(id);
      const err = e as NodeJS.ErrnoException;
      port.postMessage({ id, error: { message: err?.message ?? String(e), code: err?.code } } satisfies Reply);
    } finally {
      lease.end();
    }
  });
}

/** The memory the worker reads logs into (see ReadBuffer), let go a second after its last read. */
const readBuffer = new ReadBuffer(KEEP_READ_BUFFER_MS);

if (!isMainThread && (workerData as { cmlogParseWorker?: boolean } | null)?.cmlogParseWorker === true) serve();
