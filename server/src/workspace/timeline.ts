// A UTC timeline over many logs: per log, its entries sorted by UTC in typed arrays (sorted once,
// appends added at the end), so that "what happened elsewhere around this line" costs a binary
// search per log plus the results, and "all logs merged in time order" is a k-way merge.
//
// Times are compared in UTC only: two machines in different time zones line up by their offsets,
// never by their wall clocks. An entry whose UTC is unknown (no offset and no configured default,
// an unreadable offset, no readable time) takes part in no comparison; it is counted, and its log
// is reported as "offset unknown", never placed by a silent guess.
//
// Pure: it reads LogFile models it is handed and never touches the disk.
import { bisect } from '../parse/bisect';
import { mergeRuns } from '../parse/mergeRuns';
import type { LogFile } from '../logFile';
import { EntryFlag, type Severity } from '../model';
import type { LogInput } from '../logFile';
import { folderOf } from '../uri';

export interface RelatedOptions {
  /** Half-width of the window around the anchor, in ms (default 5000). */
  windowMs?: number;
  /** Also list other entries of the anchor's own log (the anchor entry itself never). */
  includeSelf?: boolean;
  /** At most this many related entries, nearest first (default: all in the window). 0 only counts. */
  limit?: number;
  /** Only these logs (default: every log of the timeline). */
  keys?: readonly string[];
  /**
   * At most this many from each log, its nearest (default: no bound but `limit`): "the nearest in
   * each log" over a moment that 84 logs wrote 1,177 entries around.
   */
  perLog?: number;
}

export interface RelatedEntry {
  key: string;
  /** 0-based first line of the record. */
  line: number;
  entryIndex: number;
  utc: number;
  /** utc - anchor utc: negative before the anchor. */
  deltaMs: number;
  message: string;
}

export interface RelatedResult {
  anchor: { key: string; line: number; entryIndex: number; utc: number | null };
  /** Sorted by |deltaMs|, then key, then line. */
  related: RelatedEntry[];
  /** Entries in the window (before `limit`), and the number of logs they are in. */
  total: number;
  logCount: number;
  /** Entries in the window counting at most `perLog` of each log (before `limit`): what a list spread over the logs can show. */
  perLogTotal: number;
  /** Logs (among those searched, and the anchor's) with entries whose offset is unknown: they were left out. */
  unknownOffsetLogs: string[];
  /** Logs among those searched placed (partly) with the configured default offset, not a written one. */
  defaultOffsetLogs: string[];
}

export interface MergeFilters {
  /** Only these logs (default: all). */
  keys?: readonly string[];
  severities?: readonly Severity[];
  /** Component names, matched whole and case-insensitively. */
  components?: readonly string[];
  threads?: readonly string[];
  /** UTC range in ms, both ends included. */
  from?: number;
  to?: number;
  /**
   * Entries whose UTC is unknown: 'last' puts them after all timed entries (log by log, in file
   * order), 'exclude' leaves them out. Default 'last', except with a time range, which they cannot
   * match: then they are excluded. Either way they are counted in `unknownCount`.
   */
  unknown?: 'last' | 'exclude';
  /** Stop after this many entries. */
  limit?: number;
}

export interface MergedItem {
  key: string;
  entryIndex: number;
  utc: number | null;
}

/** The merged view as columns: row i is entry `entry[i]` of log `keys[log[i]]`. */
export interface MergedView {
  count: number;
  keys: string[];
  log: Uint32Array;
  entry: Uint32Array;
  /** NaN for the entries of unknown UTC placed last. */
  utc: Float64Array;
  /** Entries of unknown UTC that passed the other filters (placed last or excluded, per `unknown`). */
  unknownCount: number;
  unknown: 'last' | 'exclude';
  unknownOffsetLogs: string[];
  defaultOffsetLogs: string[];
  at(i: number): MergedItem;
}

export interface TimelineLogStats {
  key: string;
  name: string;
  entries: number;
  /** Entries with a known UTC (on the timeline). */
  timed: number;
  /** Entries with a readable wall clock but no usable offset (left out: "offset unknown"). */
  offsetUnknown: number;
  /** Entries with no readable time at all (cut-off records, broken attributes). */
  timeUnknown: number;
  /** Entries placed with the configured default offset. */
  defaultOffset: number;
  /** Earliest and latest UTC, or null. */
  first: number | null;
  last: number | null;
}

