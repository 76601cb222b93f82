// The workspace index on a worker thread, so that parsing hundreds of megabytes never blocks the
// language server's request loop. The worker owns the parsed logs; the main thread asks it
// questions and gets plain data back (related entries, merged rows, findings, stats).
//
// Both sides live in this file. The worker side starts when the file is loaded as a worker with
// `workerData.cmlogIndexWorker` set; `startIndexWorker` starts it (by default on this very file,
// i.e. on the bundle it is part of: that bundle must then not start a server in a worker thread,
// see `isIndexWorkerThread`).
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Finding, ParseOptions } from '../model';
import { severityName } from '../model';
import { runRules, type RuleSettings } from '../rules';
import { WorkspaceIndex, type IndexChange, type RefreshResult } from './index';
import type { MergedView, MergeFilters, RelatedOptions, RelatedResult, TimelineLogStats } from './timeline';

export interface IndexWorkerOptions {
  folders: string[];
  /**
   * Globs (functions cannot cross threads), as in `files.exclude` and `cmlog.include`: matched
   * against the path relative to each folder (and its parent folders), `/` separated; `**` any
   * folders, `*` and `?` within a name, `{a,b}` alternatives.
   */
  include?: string[];
  exclude?: string[];
  parseOptions?: ParseOptions;
}

/** One row of a merged view, ready to show. */
export interface MergedRow {
  key: string;
  line: number;
  entryIndex: number;
  utc: number | null;
  date: string | null;
  time: string | null;
  severity: (typeof severityName)[number];
  component: string;
  thread: string;
  message: string;
}

export interface MergedPage {
  total: number;
  rows: MergedRow[];
  unknownCount: number;
  unknownOffsetLogs: string[];
  defaultOffsetLogs: string[];
}

interface Api {
  build(): void;
  refresh(file: string): RefreshResult;
  setParseOptions(options: ParseOptions): void;
  stats(): TimelineLogStats[];
  related(key: string, line: number, options: RelatedOptions): RelatedResult | null;
  merged(filters: MergeFilters, from: number, count: number): MergedPage;
  findings(keys: string[] | null, settings: RuleSettings): { key: string; findings: Finding[]; failures: { ruleId: string; message: string }[] }[];
}

type Request = { [M in keyof Api]: { id: number; method: M; params: Parameters<Api[M]> } }[keyof Api];
type Message =
  | { id: number; result?: unknown; error?: string }
  | { event: 'progress'; done: number; total: number }
  | { event: 'change'; changes: IndexChange[] };

/** True in the worker thread started by `startIndexWorker`. */
export function isIndexWorkerThread(): boolean {
  return !isMainThread && (workerData as { cmlogIndexWorker?: boolean } | null)?.cmlogIndexWorker === true;
}

export class IndexWorkerClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly changeListeners: ((changes: IndexChange[]) => void)[] = [];
  private readonly progressListeners: ((done: number, total: number) => void)[] = [];
  private exited: Error | null = null;

  constructor(options: IndexWorkerOptions, start: WorkerStart = {}) {
    this.worker = new Worker(start.script ?? __filename, {
      workerData: { cmlogIndexWorker: true, options },
      eval: start.eval ?? false,
      ...(start.execArgv ? { execArgv: start.execArgv } : {}),
    });
    this.worker.on('message', (m: Message) => this.onMessage(m));
    const fail = (e: Error) => {
      this.exited = e;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`index worker exited (code ${code})`)));
  }

  onDidChange(listener: (changes: IndexChange[]) => void): () => void {
    this.changeListeners.push(listener);
    return () => void this.changeListeners.splice(this.changeListeners.indexOf(listener) >>> 0, 1);
  }

  onProgress(listener: (done: number, total: number) => void): () => void {
    this.progressListeners.push(listener);
    return () => void this.progressListeners.splice(this.progressListeners.indexOf(listener) >>> 0, 1);
  }

  build(): Promise<void> { return this.call('build'); }
  refresh(file: string): Promise<RefreshResult> { return this.call('refresh', file); }
  setParseOptions(options: ParseOptions): Promise<void> { return this.call('setParseOptions', options); }
  stats(): Promise<TimelineLogStats[]> { return this.call('stats'); }
  /** Related entries of the record on 0-based `line` of `key`; null when no record covers the line. */
  related(key: string, line: number, options: RelatedOptions = {}): Promise<RelatedResult | null> { return this.call('related', key, line, options); }
  merged(filters: MergeFilters, from = 0, count = 1000): Promise<MergedPage> { return this.call('merged', filters, from, count); }
  findings(keys: string[] | null = null, settings: RuleSettings = {}): Promise<ReturnType<Api['findings']>> { return this.call('findings', keys, settings); }

  async dispose(): Promise<void> {
    await this.worker.terminate();
  }

  private call<M extends keyof Api>(method: M, ...params: Parameters<Api[M]>): Promise<ReturnType<Api[M]>>;
  private call(method: keyof Api, ...params: unknown[]): Promise<unknown> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, method, params });
    });
  }

  private onMessage(m: Message): void {
    if ('event' in m) {
      if (m.event === 'progress') for (const l of this.progressListeners) l(m.done, m.total);
      else for (const l of this.changeListeners) l(m.changes);
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.error !== undefined) p.reject(new Error(m.error));
    else p.resolve(m.result);
  }
}

