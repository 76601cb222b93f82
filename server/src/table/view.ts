// A table: the view over one log, or the merge of several sorted by UTC, that the table editor
// scrolls. Rows are positions in the merge order (log, entry), filtered into a list of positions;
// both are typed arrays, and a row's text is read from its log only when asked for (a page of
// rows, a detail, a copy). One log needs no order at all: position = entry.
import type { LogFile } from '../logFile';
import type { ParseOptions } from '../model';
import { TABLE_MAX_HIGHLIGHTS, TABLE_MAX_ROWS, type TableFilter, type TableGotoResult, type TableGotoTimeParams, type TableHighlight, type TableHighlightError, type TableRow } from '../protocol';
import { namedAndMore } from '../explain/logLabel';
import { bisect } from '../parse/bisect';
import { DAY_MS } from '../parse/time';
import { mergeRuns } from '../parse/mergeRuns';
import { firstLine } from '../parse/lineBreaks';
import { severityName, severityOfName } from '../severity';
import { CompiledFilter } from './filter';
import { firstPage } from './firstPage';
import { GrowInt32 } from './growArray';
import { firstRowFrom, rangeNear, rowNear, shows, type Place } from './keptRows';
import { lastTimedRow } from './timedEnd';
import { timeCell } from './timeCell';
import { matchAll, REGEX_BATCH, REGEX_TEXT_MAX, userRegex } from './userRegex';
import { yieldNow } from './yieldTurns';

/** How far go-to-time looks from its reference row for one with a clock (records without a time are rare and short-lived). */
const TIMED_NEAR = 10_000;

/** A log of the table: the model it has now (it can change: reparsed, or read from disk). */
export interface TableLogSource {
  key: string;
  name: string;
  log(): LogFile | undefined;
  /** Still being read from disk. */
  reading(): boolean;
  /** Why the log could not be read: reading it from disk failed, or the server let it go and its file is gone. */
  readonly failure?: string;
  /** The table closed: stop reading or following the file. */
  stop?(): void;
  /** New parse options (an offset setting changed), for a model the table reads itself: it is re-timed; whether it was (they differ). */
  retime?(options: ParseOptions): boolean;
}

/** Logs named in a table's read error. */
const ERRORS_LISTED = 3;

/** A row's message: its first line, cut at this many characters. */
export const MESSAGE_CUT = 2000;
/** Rows whose column tests run between two yields of a filter; fewer when their text is read. */
const COLUMN_SLICE = 1 << 20;
const TEXT_SLICE = 20_000;

export type Refresh = 'none' | 'append' | 'reset';

/** A number from the wire, or null. */
const finite = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

export class TableView {
  readonly keys: string[];
  private logs: (LogFile | undefined)[] = [];
  /** Entries of each log the order covers. */
  private seen: number[] = [];
  /** Each log's `timing` the order was made with: new parse options re-time a model in place. */
  private timings: number[] = [];
  /** Merge order: row position -> log and entry (null for one log: position = entry). */
  private src: GrowInt32 | null = null;
  private ent: GrowInt32 | null = null;
  private count = 0;
  /** The last UTC in the order, and whether it ends with entries of unknown UTC (placed last). */
  private lastUtc = -Infinity;
  private unknownTail = false;
  /** timedEnd() of the view version it was found for. */
  private timedEndFound = { version: 0, row: null as number | null };
  private filter: CompiledFilter;
  /** Filtered view: positions in order, ascending; null when nothing is filtered out. */
  private rows: GrowInt32 | null = null;
  /** Rows of each log's entries, built when asked (rowOf), dropped when the view changes. */
  private inverse: Int32Array[] | null = null;
  /** Grows with every change of the view (protocol: `version`). */
  version = 1;
  /** Grows when the entries the view covers change (a rebuild, an append), not with the filter. */
  entriesVersion = 0;
  /** Grows with every rebuild: a filter built over an older order starts again. */
  private generation = 0;
  /** Each source's failure when the error line was built, and that line. */
  private failures: (string | undefined)[] = [];
  private errorLine: string | undefined;

  constructor(readonly sources: readonly TableLogSource[]) {
    this.keys = sources.map((s) => s.key);
    this.filter = new CompiledFilter({}, this.keys);
    this.rebuild();
  }

