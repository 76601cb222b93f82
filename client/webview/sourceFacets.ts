// A merge's Machines and Logs facets: entries per machine (its logs' entries added up) and per log,
// and the sources a pick of them lets through (the filter's `sources`: checked once per log, never
// per row, so the filter stays as fast on millions of rows). Pure, for tests.
import type { TableFacet, TableSource } from '../../server/src/protocol';

export type Pick = Map<string, 'include' | 'exclude'>;

/** A facet whose pick key (a log's URI) differs from the name shown (its label). */
export type KeyedFacet = TableFacet & { key?: string };

/** Entries per machine, most first; `counts[i]`: entries of source i. */
export function machineFacets(sources: readonly TableSource[], counts: readonly number[]): KeyedFacet[] {
  const by = new Map<string, number>();
  sources.forEach((s, i) => by.set(s.machine, (by.get(s.machine) ?? 0) + (counts[i] ?? 0)));
  return [...by].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** Entries per log, named as the table shows it, picked by URI (two logs may share a label). */
export function logFacets(sources: readonly TableSource[], counts: readonly number[]): KeyedFacet[] {
  return sources.map((s, i) => ({ name: s.label, key: s.uri, count: counts[i] ?? 0 })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** Whether a key passes a pick; `including`: whether the pick includes anything (then only what it includes passes). */
const passes = (pick: Pick, including: boolean, key: string): boolean => {
  const how = pick.get(key);
  return how === undefined ? !including : how === 'include';
};

const includes = (pick: Pick): boolean => {
  for (const v of pick.values()) if (v === 'include') return true;
  return false;
};

/** The URIs of the sources shown by the machine and log picks, or undefined when they restrict nothing. */
export function shownSources(sources: readonly TableSource[], machines: Pick, logs: Pick): string[] | undefined {
  if (machines.size === 0 && logs.size === 0) return undefined;
  // Each pick's "any include?" once per call, not once per source.
  const m = includes(machines), l = includes(logs);
  return sources.filter((s) => passes(machines, m, s.machine) && passes(logs, l, s.uri)).map((s) => s.uri);
}

/** Which logs a pick keeps, as one string: facets are asked again only when it changes. */
export const sourcesKey = (uris: readonly string[] | undefined): string => JSON.stringify(uris ?? null);

/** Where the counts of a merge narrowed to `picked` logs come from, for a tooltip; '' when not narrowed. */
export const pickedScope = (picked: number | undefined): string =>
  picked === undefined ? '' : picked === 0 ? 'no log picked' : `in the ${picked === 1 ? 'log' : `${picked} logs`} picked`;