/** The distinct written offsets kept per log: a DST change writes two; more is no machine's bias. */
const MAX_WRITTEN = 4;

/** The offsets one log writes (minutes east of UTC): see Timeline.writtenOffsetsIn. */
export interface WrittenOffsets {
  key: string;
  name: string;
  /** The offset of its latest entry in UTC that writes a bias (records stamped in UTC, `Z`, are no machine's bias). */
  latest: number;
  /** The distinct offsets it writes (a few), in order of appearance. */
  distinct: number[];
}

/** What kind of time an entry has; kept for the last entry, which an append may re-scan. */
const enum Kind { Written, Default, OffsetUnknown, TimeUnknown }

class LogIndex {
  log: LogFile;
  /** UTC of timed entries, ascending (ties in entry order), and their entry indices. */
  utc = new Float64Array(0);
  idx = new Uint32Array(0);
  n = 0;
  /** Entries of unknown UTC, ascending. */
  unknown = new Uint32Array(0);
  nUnknown = 0;
  /** Entries [0, covered) are indexed. */
  covered = 0;
  lastKind = Kind.TimeUnknown;
  lastUtc = NaN;
  offsetUnknown = 0;
  timeUnknown = 0;
  defaultOffset = 0;
  /**
   * The offsets the log writes, as minutes east of UTC: the one of its latest entry in UTC, and the
   * distinct ones (at most MAX_WRITTEN: two mean a DST change). An append's re-scanned last record
   * is noted again, never removed: it writes the offset it wrote before.
   */
  latestWrittenUtc = -Infinity;
  latestWritten = 0;
  written: number[] = [];

  constructor(public input: LogInput) {
    this.log = input.log;
    this.rebuild();
  }

  rebuild(): void {
    this.log = this.input.log;
    const count = this.log.entryCount;
    // A little room to spare: a live log's first appends then copy nothing.
    const capacity = count + Math.min(4096, 16 + (count >> 6));
    this.utc = new Float64Array(capacity);
    this.idx = new Uint32Array(capacity);
    this.unknown = new Uint32Array(0);
    this.n = this.nUnknown = this.covered = 0;
    this.offsetUnknown = this.timeUnknown = this.defaultOffset = 0;
    this.latestWrittenUtc = -Infinity;
    this.written = [];
    this.addFrom(0);
  }

  /** Indexes entries [from, entryCount) (from === covered). */
  addFrom(from: number): void {
    const log = this.log;
    const count = log.entryCount;
    if (from >= count) return;
    const { flags } = log.table;
    const start = this.n;
    this.reserve(this.n + count - from);
    let sorted = true;
    let prev = this.n > 0 ? this.utc[this.n - 1] : -Infinity;
    let kind = Kind.TimeUnknown, u = NaN, lastEast = NaN;
    // Read once: the getter looks for writers of .NET offsets across the log.
    const biasConvention = log.offsetConvention === 'bias';
    for (let i = from; i < count; i++) {
      u = log.utc(i);
      if (u === u) {
        const o = log.writtenOffset(i);
        kind = o === null ? Kind.Default : Kind.Written;
        if (o === null) this.defaultOffset++;
        // A record stamped in UTC (`Z`) is placed, but says nothing of the machine's bias (the folder's offer).
        else if (!log.formatOf(i).writesUtc) {
          const east = biasConvention ? -o : o;
          if (u >= this.latestWrittenUtc) { this.latestWrittenUtc = u; this.latestWritten = east; }
          if (east !== lastEast && this.written.length < MAX_WRITTEN && !this.written.includes(east)) this.written.push(east);
          lastEast = east;
        }
        if (u < prev) sorted = false;
        prev = u;
        this.utc[this.n] = u;
        this.idx[this.n] = i;
        this.n++;
      } else {
        kind = flags[i] & EntryFlag.BadTime ? Kind.TimeUnknown : Kind.OffsetUnknown;
        if (kind === Kind.TimeUnknown) this.timeUnknown++;
        else this.offsetUnknown++;
        this.pushUnknown(i);
      }
    }
    this.covered = count;
    this.lastKind = kind;
    this.lastUtc = u;
    // Appends are usually later than everything before them: then the arrays stay sorted as they
    // are. Otherwise the new run is sorted and merged in (linear in the log's size).
    if (!sorted) sortRuns(this.utc, this.idx, 0, this.n, start);
  }