  get rowCount(): number { return this.rows ? this.rows.n : this.count; }
  get total(): number { return this.count; }
  get reading(): boolean { return this.sources.some((s) => s.reading()); }
  get merged(): boolean { return this.sources.length > 1; }
  /** The logs that could not be read, each "name: why" (the first few: a merge holds up to 1000 logs). */
  get error(): string | undefined { return this.errorLine; }

  /**
   * Sources' failures change only in `log()` or before the `changed()` that refreshes the view:
   * compared here (no allocation), the error line is built again only when one of them changed.
   */
  private noteFailures(): void {
    let same = this.failures.length === this.sources.length;
    for (let li = 0; same && li < this.sources.length; li++) same = this.sources[li].failure === this.failures[li];
    if (same) return;
    this.failures = this.sources.map((s) => s.failure);
    let failed = 0;
    const listed: string[] = [];
    for (const s of this.sources) {
      if (s.failure === undefined) continue;
      if (++failed <= ERRORS_LISTED) listed.push(`${s.name}: ${s.failure}`);
    }
    // Each item holds a colon (and a failure may hold commas): joined by semicolons.
    this.errorLine = failed === 0 ? undefined : namedAndMore(listed, ERRORS_LISTED, failed, '; ');
  }

  /** Log index and entry of a position in the order. */
  logAt(pos: number): number { return this.src ? this.src.a[pos] : 0; }
  entryAt(pos: number): number { return this.ent ? this.ent.a[pos] : pos; }
  positionOf(row: number): number { return this.rows ? this.rows.a[row] : row; }
  model(li: number): LogFile | undefined { return this.logs[li]; }

  /** Reads every log again and orders its entries; the filter applies again. */
  rebuild(): void {
    this.generation++;
    this.inverse = null;
    this.logs = this.sources.map((s) => s.log());
    this.noteFailures();
    this.seen = this.logs.map((l) => l?.entryCount ?? 0);
    this.timings = this.logs.map((l) => l?.timing ?? 0);
    if (!this.merged) {
      this.count = this.seen[0] ?? 0;
    } else {
      this.order();
    }
    this.rows = this.filter.isEmpty ? null : new GrowInt32();
    if (this.rows) this.matchRange(this.filter, 0, this.count, this.rows);
    this.version++;
    this.entriesVersion++;
  }

  /**
   * Merge order: by UTC, unknown UTC last, ties by log then entry. Each log is nearly always in
   * time order already (a log that is not is sorted on its own): a k-way merge of the logs costs
   * n log k, not a sort of every row.
   */
  private order(): void {
    const k = this.logs.length;
    let n = 0;
    for (const c of this.seen) n += c;
    const utcs: Float64Array[] = [], runs: (Uint32Array | null)[] = [];
    for (let li = 0; li < k; li++) {
      const log = this.logs[li], c = this.seen[li];
      const u = new Float64Array(c);
      let sorted = true;
      for (let e = 0; e < c; e++) {
        const t = log!.utc(e);
        u[e] = Number.isNaN(t) ? Infinity : t;
        if (e > 0 && u[e] < u[e - 1]) sorted = false;
      }
      utcs.push(u);
      let run: Uint32Array | null = null;
      if (!sorted) {
        run = new Uint32Array(c);
        for (let e = 0; e < c; e++) run[e] = e;
        run.sort((x, y) => u[x] - u[y] || x - y);
      }
      runs.push(run);
    }
    this.src = new GrowInt32(n);
    this.ent = new GrowInt32(n);
    const src = this.src.a, ent = this.ent.a;
    let p = 0, last = -Infinity, unknown = false;
    const entry = (li: number, j: number) => { const r = runs[li]; return r ? r[j] : j; };
    mergeRuns(k, new Int32Array(k), this.seen, (li, j) => utcs[li][entry(li, j)], (li, j) => {
      const e = entry(li, j);
      src[p] = li;
      ent[p++] = e;
      const t = utcs[li][e];
      if (t === Infinity) unknown = true; else last = t;
      return true;
    });
    this.src.n = this.ent.n = this.count = n;
    this.lastUtc = last;
    this.unknownTail = unknown;
  }

