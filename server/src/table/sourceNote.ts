// What a merge says about a log that writes no offset: how its entries were placed (as the detail pane
// says it: "none written: placed with ..."; never "unknown" beside the offset it was placed with).
import type { LogFile } from '../logFile';
import { describeOffset } from '../parse/time';
import { folderLabel, namedAndMore, severalMachines } from '../explain/logLabel';
import { alsoText, folderName } from '../explain/offerText';
import type { FolderOffer, TableOffer } from '../protocol';
import type { LogFacets } from './facets';
import { folderOf } from '../uri';

/**
 * The offset records without one were placed with, and the setting that holds it: the folder's
 * entry in cmlog.folderOffsets (`byFolder`: features/folderOffset.ts placedByFolder) or cmlog.defaultOffset.
 */
export function placedWith(log: LogFile, byFolder: boolean): string {
  return `${describeOffset(log.defaultOffset!, log.defaultOffsetConvention)} (${byFolder ? 'cmlog.folderOffsets' : 'cmlog.defaultOffset'})`;
}

/** A log's records without offset, as its facets count them (facets.ts Tally: no walk over its entries here). */
export type OffsetCounts = Pick<LogFacets, 'missingOffsets' | 'missingTimed'>;

export type Placement = 'none' | 'default' | 'last';

/**
 * What a merge did with `log`'s records without offset: 'none' (every record writes one), 'default'
 * (those with a readable time are placed with its default offset: LogFile.offsetSource 'default')
 * or 'last' (no default offset, or none of them has a readable time).
 */
export function placement(log: LogFile, counts: OffsetCounts): Placement {
  if (counts.missingOffsets === 0) return 'none';
  return log.defaultOffset !== null && counts.missingTimed > 0 ? 'default' : 'last';
}

/**
 * How a merge placed `log`'s records without offset (`counts`: its facets'); `offered`, asked only
 * of a log placed last: whether its folder's logs write an offset it could take (the banner's offer
 * says it: no advice to set cmlog.defaultOffset, which is global).
 */
export function sourceNote(log: LogFile, counts: OffsetCounts, byFolder: boolean, offered: () => boolean = () => false): string | undefined {
  const placed = placement(log, counts);
  if (placed === 'none') return undefined;
  if (placed === 'default') return `no offset written: placed with ${placedWith(log, byFolder)}`;
  return offered() ? PLACED_LAST : `${PLACED_LAST} (set cmlog.defaultOffset to place it)`;
}

const PLACED_LAST = 'offset unknown: placed last';
/** Offers a banner makes at most (a merge can span many devices: the first few, each a button). */
const MAX_OFFERS = 4;

/**
 * The banner's offers: one per folder whose logs write the offset that logs placed last could take
 * (`offer`: features/folderOffset.ts folderOffer of each), "DEVICE2's CcmExec.log writes UTC+05:30",
 * with the first such log, which the offer's command is run for. Where the merge spans machines
 * (each log's `machine`), a folder is named with its machine, as the table names logs: "DEVICE1 ›
 * Client's ADALOperationProvider.log writes ..." (every device has a Client folder).
 */
export function mergeOffers(logs: readonly { key: string; note?: string; offer: FolderOffer | null; machine: string }[]): TableOffer[] {
  const byFolder = new Map<string, TableOffer>();
  const several = severalMachines(logs.map((l) => l.machine));
  for (const l of logs) {
    if (!l.offer || l.note !== PLACED_LAST) continue;
    const folder = l.offer.from ?? folderOf(l.key);
    const id = `${folder}\n${l.offer.offset}`;
    if (byFolder.has(id)) continue;
    if (byFolder.size === MAX_OFFERS) break;
    byFolder.set(id, { text: `${folderLabel(several, l.machine, l.offer.fromName ?? folderName(folder))}'s ${l.offer.source} writes ${l.offer.zone}${alsoText(l.offer)}`, uri: l.key });
  }
  return [...byFolder.values()];
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
