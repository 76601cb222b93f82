// The tables a client has open, by id: each a view, the logs it reads from disk, and whether it
// follows its logs live. A log that changes refreshes the tables showing it (appended rows, or a
// reset), and each says so by `notify` unless paused. Bounded: at most MAX_TABLES per client, the
// least recently opened closed first.
import type { LogFile } from '../logFile';
import type { ParseOptions } from '../model';
import type { TableBanner, TableChangedParams } from '../protocol';
import { FacetCache } from './facets';
import { TableView, type TableLogSource } from './view';

export const MAX_TABLES = 32;

/** What the server says of a table's logs (handlers/table.ts), each made when first asked and kept. */
export interface TableHooks {
  /** The banner: each log's source, label and note, and the folders' offers (see OpenTable.banner). */
  banner?: (t: OpenTable) => TableBanner;
  /** Each log's name as the table shows it (its machine's labels: see OpenTable.labels). */
  labels?: (t: OpenTable) => string[];
}

export class OpenTable {
  follow = true;
  /** Changed while paused: one notification when resumed (a reset if any change was one). */
  private withheld: 'none' | 'append' | 'reset' = 'none';
  /** The newest filter request: an older one still running stops. */
  filterSerial = 0;
  readonly view: TableView;
  readonly facets: FacetCache;

  /** The `reading`, `error` and rows the client last got (the open result says them first; paused, it keeps its rows). */
  private sentReading: boolean;
  private sentError: string | undefined;
  private shown: { version: number; rows: number; total: number };

  constructor(readonly id: string, readonly sources: TableLogSource[], private readonly notify: (p: TableChangedParams) => void,
    private readonly hooks: TableHooks = {}) {
    this.view = new TableView(sources);
    this.facets = new FacetCache(this.view);
    this.sentReading = this.view.reading;
    this.sentError = this.view.error;
    this.shown = { version: this.view.version, rows: this.view.rowCount, total: this.view.total };
  }

  private labelsMade: readonly string[] | undefined;

  /** Each log's name as the table shows it (copies, exports and the status bar name them): made once, its sources never change. */
  get labels(): readonly string[] {
    return (this.labelsMade ??= this.hooks.labels?.(this) ?? this.sources.map((s) => s.name));
  }

  /** The banner made last, with each log's model and timing it was made over. */
  private bannerMade: { banner: TableBanner; models: (LogFile | undefined)[]; timings: number[] } | undefined;

  /** The offset settings changed (cmlog.folderOffsets can say another setting with the same offset): made again. */
  settingsChanged(): void { this.bannerMade = undefined; }

  /**
   * The table's banner (undefined without the hook). It walks the timeline and each folder's offer:
   * made again only when a log's model or its timing changed (read again, re-timed), or the
   * settings; `fresh`: whether it was.
   */
  banner(): { banner: TableBanner; fresh: boolean } | undefined {
    if (!this.hooks.banner) return undefined;
    const v = this.view, made = this.bannerMade;
    let same = made !== undefined;
    for (let li = 0; same && li < this.sources.length; li++) same = v.model(li) === made!.models[li] && (v.model(li)?.timing ?? 0) === made!.timings[li];
    if (same) return { banner: made!.banner, fresh: false };
    const models = this.sources.map((_, li) => v.model(li));
    this.bannerMade = { banner: this.hooks.banner(this), models, timings: models.map((m) => m?.timing ?? 0) };
    return { banner: this.bannerMade.banner, fresh: true };
  }

  /** Reading ended or failed since the client last heard: news even when no row changed. */
  private get news(): boolean { return this.view.reading !== this.sentReading || this.view.error !== this.sentError; }

  /** A log of this table changed: bring the view up to date and say so. */
  refresh(): void {
    if (this.closed) return;
    const r = this.view.refresh();
    if (!this.follow) {
      if (r === 'reset' || this.withheld === 'reset') this.withheld = 'reset';
      else if (r === 'append' || this.withheld === 'append') this.withheld = 'append';
      // A log that could not be read is said at once (the rows the page shows stay as they were).
      if (this.view.error !== this.sentError) this.send(false, this.shown);
      return;
    }
    // Nothing new but the end of reading from disk is news too (the page stops saying "reading").
    if (r === 'none' && !this.news) return;
    this.send(r === 'reset');
  }

  setFollow(follow: boolean): void {
    this.follow = follow;
    if (follow && (this.withheld !== 'none' || this.news)) {
      this.send(this.withheld === 'reset');
      this.withheld = 'none';
    }
  }

  private send(reset: boolean, rows?: { version: number; rows: number; total: number }): void {
    const v = this.view;
    const error = v.error;
    this.sentReading = v.reading;
    this.sentError = error;
    this.shown = rows ?? { version: v.version, rows: v.rowCount, total: v.total };
    // A reset may follow a change of how logs are placed (an offset setting, a log read again): a
    // banner made again is said (the page keeps the one it has otherwise: the same).
    const made = reset && v.merged ? this.banner() : undefined;
    const banner = made?.fresh ? { banner: made.banner } : {};
    this.notify({ tableId: this.id, ...this.shown, reading: v.reading, reset, ...(error ? { error } : {}), ...banner });
  }

  private closed = false;

  close(): void {
    this.closed = true;
    for (const s of this.sources) s.stop?.();
  }
}

export class Tables {
  private readonly open = new Map<string, OpenTable>();
  private next = 1;

  constructor(private readonly notify: (p: TableChangedParams) => void, private readonly max = MAX_TABLES,
    private readonly hooks: TableHooks = {}) {}

  get size(): number { return this.open.size; }

  /** A new table over `sources` (built by `make`, given the table's refresh for logs read from disk). */
  create(make: (refresh: () => void) => TableLogSource[]): OpenTable {
    const id = `t${this.next++}`;
    // Logs read from disk call back as they grow: the table they refresh exists by then.
    const ref: { table?: OpenTable } = {};
    const table = ref.table = new OpenTable(id, make(() => ref.table?.refresh()), this.notify, this.hooks);
    while (this.open.size >= this.max) this.close(this.open.keys().next().value!);
    this.open.set(id, table);
    return table;
  }

  get(id: unknown): OpenTable | undefined { return typeof id === 'string' ? this.open.get(id) : undefined; }

  close(id: unknown): void {
    const t = this.get(id);
    if (!t) return;
    t.close();
    this.open.delete(t.id);
  }

  closeAll(): void {
    for (const id of [...this.open.keys()]) this.close(id);
  }

  /**
   * New parse options (`optionsOf` a log): the logs tables read themselves take them now; returns the
   * refresh of the tables with a log re-timed, to run once the index has re-timed its own logs (a
   * merge of both refreshed by the index's change meanwhile finds nothing more: rebuilt once).
   */
  retime(optionsOf: (key: string) => ParseOptions): () => void {
    const retimed: OpenTable[] = [];
    for (const t of this.open.values()) {
      t.settingsChanged();
      let any = false;
      for (const s of t.sources) if (s.retime?.(optionsOf(s.key))) any = true;
      if (any) retimed.push(t);
    }
    return () => { for (const t of retimed) t.refresh(); };
  }

  /** Logs (keys) changed: the tables that show them refresh. */
  changed(keys: Iterable<string>): void {
    const set = new Set(keys);
    for (const t of this.open.values()) if (t.view.keys.some((k) => set.has(k))) t.refresh();
  }
}
