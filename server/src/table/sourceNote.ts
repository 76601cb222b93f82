// What a merge says about a log whose offset is unknown: how its entries were placed.
import type { LogFile } from '../logFile';
import { describeOffset } from '../parse/time';

/** The offset records without one were placed with, as the settings name it (the folder's, or the default). */
export function placedWith(log: LogFile): string {
  return `${describeOffset(log.defaultOffset!, log.defaultOffsetConvention)} (cmlog.folderOffsets or cmlog.defaultOffset)`;
}

export function sourceNote(log: LogFile | undefined): string | undefined {
  if (!log) return undefined;
  let unknown = false;
  for (let e = 0; e < log.entryCount; e++) {
    const s = log.offsetSource(e);
    // 'default' only where a default offset is set.
    if (s === 'default') return `offset unknown: placed with ${placedWith(log)}`;
    if (s !== 'written') unknown = true;
  }
  return unknown ? 'offset unknown: placed last (set cmlog.defaultOffset to place it)' : undefined;
}
