// Facets of a table: how many entries each component, thread and severity has (over all entries,
// not the filtered rows), counted from the column store's name ids, and the bounds of the UTC.
// A merge's Machines and Logs pickers narrow them to the logs picked. Counting reads every entry:
// a table keeps each log's counts, an append reads only what it added (FacetCache, LogCount), and a
// pick only adds up the counts of the logs it keeps (work per name, not per entry).
import type { TableFacet, TableFacetsResult } from '../protocol';
import { severityName } from '../severity';
import type { LogFile } from '../logFile';
import { EntryFlag } from '../model';
import type { TableView } from './view';

/** Names listed per facet, most frequent first. */
export const FACET_MAX = 1000;

/** Written offsets a log's count keeps, at most (fileInfo says as many). */
const OFFSETS_KEPT = 4;

/** One log's counts: per name id of its own name tables (as long as they were when counted). */
export interface LogFacets {
  /** The table has the log's entries (a model): false while unread or unreadable. */
  read: boolean;
  entries: number;
  componentNames: readonly string[];
  components: Float64Array;
  threadNames: readonly string[];
  threads: Float64Array;
  /** By record severity (0..3). */
  severities: number[];
  firstUtc: number | null;
  lastUtc: number | null;
  /** Format ids of its records, in order of appearance (at most 256: one byte each); for the status bar. */
  formats: number[];
  /** Its distinct written offsets (the first OFFSETS_KEPT), and how many records write none. */
  offsets: number[];
  missingOffsets: number;
  /** Of those, the records with a readable time: what a default offset places (LogFile.offsetSource 'default'). */
  missingTimed: number;
}

function top(counts: Map<string, number>): TableFacet[] {
  const all = [...counts].map(([name, count]) => ({ name, count }));
  all.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return all.slice(0, FACET_MAX);
}

/** What a log without a model yet counts: nothing. */
const UNREAD: LogFacets = {
  read: false, entries: 0, componentNames: [], components: new Float64Array(0), threadNames: [], threads: new Float64Array(0), severities: [0, 0, 0, 0],
  firstUtc: null, lastUtc: null, formats: [], offsets: [], missingOffsets: 0, missingTimed: 0,
};

/**
 * One log's counts, in one read of each entry: the page's facets and the status bar's facts (its
 * formats, written offsets and records without one; fileInfo says them for one log).
 */
export function countLog(log: LogFile): LogFacets {
  const t = new Tally();
  t.add(log, 0, log.entryCount);
  return t.facets(log, log.entryCount);
}

/** Counts kept per name id grow by doubling as a log's name tables grow. */
function room(a: Float64Array, n: number): Float64Array {
  if (a.length >= n) return a;
  const b = new Float64Array(Math.max(n, 2 * a.length));
  b.set(a);
  return b;
}

/** A running count of a log's entries: `add` counts more of them (the hot loop of counting). */
class Tally {
  components: Float64Array = new Float64Array(0);
  threads: Float64Array = new Float64Array(0);
  severities = [0, 0, 0, 0];
  firstUtc: number | null = null;
  lastUtc: number | null = null;
  seen = new Uint8Array(256);
  formats: number[] = [];
  offsets: number[] = [];
  missingOffsets = 0;
  missingTimed = 0;

  /** Counts entries [from, to) of `log`. */
  add(log: LogFile, from: number, to: number): void {
    const t = log.table;
    const c = this.components = room(this.components, t.components.names.length);
    const h = this.threads = room(this.threads, t.threads.names.length);
    const s = this.severities, seen = this.seen, formats = this.formats, offsets = this.offsets;
    let firstUtc = this.firstUtc, lastUtc = this.lastUtc, missingOffsets = this.missingOffsets, missingTimed = this.missingTimed;
    for (let e = from; e < to; e++) {
      c[t.component[e]]++;
      h[t.thread[e]]++;
      s[t.severity[e]]++;
      const f = t.format[e];
      if (seen[f] === 0) { seen[f] = 1; formats.push(f); }
      const o = log.writtenOffset(e);
      if (o === null) {
        missingOffsets++;
        if (!(t.flags[e] & EntryFlag.BadTime)) missingTimed++;
      }
      else if (offsets.length < OFFSETS_KEPT && !offsets.includes(o)) offsets.push(o);
      const u = log.utc(e);
      if (u === u) {
        if (firstUtc === null || u < firstUtc) firstUtc = u;
        if (lastUtc === null || u > lastUtc) lastUtc = u;
      }
    }
    this.firstUtc = firstUtc;
    this.lastUtc = lastUtc;
    this.missingOffsets = missingOffsets;
    this.missingTimed = missingTimed;
  }

  /** A copy, to count on from (work per name, not per entry). */
  clone(): Tally {
    const t = new Tally();
    t.components = this.components.slice();
    t.threads = this.threads.slice();
    t.severities = this.severities.slice();
    t.firstUtc = this.firstUtc;
    t.lastUtc = this.lastUtc;
    t.seen = this.seen.slice();
    t.formats = this.formats.slice();
    t.offsets = this.offsets.slice();
    t.missingOffsets = this.missingOffsets;
    t.missingTimed = this.missingTimed;
    return t;
  }

