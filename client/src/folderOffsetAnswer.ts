// What "Use the Offset of This Folder's ConfigMgr Logs" says when there is nothing to take: why,
// from the server's FileInfo.noOffer. Pure (no vscode import): tested.
import type { FileInfo } from '../../server/src/protocol';

/** `name`: the log's file name. `why` undefined: the server has not read the log yet. */
export function noOfferMessage(why: FileInfo['noOffer'], name: string): string {
  switch (why) {
    case 'ownOffsets': return `CMLog Lens: ${name} writes its own offset in each record, so it needs none from its folder.`;
    case 'inUse': return `CMLog Lens: ${name}'s records without offset are read with its folder's offset already.`;
    case 'noRecords': return `CMLog Lens: ${name} has no records to place.`;
    case 'noneInFolder': return `CMLog Lens: no other log in the folder of ${name} writes an offset to take.`;
    default: return `CMLog Lens: ${name} is not read yet; try again in a moment.`;
  }
}
