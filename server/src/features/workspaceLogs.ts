// Every log the server knows: the logs indexed from the workspace folders on disk, with the open
// documents taking their place while open (the editor's text is the newest). Keys are URIs; one
// UTC timeline spans them all, for code lenses, related entries and the table's detail. The timeline
// is kept in step here, from the index's changes and the documents' (opened, edited, closed):
// callers only read it.
import type { Encoding } from '../model';
import type { LogInput } from '../rules';
import { WorkspaceIndex, type IndexChange, type WorkspaceIndexOptions } from '../workspace/index';
import { Timeline } from '../workspace/timeline';
import type { LogDocuments, OpenLog } from './documents';
import { baseName, toPath, toUri } from '../uri';

/** An open document as a rule's input: its model is read (parsed, after an edit) only when a rule reads it. */
function openInput(uri: string, open: OpenLog): LogInput {
  return { key: uri, name: baseName(uri), get log() { return open.log; } };
}

export class WorkspaceLogs {
  private readonly utcTimeline = new Timeline();
  /** Open documents whose timeline entry waits for the next use: an edit does not parse (see LogDocuments). */
  private readonly unsynced = new Set<string>();
  private index: WorkspaceIndex | null = null;
  private listeners: ((uris: string[]) => void)[] = [];
  /** URI of each indexed path and back: converting costs more than the rules on 10,000 small logs. */
  private readonly uris = new Map<string, string>();
  private readonly paths = new Map<string, string>();
  /** Cancels the build under way: a newer indexing supersedes it, its reads would be wasted. */
  private cancelBuild: AbortController | null = null;

  constructor(private readonly documents: LogDocuments) {
    documents.onDidChange((uri) => this.markStale(uri));
  }

  /** Indexes the folders (paths); calls `progress` as files are read. Replaces (and cancels) any earlier index. */
  async indexFolders(folders: string[], options: {
    include?: (f: string) => boolean; exclude?: (f: string) => boolean; parse: WorkspaceIndexOptions['parseOptions'];
    progress?: (done: number, total: number) => void; readLog?: WorkspaceIndexOptions['readLog'];
  }): Promise<void> {
    const index = new WorkspaceIndex({
      folders, include: options.include, exclude: options.exclude, parseOptions: options.parse,
      onProgress: options.progress, readLog: options.readLog,
    });
    this.index = index;
    this.uris.clear();
    this.paths.clear();
    this.cancelBuild?.abort();
    const cancel = this.cancelBuild = new AbortController();
    // A newer indexing supersedes this one: its late changes are not this index's any more.
    index.onDidChange((changes: IndexChange[]) => { if (this.index === index) this.indexChanged(changes); });
    try {
      await index.build(cancel.signal);
    } finally {
      if (this.cancelBuild === cancel) this.cancelBuild = null;
    }
    if (this.index !== index) return; // superseded by a newer indexing
    // Logs the new index left out (include or exclude changed) leave the timeline, unless open.
    for (const uri of this.utcTimeline.keys()) if (!this.get(uri)) this.utcTimeline.remove(uri);
    for (const input of index.logs()) this.markStale(this.uriOf(input.key));
    this.fire(index.logs().map((l) => this.uriOf(l.key)));
  }

  /**
   * New parse options (default offset, offset convention): they change only how UTC is computed
   * from what was read, so the indexed models take them as they are (changes of kind 'retimed');
   * nothing is read from disk. Open documents are the caller's (LogDocuments).
   */
  setParseOptions(parse: NonNullable<WorkspaceIndexOptions['parseOptions']>): void {
    this.index?.setParseOptions(parse);
  }

  /** A file changed on disk: read what changed. */
  async refresh(uri: string): Promise<void> {
    const file = toPath(uri);
    if (file && this.index) await this.index.refresh(file);
  }

  get indexedCount(): number { return this.index?.size ?? 0; }
  get problems() { return this.index?.problems ?? []; }

  onDidChange(listener: (uris: string[]) => void): void { this.listeners.push(listener); }

  /** The log of a URI: the open document's model, else the indexed file's. */
  get(uri: string): LogInput | undefined {
    const open = this.documents.get(uri);
    if (open) return openInput(uri, open);
    const file = this.pathOf(uri);
    const input = file ? this.index?.get(file) : undefined;
    return input ? { key: uri, name: input.name, log: input.log } : undefined;
  }

  /** Every log, each once. */
  all(): LogInput[] {
    const out = new Map<string, LogInput>();
    for (const input of this.index?.logs() ?? []) {
      const uri = this.uriOf(input.key);
      out.set(uri, { key: uri, name: input.name, log: input.log });
    }
    for (const [uri, open] of this.documents.all()) out.set(uri, openInput(uri, open));
    return [...out.values()];
  }

  /** The encoding the index read the file of `uri` in (its bytes, not an editor's text), if indexed. */
  indexedEncoding(uri: string): Encoding | undefined {
    const file = this.pathOf(uri);
    return file ? this.index?.get(file)?.log.encoding : undefined;
  }

  isIndexed(uri: string): boolean {
    const file = this.pathOf(uri);
    return !!file && !!this.index?.has(file);
  }

  /** The UTC timeline of every log, brought up to date with the open documents first. */
  get timeline(): Timeline {
    for (const uri of this.unsynced) this.syncNow(uri);
    this.unsynced.clear();
    return this.utcTimeline;
  }

  /**
   * The timeline's count of changes of the offsets logs write (Timeline.writtenVersion), with the
   * indexed logs brought up to date but not the edited documents: those would parse (a merge's
   * banner reads this on every index change). An edited document counts when the timeline is next used.
   */
  get writtenVersion(): number {
    for (const uri of this.unsynced) {
      if (this.documents.get(uri)) continue;
      this.syncNow(uri);
      this.unsynced.delete(uri);
    }
    return this.utcTimeline.writtenVersion;
  }

  /**
   * The timeline, holding each of `uris` that is a log: a log indexed by a build still under way
   * joins it now (the build adds the others when done).
   */
  timelineWith(uris: Iterable<string>): Timeline {
    for (const uri of uris) if (!this.utcTimeline.has(uri)) this.unsynced.add(uri);
    return this.timeline;
  }

  /**
   * A log changed, opened or closed: its model in the timeline changes too (a grown model is
   * updated, another one set), when the timeline is next used (an edit does not parse).
   */
  private markStale(uri: string): void {
    this.unsynced.add(uri);
  }

  private syncNow(uri: string): void {
    const input = this.get(uri);
    if (input) this.utcTimeline.set(input);
    else this.utcTimeline.remove(uri);
  }

  private uriOf(file: string): string {
    let uri = this.uris.get(file);
    if (uri === undefined) {
      uri = toUri(file);
      this.uris.set(file, uri);
      this.paths.set(uri, file);
    }
    return uri;
  }

  private pathOf(uri: string): string | null {
    return this.paths.get(uri) ?? toPath(uri);
  }

  private indexChanged(changes: IndexChange[]): void {
    const uris = changes.map((c) => this.uriOf(c.key));
    // An open document stands for its file (its model is the editor's).
    changes.forEach((c, k) => {
      if (this.documents.get(uris[k])) return;
      if (c.kind === 'retimed') this.utcTimeline.rebuild(uris[k]);
      else this.markStale(uris[k]);
    });
    this.fire(uris);
    // Removed files leave the URI cache (it holds indexed files only; a lookup falls back to converting).
    changes.forEach((c, k) => {
      if (c.kind === 'removed') { this.uris.delete(c.key); this.paths.delete(uris[k]); }
    });
  }

  private fire(uris: string[]): void {
    for (const l of this.listeners) l(uris);
  }
}