  /**
   * Forgets the last indexed entry: an append re-scans the log's last record, which may change
   * (a cut-off record completed). Everything before it stays as it was.
   */
  dropLast(): void {
    if (this.covered === 0) return;
    const i = this.covered - 1;
    switch (this.lastKind) {
      case Kind.TimeUnknown: this.timeUnknown--; this.nUnknown--; break;
      case Kind.OffsetUnknown: this.offsetUnknown--; this.nUnknown--; break;
      default: {
        if (this.lastKind === Kind.Default) this.defaultOffset--;
        let k = this.n - 1;
        if (this.idx[k] !== i) {
          // Not the latest in time: find it among the entries of its UTC.
          k = lowerBound(this.utc, this.n, this.lastUtc);
          while (k < this.n && this.idx[k] !== i) k++;
          if (k === this.n) throw new Error('timeline: last entry not found');
          this.utc.copyWithin(k, k + 1, this.n);
          this.idx.copyWithin(k, k + 1, this.n);
        }
        this.n--;
      }
    }
    this.covered = i;
    this.lastKind = Kind.TimeUnknown;
    this.lastUtc = NaN;
  }

  private reserve(n: number): void {
    if (n <= this.utc.length) return;
    const cap = Math.max(n, Math.ceil(this.utc.length * 1.5), 64);
    const utc = new Float64Array(cap);
    utc.set(this.utc.subarray(0, this.n));
    const idx = new Uint32Array(cap);
    idx.set(this.idx.subarray(0, this.n));
    this.utc = utc;
    this.idx = idx;
  }

  private pushUnknown(i: number): void {
    if (this.nUnknown === this.unknown.length) {
      const u = new Uint32Array(Math.max(16, this.nUnknown * 2));
      u.set(this.unknown);
      this.unknown = u;
    }
    this.unknown[this.nUnknown++] = i;
  }
}

export class Timeline {
  private readonly logs = new Map<string, LogIndex>();
  /** The logs sorted by key, kept between queries (a lens asks once per visible record). */
  private sorted: [string, LogIndex][] | null = null;
  private offsetsVersion = 0;

  /**
   * Goes up when a log that writes offsets joins or leaves, or the offsets it writes change: what
   * folders offer (writtenOffsetsIn) may have changed, and a table's banner made over it is stale.
   */
  get writtenVersion(): number { return this.offsetsVersion; }

  /** Counts a change of what `x` writes (`before`: writtenOf(x) before it changed; '' for none). */
  private noteWritten(before: string, x: LogIndex | undefined): void {
    if (before !== (x ? writtenOf(x) : '')) this.offsetsVersion++;
  }

  constructor(inputs: Iterable<LogInput> = []) {
    for (const input of inputs) this.set(input);
  }

  /** Adds a log, or replaces one (a new model for the key: indexed from scratch). */
  set(input: LogInput): void {
    const old = this.logs.get(input.key);
    if (old && old.log === input.log) {
      old.input = input;
      this.update(input.key);
      return;
    }
    this.sorted = null;
    const x = new LogIndex(input);
    this.logs.set(input.key, x);
    this.noteWritten(old ? writtenOf(old) : '', x);
  }

  remove(key: string): boolean {
    this.sorted = null;
    const x = this.logs.get(key);
    if (x) this.noteWritten(writtenOf(x), undefined);
    return this.logs.delete(key);
  }

  has(key: string): boolean {
    return this.logs.has(key);
  }

  keys(): string[] {
    return [...this.logs.keys()].sort();
  }

