// A log without offsets (CBS, MSI, Panther, IME...) beside ConfigMgr logs that write them (a
// collected log folder of one machine): the machine's bias, as those logs wrote it last, is
// OFFERED, never applied: the status bar and the lens say it, and the user's click on them writes
// it into `cmlog.folderOffsets` for that folder (client/src/folderOffset.ts).
import { describeOffset } from '../parse/time';
import type { OffsetOrigin } from '../explain';
import type { LogFile } from '../logFile';
import type { FolderOffer } from '../protocol';
import { folderName, offerSource, offerText, takenFrom } from '../explain/offerText';
import type { Timeline } from '../workspace/timeline';
import * as path from 'node:path';
import { folderOf, innermostFolder, toPath } from '../uri';
import { offerOfFolder } from '../explain/folderOffer';

/**
 * What the other logs of `target`'s folder write, read in the convention its settings read
 * `defaultOffset` in (the offer becomes that setting); null when none of them writes an offset.
 * `folders`: the workspace folders: the folders above the log's own up to the innermost of them may
 * speak for it (foldersAbove): a log in a device folder's Panther or CCM\\Logs is offered the device
 * folder's bias; the nearest folder whose logs write one wins.
 */
export function folderOffer(timeline: Timeline, target: { key: string; log: LogFile }, folders: readonly { path: string }[] = []): FolderOffer | null {
  let folder = folderOf(target.key);
  const above = foldersAbove(target.key, folders);
  for (let up = 0; folder && up <= above; up++, folder = folderOf(folder)) {
    const offer = offerOfFolder(timeline, folder, target.log.defaultOffsetConvention, target.key);
    if (offer) return folder !== folderOf(target.key) ? { ...offer, from: folder, fromName: folderName(folder) } : offer;
  }
  return null;
}

/**
 * How many folders above a log's own may offer it their offset: up to the innermost workspace
 * folder holding it (a collected device folder, or a folder of device folders whose own logs are
 * one machine's); none for a log outside the workspace folders.
 */
function foldersAbove(key: string, folders: readonly { path: string }[]): number {
  const file = toPath(key);
  const k = innermostFolder(folders, file);
  if (file === null || k < 0) return 0;
  const rel = path.relative(folders[k].path, path.dirname(file));
  return rel === '' ? 0 : rel.split(path.sep).length;
}

/**
 * Whether `log`'s records without offset were placed by its folder's cmlog.folderOffsets entry
 * (`set`: settings.placementOf), not by cmlog.defaultOffset: the entry is the offset the model
 * was read with (a settings change re-reads it).
 */
export function placedByFolder(set: { offset: number | null; byFolder: boolean }, log: LogFile): boolean {
  return set.byFolder && set.offset === log.defaultOffset;
}

/**
 * Where a log's offset not written came from, for its time hover: `byFolder` (placedByFolder), and
 * the log of the folder's offer when the offset is that offer's (as the status bar says it), and the
 * folder whose entry it is when above the log's own (`above`: settings.ts placementOf); for a log
 * placed with none, the folder's offer in words (`offered`).
 */
export function offsetOrigin(byFolder: boolean, offer: FolderOffer | null, log: LogFile, above?: string): OffsetOrigin {
  // Placed with nothing: the hover says the folder's offer, as the lens and the status bar do.
  if (log.defaultOffset === null) return offer ? { byFolder, offered: offerText(offer) } : { byFolder };
  const folder = byFolder && above !== undefined ? { folder: folderName(above) } : {};
  return byFolder && offer && offer.offset === log.defaultOffset ? { byFolder, from: offerSource(offer), ...folder } : { byFolder, ...folder };
}

/** The offset a log's records without one are placed with: the folder's entry (`above`: a folder above the log's own, as placementOf says) or the default. */
export interface Applied { offset: number | null; byFolder: boolean; above?: string }

/** How a log's records without offset are placed, in words (status bar). */
export function offsetNote(applied: Applied, offer: FolderOffer | null, convention: 'bias' | 'utc-offset'): string {
  const says = offer ? offerText(offer) : '';
  if (applied.offset === null) return offer ? `no offset — ${says}` : 'no offset (UTC unknown)';
  const zone = describeOffset(applied.offset, convention);
  const how = applied.byFolder ? `${zone} set for ${applied.above ? folderName(applied.above) : 'this folder'}` : `default ${zone}`;
  if (!offer) return `no offset, ${how}`;
  return offer.offset === applied.offset ? `no offset, ${how} (${takenFrom(offer)})` : `no offset, ${how}; ${says}`;
}

/** offsetNote in a few words (the status bar's text; the note is its tooltip): "UTC+05:30 (folder)". */
export function offsetShort(applied: Applied, offer: FolderOffer | null, convention: 'bias' | 'utc-offset'): string {
  const offered = offer && offer.offset !== applied.offset ? `${offer.zone} offered` : '';
  if (applied.offset === null) return offered ? `no offset (${offered})` : 'no offset';
  const zone = `${describeOffset(applied.offset, convention)} (${applied.byFolder ? 'folder' : 'default'})`;
  return offered ? `${zone}, ${offered}` : zone;
}
