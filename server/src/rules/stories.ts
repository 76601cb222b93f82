// Grouping repeated lines into one story: a finding per story, its later occurrences as related
// locations (bounded), so the same failure repeated does not flood the Problems panel.
import type { LogFile } from '../logFile';
import type { RelatedLocation } from '../model';

/** At most this many related locations per finding; the rest are counted, not listed. */
export const MAX_RELATED = 20;

/** Time of entry i: UTC when known, else the wall clock (NaN when the record has no time). */
export function entryTime(log: LogFile, i: number): number {
  const u = log.utc(i);
  return Number.isFinite(u) ? u : log.table.wall[i]!;
}

/** A bounded list of related locations that counts what it had to leave out. */
export class RelatedList {
  readonly items: RelatedLocation[] = [];
  dropped = 0;
  add(r: RelatedLocation): void {
    if (this.items.length < MAX_RELATED) this.items.push(r);
    else this.dropped++;
  }
  get count(): number {
    return this.items.length + this.dropped;
  }
}

/** Occurrences further apart than this are separate stories. */
export const STORY_GAP_MS = 60 * 60_000;
