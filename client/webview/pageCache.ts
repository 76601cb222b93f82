// Rows fetched from the host by page, kept in a bounded LRU (a Map keeps insertion order: a hit is
// moved to the end, the oldest is evicted). Answers carry the view's version: an older one is stale
// and dropped; a newer one means the view changed under us, so what we hold is dropped. A request
// also carries the cache's generation, which every reset bumps: what the page asked with (its
// highlights) can change while the server's view version does not. Pure.

export const PAGE_SIZE = 200;

export class PageCache<T> {
  private readonly pages = new Map<number, readonly T[]>();
  private readonly pending = new Set<number>();
  version: number;
  /** Bumped by every reset: an answer to a request made before it is not cached. */
  private gen = 0;

  constructor(version: number, readonly maxPages = 64) {
    this.version = version;
  }

  get size(): number {
    return this.pages.size;
  }

  /** The row if its page is held (and marks the page recently used). */
  get(row: number): T | undefined {
    const page = Math.floor(row / PAGE_SIZE);
    const items = this.pages.get(page);
    if (items === undefined) return undefined;
    this.pages.delete(page);
    this.pages.set(page, items);
    return items[row - page * PAGE_SIZE];
  }

  /** Pages of rows [first, last] neither held nor asked for; marks them asked for. */
  missing(first: number, last: number): number[] {
    const out: number[] = [];
    for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) {
      if (!this.pages.has(p) && !this.pending.has(p)) {
        this.pending.add(p);
        out.push(p);
      }
    }
    return out;
  }

  /** What a request made now carries back to put(). */
  get generation(): number {
    return this.gen;
  }

  /**
   * An answer for `page` to a request made at `generation`; false when it is stale (older than the
   * view we show, or asked for before a reset: the page may be asked for again since).
   */
  put(version: number, page: number, items: readonly T[], generation: number): boolean {
    if (generation !== this.gen) return false;
    this.pending.delete(page);
    if (version < this.version) return false;
    if (version > this.version) this.drop(version);
    this.pages.set(page, items);
    while (this.pages.size > this.maxPages) this.pages.delete(this.pages.keys().next().value as number);
    return true;
  }

  /**
   * The rows a new view's answer carried (TableFilterResult.page), from `start` (a page's first row),
   * held as an answer to a request made now: whole pages only, a short one only as the view's last
   * (a page held is never asked for again, so a part of one would stay placeholders).
   */
  seed(version: number, start: number, items: readonly T[], rows: number): void {
    if (start % PAGE_SIZE !== 0) return;
    for (let at = 0; at < items.length; at += PAGE_SIZE) {
      const page = items.slice(at, at + PAGE_SIZE);
      if (page.length < PAGE_SIZE && start + at + page.length !== rows) return;
      this.put(version, (start + at) / PAGE_SIZE, page, this.gen);
    }
  }

  /** A request for `page` made at `generation` failed: it may be asked for again. */
  failed(page: number, generation: number): void {
    if (generation === this.gen) this.pending.delete(page);
  }

  /** The view or the request changed (filter, reset, highlights): nothing held or asked for is valid. */
  reset(version: number): void {
    this.gen++;
    this.drop(version);
  }

  /** A newer view: what is held goes (requests in flight, made for it, still count). */
  private drop(version: number): void {
    this.version = version;
    this.pages.clear();
    this.pending.clear();
  }

  /**
   * Rows were appended (version grew, rows before `oldRows` unchanged): keep the pages, except the
   * last partial one, which now has more rows.
   */
  appended(version: number, oldRows: number): void {
    this.version = version;
    const last = Math.floor(oldRows / PAGE_SIZE);
    this.pages.delete(last);
    this.pending.clear();
  }
}
