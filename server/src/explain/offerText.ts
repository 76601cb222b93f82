// An offer of a folder's offset (features/folderOffset.ts), in words: the status bar's, the lens's,
// the hover's and the merge banner's. Folder and log names are untrusted: made visible and cut.
import type { FolderOffer } from '../protocol';
import { baseName } from '../uri';
import { clip } from './markdown';
import { visibleLine } from './plainText';

/** A folder as offers name it: its last name, cut and made visible (folder names are untrusted). */
export const folderName = (folder: string): string => visibleLine(clip(baseName(folder), 60));

/** The folder an offer is for, in words: "this folder", or the name of the folder above it. */
export const offerFolder = (offer: FolderOffer): string => offer.fromName ?? 'this folder';

/** "CcmExec.log of this folder says UTC-07:00" (and the other offsets written, if any); "of DEVICE2" when a folder above the log's own offers it. */
export function offerText(offer: FolderOffer): string {
  return `${offerSource(offer)} says ${offer.zone}${alsoText(offer)}`;
}

/**
 * The other offsets an offer's logs wrote, said after its zone: " (also UTC-08:00: a DST change)"
 * when an hour apart, else " (logs of this folder write two zones: UTC-05:00 and UTC-07:00)"; or ''.
 */
export function alsoText(offer: FolderOffer): string {
  if (!offer.others) return '';
  if (offer.dst) return ` (also ${offer.others.join(', ')}: a DST change)`;
  const zones = [offer.zone, ...offer.others];
  const n = zones.length === 2 ? 'two' : String(zones.length);
  return ` (logs of ${offerFolder(offer)} write ${n} zones: ${zones.slice(0, -1).join(', ')} and ${zones[zones.length - 1]})`;
}

/**
 * An offer as a lens says it, short enough for one line of the editor: its zone, and how many zones
 * the folder's logs write when they write several (the hover and the status bar name them).
 */
export function offerTextShort(offer: FolderOffer): string {
  const also = !offer.others ? '' : offer.dst ? ' (a DST change seen)' : ` (${offer.others.length + 1} zones)`;
  return `${offerSource(offer)} says ${offer.zone}${also}`;
}

/** Whose offset an offer is: "CcmExec.log of this folder", "CcmExec.log of DEVICE2". */
export const offerSource = (offer: FolderOffer): string => `${offer.source} of ${offerFolder(offer)}`;

/** Where the offset records were placed with came from, when it is the offer's: the status bar's and the lens's words. */
export const takenFrom = (offer: FolderOffer): string => `offset taken from ${offerSource(offer)}`;
