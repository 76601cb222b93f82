// The table's webview: the page the host loads (dist/webview.js). It holds no log: rows come by page
// from the host, which asks the language server (client/src/table/messages.ts is the contract).
import type { TableChangedParams, TableDetail, TableFacetsResult, TableFilterResult, TableFindResult, TableGotoResult, TableOpenResult, TableRow, TableRowsResult, TableTextResult } from '../../server/src/protocol';
import type { ToWebview, WebviewOptions } from '../src/table/messages';
import './table.css';
import './markdown.css';
import './highlights.css';
import { Columns, emptyColumns, type ColumnId, type ColumnState } from './columns';
import { drawBanner } from './banner';
import { DetailPane } from './detail';
import { el, iconButton, shown } from './dom';
import { FilterBar } from './filterBar';
import { formatCount, formatElapsed, parseGotoTime } from './format';
import { gotoHint, gotoNote, gotoParams, type GotoClock } from './gotoTime';
import { Grid } from './grid';
import { slotsOf, type HighlightRequest, type HighlightRule } from './highlightAnswer';
import { Highlights } from './highlights';
import { Host } from './host';
import { readKeptFilter } from './keptFilter';
import { closeMenu, showMenu, type MenuItem } from './menu';
import { PAGE_SIZE, PageCache } from './pageCache';
import { clearTextSelection, guardSelectAll, textSelectedIn } from './selectAll';
import { Selection, type Move } from './selection';
import { sourcesKey } from './sourceFacets';

/** How long the view holds still (scrolled, resized) before its place is said to the server. */
const PLACE_SETTLE_MS = 150;

const KEY_MOVES: Record<string, Move> = { ArrowUp: 'up', ArrowDown: 'down', PageUp: 'pageUp', PageDown: 'pageDown', Home: 'home', End: 'end' };

class App {
  private readonly host = new Host((m) => this.onMessage(m));
  private table!: TableOpenResult;
  private cache!: PageCache<TableRow>;
  private readonly selection = new Selection();
  private columns!: Columns;
  private grid!: Grid;
  private filterBar!: FilterBar;
  private highlights!: Highlights;
  private readonly detail = new DetailPane({
    lookup: (code) => this.host.post({ kind: 'lookup', code }),
    gotoRow: (row) => this.select(row, 'center'),
    openInEditor: (uri, line) => this.host.post({ kind: 'openInEditor', uri, line }),
  });
  private readonly status = el('div', 'status', undefined, { role: 'status', 'aria-live': 'polite' });
  /** The merge's notes and offers (banner.ts). */
  private readonly banner = el('div', 'notes');
  /** Why a log could not be read from disk (its name is untrusted: set as text). */
  private readonly readError = el('div', 'read-error', undefined, { role: 'alert' });
  private readonly elapsed = el('span', 'elapsed');
  private readonly findInput = el('input', 'find', undefined, { type: 'search', placeholder: 'Find (Enter, Shift+Enter)', 'aria-label': 'Find' });
  private readonly gotoInput = el('input', 'goto', undefined, { type: 'text' });
  private readonly followButton = el('button', 'follow', undefined, { type: 'button' });
  private following = false;
  /** What the follow button and the read-error line show now: redrawn only when it changes. */
  private followDrawn = '';
  private readErrorDrawn: string | undefined;
  private filterSeq = 0;
  /** A kept filter is being applied to a restored page: no row is shown until the server narrowed them. */
  private awaitingFilter = false;
  /**
   * The newest facets request; the logs picked the facets shown count (a key of their URIs), set on
   * the answer so a failed request is asked again at the next change; and the pick asked for now.
   */
  private facetsSeq = 0;
  private facetsFor = '';
  private facetsAsking: string | undefined;
  /** The newest time the logs reach (from the facets): a "to" bound before it hides every row that comes. */
  private lastUtc: number | null = null;
  /**
   * Bumped when the highlight rules change: rows asked for with the rules before are drawn with other
   * colours. From a random start: the token of the place said (sayPlace), and a page loaded again must
   * not take rows made for another page's rules.
   */
  private highlightsSeq = Math.floor(Math.random() * 2 ** 30);
  /** The place last said to the server (what it is made of), and the rules it was said with; a place waiting to be said. */
  private placeSaid = '';
  private placeAsked: HighlightRequest | undefined;
  private placeTimer = 0;
  private detailSeq = 0;
  private detailTimer = 0;
  private flashTimer = 0;
  private started = false;

  constructor() {
    this.host.post({ kind: 'ready' });
  }

