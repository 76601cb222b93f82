// What a timeline lens's click lists: the entries other logs wrote around a record, nearest first,
// spread over the logs. Over a busy moment (1,177 entries in 84 logs) the 100 nearest would all be
// one chatty log's; instead each log gives its nearest few (at least one), up to RELATED_SHOWN in all.
import type { RelatedResult, Timeline } from '../workspace/timeline';
import type { RelatedAnswer } from '../protocol';
import { anchoredLabel } from '../explain/logLabel';

/** Entries listed at most: the pick list stays readable, the answer small. */
export const RELATED_SHOWN = 100;

/** How many entries each log may give when `logCount` logs share `shown` places. */
const perLogOf = (logCount: number, shown: number) => Math.max(1, Math.floor(shown / Math.max(1, logCount)));

export function relatedNearest(timeline: Timeline, uri: string, entryIndex: number, windowMs: number, shown = RELATED_SHOWN): RelatedResult {
  // Counting first costs a binary search per log: it says how many each log may give.
  const { logCount } = timeline.related(uri, entryIndex, { windowMs, limit: 0 });
  return timeline.related(uri, entryIndex, { windowMs, limit: shown, perLog: perLogOf(logCount, shown) });
}

/**
 * How many entries relatedNearest lists for a window of `total` entries in `logCount` logs, counted
 * (binary searches, no entry read): a lens that says 1,177 entries opens a list of fewer, and says so.
 */
export function relatedShownCount(timeline: Timeline, uri: string, entryIndex: number, windowMs: number, total: number, logCount: number, shown = RELATED_SHOWN): number {
  if (total <= shown) return total;
  const { perLogTotal } = timeline.related(uri, entryIndex, { windowMs, limit: 0, perLog: perLogOf(logCount, shown) });
  return Math.min(perLogTotal, shown);
}

/**
 * The answer to a lens's click: each log named by `nameOf`, and with its machine when it is not the
 * anchor's (DEVICE1's CloudUserSync.log seen from DEVICE3's is not "itself"), as the lens names it.
 * The logs left out for want of an offset are named too (the first RELATED_SHOWN), as the lens counts
 * them: other than the anchor.
 */
export function relatedAnswer(anchor: string, r: RelatedResult, windowSeconds: number, nameOf: (key: string) => string, machineOf: (key: string) => string): RelatedAnswer {
  const unknownOffsetLogs = r.unknownOffsetLogs.filter((k) => k !== anchor);
  const here = machineOf(anchor);
  const labelOf = (key: string) => anchoredLabel(here, machineOf(key), nameOf(key));
  return {
    locations: r.related.map((e) => ({ uri: e.key, name: labelOf(e.key), line: e.line, deltaMs: e.deltaMs, message: e.message.split('\n', 1)[0] })),
    unknownOffsetLogs,
    unknownOffsetNames: unknownOffsetLogs.slice(0, RELATED_SHOWN).map(labelOf),
    windowSeconds,
    total: r.total,
    logCount: r.logCount,
  };
}