  /**
   * A log changed: new entries at its end are appended (cost: what was appended), anything else
   * (another model, fewer entries, a merge re-timed or that the new entries cannot simply follow) rebuilds.
   */
  refresh(): Refresh {
    const now = this.sources.map((s) => s.log());
    this.noteFailures();
    let grew = false;
    for (let li = 0; li < now.length; li++) {
      const log = now[li];
      // A log's first model (the first piece read from disk) adds rows: nothing was shown of it.
      if (log && this.logs[li] === undefined && this.seen[li] === 0) { this.logs[li] = log; this.timings[li] = log.timing; }
      // Re-timed (an offset setting changed): the same entries, in another UTC order.
      const retimed = log !== undefined && log.timing !== this.timings[li];
      if (log !== this.logs[li] || retimed || (log && log.entryCount < this.seen[li])) { this.rebuild(); return 'reset'; }
      if (log && log.entryCount > this.seen[li]) grew = true;
    }
    if (!grew) return 'none';
    const from = this.count;
    if (!this.merged) {
      this.count = this.seen[0] = now[0]!.entryCount;
    } else if (!this.appendMerged()) {
      this.rebuild();
      return 'reset';
    }
    this.inverse = null;
    if (this.rows) this.matchRange(this.filter, from, this.count, this.rows);
    this.version++;
    this.entriesVersion++;
    return 'append';
  }

  /** New entries that all follow the last row in time go at the end; false when they do not. */
  private appendMerged(): boolean {
    const add: { li: number; e: number; t: number }[] = [];
    for (let li = 0; li < this.logs.length; li++) {
      const log = this.logs[li]!;
      if (!log) continue;
      for (let e = this.seen[li]; e < log.entryCount; e++) {
        const t = log.utc(e);
        if (Number.isNaN(t) || this.unknownTail || t < this.lastUtc) return false;
        add.push({ li, e, t });
      }
    }
    add.sort((a, b) => a.t - b.t || a.li - b.li || a.e - b.e);
    for (const x of add) { this.src!.push(x.li); this.ent!.push(x.e); this.lastUtc = x.t; }
    this.count = this.src!.n;
    for (let li = 0; li < this.logs.length; li++) this.seen[li] = this.logs[li]?.entryCount ?? 0;
    return true;
  }

  /**
   * Applies a filter, in slices that yield and stop when `cancelled()` says so (the view is then
   * unchanged). A part that cannot run (a bad or too slow pattern) refuses the whole filter.
   */
  async setFilter(f: TableFilter, cancelled: () => boolean = () => false): Promise<{ error?: string; cancelled?: boolean }> {
    const compiled = new CompiledFilter(f, this.keys);
    if (compiled.error) return { error: compiled.error };
    for (;;) {
      const generation = this.generation;
      let rows: GrowInt32 | null = null;
      if (!compiled.isEmpty) {
        rows = new GrowInt32();
        const slice = compiled.hasText || compiled.regex ? TEXT_SLICE : COLUMN_SLICE;
        let a = 0;
        // Rows appended while this runs are covered too: loop until the end holds still.
        while (a < this.count && generation === this.generation) {
          const b = Math.min(this.count, a + slice);
          const error = this.matchRange(compiled, a, b, rows);
          if (error) return { error };
          a = b;
          if (a < this.count) {
            await yieldNow();
            if (cancelled()) return { cancelled: true };
          }
        }
      }
      if (generation !== this.generation) continue; // rebuilt meanwhile: its order is new
      this.filter = compiled;
      this.rows = rows;
      this.inverse = null;
      this.version++;
      return {};
    }
  }

