// The logs under a set of folders on disk, parsed and kept up to date, with their UTC timeline.
// No LSP and no editor here: the language server (or a worker thread) drives it with file-watcher
// events and listens to its change events.
//
// A refresh costs what changed on disk: a grown file has only its new bytes read and parsed
// (LogFile.appendBytes); a shrunk one (rotation), one replaced by another file (new inode, or the
// same size with a new modification time, or bytes before the old end that changed) is parsed
// again from scratch; a removed one is dropped.
import { promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';
import type { LogFile } from '../logFile';
import type { ParseOptions } from '../model';
import { isLogFileName } from '../parse/detect';
import type { LogInput } from '../logFile';
import { describeError, discover, fileIdentity, normalizeUserPath, type Skipped } from './discover';
import { APPEND_CHECK_BYTES, fileChange, sameBytes, tailOf } from './fileChange';
import { FileText, keepOnDisk } from './fileText';
import { readLog } from './readLog';
import { KEEP_READ_BUFFER_MS, ReadBuffer } from './readBuffer';
import { Timeline } from './timeline';

export type ChangeKind = 'added' | 'appended' | 'reparsed' | 'removed';

export interface IndexChange {
  key: string;
  /** What happened to the file, or 'retimed': the same model takes new parse options (UTC changed). */
  kind: ChangeKind | 'retimed';
}

export type RefreshResult = ChangeKind | 'unchanged' | 'ignored';

export interface WorkspaceIndexOptions {
  /** Folders (or single files) to index. */
  folders: readonly string[];
  /**
   * Files to read, whatever their name (a `cmlog.include` glob); default: log names (`*.log`,
   * `*.lo_`, `*.log_`, dated history `.log`s). Gets absolute paths. Only these are ever opened;
   * one not named like a log is kept when its content is a ConfigMgr log.
   */
  include?: (file: string) => boolean;
  /** Files and folders to leave out unread (`files.exclude`, `search.exclude`); default none. Gets absolute paths. */
  exclude?: (file: string) => boolean;
  /** Honour `.gitignore` files under the folders (default true). */
  gitignore?: boolean;
  /** How to read times, for every file or per file (a default offset for the IME logs of one folder). */
  parseOptions?: ParseOptions | ((file: string) => ParseOptions);
  /** Called as files are indexed by `build()`. */
  onProgress?: (done: number, total: number, file: string) => void;
  /** Reads and parses a whole file; default in this thread. The server passes a worker thread's. */
  readLog?: (file: string, options: ParseOptions) => Promise<LogFile>;
  /**
   * An append larger than this (bytes; default 16 MB) is read as the whole file is, in pieces,
   * rather than into one buffer: a log that grew by gigabytes (a preallocated one, a sparse one)
   * must not cost gigabytes of memory at once.
   */
  appendLimit?: number;
}

export { APPEND_CHECK_BYTES } from './fileChange';
const TAIL = APPEND_CHECK_BYTES;

interface FileState {
  input: LogInput;
  /** The file whatever name reaches it (fileIdentity): a link to an indexed file is not indexed again. */
  identity: string;
  /** Bytes parsed so far, and the identity of the file they came from. */
  size: number;
  ino: number;
  dev: number;
  mtimeMs: number;
  tail: Uint8Array;
  /** Where the log's text is read back from: the index keeps none (issue #15). */
  text: FileText | null;
}

export class WorkspaceIndex {
  /** Bytes read from disk so far (parses, appends and the small checks around them). */
  bytesRead = 0;
  /** Paths found but not readable, from the last build and from refreshes. */
  problems: Skipped[] = [];
  private readonly files = new Map<string, FileState>();
  /** Which key holds each file identity. */
  private readonly identities = new Map<string, string>();
  private readonly listeners: ((changes: IndexChange[]) => void)[] = [];
  private readonly queues = new Map<string, Promise<unknown>>();
  private folders: string[];

  constructor(private readonly options: WorkspaceIndexOptions) {
    this.folders = options.folders.map((f) => path.resolve(normalizeUserPath(f)));
  }

  /** Listens to changes; returns a function that stops listening. */
  onDidChange(listener: (changes: IndexChange[]) => void): () => void {
    this.listeners.push(listener);
    return () => {
      const k = this.listeners.indexOf(listener);
      if (k >= 0) this.listeners.splice(k, 1);
    };
  }

  get size(): number {
    return this.files.size;
  }

  /** Every indexed log, by key (absolute path). */
  logs(): LogInput[] {
    return [...this.files.keys()].sort().map((k) => this.files.get(k)!.input);
  }

  get(file: string): LogInput | undefined {
    return this.files.get(keyOf(file))?.input;
  }

  has(file: string): boolean {
    return this.files.has(keyOf(file));
  }

  /**
   * Finds every log under the folders by name and brings the index in line with the disk: new
   * files are parsed (each read once), known ones refreshed, vanished ones dropped. Progress goes
   * to `onProgress`; stops before the next file once `signal` is aborted.
   */
  async build(signal?: AbortSignal): Promise<void> {
    const found = await discover(this.folders, {
      candidate: (f) => this.candidate(f), skip: this.options.exclude, gitignore: this.options.gitignore ?? true,
    });
    if (signal?.aborted) return;
    this.problems = [...found.problems];
    const files = found.files.map((f) => path.resolve(f)).filter((f) => this.accepts(f));
    const wanted = new Set(files);
    for (const key of [...this.files.keys()]) if (!wanted.has(key)) await this.queue(key, () => this.drop(key));
    let done = 0;
    this.options.onProgress?.(0, files.length, '');
    try {
      for (const file of files) {
        if (signal?.aborted) return;
        await this.refreshKey(file, true);
        this.options.onProgress?.(++done, files.length, file);
      }
    } finally {
      this.readBuffer.release();
    }
  }

  /** New parse options (e.g. a default offset set by the user): applied to every log, no re-read. */
  setParseOptions(options: ParseOptions | ((file: string) => ParseOptions)): void {
    (this.options as { parseOptions?: WorkspaceIndexOptions['parseOptions'] }).parseOptions = options;
    const changes: IndexChange[] = [];
    for (const [key, st] of this.files) {
      st.input.log.setOptions(this.parseOptionsFor(key));
      changes.push({ key, kind: 'retimed' });
    }
    this.emit(changes);
  }

  /**
   * Brings one file in line with the disk (a file watcher's create/change/delete). Calls for the
   * same file run one after the other.
   */
  refresh(file: string): Promise<RefreshResult> {
    return this.refreshKey(keyOf(file), false);
  }

  private refreshKey(key: string, discovered: boolean): Promise<RefreshResult> {
    return this.queue(key, () => this.doRefresh(key, discovered));
  }

  private queue<T>(key: string, task: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(key) ?? Promise.resolve();
    const next = prev.then(task, task);
    const settled = next.then(() => undefined, () => undefined);
    this.queues.set(key, settled);
    void settled.then(() => { if (this.queues.get(key) === settled) this.queues.delete(key); });
    return next;
  }

  private async doRefresh(key: string, discovered: boolean): Promise<RefreshResult> {
    const state = this.files.get(key);
    let st: Stats;
    try {
      st = await fs.stat(key);
    } catch (e) {
      if (state) return this.drop(key);
      if ((e as NodeJS.ErrnoException)?.code !== 'ENOENT' && discovered) this.problem(key, describeError(e));
      return 'ignored';
    }
    if (!st.isFile()) return state ? this.drop(key) : 'ignored';
    if (!state) {
      if (!this.inFolders(key) || !this.accepts(key)) return 'ignored';
      if (!this.candidate(key)) return 'ignored';
      // A new name of a file already indexed (a symbolic or hard link): its findings would show twice.
      const holder = this.identities.get(await fileIdentity(key, st));
      if (holder !== undefined && holder !== key && this.files.has(holder)) return 'ignored';
      return (await this.parse(key)) ? 'added' : 'ignored';
    }
    const change = fileChange(state, st);
    if (change === 'unchanged') return 'unchanged';
    return change === 'replaced' ? this.reparse(key) : this.append(key, state, st);
  }

  /** The file grew: read the bytes after what was parsed, checking the ones before still match. */
  private async append(key: string, state: FileState, st: Stats): Promise<RefreshResult> {
    if (st.size - state.size > (this.options.appendLimit ?? 16 * 1024 * 1024)) return this.reparse(key);
    const keep = state.tail.length;
    const want = st.size - state.size + keep;
    const buf = Buffer.alloc(want);
    let got = 0;
    try {
      const fh = await fs.open(key, 'r');
      try {
        while (got < want) {
          const { bytesRead } = await fh.read(buf, got, want - got, state.size - keep + got);
          if (bytesRead === 0) break;
          got += bytesRead;
        }
      } finally {
        await fh.close();
      }
    } catch (e) {
      this.problem(key, describeError(e));
      return this.drop(key);
    }
    this.bytesRead += got;
    // Shorter than stat said (truncated meanwhile) or different before the old end (rewritten): again.
    if (got < want || !sameBytes(buf.subarray(0, keep), state.tail)) return this.reparse(key);
    const added = buf.subarray(keep);
    if (!state.input.log.appendBytes(added)) return this.reparse(key);
    state.size = st.size;
    state.mtimeMs = st.mtimeMs;
    state.tail = tailOf(state.tail, added);
    if (state.text) {
      state.text.expect = { ino: st.ino, dev: st.dev, size: st.size, mtimeMs: st.mtimeMs };
      keepOnDisk(state.input.log, state.text);
    }
    this.emit([{ key, kind: 'appended' }]);
    return 'appended';
  }

  private async reparse(key: string): Promise<RefreshResult> {
    const ok = await this.parse(key);
    return ok ? 'reparsed' : 'removed';
  }

  /** Parses the whole file; returns false (and drops it) when it cannot be read. */
  private async parse(key: string): Promise<boolean> {
    // Read in this thread, a log's bytes go into memory the index keeps for its reads (ReadBuffer):
    // its text is handed to the file (keepOnDisk) before the lease ends. A worker reads into its own.
    const lease = this.options.readLog ? null : this.readBuffer.lease();
    try {
      return await this.parseInto(key, lease?.into);
    } finally {
      lease?.end();
    }
  }

  /** The memory logs read in this thread go into (see parse): let go after a build, or a second after the last read. */
  private readonly readBuffer = new ReadBuffer(KEEP_READ_BUFFER_MS);

  private async parseInto(key: string, into?: (size: number) => Buffer): Promise<boolean> {
    const had = this.files.has(key);
    let identity: string;
    let log: LogFile;
    let st: Stats;
    let tail: Uint8Array;
    try {
      const options = this.parseOptionsFor(key);
      log = await (this.options.readLog ? this.options.readLog(key, options) : readLog(key, options, undefined, undefined, into));
      // Read because `include` named it: kept only when it is a ConfigMgr log.
      if (log.format === 'plain' && !isLogFileName(path.basename(key))) {
        if (had) await this.drop(key);
        return false;
      }
      const fh = await fs.open(key, 'r');
      try {
        st = await fh.stat();
        identity = await fileIdentity(key, st);
        // The identity is that of the bytes parsed: if the file grew meanwhile, the next refresh appends.
        const n = Math.min(TAIL, log.byteLength);
        tail = Buffer.alloc(n);
        const { bytesRead } = await fh.read(tail, 0, n, log.byteLength - n);
        if (bytesRead < n) tail = tail.subarray(0, bytesRead);
        this.bytesRead += log.byteLength + bytesRead;
      } finally {
        await fh.close();
      }
    } catch (e) {
      this.problem(key, describeError(e));
      if (had) this.drop(key);
      return false;
    }
    // The options may have changed while the file was read (setParseOptions): the model takes
    // the current ones (they only change how UTC is computed).
    log.setOptions(this.parseOptionsFor(key));
    const input: LogInput = { key, name: path.basename(key), log };
    const size = log.byteLength;
    // Modified between the parse and the stat without growing: parse again on the next refresh.
    const mtimeMs = st.size === size ? st.mtimeMs : -1;
    const text = this.keepOnDisk(key, log, { ino: st.ino, dev: st.dev, size, mtimeMs });
    const old = this.files.get(key);
    if (old && this.identities.get(old.identity) === key) this.identities.delete(old.identity);
    this.identities.set(identity, key);
    this.files.set(key, { input, identity, size, ino: st.ino, dev: st.dev, mtimeMs, tail, text });
    this.problems = this.problems.filter((p) => p.path !== key);
    this.emit([{ key, kind: had ? 'reparsed' : 'added' }]);
    return true;
  }

  /**
   * Lets the log read its text back from the file rather than hold it (one a worker parsed may
   * already: it gets the identity the index checks against). A read that finds the file rewritten
   * or truncated has the file parsed again (the index's own checks may not have seen it yet).
   */
  private keepOnDisk(key: string, log: LogFile, expect: FileText['expect']): FileText | null {
    if (log.byteLength === 0) return null;
    const source = log.textSource;
    const text = source instanceof FileText ? source : FileText.create(key, log.encoding, log.bomLength, expect);
    text.expect = expect;
    text.onStale = () => {
      void this.queue(key, () => (this.files.get(key)?.text === text ? this.reparse(key) : Promise.resolve('unchanged' as const)));
    };
    keepOnDisk(log, text);
    return text;
  }

  private drop(key: string): Promise<RefreshResult> {
    const state = this.files.get(key);
    if (!state) return Promise.resolve('ignored');
    this.files.delete(key);
    if (this.identities.get(state.identity) === key) this.identities.delete(state.identity);
    this.emit([{ key, kind: 'removed' }]);
    return Promise.resolve('removed');
  }

  /** A file worth reading, by its path alone. */
  private candidate(key: string): boolean {
    return this.options.include ? this.options.include(key) : isLogFileName(path.basename(key));
  }

  private accepts(key: string): boolean {
    const { exclude } = this.options;
    return this.candidate(key) && !(exclude && exclude(key));
  }

  private inFolders(key: string): boolean {
    return this.folders.some((f) => key === f || key.startsWith(f.endsWith(path.sep) ? f : f + path.sep));
  }

  private parseOptionsFor(key: string): ParseOptions {
    const o = this.options.parseOptions;
    return typeof o === 'function' ? o(key) : o ?? {};
  }

  private problem(key: string, reason: string): void {
    this.problems = this.problems.filter((p) => p.path !== key);
    this.problems.push({ path: key, reason });
  }

  private emit(changes: IndexChange[]): void {
    if (changes.length === 0) return;
    for (const l of [...this.listeners]) {
      try {
        l(changes);
      } catch {
        // A failing listener must not stop the index or the other listeners.
      }
    }
  }
}

function keyOf(file: string): string {
  return path.resolve(normalizeUserPath(file));
}

/**
 * A UTC timeline of the index's logs, kept in step with its changes: a grown model is updated,
 * a new one set, a re-timed one indexed again, a removed one dropped. (The language server keeps
 * one of its own, over indexed and open logs alike.)
 */
export function followTimeline(index: WorkspaceIndex): Timeline {
  const timeline = new Timeline();
  for (const input of index.logs()) timeline.set(input);
  index.onDidChange((changes) => {
    for (const { key, kind } of changes) {
      const input = index.get(key);
      if (!input) timeline.remove(key);
      else if (kind === 'retimed') timeline.rebuild(key);
      else timeline.set(input);
    }
  });
  return timeline;
}
