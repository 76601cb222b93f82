// What "Use the Offset of This Folder's ConfigMgr Logs" says: why there is nothing to take (from the
// server's FileInfo.noOffer), or what it set. File names are untrusted: each message goes through
// notificationText whole (a name like `[x](command:...)` would be a live link). Pure: tested.
import { clip } from '../../server/src/explain/markdown';
import { notificationText } from '../../server/src/explain/plainText';
import type { FileInfo } from '../../server/src/protocol';

/** `name`: the log's file name. `why` undefined: the server has not read the log yet. */
export function noOfferMessage(why: FileInfo['noOffer'], name: string): string {
  return notificationText(noOfferText(why, clip(name, 200)));
}

function noOfferText(why: FileInfo['noOffer'], name: string): string {
  switch (why) {
    case 'ownOffsets': return `CMLog Lens: ${name} writes its own offset in each record, so it needs none from its folder.`;
    case 'inUse': return `CMLog Lens: ${name}'s records without offset are read with its folder's offset already.`;
    case 'noRecords': return `CMLog Lens: ${name} has no records to place.`;
    case 'noneInFolder': return `CMLog Lens: no other log in the folder of ${name} writes an offset to take.`;
    default: return `CMLog Lens: ${name} is not read yet; try again in a moment.`;
  }
}

/**
 * What was set, in one short line (a longer one was cut in the notification, before its zone):
 * `folder` (cmlog.folderOffsets' key) read as `zone`, saved `where` (a settings file, or "user settings").
 * Where the offset was taken from the status bar and the time hover say.
 */
export function offsetSetMessage(folder: string, zone: string, where: string): string {
  return notificationText(`CMLog Lens: ${clip(folder, 40)} now read as ${zone} (saved in ${clip(where, 50)}).`);
}