  /** Appends the positions in [a, b) that pass `f` to `out`; an error when its pattern cannot run. */
  private matchRange(f: CompiledFilter, a: number, b: number, out: GrowInt32): string | undefined {
    // The column tests, per log read once here: the loop below is the hot path of a filter.
    const n = this.logs.length;
    const sev: Uint8Array[] = [], comp: ArrayLike<number>[] = [], thr: ArrayLike<number>[] = [];
    const compOk: (Uint8Array | null)[] = [], thrOk: (Uint8Array | null)[] = [], shown = new Uint8Array(n);
    const empty = new Uint8Array(0);
    for (let li = 0; li < n; li++) {
      const log = this.logs[li];
      shown[li] = log && f.sourceShown(li) ? 1 : 0;
      sev.push(log?.table.severity ?? empty); comp.push(log?.table.component ?? empty); thr.push(log?.table.thread ?? empty);
      compOk.push(log ? f.componentIds(log) : null); thrOk.push(log ? f.threadIds(log) : null);
    }
    const mask = f.severities, time = f.hasTime, text = f.hasText || f.regex !== null;
    const src = this.src?.a, ent = this.ent?.a;
    // Positions kept are written straight into the output (grown once to hold them all).
    const kept = text ? new GrowInt32(1024) : out;
    kept.reserve(b - a);
    const k = kept.a;
    let m = kept.n;
    if (!src && !this.rowsNeedLog(compOk, thrOk, time, shown)) {
      // One log, severity only: the tightest loop.
      const s0 = sev[0];
      for (let p = a; p < b; p++) if ((mask >> s0[p]) & 1) k[m++] = p;
    } else {
      for (let p = a; p < b; p++) {
        const li = src ? src[p] : 0, e = ent ? ent[p] : p;
        if (shown[li] === 0 || ((mask >> sev[li][e]) & 1) === 0) continue;
        const co = compOk[li];
        if (co !== null && co[comp[li][e]] === 0) continue;
        const to = thrOk[li];
        if (to !== null && to[thr[li][e]] === 0) continue;
        if (time && !f.timeOk(this.logs[li]!, e)) continue;
        k[m++] = p;
      }
    }
    kept.n = m;
    if (!text) return undefined;
    const messages: string[] = [], pass: number[] = [];
    for (let i = 0; i < kept.n; i++) {
      const p = kept.a[i], msg = this.searchText(p);
      if (f.textOk(msg)) { pass.push(p); if (f.regex) messages.push(msg); }
    }
    if (!f.regex) { for (const p of pass) out.push(p); return undefined; }
    const hits = matchAll(f.regex, messages);
    if (!(hits instanceof Set)) return hits.error;
    for (let i = 0; i < pass.length; i++) if (hits.has(i)) out.push(pass[i]);
    return undefined;
  }

  /** Whether a filter over one log tests more than the severity. */
  private rowsNeedLog(compOk: (Uint8Array | null)[], thrOk: (Uint8Array | null)[], time: boolean, shown: Uint8Array): boolean {
    return compOk[0] !== null || thrOk[0] !== null || time || shown[0] === 0;
  }

  /** The message of a position, as searched: at most REGEX_TEXT_MAX characters of it. */
  searchText(pos: number): string {
    return this.messageHead(pos).text;
  }

  /** At most REGEX_TEXT_MAX characters of a position's message, and whether it is longer. */
  messageHead(pos: number): { text: string; cut: boolean } {
    const log = this.logs[this.logAt(pos)]!, e = this.entryAt(pos);
    const ms = log.messageStart(e), me = log.messageEnd(e);
    return me - ms <= REGEX_TEXT_MAX ? { text: log.message(e), cut: false } : { text: log.text(ms, ms + REGEX_TEXT_MAX), cut: true };
  }

  /** A row's columns but its message: what a row shows and a copy writes. */
  columns(row: number): Pick<TableRow, 'row' | 'source' | 'entry' | 'line' | 'severity' | 'time' | 'utc' | 'component' | 'thread'> {
    const pos = this.positionOf(row), li = this.logAt(pos), e = this.entryAt(pos);
    const log = this.logs[li]!;
    const time = timeCell(log, e, log.parts(e));
    const utc = log.utc(e);
    return {
      row, source: li, entry: e, line: log.line(e), severity: severityName[log.severity(e)], time,
      utc: Number.isNaN(utc) ? null : utc, component: log.component(e), thread: log.thread(e),
    };
  }

  /** A row as the table shows it; `problems` counts the findings of its record. */
  row(row: number, problems: (key: string, entry: number) => number): TableRow {
    const c = this.columns(row);
    const log = this.logs[c.source]!, e = c.entry;
    const ms = log.messageStart(e), me = log.messageEnd(e);
    const head = log.formatOf(e).messageText(log.text(ms, Math.min(me, ms + MESSAGE_CUT + 2)));
    let message = firstLine(head);
    let more = message.length < head.length || me - ms > MESSAGE_CUT + 2;
    if (message.length > MESSAGE_CUT) { message = message.slice(0, MESSAGE_CUT); more = true; }
    return { ...c, message, more, problems: problems(this.keys[c.source], e), highlight: -1 };
  }