  /**
   * The log's model grew (appendBytes / appendText): index only what is new. Only its last indexed
   * record can have changed, so that one is dropped and indexed again with the new entries.
   */
  update(key: string): void {
    const x = this.logs.get(key);
    if (!x) return;
    const before = writtenOf(x);
    if (x.log !== x.input.log || x.log.entryCount < x.covered) x.rebuild();
    else {
      x.dropLast();
      x.addFrom(x.covered);
    }
    this.noteWritten(before, x);
  }

  /** Everything about the log's times changed (options such as the default offset): index again. */
  rebuild(key?: string): void {
    const again = (x: LogIndex) => { const before = writtenOf(x); x.rebuild(); this.noteWritten(before, x); };
    if (key === undefined) for (const x of this.logs.values()) again(x);
    else {
      const x = this.logs.get(key);
      if (x) again(x);
    }
  }

  stats(key: string): TimelineLogStats | undefined {
    const x = this.logs.get(key);
    if (!x) return undefined;
    return {
      key,
      name: x.input.name,
      entries: x.covered,
      timed: x.n,
      offsetUnknown: x.offsetUnknown,
      timeUnknown: x.timeUnknown,
      defaultOffset: x.defaultOffset,
      first: x.n > 0 ? x.utc[0] : null,
      last: x.n > 0 ? x.utc[x.n - 1] : null,
    };
  }

  /**
   * The logs directly in a folder (`folder` as uri.folderOf gives it, e.g. 'file:///logs') that
   * write offsets: what a machine's ConfigMgr logs say its bias was.
   */
  writtenOffsetsIn(folder: string): WrittenOffsets[] {
    const out: WrittenOffsets[] = [];
    for (const [key, x] of this.select()) {
      if (folderOf(key) !== folder || x.written.length === 0) continue;
      out.push({ key, name: x.input.name, latest: x.latestWritten, distinct: [...x.written] });
    }
    return out;
  }

  /**
   * Entries of other logs within ±windowMs of entry `entryIndex` of `anchorKey`, nearest first.
   * Costs a binary search per log plus the entries returned (with `limit`, at most `limit` per log).
   */
  related(anchorKey: string, entryIndex: number, options: RelatedOptions = {}): RelatedResult {
    const a = this.logs.get(anchorKey);
    if (!a) throw new Error(`timeline: no log ${anchorKey}`);
    if (!(entryIndex >= 0 && entryIndex < a.log.entryCount)) throw new RangeError(`timeline: ${anchorKey} has no entry ${entryIndex}`);
    const windowMs = Math.max(0, options.windowMs ?? 5000);
    const limit = options.limit ?? Infinity;
    const perLog = Math.max(0, options.perLog ?? Infinity);
    const at = a.log.utc(entryIndex);
    const anchor = { key: anchorKey, line: a.log.line(entryIndex), entryIndex, utc: at === at ? at : null };
    const searched = this.select(options.keys).filter(([k]) => k !== anchorKey || options.includeSelf);
    const unknownOffsetLogs = new Set(searched.filter(([, x]) => x.offsetUnknown > 0).map(([k]) => k));
    const defaultOffsetLogs = searched.filter(([, x]) => x.defaultOffset > 0).map(([k]) => k);
    const result: RelatedResult = { anchor, related: [], total: 0, logCount: 0, perLogTotal: 0, unknownOffsetLogs: [], defaultOffsetLogs };
    if (anchor.utc === null) {
      if (!(a.log.table.flags[entryIndex] & EntryFlag.BadTime)) unknownOffsetLogs.add(anchorKey);
      result.unknownOffsetLogs = [...unknownOffsetLogs].sort();
      return result;
    }
    result.unknownOffsetLogs = [...unknownOffsetLogs].sort();
    const lo = at - windowMs, hi = at + windowMs;
    const found: { x: LogIndex; key: string; k: number; d: number }[] = [];
    for (const [key, x] of searched) {
      const s = lowerBound(x.utc, x.n, lo);
      const e = upperBound(x.utc, x.n, hi);
      let count = e - s;
      const self = x === a;
      if (self) count--; // the anchor is always inside its own window
      if (count <= 0) continue;
      result.total += count;
      result.logCount++;
      result.perLogTotal += Math.min(count, perLog);
      if (limit <= 0 || perLog <= 0) continue;
      // Walk outwards from the anchor's time: the `limit` nearest of this log (and any tied with
      // the last of them, so the final order by key and line is exact); with `perLog`, that many.
      let r = lowerBound(x.utc, x.n, at, s, e);
      let l = r - 1;
      let lastD = -1;
      for (let taken = 0; (l >= s || r < e) && taken < perLog;) {
        const dl = l >= s ? at - x.utc[l] : Infinity;
        const dr = r < e ? x.utc[r] - at : Infinity;
        const d = Math.min(dl, dr);
        if (taken >= limit && d > lastD) break;
        const k = dl <= dr ? l-- : r++;
        if (self && x.idx[k] === entryIndex) continue;
        found.push({ x, key, k, d: x.utc[k] - at });
        taken++;
        lastD = d;
      }
    }
    found.sort((p, q) => Math.abs(p.d) - Math.abs(q.d) || cmp(p.key, q.key) || p.x.idx[p.k] - q.x.idx[q.k]);
    if (found.length > limit) found.length = limit;
    result.related = found.map(({ x, key, k, d }) => {
      const i = x.idx[k];
      return { key, line: x.log.line(i), entryIndex: i, utc: x.utc[k], deltaMs: round(d), message: x.log.message(i) };
    });
    return result;
  }

