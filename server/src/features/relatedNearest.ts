// What a timeline lens's click lists: the entries other logs wrote around a record, nearest first,
// spread over the logs. Over a busy moment (1,177 entries in 84 logs) the 100 nearest would all be
// one chatty log's; instead each log gives its nearest few (at least one), up to RELATED_SHOWN in all.
import type { RelatedResult, Timeline } from '../workspace/timeline';
import type { RelatedAnswer } from '../protocol';
import { logLabels } from '../explain/logLabel';

/** Entries listed at most: the pick list stays readable, the answer small. */
export const RELATED_SHOWN = 100;

export function relatedNearest(timeline: Timeline, uri: string, entryIndex: number, windowMs: number, shown = RELATED_SHOWN): RelatedResult {
  // Counting first costs a binary search per log: it says how many each log may give.
  const { logCount } = timeline.related(uri, entryIndex, { windowMs, limit: 0 });
  const perLog = Math.max(1, Math.floor(shown / Math.max(1, logCount)));
  return timeline.related(uri, entryIndex, { windowMs, limit: shown, perLog });
}

/**
 * The answer to a lens's click: each log named by `nameOf`, and with its machine when the anchor and
 * the listed logs span several machines (DEVICE1's CloudUserSync.log beside DEVICE3's is not "itself").
 * The logs left out for want of an offset are named too (the first RELATED_SHOWN), as the lens counts
 * them: other than the anchor.
 */
export function relatedAnswer(anchor: string, r: RelatedResult, windowSeconds: number, nameOf: (key: string) => string, machineOf: (key: string) => string): RelatedAnswer {
  const unknownOffsetLogs = r.unknownOffsetLogs.filter((k) => k !== anchor);
  const keys = [...new Set([anchor, ...r.related.map((e) => e.key), ...unknownOffsetLogs.slice(0, RELATED_SHOWN)])];
  const labels = logLabels(keys.map((k) => ({ name: nameOf(k), machine: machineOf(k) })));
  const label = new Map(keys.map((k, i) => [k, labels[i]]));
  return {
    locations: r.related.map((e) => ({ uri: e.key, name: label.get(e.key)!, line: e.line, deltaMs: e.deltaMs, message: e.message.split('\n', 1)[0] })),
    unknownOffsetLogs,
    unknownOffsetNames: unknownOffsetLogs.slice(0, RELATED_SHOWN).map((k) => label.get(k)!),
    windowSeconds,
    total: r.total,
    logCount: r.logCount,
  };
}
