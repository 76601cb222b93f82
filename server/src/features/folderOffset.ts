// A log without offsets (CBS, MSI, Panther, IME...) beside ConfigMgr logs that write them (a
// collected log folder of one machine): the machine's bias, as those logs wrote it last, is
// OFFERED, never applied: the status bar and the lens say it, and the user's click on them writes
// it into `cmlog.folderOffsets` for that folder (client/src/folderOffset.ts).
import { describeOffset } from '../parse/time';
import { clip } from '../explain/markdown';
import { visibleLine } from '../explain/plainText';
import type { OffsetOrigin } from '../explain';
import type { LogFile } from '../logFile';
import type { FolderOffer } from '../protocol';
import { folderName, offerSource, offerText, takenFrom } from '../explain/offerText';
import type { Timeline, WrittenOffsets } from '../workspace/timeline';
import { isConfigMgrLog, normalizeLogFileName } from '../knowledge/logFiles';
import * as path from 'node:path';
import { folderOf, innermostFolder, toPath } from '../uri';

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
 * What the logs of `folder` itself (but `except`) write, read in `convention` (the offer becomes
 * a default offset read so); null when none of them writes an offset. The CLI's notes ask it
 * folder by folder (cli/offsetNotes.ts).
 */
export function offerOfFolder(timeline: Timeline, folder: string, convention: 'bias' | 'utc-offset', except?: string): FolderOffer | null {
  const logs = timeline.writtenOffsetsIn(folder).filter((l) => l.key !== except);
  if (logs.length === 0) return null;
  let source = logs[0];
  for (const l of logs) if (before(l, source)) source = l;
  const east = new Set<number>();
  for (const l of logs) for (const o of l.distinct) if (east.size < 4) east.add(o);
  const read = (minutesEast: number) => (convention === 'bias' ? -minutesEast : minutesEast) + 0; // + 0: no -0
  // Its latest offset: after a DST change the machine's bias is the new one.
  const offset = read(source.latest);
  const otherEast = [...east].filter((o) => o !== source.latest);
  const also = otherEast.map((o) => describeOffset(read(o), convention));
  // Only an hour apart is a DST change; more is another zone (a log copied from another machine, a moved device).
  const dst = otherEast.every((o) => Math.abs(o - source.latest) === 60);
  return { offset, zone: describeOffset(offset, convention), source: visibleLine(clip(source.name, 60)), ...(also.length ? { others: also, dst } : {}) };
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
 * Whose bias is offered (README: "CcmExec.log, or another ConfigMgr log"): CcmExec.log, then the
 * logs the knowledge base knows as ConfigMgr's, then any other that writes one (a user's own log
 * can write anything); ties by name, so the offer does not change with whichever log wrote last.
 */
function before(a: WrittenOffsets, b: WrittenOffsets): boolean {
  const ra = rank(a.name), rb = rank(b.name);
  if (ra !== rb) return ra < rb;
  return a.name !== b.name ? a.name < b.name : a.key < b.key;
}

/** CcmExec.log, then its rotated copies, then the knowledge base's ConfigMgr logs, then any other. */
const rank = (name: string): number => (name.toLowerCase() === 'ccmexec.log' ? 0 : normalizeLogFileName(name) === 'ccmexec.log' ? 1 : isConfigMgrLog(name) ? 2 : 3);

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
