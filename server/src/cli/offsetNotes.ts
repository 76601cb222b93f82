// What timeline and related say, on stderr, of records placed without a written offset: one note a
// folder for those with none (OFFERING the offset its ConfigMgr logs write, as the editor does:
// features/folderOffset.ts; never applied without the option), one a `--default-offset` entry for
// those it placed. Bounded in count whatever the number of logs.
import { offerOfFolder } from '../explain/folderOffer';
import type { FolderOffer } from '../protocol';
import { folderOf } from '../uri';
import type { Timeline } from '../workspace/timeline';
import type { CliParseOptions } from './common';
import { offsetFor, optionText, placedText, type FolderOffset } from './defaultOffsets';
import { printable } from './escape';
import type { LoadedLog } from './load';
import { MEMBER_SEPARATOR } from '../collections/archive';
import { counted } from '../explain/plural';

/** Notes past this many are summed up in one. */
export const MAX_NOTES = 20;


/** The folder as the user can write it back in `--default-offset FOLDER=` (an archive's member folders: the archive). */
function writable(folder: string): string {
  const bang = (folder + '/').indexOf(MEMBER_SEPARATOR);
  if (bang >= 0) return folder.slice(0, bang);
  return folder === '' ? '.' : folder;
}

/**
 * The highest folder whose logs may speak for a log: its archive, or the folder named on the
 * command line (its nearest folder with an offset wins, so a device's own beats its collection's).
 */
function topFolder(x: LoadedLog): string | null {
  const bang = x.key.indexOf(MEMBER_SEPARATOR);
  if (bang >= 0) return x.key.slice(0, bang + 1);
  return x.root ?? null;
}

/** The nearest folder from the log's own up to topFolder whose logs write an offset, and its offer. */
function offerFor(offerOf: (folder: string) => FolderOffer | null, x: LoadedLog): { folder: string; offer: FolderOffer } | null {
  const stop = topFolder(x);
  for (let folder = folderOf(x.key); ; folder = folderOf(folder)) {
    const offer = offerOf(folder);
    if (offer) return { folder, offer };
    if (stop === null || folder === stop || folder === '' || !folder.startsWith(stop)) return null;
  }
}

/**
 * A `--default-offset FOLDER=` entry no log read is under (`files`: the logs' files): a typo would
 * otherwise place nothing, silently. One note per entry (the entries are the user's, few).
 */
export function unplacedOffsetNotes(parse: CliParseOptions, files: readonly string[]): string[] {
  if (!parse.offsets) return [];
  const used = new Set<FolderOffset | null>();
  for (const file of files) used.add(offsetFor(parse.offsets, file));
  return parse.offsets.folders.filter((f) => !used.has(f)).map((f) => `${optionText(f)} placed nothing: no log read is under ${printable(f.given!)}`);
}

/**
 * The notes on `unknown` (keys of logs with records of unknown offset: `what` says what became of
 * them, e.g. "listed last") and on `placed` (keys of logs placed by a `--default-offset`).
 */
export function offsetNotes(timeline: Timeline, logs: readonly LoadedLog[], unknown: readonly string[], placed: readonly string[],
  parse: CliParseOptions, what: string): string[] {
  const convention = parse.offsetConvention ?? 'bias';
  const byKey = new Map(logs.map((x) => [x.key, x]));
  const notes: string[] = [];
  // Said first: kept by the bound.
  notes.push(...unplacedOffsetNotes(parse, logs.map((x) => x.file ?? x.key)));
  // Unknown offsets: by the folder that offers one, else by the log's own folder.
  const groups = new Map<string, { logs: number; entries: number; offer: FolderOffer | null }>();
  // Each folder asked once: a folder's offer reads every log of the timeline, and many logs share folders.
  const offers = new Map<string, FolderOffer | null>();
  const offerOf = (folder: string): FolderOffer | null => {
    if (!offers.has(folder)) offers.set(folder, offerOfFolder(timeline, folder, convention));
    return offers.get(folder)!;
  };
  for (const k of unknown) {
    const x = byKey.get(k);
    if (!x) continue;
    const found = offerFor(offerOf, x);
    const folder = found?.folder ?? folderOf(k);
    const g = groups.get(folder) ?? { logs: 0, entries: 0, offer: found?.offer ?? null };
    g.logs++;
    g.entries += timeline.stats(k)?.offsetUnknown ?? 0;
    groups.set(folder, g);
  }
  for (const [folder, g] of groups) {
    const where = printable(writable(folder));
    const head = `${where}: ${counted(g.entries, 'entry', 'entries')} of ${counted(g.logs, 'log', 'logs')} with no offset (time zone unknown) ${what}; `;
    const o = g.offer;
    notes.push(o
      ? head + `${printable(o.source)} in this folder writes ${o.zone} (${o.offset > 0 ? '+' : ''}${o.offset}): ${optionText({ given: writable(folder), minutes: o.offset })} places them`
      : head + `--default-offset ${where}=MINUTES places them`);
  }
  // Placed by an entry of --default-offset: by entry.
  const applied = new Map<FolderOffset, { logs: string[]; entries: number }>();
  const bare: FolderOffset = { given: null, path: null, minutes: parse.defaultOffset ?? 0 };
  for (const k of placed) {
    const x = byKey.get(k);
    if (!x) continue;
    const entry = offsetFor(parse.offsets, x.file ?? x.key) ?? bare;
    const a = applied.get(entry) ?? { logs: [], entries: 0 };
    a.logs.push(k);
    a.entries += timeline.stats(k)?.defaultOffset ?? 0;
    applied.set(entry, a);
  }
  for (const [entry, a] of applied) {
    const which = a.logs.length === 1 ? printable(a.logs[0]) : counted(a.logs.length, 'log', 'logs');
    notes.push(`${which}: ${counted(a.entries, 'entry', 'entries')} with no offset written placed with ${placedText(entry, convention)}`);
  }
  if (notes.length > MAX_NOTES) {
    const more = notes.length - MAX_NOTES + 1;
    notes.length = MAX_NOTES - 1;
    notes.push(`${more} more notes on offsets not written like those above`);
  }
  return notes.map((n) => `cmlog: note: ${n}`);
}