  /**
   * Rows [start, start + count) of the filtered view, with the first highlight rule each matches.
   * A rule that cannot run highlights nothing; every such rule is named (`highlightErrors`, by its
   * index among `highlights`) with why, `invalid` when the pattern itself is wrong (a too slow one
   * depends on the rows it ran on).
   */
  page(start: number, count: number, highlights: TableHighlight[] | undefined, problems: (key: string, entry: number) => number): { items: TableRow[]; highlightErrors?: TableHighlightError[] } {
    const items: TableRow[] = [];
    const end = Math.min(this.rowCount, start + count);
    for (let r = Math.max(0, start); r < end; r++) items.push(this.row(r, problems));
    const rules = Array.isArray(highlights) ? highlights.slice(0, TABLE_MAX_HIGHLIGHTS) : [];
    const failed: TableHighlightError[] = [];
    // Each message lower-cased once, when a case-insensitive text rule first needs it.
    let lower: string[] | undefined;
    rules.forEach((h, k) => {
      if (typeof h?.regex === 'string' && h.regex !== '') {
        // Compiled first: a bad pattern is said even when earlier rules left it no row to run on.
        const re = userRegex(h.regex, h.caseSensitive);
        if ('error' in re) { failed.push({ rule: k, error: re.error, invalid: true }); return; }
        const left = items.filter((it) => it.highlight < 0);
        if (left.length === 0) return;
        const hits = matchAll(re, left.map((it) => it.message));
        if (!(hits instanceof Set)) { failed.push({ rule: k, error: hits.error }); return; }
        left.forEach((it, i) => { if (hits.has(i)) it.highlight = k; });
      } else if (typeof h?.text === 'string' && h.text !== '') {
        if (h.caseSensitive) {
          for (const it of items) if (it.highlight < 0 && it.message.includes(h.text)) it.highlight = k;
          return;
        }
        const needle = h.text.toLowerCase();
        lower ??= items.map((it) => it.message.toLowerCase());
        items.forEach((it, i) => { if (it.highlight < 0 && lower![i].includes(needle)) it.highlight = k; });
      }
    });
    return failed.length > 0 ? { items, highlightErrors: failed } : { items };
  }

  /**
   * The rows a new view's message carries (a filter's answer, a reset's notification): whole pages of
   * the page's cache around `target` (firstPage), as a rows answer has them; null when none fit.
   */
  pageAround(target: number, shape: { size: number; reach: number }, highlights: TableHighlight[] | undefined,
    problems: (key: string, entry: number) => number): ({ start: number } & ReturnType<TableView['page']>) | null {
    const around = firstPage(target, Number(shape.reach), Number(shape.size), this.rowCount, TABLE_MAX_ROWS);
    return around && { start: around.start, ...this.page(around.start, around.count, highlights, problems) };
  }

  /**
   * The next (or previous) row after `from` whose record is of `severity`, or whose message holds
   * `text` or matches `regex`.
   */
  find(from: number, direction: 'next' | 'previous', q: { text?: string; regex?: string; caseSensitive?: boolean; severity?: 'error' | 'warning' }): { row: number | null; error?: string } {
    const step = direction === 'previous' ? -1 : 1;
    const n = this.rowCount;
    const start = Number.isInteger(from) ? from + step : step > 0 ? 0 : n - 1;
    if (q.severity === 'error' || q.severity === 'warning') {
      const want = severityOfName(q.severity);
      for (let r = start; r >= 0 && r < n; r += step) {
        const pos = this.positionOf(r);
        if (this.logs[this.logAt(pos)]!.severity(this.entryAt(pos)) === want) return { row: r };
      }
      return { row: null };
    }
    if (typeof q.regex === 'string' && q.regex !== '') {
      const re = userRegex(q.regex, q.caseSensitive);
      if ('error' in re) return re.error ? { row: null, error: re.error } : { row: null };
      for (let r = start; r >= 0 && r < n; r += step * REGEX_BATCH) {
        const rows: number[] = [];
        for (let k = r; k >= 0 && k < n && rows.length < REGEX_BATCH; k += step) rows.push(k);
        const hits = matchAll(re, rows.map((k) => this.searchText(this.positionOf(k))));
        if (!(hits instanceof Set)) return { row: null, error: hits.error };
        for (let i = 0; i < rows.length; i++) if (hits.has(i)) return { row: rows[i] };
      }
      return { row: null };
    }
    if (typeof q.text === 'string' && q.text !== '') {
      const needle = q.caseSensitive ? q.text : q.text.toLowerCase();
      for (let r = start; r >= 0 && r < n; r += step) {
        const m = this.searchText(this.positionOf(r));
        if ((q.caseSensitive ? m : m.toLowerCase()).includes(needle)) return { row: r };
      }
    }
    return { row: null };
  }