  /** The counts, as a log's facets over its first `entries` entries (the arrays are the tally's own). */
  facets(log: LogFile, entries: number): LogFacets {
    const t = log.table;
    return {
      read: true, entries, componentNames: t.components.names, components: this.components.subarray(0, t.components.names.length),
      threadNames: t.threads.names, threads: this.threads.subarray(0, t.threads.names.length), severities: this.severities,
      firstUtc: this.firstUtc, lastUtc: this.lastUtc, formats: this.formats, offsets: this.offsets, missingOffsets: this.missingOffsets, missingTimed: this.missingTimed,
    };
  }
}

/**
 * One model's counts as it grows. Text appended to a log adds entries after its last and may read
 * its last entry again (an open record closed, a record continued: parse/scan.ts Resume), never one
 * before: the entries before the last are counted for good once, the last one each time on top of
 * them. New options (its timing) change its UTCs and written offsets: counted again whole.
 */
class LogCount {
  /** Entries [0, settled) counted for good. */
  private readonly kept = new Tally();
  private settled = 0;
  /** The text's length when last counted: an append that only ends the last entry adds none. */
  private at = -1;
  private last: LogFacets = UNREAD;

  constructor(readonly model: LogFile, readonly timing: number = model.timing) {}

  /** Whether it still counts `model` as it is (else a new count is made). */
  counts(model: LogFile): boolean {
    return model === this.model && model.timing === this.timing && model.entryCount >= this.settled;
  }

  /** The log's counts now: only entries it did not count yet are read. */
  facets(): LogFacets {
    const log = this.model, n = log.entryCount;
    if (log.length === this.at) return this.last;
    const open = Math.max(this.settled, n - 1);
    this.kept.add(log, this.settled, open);
    this.settled = open;
    const all = this.kept.clone();
    all.add(log, open, n);
    this.at = log.length;
    return (this.last = all.facets(log, n));
  }
}

/**
 * The facets of the logs `picked` (null: every log) added up. `sources` stays every log's count:
 * the Machines and Logs pickers list every log, picked or not.
 */
function sumFacets(logs: readonly LogFacets[], picked: readonly boolean[] | null = null): TableFacetsResult {
  const components = new Map<string, number>(), threads = new Map<string, number>();
  const severities = { success: 0, information: 0, warning: 0, error: 0 };
  let firstUtc: number | null = null, lastUtc: number | null = null;
  const add = (into: Map<string, number>, names: readonly string[], counts: Float64Array) => {
    for (let k = 0; k < counts.length; k++) if (counts[k]) into.set(names[k], (into.get(names[k]) ?? 0) + counts[k]);
  };
  logs.forEach((l, li) => {
    if (picked && !picked[li]) return;
    // Names of each log are merged case as written: the same component in two logs counts once.
    add(components, l.componentNames, l.components);
    add(threads, l.threadNames, l.threads);
    l.severities.forEach((v, k) => { severities[severityName[k]] += v; });
    if (l.firstUtc !== null && (firstUtc === null || l.firstUtc < firstUtc)) firstUtc = l.firstUtc;
    if (l.lastUtc !== null && (lastUtc === null || l.lastUtc > lastUtc)) lastUtc = l.lastUtc;
  });
  return { components: top(components), threads: top(threads), severities, sources: logs.map((l) => l.entries), firstUtc, lastUtc };
}

/**
 * A table's facets: a page asks when it loads or reloads, when reading ends and when its logs picked
 * change, the status bar with each change of a followed log, and a large log has millions of
 * entries. Each log's count is kept by its model and timing, and an append counts only what it
 * added (LogCount). Facets are over all entries of the logs picked, whatever the rest of the
 * filter; the answer for every log and the one for the last pick are kept until a count changes.
 */
export class FacetCache {
  private counts: (LogCount | undefined)[] = [];
  private logs: LogFacets[] = [];
  private all: TableFacetsResult | undefined;
  private pick: { key: string; facets: TableFacetsResult } | undefined;

  constructor(private readonly view: TableView) {}

  /** Each log's counts, in the table's order (the status bar's summary of a merge adds them up). */
  perLog(): readonly LogFacets[] {
    const v = this.view, n = v.keys.length;
    let changed = this.logs.length !== n;
    for (let li = 0; li < n; li++) {
      const model = v.model(li);
      let c = this.counts[li];
      if (model && !c?.counts(model)) c = this.counts[li] = new LogCount(model);
      else if (!model) c = this.counts[li] = undefined;
      const f = c ? c.facets() : UNREAD;
      if (f !== this.logs[li]) { this.logs[li] = f; changed = true; }
    }
    if (changed) this.all = this.pick = undefined;
    return this.logs;
  }

  /** `sources`: the URIs of the logs picked (the filter's `sources`); absent: every log. */
  get(sources?: readonly string[]): TableFacetsResult {
    this.perLog();
    const wanted = sources && new Set(sources);
    const picked = wanted && this.view.keys.map((k) => wanted.has(k));
    // Every log picked (or none named): the answer for every log.
    if (!picked || !picked.includes(false)) return (this.all ??= sumFacets(this.logs));
    const key = picked.map((p) => (p ? '1' : '0')).join('');
    if (this.pick?.key !== key) this.pick = { key, facets: sumFacets(this.logs, picked) };
    return this.pick.facets;
  }
}
