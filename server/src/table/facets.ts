// Facets of a table: how many entries each component, thread and severity has (over all entries,
// not the filtered rows), counted from the column store's name ids, and the bounds of the UTC.
// Counting reads every entry: a table keeps its facets until its entries change (FacetCache).
import type { TableFacet, TableFacetsResult } from '../protocol';
import { severityName } from '../severity';
import type { TableView } from './view';

/** Names listed per facet, most frequent first. */
export const FACET_MAX = 1000;

function top(counts: Map<string, number>): TableFacet[] {
  const all = [...counts].map(([name, count]) => ({ name, count }));
  all.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return all.slice(0, FACET_MAX);
}

export function tableFacets(view: TableView): TableFacetsResult {
  const components = new Map<string, number>(), threads = new Map<string, number>();
  const severities = { success: 0, information: 0, warning: 0, error: 0 };
  let firstUtc: number | null = null, lastUtc: number | null = null;
  const sources = new Array<number>(view.keys.length).fill(0);
  for (let li = 0; li < view.keys.length; li++) {
    const log = view.model(li);
    if (!log) continue;
    sources[li] = log.entryCount;
    const t = log.table, n = log.entryCount;
    const c = new Float64Array(t.components.names.length), h = new Float64Array(t.threads.names.length), s = [0, 0, 0, 0];
    for (let e = 0; e < n; e++) {
      c[t.component[e]]++;
      h[t.thread[e]]++;
      s[t.severity[e]]++;
      const u = log.utc(e);
      if (u === u) {
        if (firstUtc === null || u < firstUtc) firstUtc = u;
        if (lastUtc === null || u > lastUtc) lastUtc = u;
      }
    }
    // Names of each log are merged case as written: the same component in two logs counts once.
    t.components.names.forEach((name, k) => { if (c[k]) components.set(name, (components.get(name) ?? 0) + c[k]); });
    t.threads.names.forEach((name, k) => { if (h[k]) threads.set(name, (threads.get(name) ?? 0) + h[k]); });
    s.forEach((v, k) => { severities[severityName[k]] += v; });
  }
  return { components: top(components), threads: top(threads), severities, sources, firstUtc, lastUtc };
}

/**
 * A table's facets, counted again only when its entries changed (TableView.entriesVersion): a page
 * asks when it loads or reloads and when reading ends, and a large log has millions of entries.
 * Facets are over all entries, whatever the filter.
 */
export class FacetCache {
  private at = -1;
  private facets: TableFacetsResult | undefined;

  constructor(private readonly view: TableView, private readonly count: (view: TableView) => TableFacetsResult = tableFacets) {}

  get(): TableFacetsResult {
    if (!this.facets || this.at !== this.view.entriesVersion) {
      this.facets = this.count(this.view);
      this.at = this.view.entriesVersion;
    }
    return this.facets;
  }
}
