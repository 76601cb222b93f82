// The tables a client has open, by id: each a view, the logs it reads from disk, and whether it
// follows its logs live. A log that changes refreshes the tables showing it (appended rows, or a
// reset), and each says so by `notify` unless paused. Bounded: at most MAX_TABLES per client, the
// least recently opened closed first.
import type { LogFile } from '../logFile';
import type { ParseOptions } from '../model';
import type { TableBanner, TableChangedParams } from '../protocol';
import { FacetCache, type LogFacets } from './facets';
import { changeTarget } from './firstPage';
import { readPlace, type PagePlace } from './pagePlace';
import { type Placement, placement } from './sourceNote';
import { TableView, type TableLogSource } from './view';

export const MAX_TABLES = 32;

/** What the server says of a table's logs (handlers/table.ts), each made when first asked and kept. */
export interface TableHooks {
  /** The banner: each log's source, label and note, and the folders' offers (see OpenTable.banner). */
  banner?: (t: OpenTable) => TableBanner;
  /** Each log's name as the table shows it (its machine's labels: see OpenTable.labels). */
  labels?: (t: OpenTable) => string[];
  /** A count that moves when the offsets the folders' logs write change (the banner's offers read them). */
  offersVersion?: (t: OpenTable) => number;
  /** Problems per record, for the rows a reset carries (as a rows answer counts them). */
  problems?: () => (key: string, entry: number) => number;
}

/** What a table's banner was made of (OpenTable.bannerKey). */
interface BannerKey { models: (LogFile | undefined)[]; timings: number[]; notes: Placement[]; offers: number }

const sameKey = (a: BannerKey, b: BannerKey): boolean =>
  a.offers === b.offers && a.models.every((m, li) => m === b.models[li] && a.timings[li] === b.timings[li] && a.notes[li] === b.notes[li]);

/** What a log's note (sourceNote) says of its records without offset, from its counts: more such records say the same. */
const noteFacts = (model: LogFile | undefined, counts: LogFacets | undefined) => (model && counts ? placement(model, counts) : 'none');

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

  /** The banner made last, with what it was made of (see bannerKey). */
  private bannerMade: { banner: TableBanner; key: BannerKey } | undefined;

  /** The offset settings changed (cmlog.folderOffsets can say another setting with the same offset): made again. */
  settingsChanged(): void { this.bannerMade = undefined; }

  /**
   * What the banner reads, cheaply: each log's model and timing, what its note says of its records
   * without offset (their count, from the facets, which count an append only), and the version of
   * the offsets other logs write (hooks.offersVersion: the folders' offers come from every indexed
   * log of a folder, not only the table's).
   */
  private bannerKey(offers: number): BannerKey {
    const v = this.view, counts = this.facets.perLog();
    const models = this.sources.map((_, li) => v.model(li));
    return { models, timings: models.map((m) => m?.timing ?? 0), notes: models.map((m, li) => noteFacts(m, counts[li])), offers };
  }

  /** The version of the offsets other logs write (hooks.offersVersion): it brings indexed logs up to date, so read once where it can. */
  private offersVersion(): number { return this.hooks.offersVersion?.(this) ?? 0; }

  /**
   * The table's banner (undefined without the hook). It walks the timeline and each folder's offer:
   * made again only when what it reads changed (bannerKey: a log read again, re-timed, with other
   * records without offset, another offset written in a folder), or the settings; `fresh`: whether it was.
   * `offers`: the offers' version, when the caller has just read it.
   */
  banner(offers?: number): { banner: TableBanner; fresh: boolean } | undefined {
    if (!this.hooks.banner) return undefined;
    const key = this.bannerKey(offers ?? this.offersVersion()), made = this.bannerMade;
    if (made && sameKey(made.key, key)) return { banner: made.banner, fresh: false };
    const banner = this.hooks.banner(this);
    // Making it brings the timeline up to date (edited documents, logs a build under way indexed):
    // the offsets' count it read is the one after, else the next index change would make it again.
    key.offers = this.offersVersion();
    this.bannerMade = { banner, key };
    return { banner: this.bannerMade.banner, fresh: true };
  }

  /**
   * The offsets logs write changed somewhere (a log that writes one joined a folder of this merge):
   * its offers may too, though none of its own logs changed (no refresh). A banner that reads
   * otherwise now is said at once, the rows as the page has them.
   */
  offersChanged(): void {
    const made = this.bannerMade;
    if (this.closed || !this.view.merged || !made) return;
    const offers = this.offersVersion();
    if (offers === made.key.offers) return;
    const now = this.banner(offers);
    if (!now?.fresh || JSON.stringify(now.banner) === JSON.stringify(made.banner)) return;
    this.say(this.shown, this.sentReading, false, this.sentError, { banner: now.banner });
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
    // The rows the page shows next come with the change (rows in a page, never placeholders for a round
    // trip): a reset drops those it holds, an append moves a Live page to rows it has not. Paused (`rows`
    // said as before), none.
    const page = rows ? undefined : this.firstRows(reset);
    this.say(this.shown, v.reading, reset, error, { ...(made?.fresh ? { banner: made.banner } : {}), ...(page ? { page } : {}) });
  }

  /**
   * Every change notification is built here: with the view's Live place (timedEnd) when `rows` are
   * the view's now (a paused page's older rows have none said), as the open, filter and rows answers carry it.
   */
  private say(rows: { version: number; rows: number; total: number }, reading: boolean, reset: boolean, error: string | undefined, extra: Pick<TableChangedParams, 'banner' | 'page'>): void {
    this.notify({ tableId: this.id, ...rows, reading, reset, ...(error ? { error } : {}), ...extra, ...this.view.timedEndOf(rows.version) });
  }

  /** Where the page shows the table (TablePlaceParams): what a reset's rows are made for; none until it says. */
  private place: PagePlace | undefined;

  /** The page says where it shows the table: a malformed place is none (no rows carried). */
  setPlace(p: unknown): void { this.place = readPlace(p); }

  /** The rows the page shows after a change (reset or append) of the view now, made for its place; undefined without one or none to show. */
  private firstRows(reset: boolean): TableChangedParams['page'] {
    const place = this.place, v = this.view;
    if (!place) return undefined;
    const target = changeTarget(place, reset, v.rowCount, v.reading, v.timedEnd());
    const rows = target === null ? null : v.pageAround(target, place, place.highlights, this.hooks.problems?.() ?? (() => 0));
    return rows ? { ...rows, token: place.token } : undefined;
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

  /** Logs joined, left or were read again in the workspace: merges whose folders' offers that changed say their banner (OpenTable.offersChanged). */
  offersChanged(): void {
    for (const t of this.open.values()) t.offersChanged();
  }
}