/**
 * How to start the worker: by default this file (the bundle it is in). Tests that run TypeScript
 * directly pass `{ eval: true, script: "require('tsx/cjs'); require('.../indexWorker.ts')" }`.
 */
export interface WorkerStart {
  script?: string;
  eval?: boolean;
  execArgv?: string[];
}

export function startIndexWorker(options: IndexWorkerOptions, start: WorkerStart = {}): IndexWorkerClient {
  return new IndexWorkerClient(options, start);
}

// ---- worker side ----

function serve(options: IndexWorkerOptions): void {
  const port = parentPort!;
  const post = (m: Message) => port.postMessage(m);
  const inc = options.include?.length ? globMatcher(options.include, options.folders) : undefined;
  const exc = options.exclude?.length ? globMatcher(options.exclude, options.folders) : undefined;
  const index = new WorkspaceIndex({
    folders: options.folders,
    include: inc,
    exclude: exc,
    parseOptions: options.parseOptions,
    onProgress: (done, total) => post({ event: 'progress', done, total }),
  });
  let generation = 0;
  let cache: { filters: string; generation: number; view: MergedView } | null = null;
  index.onDidChange((changes) => {
    generation++;
    post({ event: 'change', changes });
  });

  const api: { [M in keyof Api]: (...p: Parameters<Api[M]>) => ReturnType<Api[M]> | Promise<ReturnType<Api[M]>> } = {
    build: () => index.build(),
    refresh: (file) => index.refresh(file),
    setParseOptions: (o) => index.setParseOptions(o),
    stats: () => index.timeline.keys().map((k) => index.timeline.stats(k)!),
    related: (key, line, o) => {
      const x = index.get(key);
      const i = x ? x.log.entryAtLine(line) : -1;
      return x && i >= 0 ? index.timeline.related(x.key, i, o) : null;
    },
    merged: (filters, from, count) => {
      // Pages of one view: the view is kept until the filters or the logs change.
      const wanted = JSON.stringify(filters);
      if (!cache || cache.filters !== wanted || cache.generation !== generation) cache = { filters: wanted, generation, view: index.timeline.merged(filters) };
      const view = cache.view;
      const rows: MergedRow[] = [];
      for (let r = Math.max(0, from); r < Math.min(view.count, from + count); r++) {
        const { key, entryIndex, utc } = view.at(r);
        const e = index.get(key)!.log.entry(entryIndex);
        rows.push({ key, line: e.line, entryIndex, utc, date: e.dateText ?? null, time: e.timeText ?? null,
          severity: severityName[e.severity], component: e.component, thread: e.thread, message: e.message });
      }
      return { total: view.count, rows, unknownCount: view.unknownCount, unknownOffsetLogs: view.unknownOffsetLogs, defaultOffsetLogs: view.defaultOffsetLogs };
    },
    findings: (keys, settings) => {
      const logs = index.logs();
      const context = { logs };
      return logs.filter((x) => !keys || keys.includes(x.key)).map((target) => {
        const { findings, failures } = runRules(target, context, settings);
        return { key: target.key, findings, failures: failures.map((f) => ({ ruleId: f.ruleId, message: String((f.error as Error)?.message ?? f.error) })) };
      });
    },
  };

  port.on('message', async (req: Request) => {
    try {
      const fn = api[req.method] as (...p: unknown[]) => unknown;
      if (!fn) throw new Error(`unknown method ${String(req.method)}`);
      post({ id: req.id, result: await fn(...req.params) });
    } catch (e) {
      post({ id: req.id, error: (e as Error)?.stack ?? String(e) });
    }
  });
}