  /**
   * The first row at or after a time (protocol: TableGotoTimeParams), and how long after that time it
   * is. A wall clock is read in the clock of the reference row's log: a time of day takes that row's
   * wall day (or, with `clock: 'utc'`, its UTC day, in UTC). A merge is in UTC order, so a wall clock
   * there becomes UTC by the reference row's offset and is found by bisection; one log is in file
   * order (not always in time order) and is scanned by its own wall clock.
   */
  gotoTime(t: Omit<TableGotoTimeParams, 'tableId'>): TableGotoResult {
    const at = this.gotoTarget(t);
    if (!at) return { row: null };
    const n = this.rowCount;
    // A row's time in the clock searched: UTC (utcOrder) or the log's wall clock.
    const timeOf = at.byUtc
      ? (r: number) => this.utcOrder(r)
      : (r: number) => { const pos = this.positionOf(r); return this.logs[this.logAt(pos)]!.table.wall[this.entryAt(pos)]; };
    let row: number | null = null;
    if (at.byUtc && this.merged) { const r = bisect(0, n, (k) => timeOf(k) < at.time); row = r < n ? r : null; } else {
      for (let r = 0; r < n && row === null; r++) if (timeOf(r) >= at.time) row = r;
    }
    const out: TableGotoResult = { row };
    const later = row === null ? NaN : timeOf(row) - at.time;
    if (Number.isFinite(later)) out.laterMs = later;
    // Asked in UTC, read in the log's clock: the reference row has no UTC (a log without offset).
    if (t.clock === 'utc' && !at.byUtc) out.clock = 'log';
    return out;
  }

  /** A row's UTC as a merge orders it: a row without one is Infinity (after every row that has one). */
  private utcOrder(row: number): number {
    const pos = this.positionOf(row), u = this.logs[this.logAt(pos)]!.utc(this.entryAt(pos));
    return Number.isNaN(u) ? Infinity : u;
  }

  /**
   * Where Live shows a merge (protocol: `timedEnd`): its last row with a time when rows without one
   * follow it (sorted after every timed row, they can fill the screen at its end); null when the end
   * is the place (one log, in file order; no untimed tail; no timed row). One bisection per version.
   */
  timedEnd(): number | null {
    if (this.timedEndFound.version !== this.version) {
      const row = this.merged && this.unknownTail ? lastTimedRow(this.rowCount, (r) => this.utcOrder(r) !== Infinity) : null;
      this.timedEndFound = { version: this.version, row };
    }
    return this.timedEndFound.row;
  }

  /** timedEnd() as the answers carry it, for the view of `version` (a paused page shows an older one: none). */
  timedEndOf(version = this.version): { timedEnd?: number } {
    const row = version === this.version ? this.timedEnd() : null;
    return row === null ? {} : { timedEnd: row };
  }

