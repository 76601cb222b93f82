// What a merge says about a log whose offset is unknown: how its entries were placed.
import type { LogFile } from '../logFile';
import { describeOffset } from '../parse/time';

/** `defaultOffset`: cmlog.defaultOffset for the log's folder (minutes), or null when unset. */
export function sourceNote(log: LogFile | undefined, defaultOffset: number | null): string | undefined {
  if (!log) return undefined;
  let unknown = false;
  for (let e = 0; e < log.entryCount; e++) {
    const s = log.offsetSource(e);
    if (s === 'default' && defaultOffset !== null) return `offset unknown: placed by cmlog.defaultOffset ${describeOffset(defaultOffset, log.offsetConvention)}`;
    if (s !== 'written') unknown = true;
  }
  return unknown ? 'offset unknown: placed last (set cmlog.defaultOffset to place it)' : undefined;
}