  private onMessage(m: ToWebview): void {
    if (m.kind === 'init') this.start(m.table, m.options);
    else if (!this.started) return;
    else if (m.kind === 'changed') this.onChanged(m.change);
    else if (m.kind === 'reveal') this.select(m.row, 'center');
    else if (m.kind === 'command') this.onCommand(m.command);
  }

  private start(table: TableOpenResult, options: WebviewOptions): void {
    if (this.started) {
      // The host opened the table again (a server restart): the new table is unfiltered and
      // following, so it gets what this page shows: its filter, its facets, its pause.
      // The selected entry, read before the rows go: a row number of the new table is another entry.
      const selected = this.selection.focus >= 0 ? this.cache.get(this.selection.focus) : undefined;
      this.table = table;
      this.drawBanner();
      this.resetView(table.version, table.rows, () => this.selection.clamp(table.rows));
      void this.applyFilter(selected ? { source: selected.source, entry: selected.entry } : null);
      void this.loadFacets();
      // A new table: it knows no place yet.
      this.placeSaid = '';
      this.sayPlace(true);
      if (!this.following) void this.request('follow', { follow: false });
      return;
    }
    this.started = true;
    this.table = table;
    this.cache = new PageCache<TableRow>(table.version, 64);
    const app = el('div', 'app');
    const state = this.host.state;
    // A merge tab's logs, for VS Code to give back after a window reload (mergeState.ts checks them).
    this.host.saveState({ uris: table.sources.map((s) => s.uri) });
    this.highlights = new Highlights(() => this.highlightsChanged(), state.highlights as HighlightRule[] | undefined);
    this.filterBar = new FilterBar(() => void this.applyFilter());
    this.filterBar.setSources(table.sources);
    // The narrowing this page had before a window reload (the table the host opened is unfiltered).
    const kept = readKeptFilter(state.filter, table.sources);
    if (kept) this.filterBar.restore(kept);
    this.awaitingFilter = !!kept;
    this.grid = new Grid({
      cache: this.cache,
      selection: this.selection,
      columns: () => this.columns,
      sources: () => this.table.sources,
      need: (first, last) => this.fetch(first, last),
      selectionChanged: () => this.selectionChanged(),
      rowMenu: (row, x, y, text, cell) => this.rowMenu(row, x, y, text, cell),
      headerMenu: (x, y) => this.columnsMenu(x, y),
      keydown: (e) => this.gridKey(e),
      activate: (row) => void this.openRow(row),
      resized: () => { if (this.following && !this.table.reading && !this.awaitingFilter) this.followEnd(); },
      drawn: () => this.sayPlace(false),
    });
    this.columns = new Columns(this.grid.root, state.columns as ColumnState | undefined, options.utcColumn, table.sources.length > 1);
    this.grid.root.addEventListener('columns-changed', () => this.host.saveState({ columns: this.columns.state() }));
    this.drawGotoHint();

    const main = el('div', `main detail-${(state.detailAt as string) ?? 'bottom'}`);
    main.append(this.grid.root, this.detail.root);
    if (state.detailHidden) main.classList.add('detail-hidden');
    app.append(this.toolbar(main), this.filterBar.root, main, this.statusBar());
    this.drawBanner();
    app.insertBefore(this.banner, main);
    app.insertBefore(this.readError, main);
    document.getElementById('app')!.replaceChildren(app);
    this.grid.mount();
    this.grid.setRows(kept ? 0 : table.rows);
    this.setFollow(options.follow, false);
    if (options.follow && !table.reading) this.followEnd();
    this.sayPlace(true);
    this.updateStatus();
    void this.loadFacets();
    if (kept) void this.applyFilter();
    window.addEventListener('keydown', (e) => this.globalKey(e));
    guardSelectAll(this.detail.root, () => this.selectAllRows());
  }