  /** The entries of all (or some) logs in UTC order, filtered: a k-way merge of the per-log orders. */
  merged(filters: MergeFilters = {}): MergedView {
    const unknownMode = filters.unknown ?? (filters.from !== undefined || filters.to !== undefined ? 'exclude' : 'last');
    const limit = filters.limit ?? Infinity;
    const from = filters.from ?? -Infinity, to = filters.to ?? Infinity;
    const sel = this.select(filters.keys);
    const keys = sel.map(([k]) => k);
    const sevMask = filters.severities ? filters.severities.reduce((m: number, s) => m | (1 << s), 0) : -1;
    const lower = (xs: readonly string[] | undefined) => (xs ? new Set(xs.map((s) => s.toLowerCase())) : null);
    const comps = lower(filters.components), threads = lower(filters.threads);
    const allowed = (names: readonly string[], want: Set<string> | null) => {
      if (!want) return null;
      const ok = new Uint8Array(names.length);
      for (let id = 0; id < names.length; id++) ok[id] = want.has(names[id].toLowerCase()) ? 1 : 0;
      return ok;
    };
    interface Cursor { li: number; x: LogIndex; k: number; e: number; accept: (i: number) => boolean }
    const cursors: Cursor[] = [];
    let capacity = 0;
    sel.forEach(([, x], li) => {
      const t = x.log.table;
      const compOk = allowed(t.components.names, comps), threadOk = allowed(t.threads.names, threads);
      const accept = (i: number) =>
        ((sevMask >> t.severity[i]) & 1) === 1 && (!compOk || compOk[t.component[i]] === 1) && (!threadOk || threadOk[t.thread[i]] === 1);
      const s = lowerBound(x.utc, x.n, from), e = upperBound(x.utc, x.n, to);
      capacity += e - s + (unknownMode === 'last' ? x.nUnknown : 0);
      cursors.push({ li, x, k: s, e, accept });
    });
    capacity = Math.min(capacity, limit);
    const log = new Uint32Array(capacity), entry = new Uint32Array(capacity), utc = new Float64Array(capacity);
    let count = 0;
    const emit = (li: number, i: number, u: number) => { log[count] = li; entry[count] = i; utc[count] = u; count++; };
    // Each log's entries in [k, e) are in UTC order: merged, ties between logs by key (the table's merge too).
    mergeRuns(cursors.length, cursors.map((c) => c.k), cursors.map((c) => c.e), (li, j) => cursors[li].x.utc[j], (li, j) => {
      if (count >= limit) return false;
      const c = cursors[li], i = c.x.idx[j];
      if (c.accept(i)) emit(li, i, c.x.utc[j]);
      return count < limit;
    });
    let unknownCount = 0;
    for (const c of cursors) {
      for (let j = 0; j < c.x.nUnknown; j++) {
        const i = c.x.unknown[j];
        if (!c.accept(i)) continue;
        unknownCount++;
        if (unknownMode === 'last' && count < limit) emit(c.li, i, NaN);
      }
    }
    return {
      count, keys,
      log: log.subarray(0, count), entry: entry.subarray(0, count), utc: utc.subarray(0, count),
      unknownCount, unknown: unknownMode,
      unknownOffsetLogs: sel.filter(([, x]) => x.offsetUnknown > 0).map(([k]) => k),
      defaultOffsetLogs: sel.filter(([, x]) => x.defaultOffset > 0).map(([k]) => k),
      at(i: number): MergedItem {
        const u = this.utc[i];
        return { key: this.keys[this.log[i]], entryIndex: this.entry[i], utc: u === u ? u : null };
      },
    };
  }

