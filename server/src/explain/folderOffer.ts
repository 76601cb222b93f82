// What a folder's logs that write offsets offer the folder's other logs: the machine's bias, as
// the ConfigMgr logs wrote it last (whose: `before`). Pure: the editor's offers
// (features/folderOffset.ts) and the command line's notes (cli/offsetNotes.ts) ask it.
import { describeOffset } from '../parse/time';
import { clip } from './markdown';
import { visibleLine } from './plainText';
import type { FolderOffer } from '../protocol';
import type { Timeline, WrittenOffsets } from '../workspace/timeline';
import { isConfigMgrLog, MACHINE_CLOCK_LOGS, machineClockRank } from '../knowledge/logFiles';

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
 * Whose bias is offered: the client's logs that tell the machine's clock best, in the knowledge
 * base's order (knowledge/logFiles.ts, MACHINE_CLOCK_LOGS), then the other logs it knows as
 * ConfigMgr's, then any other that writes one (a user's own log can write anything); ties by name,
 * so the offer does not change with whichever log wrote last.
 */
function before(a: WrittenOffsets, b: WrittenOffsets): boolean {
  const ra = rank(a.name), rb = rank(b.name);
  if (ra !== rb) return ra < rb;
  return a.name !== b.name ? a.name < b.name : a.key < b.key;
}

/** The machine's clock logs (each before its rotated copies), then the knowledge base's other ConfigMgr logs, then any other. */
const rank = (name: string): number => machineClockRank(name) ?? (isConfigMgrLog(name) ? CLOCK_RANKS : CLOCK_RANKS + 1);
const CLOCK_RANKS = 2 * MACHINE_CLOCK_LOGS.length;