  private toolbar(main: HTMLElement): HTMLElement {
    const bar = el('div', 'toolbar', undefined, { role: 'toolbar', 'aria-label': 'Table' });
    this.findInput.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        void this.find(e.shiftKey ? 'previous' : 'next');
      } else if (e.key === 'Escape') this.grid.focusRow();
    });
    this.gotoInput.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        void this.gotoTime(this.gotoInput.value);
      } else if (e.key === 'Escape') this.grid.focusRow();
    });
    const toggleDetail = (): void => {
      main.classList.toggle('detail-hidden');
      this.host.saveState({ detailHidden: main.classList.contains('detail-hidden') });
      if (!main.classList.contains('detail-hidden')) this.loadDetail();
    };
    const moveDetail = (): void => {
      const side = main.classList.toggle('detail-side');
      main.classList.toggle('detail-bottom', !side);
      this.host.saveState({ detailAt: side ? 'side' : 'bottom' });
    };
    bar.append(
      this.findInput,
      iconButton('arrow-up', 'Find previous (Shift+Enter)', () => void this.find('previous')),
      iconButton('arrow-down', 'Find next (Enter)', () => void this.find('next')),
      el('span', 'sep'),
      iconButton('error', 'Previous error (Shift+F8)', () => void this.find('previous', 'error'), 'sev-error prev-error', 'arrow-small-up'),
      iconButton('error', 'Next error (F8)', () => void this.find('next', 'error'), 'sev-error next-error', 'arrow-small-down'),
      iconButton('warning', 'Previous warning (Shift+F7)', () => void this.find('previous', 'warning'), 'sev-warning prev-warning', 'arrow-small-up'),
      iconButton('warning', 'Next warning (F7)', () => void this.find('next', 'warning'), 'sev-warning next-warning', 'arrow-small-down'),
      el('span', 'sep'),
      this.gotoInput,
      el('span', 'sep'),
      iconButton('symbol-color', 'Highlight rules', () => {
        const r = bar.getBoundingClientRect();
        this.highlights.open(r.right - 320, r.bottom);
      }),
      iconButton('list-unordered', 'Columns', () => {
        const r = bar.getBoundingClientRect();
        this.columnsMenu(r.right - 200, r.bottom);
      }),
      iconButton('layout-panel', 'Show or hide the detail pane', toggleDetail),
      iconButton('layout-sidebar-right', 'Detail pane at the side or bottom', moveDetail),
      iconButton('go-to-file', 'Open as text', () => this.host.post({ kind: 'openAsText' })),
    );
    return bar;
  }

  private statusBar(): HTMLElement {
    const bar = el('div', 'status-bar');
    this.followButton.addEventListener('click', () => this.setFollow(!this.following, true));
    bar.append(this.status, this.elapsed, this.followButton);
    return bar;
  }

  private updateStatus(): void {
    const t = this.table;
    const parts = [t.rows === t.total ? `${formatCount(t.rows)} rows` : `${formatCount(t.rows)} of ${formatCount(t.total)} rows`];
    if (t.reading) parts.push('reading…');
    if (this.awaitingFilter) parts.push('filtering…');
    const n = this.selection.count();
    if (n > 1) parts.push(`${formatCount(n)} selected`);
    this.status.textContent = parts.join(' · ');
    this.showReadError();
  }

  private setFollow(follow: boolean, tell: boolean): void {
    this.following = follow;
    this.drawFollow();
    if (!tell) return;
    // Before `follow`: a resumed table's reset comes with its answer, with the rows of the Live place.
    this.sayPlace(true);
    const answered = this.request('follow', { follow });
    // To the end once the server has said what changed while paused (its change comes before the
    // answer): scrolled there now, the old view's end showed ("…" where not cached) for a round trip.
    if (follow) void answered.then(() => { if (this.following) this.followEnd(); });
  }

  /**
   * Live's place: the end; in a merge whose last rows have no time (sorted after every timed row),
   * the newest timed row at the bottom, as the server said it with this view (timedEnd).
   */
  private followEnd(): void {
    const last = this.table.timedEnd;
    if (last === undefined) this.grid.scrollToEnd();
    else this.grid.scrollToRow(last, 'end');
  }

  /**
   * Tells the server where the page shows the table (protocol TablePlaceParams), so a reset brings the
   * rows it will show: when that changes, at once (`now`: Live, the highlight rules) or once scrolling
   * or resizing settles. Live, the row in view does not matter (a reset goes to the Live place).
   */
  private sayPlace(now: boolean): void {
    const live = this.following, top = this.grid.topRow(), reach = this.grid.drawnReach();
    const key = `${live ? 'live' : top} ${reach} ${this.highlightsSeq}`;
    window.clearTimeout(this.placeTimer);
    if (key === this.placeSaid) return;
    const say = (): void => {
      this.placeSaid = key;
      this.placeAsked = this.highlights.request();
      // Not said: the table keeps the place it had (rows for another place are asked for as usual).
      this.host.request('place', { live, top, page: { size: PAGE_SIZE, reach }, highlights: this.placeAsked.highlights, token: this.highlightsSeq }).catch(() => undefined);
    };
    if (now) say();
    else this.placeTimer = window.setTimeout(say, PLACE_SETTLE_MS);
  }

  /**
   * A new view (a filter's answer, a reset): its rows (`first`: those its answer carried), and `place` its selection and scroll, drawn
   * in this task with the status line (the old view's rows would stay drawn a frame under it).
   */
  private resetView(version: number, rows: number, place: () => void, first?: { start: number; items: TableRow[] }): void {
    this.cache.reset(version);
    // The rows its message carried (a filter's answer, a reset): drawn now, not placeholders for a rows round trip.
    if (first) this.cache.seed(version, first.start, first.items, rows);
    this.grid.drawNow(() => {
      this.grid.setRows(rows);
      place();
      this.updateStatus();
    });
  }

  /**
   * Live, Paused, or Stopped when reading ended with an error (the log is gone or unreadable): then
   * nothing will come to follow, and the button says so rather than "Live". A later read that
   * succeeds brings back the user's choice (`following` is kept).
   */
  private drawFollow(): void {
    const stopped = !!this.table.error && !this.table.reading;
    // Live under a time range ending before the log does: new rows come after its end, so none show.
    // Kept Live (clearing "to" shows them at once), but said, as CMTrace users expect rows to appear.
    const to = this.following && !stopped ? this.filterBar.filter().to : undefined;
    const hidden = typeof to === 'number' && this.lastUtc !== null && to < this.lastUtc;
    const drawn = stopped ? 'stopped' : `${this.following}${hidden ? ' hidden' : ''}`;
    if (drawn === this.followDrawn) return;
    this.followDrawn = drawn;
    const [icon, text, title] = stopped ? ['debug-stop', ' Stopped', 'Stopped: the log could not be read'] :
      hidden ? ['debug-pause', ' Live: new rows are past the time range', 'Following the end of the log, but the time range ends before it: new rows stay hidden until its "to" is removed. Click to pause'] :
      this.following ? ['debug-pause', ' Live', 'Following the end of the log: click to pause'] :
      ['play', ' Paused', 'Paused: click to follow the end of the log'];
    this.followButton.textContent = '';
    this.followButton.append(el('span', `codicon codicon-${icon}`, undefined, { 'aria-hidden': 'true' }), document.createTextNode(text));
    this.followButton.setAttribute('aria-pressed', String(this.following && !stopped));
    this.followButton.title = title;
    this.followButton.disabled = stopped;
  }

  private async request<T>(method: Parameters<Host['request']>[0], params: Record<string, unknown>): Promise<T | undefined> {
    try {
      return await this.host.request<T>(method, params);
    } catch (e) {
      this.host.post({ kind: 'notify', level: 'error', message: `Table: ${(e as Error).message}` });
      return undefined;
    }
  }

  private fetch(first: number, last: number): void {
    const generation = this.cache.generation;
    for (const page of this.cache.missing(first, last)) {
      const start = page * PAGE_SIZE;
      const count = Math.min(PAGE_SIZE, this.table.rows - start);
      if (count <= 0) {
        this.cache.failed(page, generation);
        continue;
      }
      void this.askRows(start, count).then((r) => {
        if (!r) return this.cache.failed(page, generation);
        if (this.cache.put(r.version, page, r.items, generation)) this.grid.draw();
      });
    }
  }

  /**
   * Rows with the highlight rules that run, each row's rule made its colour slot by the list sent
   * with this request; the rules the answer says cannot run are marked (no longer sent) and said once.
   */
  private async askRows(start: number, count: number): Promise<TableRowsResult | undefined> {
    const asked = this.highlights.request();
    const r = await this.request<TableRowsResult>('rows', { start, count, highlights: asked.highlights });
    if (!r) return undefined;
    const said = this.highlights.failed(r.highlightErrors, asked);
    if (said) this.flash(said);
    slotsOf(r.items, asked);
    return r;
  }

  private showReadError(): void {
    const e = this.table.error;
    const text = !e ? '' : this.table.total > 0 ? `Could not read ${e}. The rows read before are shown.` : `Could not read ${e}.`;
    if (text !== this.readErrorDrawn) {
      this.readErrorDrawn = text;
      this.readError.textContent = shown(text);
      this.readError.hidden = !e;
    }
    this.drawFollow();
  }

  private onChanged(c: TableChangedParams): void {
    const t = this.table;
    // The host's state, sent again when the panel is shown (session.shown): nothing new, nothing to redo.
    if (c.reset && c.version === t.version && c.rows === t.rows && c.total === t.total && c.reading === t.reading && c.error === t.error) return;
    const old = this.table.rows;
    this.table = { ...this.table, version: c.version, rows: c.rows, total: c.total, reading: c.reading, error: c.error, timedEnd: c.timedEnd, ...c.banner };
    if (c.banner) this.drawBanner();
    const shown = this.awaitingFilter ? 0 : c.rows;
    // Following waits for the first read to end: each piece read moves the end on before the rows
    // asked for there arrive, so a view chasing it showed none until the whole log was read.
    const follow = this.following && !c.reading;
    // The rows it carries for the place said (sayPlace: a reset's, a Live page's append), made with the highlight rules the page has now.
    const asked = this.placeAsked;
    const first = c.page && asked && c.page.token === this.highlightsSeq && !this.awaitingFilter ? c.page : undefined;
    if (first) slotsOf(first.items, asked!);
    if (c.reset) {
      this.resetView(c.version, shown, () => {
        this.selection.clamp(c.rows);
        if (follow) this.followEnd();
      }, first);
    } else {
      this.cache.appended(c.version, old);
      const grow = (): void => {
        this.grid.setRows(shown);
        if (follow) this.followEnd();
        this.updateStatus();
      };
      // Rows carried (Live): seeded and drawn with the status line, not "…" for a rows round trip.
      if (first) {
        this.cache.seed(c.version, first.start, first.items, shown);
        this.grid.drawNow(grow);
      } else {
        grow();
        this.grid.draw();
      }
    }
    const said = first && this.highlights.failed(first.highlightErrors, asked!);
    if (said) this.flash(said);
    if (!c.reading || c.reset) void this.loadFacets();
  }

  private drawBanner(): void {
    drawBanner(this.banner, this.table, (uri) => this.host.post({ kind: 'useFolderOffset', uri }));
  }

  /** Facets of the logs the Machines and Logs pickers keep (every log when they keep all). */
  private async loadFacets(): Promise<void> {
    const seq = ++this.facetsSeq;
    const sources = this.filterBar.pickedSources();
    const key = sourcesKey(sources);
    this.facetsAsking = key;
    const f = await this.request<TableFacetsResult>('facets', sources ? { sources } : {});
    if (seq !== this.facetsSeq) return;
    this.facetsAsking = undefined;
    if (!f) return;
    this.facetsFor = key;
    this.lastUtc = f.lastUtc ?? null;
    this.filterBar.setFacets(f, sources?.length);
    // A column no row fills (CBS's thread) hides by itself, unsaved; the Columns menu shows it again.
    if (this.columns.setEmpty(emptyColumns(f))) this.grid.draw();
    this.drawFollow();
  }

  /**
   * Narrows the table to the filter bar's filter, keeping `keep` (by default the selected entry) selected;
   * with nothing selected, the entry of the first row in view stays at the top, selecting nothing.
   */
  private async applyFilter(keep?: { source: number; entry: number } | null): Promise<void> {
    const seq = ++this.filterSeq;
    // Other filters leave the facets as they are; the logs picked change what they count.
    const picked = sourcesKey(this.filterBar.pickedSources());
    if (picked !== this.facetsFor && picked !== this.facetsAsking) void this.loadFacets();
    // Kept for a window reload, as the columns are (keptFilter.ts bounds what is kept).
    this.host.saveState({ filter: readKeptFilter(this.filterBar.kept(), this.table.sources) });
    // The reader's place: the selected entry and where in the view it is drawn, or else the first row
    // in view (none while the first filtered answer is awaited: the rows drawn are not the table's).
    const focus = this.selection.focus;
    const selected = focus >= 0;
    const anchor = selected ? focus : this.table.rows > 0 && !this.awaitingFilter ? this.grid.topRow() : -1;
    const place = selected ? this.grid.placeOf(focus) : 0;
    // A range (shift, Ctrl+A) keeps its records: its other end is sent too (two entries, however many rows).
    const other = keep === undefined && selected && this.selection.anchor >= 0 && this.selection.anchor !== focus ? this.selection.anchor : -1;
    const [entry, from] = await Promise.all([
      keep !== undefined ? keep ?? undefined : anchor >= 0 ? this.entryOf(anchor) : undefined,
      other >= 0 ? this.entryOf(other) : undefined,
    ]);
    if (seq !== this.filterSeq) return;
    // The answer carries the rows the page shows first, around the row it keeps (or the top), as a rows answer would.
    const asked = this.highlights.request(), highlightsSeq = this.highlightsSeq;
    const r = await this.request<TableFilterResult>('filter', {
      filter: this.filterBar.filter(), ...(entry ? { keep: entry, ...(from ? { keepFrom: from } : {}) } : {}),
      page: { size: PAGE_SIZE, reach: this.grid.drawnReach() }, highlights: asked.highlights,
    });
    if (seq !== this.filterSeq) return;
    if (this.awaitingFilter) {
      this.awaitingFilter = false;
      // The request failed (and said so): the rows the table has are shown rather than none.
      if (!r) {
        this.grid.setRows(this.table.rows);
        this.updateStatus();
      }
    }
    if (!r) return;
    // Shown in the bar only: a live filter would otherwise raise a notification per keystroke.
    this.filterBar.setError(r.error ?? '');
    this.table = { ...this.table, version: r.version, rows: r.rows, timedEnd: r.timedEnd };
    // The kept entry (or the shown row nearest to it in the log) stays where it was drawn: selected
    // when it was, at the top of the view when it was the first row in view; else the view starts at the top.
    // A range keeps the rows between its ends' (each its own row or the nearest shown inside it), its focus end in place.
    const inView = (row: number | null | undefined): row is number => typeof row === 'number' && row >= 0 && row < r.rows;
    const range = from && r.keptRange && inView(r.keptRange.from) && inView(r.keptRange.to) ? r.keptRange : null;
    const kept = range ? range.to : r.kept ?? null;
    // Not if the highlight rules changed meanwhile: those rows have the colours of the rules before.
    const first = r.page && highlightsSeq === this.highlightsSeq ? r.page : undefined;
    if (first) slotsOf(first.items, asked);
    this.resetView(r.version, r.rows, () => {
      if (entry && inView(kept)) {
        if (range) this.selection.range(range.from, range.to);
        else if (selected) this.selection.click(kept);
        else this.selection.clear();
        if (place !== null) this.grid.scrollToRowAt(kept, place);
        else this.grid.scrollToRow(kept, 'center');
      } else {
        this.selection.clear();
        this.grid.scrollToRow(0);
      }
      this.selectionChanged();
    }, first);
    // After the status line is drawn (a flash over it would be drawn over at once).
    const said = first && this.highlights.failed(first.highlightErrors, asked);
    if (said) this.flash(said);
  }

  /** The log and entry a row of the view shown shows (a row number means nothing in another view). */
  private async entryOf(row: number): Promise<{ source: number; entry: number } | undefined> {
    const version = this.cache.version;
    const r = this.cache.get(row) ?? (await this.request<TableRowsResult>('rows', { start: row, count: 1 }).then((a) => (a?.version === version ? a.items[0] : undefined)));
    return r ? { source: r.source, entry: r.entry } : undefined;
  }

  private highlightsChanged(): void {
    this.highlightsSeq++;
    this.sayPlace(true);
    this.host.saveState({ highlights: Highlights.kept(this.highlights.rules) });
    // Same view version, new generation: rows asked for with the old highlights are not cached.
    this.cache.reset(this.cache.version);
    this.grid.draw();
    // No row to ask for (a filter that matches nothing): the server still checks the patterns, so a
    // bad one is marked now rather than when rows come back.
    if ((this.table.rows === 0 || this.awaitingFilter) && this.highlights.rules.some((r) => r.regex !== undefined && !r.error)) void this.askRows(0, 0);
  }

  private selectionChanged(): void {
    this.updateStatus();
    this.grid.draw();
    void this.updateElapsed();
    clearTimeout(this.detailTimer);
    this.detailTimer = window.setTimeout(() => this.loadDetail(), 80);
  }

  /** A row, from the cache or asked for (without the highlight rules: its time or place is wanted, not its colour). */
  private async row(row: number): Promise<TableRow | undefined> {
    const r = this.cache.get(row);
    if (r) return r;
    const a = await this.request<TableRowsResult>('rows', { start: row, count: 1 });
    return a?.items[0];
  }

  private async updateElapsed(): Promise<void> {
    const b = this.selection.bounds();
    if (!b || b.first === b.last) return void (this.elapsed.textContent = '');
    const [a, z] = await Promise.all([this.row(b.first), this.row(b.last)]);
    if (this.selection.bounds()?.first !== b.first || this.selection.bounds()?.last !== b.last) return;
    this.elapsed.textContent = a?.utc != null && z?.utc != null ? `Elapsed ${formatElapsed(z.utc - a.utc)}` : 'Elapsed: time unknown';
  }

  private loadDetail(): void {
    if (this.detail.root.closest('.detail-hidden')) return;
    const row = this.selection.focus;
    if (row < 0) return this.detail.clear('Select a row to see its details.');
    const seq = ++this.detailSeq;
    void this.request<TableDetail | null>('detail', { row }).then((d) => {
      if (seq !== this.detailSeq) return;
      if (d) this.detail.show(d);
      else this.detail.clear('This row is no longer in the table.');
    });
  }

  private select(row: number, align: 'nearest' | 'center' = 'nearest'): void {
    if (row < 0 || row >= this.table.rows) return;
    this.selection.click(row);
    this.grid.scrollToRow(row, align);
    this.selectionChanged();
    this.grid.focusRow();
  }

  private async find(direction: 'next' | 'previous', severity?: 'error' | 'warning'): Promise<void> {
    const text = this.findInput.value;
    if (!severity && !text) return this.findInput.focus();
    // As VS Code and CMTrace: past the last match, the search wraps to the other end and says so.
    const edge = direction === 'next' ? -1 : this.table.rows;
    const from = this.selection.focus >= 0 ? this.selection.focus : edge;
    const ask = (start: number) => this.request<TableFindResult>('find', severity ? { from: start, direction, severity } : { from: start, direction, text });
    let r = await ask(from);
    const wrapped = !!r && !r.error && r.row === null && from !== edge;
    if (wrapped) r = await ask(edge);
    if (!r) return;
    const what = severity ?? `"${text}"`;
    if (r.error) this.host.post({ kind: 'notify', level: 'warning', message: r.error });
    else if (r.row === null) this.flash(`No ${what} in the table.`);
    else {
      this.select(r.row, 'center');
      if (wrapped) this.flash(direction === 'next' ? `Reached the end: ${what} found from the top.` : `Reached the top: ${what} found from the end.`);
    }
  }

  /** A merge showing its UTC column reads a typed time in UTC (the order it is sorted in); else the log's own clock. */
  private gotoClock(): GotoClock {
    return this.table.sources.length > 1 && this.columns.visible('utc') ? 'utc' : 'log';
  }

  private drawGotoHint(): void {
    const { placeholder, title } = gotoHint(this.gotoClock());
    this.gotoInput.placeholder = placeholder;
    this.gotoInput.title = title;
    this.gotoInput.setAttribute('aria-label', title);
  }

  private async gotoTime(text: string): Promise<void> {
    const time = parseGotoTime(text);
    if (time === null) return this.flash('Type a time such as 2024-01-15 08:00:00, 01-15-2024 08:00 (month first) or 08:00.');
    // The selected (or first visible) row gives a time alone its day, in the clock the box reads.
    const ref = this.selection.focus >= 0 ? this.selection.focus : this.grid.topRow();
    const clock = this.gotoClock();
    const r = await this.request<TableGotoResult>('gotoTime', gotoParams(time, clock, ref));
    if (!r) return;
    if (r.row !== null) this.select(r.row, 'center');
    const note = gotoNote(text, clock, r, r.row === null ? undefined : await this.row(r.row));
    if (note) this.flash(note);
  }

  private flash(message: string): void {
    this.status.textContent = shown(message);
    // A second message keeps its 3 s: the first one's timer must not wipe it.
    window.clearTimeout(this.flashTimer);
    this.flashTimer = window.setTimeout(() => this.updateStatus(), 3000);
  }

  private async copy(as: 'tsv' | 'raw'): Promise<void> {
    const ranges = this.selection.ranges();
    if (ranges.length === 0) return;
    const r = await this.request<TableTextResult>('copy', { ranges, as, ...(as === 'tsv' ? { columns: this.columns.shown() } : {}) });
    if (!r) return;
    this.host.post({ kind: 'clipboard', text: r.text });
    this.flash(r.cut ? 'Copied (cut: too many rows).' : `Copied ${formatCount(this.selection.count())} rows.`);
  }

  private async openRow(row: number): Promise<void> {
    const r = await this.row(row);
    const src = r && this.table.sources[r.source];
    if (r && src) this.host.post({ kind: 'openInEditor', uri: src.uri, line: r.line });
  }

  private onCommand(c: Extract<ToWebview, { kind: 'command' }>['command']): void {
    if (c === 'nextError') void this.find('next', 'error');
    else if (c === 'previousError') void this.find('previous', 'error');
    else if (c === 'nextWarning') void this.find('next', 'warning');
    else if (c === 'previousWarning') void this.find('previous', 'warning');
    else if (c === 'find') this.findInput.focus();
    else if (c === 'gotoTime') this.gotoInput.focus();
    else if (c === 'focusFilter') this.filterBar.text.focus();
    else if (c === 'copy') void this.copy('tsv');
    else if (c === 'copyRaw') void this.copy('raw');
    else if (c === 'togglePause') this.setFollow(!this.following, true);
    // The selected row's log at its line (a merge's rows come from several logs); else the host asks which log.
    else if (c === 'openInTextEditor') {
      if (this.selection.focus >= 0) void this.openRow(this.selection.focus);
      else this.host.post({ kind: 'openLogInEditor' });
    }
  }

  private globalKey(e: KeyboardEvent): void {
    const ctrl = e.ctrlKey || e.metaKey;
    if (ctrl && e.key.toLowerCase() === 'f') {
      e.preventDefault();
      this.findInput.focus();
      this.findInput.select();
    } else if (ctrl && e.key.toLowerCase() === 'g') {
      e.preventDefault();
      this.gotoInput.focus();
    } else if (e.key === 'F3') {
      e.preventDefault();
      void this.find(e.shiftKey ? 'previous' : 'next');
    } else if (e.key === 'F8' || e.key === 'F7') {
      // F8 walks the errors, F7 the warnings (the text editor's Ctrl+F8 / Ctrl+F7 pair).
      e.preventDefault();
      void this.find(e.shiftKey ? 'previous' : 'next', e.key === 'F8' ? 'error' : 'warning');
    } else if (e.key === 'Escape') closeMenu();
  }

  private gridKey(e: KeyboardEvent): void {
    if ((e.target as Element).closest('.header')) return;
    const ctrl = e.ctrlKey || e.metaKey;
    const move = KEY_MOVES[e.key];
    if (move && !e.altKey) {
      e.preventDefault();
      const row = this.selection.move(move, e.shiftKey, this.table.rows, this.grid.pageRows());
      if (row >= 0) {
        this.grid.scrollToRow(row);
        this.selectionChanged();
        this.grid.focusRow();
      }
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (this.selection.focus >= 0) void this.openRow(this.selection.focus);
    } else if (ctrl && e.key.toLowerCase() === 'c') {
      // Let a text selection inside a cell (or the detail pane) copy as usual.
      if (!e.shiftKey && textSelectedIn([this.grid.root, this.detail.root])) return;
      e.preventDefault();
      void this.copy(e.shiftKey ? 'raw' : 'tsv');
    } else if (ctrl && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      this.selectAllRows();
    } else if ((e.key === 'F10' && e.shiftKey) || e.key === 'ContextMenu') {
      e.preventDefault();
      const focused = this.grid.root.querySelector<HTMLElement>('.row.focused');
      const r = focused?.getBoundingClientRect();
      if (this.selection.focus >= 0) this.rowMenu(this.selection.focus, r ? r.left + 40 : 40, r ? r.bottom : 40, window.getSelection()?.toString() ?? '', null);
    }
  }

  /** Every row selected, and no page text (selectAll.ts: VS Code's own select-all comes here too). */
  private selectAllRows(): void {
    clearTextSelection();
    this.selection.selectAll(this.table.rows);
    this.selectionChanged();
  }

  private rowMenu(row: number, x: number, y: number, selected: string, cell: ColumnId | null): void {
    const r = this.cache.get(row);
    const items: MenuItem[] = [];
    const text = selected.trim().split('\n')[0].slice(0, 200);
    if (text) {
      items.push(
        { label: `Filter: contains "${text}"`, action: () => this.filterBar.addText('contains', text) },
        { label: `Filter: does not contain "${text}"`, action: () => this.filterBar.addText('notContains', text) },
        { label: `Highlight "${text}"`, action: () => this.highlights.add(text) },
      );
    }
    if (r) {
      const comp = r.component;
      const thread = r.thread;
      const compItems: MenuItem[] = comp ? [
        { label: `Only component ${comp}`, action: () => this.filterBar.pick('component', comp, 'include') },
        { label: `Exclude component ${comp}`, action: () => this.filterBar.pick('component', comp, 'exclude') },
      ] : [];
      const threadItems: MenuItem[] = thread ? [
        { label: `Only thread ${thread}`, action: () => this.filterBar.pick('thread', thread, 'include') },
        { label: `Exclude thread ${thread}`, action: () => this.filterBar.pick('thread', thread, 'exclude') },
      ] : [];
      // The clicked cell's own filters first.
      items.push(...(cell === 'thread' ? [...threadItems, ...compItems] : [...compItems, ...threadItems]));
      items.push(
        { label: 'Show from here', action: () => this.filterBar.setTime('from', r.utc, r.time), disabled: r.utc === null },
        { label: 'Show up to here', action: () => this.filterBar.setTime('to', r.utc, r.time), disabled: r.utc === null },
      );
    }
    items.push(
      { label: 'Copy (tab-separated)', action: () => void this.copy('tsv') },
      { label: 'Copy raw lines', action: () => void this.copy('raw') },
      { label: 'Open in text editor', action: () => void this.openRow(row) },
    );
    showMenu(x, y, items, 'Row actions');
  }

  private columnsMenu(x: number, y: number): void {
    const merge = this.table.sources.length > 1;
    showMenu(x, y, this.columns.available(merge).filter((c) => c.hideable).map((c) => ({
      label: c.title,
      checked: this.columns.visible(c.id),
      action: () => {
        this.columns.toggle(c.id);
        this.drawGotoHint();
        this.host.saveState({ columns: this.columns.state() });
        this.grid.draw(); // a shown column's cells are only made when drawn
      },
    })), 'Columns');
  }
}

new App();