// ---- globs ----

/**
 * A predicate over absolute file paths: true when a glob matches the path relative to one of the
 * folders, or one of that path's parent folders (`**\/Logs` excludes everything under Logs).
 * Matched by simulating the pattern as an automaton in one pass: linear in the path.
 */
export function globMatcher(globs: readonly string[], folders: readonly string[]): (file: string) => boolean {
  const patterns = globs.flatMap(expandBraces).map(compileGlob);
  const roots = folders.map((f) => trimSlashes(toSlashes(path.resolve(f))));
  const fold = process.platform === 'win32' ? (s: string) => s.toLowerCase() : (s: string) => s;
  return (file) => {
    const abs = toSlashes(path.resolve(file));
    const candidates = [abs];
    for (const r of roots) if (abs.startsWith(r + '/')) candidates.push(abs.slice(r.length + 1));
    return candidates.some((c) => { const subject = fold(c); return patterns.some((p) => matchGlob(p, subject, fold)); });
  };
}

const toSlashes = (p: string) => p.split(path.sep).join('/');

function trimSlashes(p: string): string {
  let end = p.length;
  while (end > 0 && p.charCodeAt(end - 1) === 47) end--;
  return p.slice(0, end);
}

type GlobToken = { kind: 'char'; c: string } | { kind: 'any1' } | { kind: 'star' } | { kind: 'globstar' } | { kind: 'dirs' };

/** `{a,b}c` -> `ac`, `bc` (nesting allowed). */
export function expandBraces(glob: string): string[] {
  const open = glob.indexOf('{');
  if (open < 0) return [glob];
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < glob.length; i++) {
    const c = glob[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      const parts: string[] = [];
      let from = open + 1;
      for (const k of [...commas, i]) { parts.push(glob.slice(from, k)); from = k + 1; }
      const rest = expandBraces(glob.slice(i + 1));
      return parts.flatMap((p) => expandBraces(glob.slice(0, open) + p).flatMap((head) => rest.map((tail) => head + tail)));
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  return [glob]; // unbalanced: literal
}

function compileGlob(glob: string): GlobToken[] {
  const out: GlobToken[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out.push({ kind: slash ? 'dirs' : 'globstar' });
      i += slash ? 2 : 1;
    } else if (c === '*') out.push({ kind: 'star' });
    else if (c === '?') out.push({ kind: 'any1' });
    else out.push({ kind: 'char', c: c === '\\' ? '/' : c });
  }
  return out;
}

function matchGlob(tokens: GlobToken[], s: string, fold: (s: string) => string): boolean {
  const n = tokens.length;
  let cur = new Uint8Array(n + 1), next = new Uint8Array(n + 1);
  // Wildcards may match nothing: a state reaches the one after it.
  const close = (set: Uint8Array) => {
    for (let i = 0; i < n; i++) if (set[i] && tokens[i].kind !== 'char' && tokens[i].kind !== 'any1') set[i + 1] = 1;
  };
  cur[0] = 1;
  close(cur);
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    // The path up to here is a folder the pattern matches: everything under it matches.
    if (c === '/' && k > 0 && cur[n] === 1) return true;
    next.fill(0);
    let any = false;
    for (let i = 0; i < n; i++) {
      if (!cur[i]) continue;
      const t = tokens[i];
      switch (t.kind) {
        case 'char': if (fold(t.c) === c) { next[i + 1] = 1; any = true; } break;
        case 'any1': if (c !== '/') { next[i + 1] = 1; any = true; } break;
        case 'star': if (c !== '/') { next[i] = 1; any = true; } break;
        case 'globstar': next[i] = 1; any = true; break;
        case 'dirs': next[i] = 1; if (c === '/') next[i + 1] = 1; any = true; break;
      }
    }
    if (!any) return false;
    close(next);
    [cur, next] = [next, cur];
  }
  return cur[n] === 1;
}

if (isIndexWorkerThread()) serve((workerData as { options: IndexWorkerOptions }).options);
