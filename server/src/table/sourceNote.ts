// What a merge says about a log whose offset is unknown: how its entries were placed.
import type { LogFile } from '../logFile';
import { describeOffset } from '../parse/time';
import { namedAndMore } from '../explain/logLabel';

/**
 * The offset records without one were placed with, and the setting that holds it: the folder's
 * entry in cmlog.folderOffsets (`byFolder`: features/folderOffset.ts placedByFolder) or cmlog.defaultOffset.
 */
export function placedWith(log: LogFile, byFolder: boolean): string {
  return `${describeOffset(log.defaultOffset!, log.defaultOffsetConvention)} (${byFolder ? 'cmlog.folderOffsets' : 'cmlog.defaultOffset'})`;
}

export function sourceNote(log: LogFile, byFolder: boolean): string | undefined {
  let unknown = false;
  for (let e = 0; e < log.entryCount; e++) {
    const s = log.offsetSource(e);
    // 'default' only where a default offset is set.
    if (s === 'default') return `offset unknown: placed with ${placedWith(log, byFolder)}`;
    if (s !== 'written') unknown = true;
  }
  return unknown ? 'offset unknown: placed last (set cmlog.defaultOffset to place it)' : undefined;
}

/** Logs named in a merge's note at most; the rest are counted. */
const NAMED_IN_BANNER = 3;

/**
 * A merge's banner: one line per distinct note, naming its logs (`a.log, b.log, c.log and 3 more:
 * offset unknown: placed last ...`): a merge of many logs without offsets repeated the same words for each.
 */
export function mergeNotes(sources: readonly { label: string; note?: string }[]): string[] {
  const byNote = new Map<string, string[]>();
  for (const s of sources) if (s.note) (byNote.get(s.note) ?? byNote.set(s.note, []).get(s.note)!).push(s.label);
  return [...byNote].map(([note, labels]) => `${namedAndMore(labels, NAMED_IN_BANNER)}: ${note}`);
}
