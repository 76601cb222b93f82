// Facets of a table: how many entries each component, thread and severity has (over all entries,
// not the filtered rows), counted from the column store's name ids, and the bounds of the UTC.
// A merge's Machines and Logs pickers narrow them to the logs picked. Counting reads every entry:
// a table keeps each log's counts until its entries change (FacetCache) and a pick only adds up
// the counts of the logs it keeps (work per name, not per entry).
import type { TableFacet, TableFacetsResult } from '../protocol';
import { severityName } from '../severity';
import type { LogFile } from '../logFile';
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
}

function top(counts: Map<string, number>): TableFacet[] {
  const all = [...counts].map(([name, count]) => ({ name, count }));
  all.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return all.slice(0, FACET_MAX);
}

/** What a log without a model yet counts: nothing. */
const UNREAD: LogFacets = {
  read: false, entries: 0, componentNames: [], components: new Float64Array(0), threadNames: [], threads: new Float64Array(0), severities: [0, 0, 0, 0],
  firstUtc: null, lastUtc: null, formats: [], offsets: [], missingOffsets: 0,
};

/** Each log's counts (a log without a model yet counts nothing). */
export function countLogs(view: TableView): LogFacets[] {
  const out: LogFacets[] = [];
  for (let li = 0; li < view.keys.length; li++) {
    const log = view.model(li);
    out.push(log ? countLog(log) : UNREAD);
  }
  return out;
}

/**
 * One log's counts, in one read of each entry: the page's facets and the status bar's facts (its
 * formats, written offsets and records without one; fileInfo says them for one log).
 */
export function countLog(log: LogFile): LogFacets {
  const t = log.table, n = log.entryCount;
  const c = new Float64Array(t.components.names.length), h = new Float64Array(t.threads.names.length), s = [0, 0, 0, 0];
  let firstUtc: number | null = null, lastUtc: number | null = null;
  const seen = new Uint8Array(256), formats: number[] = [], offsets: number[] = [];
  let missingOffsets = 0;
  for (let e = 0; e < n; e++) {
    c[t.component[e]]++;
    h[t.thread[e]]++;
    s[t.severity[e]]++;
    const f = t.format[e];
    if (seen[f] === 0) { seen[f] = 1; formats.push(f); }
    const o = log.writtenOffset(e);
    if (o === null) missingOffsets++;
    else if (offsets.length < OFFSETS_KEPT && !offsets.includes(o)) offsets.push(o);
    const u = log.utc(e);
    if (u === u) {
      if (firstUtc === null || u < firstUtc) firstUtc = u;
      if (lastUtc === null || u > lastUtc) lastUtc = u;
    }
  }
  return {
    read: true, entries: n, componentNames: t.components.names, components: c, threadNames: t.threads.names, threads: h, severities: s,
    firstUtc, lastUtc, formats, offsets, missingOffsets,
  };
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
 * A table's facets, counted again only when its entries changed (TableView.entriesVersion): a page
 * asks when it loads or reloads, when reading ends and when its logs picked change, and a large log
 * has millions of entries. Facets are over all entries of the logs picked, whatever the rest of the
 * filter; the answer for every log and the one for the last pick are kept.
 */
export class FacetCache {
  private at = -1;
  private logs: LogFacets[] = [];
  private all: TableFacetsResult | undefined;
  private pick: { key: string; facets: TableFacetsResult } | undefined;

  constructor(private readonly view: TableView, private readonly count: (view: TableView) => LogFacets[] = countLogs) {}

  /** Each log's counts, in the table's order (the status bar's summary of a merge adds them up). */
  perLog(): readonly LogFacets[] {
    if (this.at !== this.view.entriesVersion) {
      this.logs = this.count(this.view);
      this.at = this.view.entriesVersion;
      this.all = this.pick = undefined;
    }
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