  /** The time `t` asks for: in UTC when it can be (a merge, the UTC clock), else as a wall clock; null when it is none. */
  private gotoTarget(t: Omit<TableGotoTimeParams, 'tableId'>): { time: number; byUtc: boolean } | null {
    let utc = finite(t.utc), wall = finite(t.wall);
    const tod = finite(t.timeOfDay);
    const dayTime = wall === null && tod !== null && tod >= 0 && tod < DAY_MS;
    // A reference row gives a time of day its day, and a merge (compared in UTC) its offset; a
    // full date in one log needs none.
    if (utc === null && (dayTime || (wall !== null && this.merged))) {
      const ref = this.timedRowNear(t.row);
      if (!ref && dayTime) return null;
      if (ref && dayTime && t.clock === 'utc' && !Number.isNaN(ref.utc)) return { time: Math.floor(ref.utc / DAY_MS) * DAY_MS + tod!, byUtc: true };
      if (ref && dayTime) wall = Math.floor(ref.wall / DAY_MS) * DAY_MS + tod!;
      if (ref && this.merged && !Number.isNaN(ref.utc)) utc = wall! - (ref.wall - ref.utc);
    }
    if (utc !== null) return { time: utc, byUtc: true };
    return wall === null ? null : { time: wall, byUtc: false };
  }

  /**
   * The wall clock and UTC of `row`, or of the nearest row before it (then after it) that has a
   * wall clock, looking at most TIMED_NEAR rows each way (row 0 when `row` is not a row); else null.
   */
  private timedRowNear(row: unknown): { wall: number; utc: number } | null {
    const from = Number.isInteger(row) && (row as number) >= 0 && (row as number) < this.rowCount ? (row as number) : 0;
    for (let r = from; r >= 0 && from - r <= TIMED_NEAR; r--) { const t = this.timedRow(r); if (t) return t; }
    for (let r = from + 1; r < this.rowCount && r - from <= TIMED_NEAR; r++) { const t = this.timedRow(r); if (t) return t; }
    return null;
  }

  /** The wall clock and UTC of `row` when it has a wall clock; else null. */
  private timedRow(row: number): { wall: number; utc: number } | null {
    const pos = this.positionOf(row), log = this.logs[this.logAt(pos)]!, e = this.entryAt(pos);
    const wall = log.table.wall[e];
    return Number.isNaN(wall) ? null : { wall, utc: log.utc(e) };
  }

  /** The row showing entry `e` of log `key`, or null (filtered out, or not in this table). */
  rowOf(key: string, e: number): number | null {
    const at = this.placeOf(this.keys.indexOf(key), e);
    return at === null ? null : at.row === null ? at.pos : shows(this.rows, at) ? at.row : null;
  }

  /**
   * Where entry `e` of log `li` is, in the order and among the rows shown (one bisection), for
   * rowNear and rangeNear to share; null when the order does not cover it. Valid until the filter changes.
   */
  placeOf(li: number, e: number): Place | null {
    const pos = this.positionOfEntry(li, e);
    return pos === null ? null : { pos, row: this.firstRowFrom(pos) };
  }

  /** The first filtered row at or after position `pos` (keptRows.ts); null when nothing is filtered. */
  private firstRowFrom(pos: number): number | null {
    return firstRowFrom(this.rows, pos);
  }

  /** The row showing the entry at `at` (placeOf), or the shown row nearest to it (keptRows.ts): what keeps the reader's place when the filter changes. */
  rowNear(at: Place | null): number | null {
    return rowNear(this.rows, at);
  }

  /** The rows that show the range between the entries at `a` and `b` (placeOf; keptRows.ts): what keeps a selected range when the filter changes. */
  rangeNear(a: Place | null, b: Place | null): { from: number; to: number } | null {
    return rangeNear(this.rows, a, b);
  }

  /** The position in the order of entry `e` of log `li`, or null when the order does not cover it. */
  private positionOfEntry(li: number, e: number): number | null {
    if (!Number.isInteger(li) || li < 0 || li >= this.keys.length || !Number.isInteger(e) || e < 0 || e >= this.seen[li]) return null;
    if (!this.merged) return e;
    if (!this.inverse) {
      this.inverse = this.seen.map((c) => new Int32Array(c));
      for (let p = 0; p < this.count; p++) this.inverse[this.src!.a[p]][this.ent!.a[p]] = p;
    }
    return this.inverse[li][e];
  }

  /** The row of the record that covers `line` of log `key`. */
  rowOfLine(key: string, line: number): number | null {
    const li = this.keys.indexOf(key);
    const log = this.logs[li];
    if (!log || !Number.isInteger(line)) return null;
    return this.rowOf(key, log.entryAtLine(line));
  }
}
