// What a timeline lens's click lists: the entries other logs wrote around a record, nearest first,
// spread over the logs. Over a busy moment (1,177 entries in 84 logs) the 100 nearest would all be
// one chatty log's; instead each log gives its nearest few (at least one), up to RELATED_SHOWN in all.
import type { RelatedResult, Timeline } from '../workspace/timeline';

/** Entries listed at most: the pick list stays readable, the answer small. */
export const RELATED_SHOWN = 100;

export function relatedNearest(timeline: Timeline, uri: string, entryIndex: number, windowMs: number, shown = RELATED_SHOWN): RelatedResult {
  // Counting first costs a binary search per log: it says how many each log may give.
  const { logCount } = timeline.related(uri, entryIndex, { windowMs, limit: 0 });
  const perLog = Math.max(1, Math.floor(shown / Math.max(1, logCount)));
  return timeline.related(uri, entryIndex, { windowMs, limit: shown, perLog });
}