  /** The logs named (default all), sorted by key; unknown keys are ignored. */
  private select(keys?: readonly string[]): [string, LogIndex][] {
    if (!keys) return (this.sorted ??= this.keys().map((k) => [k, this.logs.get(k)!]));
    return [...new Set(keys)].filter((k) => this.logs.has(k)).sort().map((k) => [k, this.logs.get(k)!]);
  }
}

/** What a log's index says it writes (writtenOffsetsIn reads it): '' for none; a few numbers, made per change of a log, not per entry. */
const writtenOf = (x: LogIndex): string => (x.written.length === 0 ? '' : `${x.latestWritten} ${x.written.join(' ')}`);

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Gaps to the microsecond: a double holding ms since 1970 resolves about 0.25 µs, so the last
 * digits of a 7-digit fraction (10:20:12.1234567) are noise, not a difference.
 */
const round = (ms: number) => Math.round(ms * 1e3) / 1e3;

/** First k in [lo, hi) with a[k] >= v. */
export function lowerBound(a: Float64Array, n: number, v: number, lo = 0, hi = n): number {
  return bisect(lo, hi, (k) => a[k] < v);
}

/** First k in [lo, hi) with a[k] > v. */
export function upperBound(a: Float64Array, n: number, v: number, lo = 0, hi = n): number {
  return bisect(lo, hi, (k) => a[k] <= v);
}

/**
 * Sorts utc[from, n) with idx alongside, stably, knowing [from, sortedTo) is already sorted:
 * a natural merge sort, linear when the input is one run (a log in time order) and n log r for r
 * runs (clock changes, writers interleaving out of order).
 */
export function sortRuns(utc: Float64Array, idx: Uint32Array, from: number, n: number, sortedTo = from): void {
  if (n - from < 2) return;
  let bounds: number[] = [from];
  let k = Math.max(from + 1, sortedTo);
  for (; k < n; k++) if (utc[k] < utc[k - 1]) bounds.push(k);
  bounds.push(n);
  if (bounds.length <= 2) return;
  let srcU: Float64Array = utc, srcI: Uint32Array = idx;
  let dstU: Float64Array = new Float64Array(utc.length), dstI: Uint32Array = new Uint32Array(idx.length);
  while (bounds.length > 2) {
    const next: number[] = [from];
    for (let r = 0; r + 1 < bounds.length; r += 2) {
      const a = bounds[r], m = bounds[r + 1], b = r + 2 < bounds.length ? bounds[r + 2] : m;
      let i = a, j = m, o = a;
      while (i < m && j < b) {
        if (srcU[j] < srcU[i]) { dstU[o] = srcU[j]; dstI[o++] = srcI[j++]; }
        else { dstU[o] = srcU[i]; dstI[o++] = srcI[i++]; }
      }
      while (i < m) { dstU[o] = srcU[i]; dstI[o++] = srcI[i++]; }
      while (j < b) { dstU[o] = srcU[j]; dstI[o++] = srcI[j++]; }
      next.push(b);
    }
    bounds = next;
    [srcU, dstU] = [dstU, srcU];
    [srcI, dstI] = [dstI, srcI];
  }
  if (srcU !== utc) {
    utc.set(srcU.subarray(from, n), from);
    idx.set(srcI.subarray(from, n), from);
  }
}
