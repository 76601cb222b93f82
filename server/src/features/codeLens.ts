// Code lenses that link timestamps across files: above each entry that matters (a problem's line,
// an error or warning record), how many entries other logs wrote within the window, compared in
// UTC, and the nearest of them. A record no other log wrote near gets no lens (a lens on every line
// saying "nothing" is noise); a log whose offset is unknown says so once instead of guessing.
// Then the rules' own lenses.
import type { CodeLens } from 'vscode-languageserver';
import type { LogFile } from '../logFile';
import type { Finding } from '../model';
import { severityOfName } from '../severity';
import { Commands } from '../protocol';
import { clip } from '../explain/markdown';
import { formatGap } from '../explain/gap';
import { visibleLine } from '../explain/plainText';
import { baseName } from '../uri';
import { anchoredLabel, leftOutNote } from '../explain/logLabel';
import { ruleById, rules, type Rule } from '../rules';
import type { Timeline } from '../workspace/timeline';
import { offerFolder, offerTextShort } from '../explain/offerText';
import { folderOffer } from './folderOffset';
import { folderOffsetsKey } from '../explain/folderOffsetKey';
import { innermostFolder, toPath } from '../uri';
import * as path from 'node:path';
import { relatedShownCount } from './relatedNearest';

export interface LensSettings {
  enabled: boolean;
  windowSeconds: number;
  severities: ('error' | 'warning' | 'information')[];
  maxPerFile: number;
}

export const lensDefaults: LensSettings = { enabled: true, windowSeconds: 5, severities: ['error', 'warning'], maxPerFile: 200 };

/** The nearest log's name in a lens, at most (the list it opens names it whole). */
const NEAREST_MAX = 50;

/**
 * What cmlog.folderOffsets would hold for a log's folder, as the lens says it: `"MAC1": 300` (the
 * bias of UTC-05:00 in the settings' convention), keyed as the offer's command keys it.
 */
function folderOffsetsExample(uri: string, log: LogFile, folders: readonly { path: string }[]): string {
  const file = toPath(uri);
  const k = innermostFolder(folders, file);
  const key = file === null ? '<folder>' : folderOffsetsKey(k < 0 ? null : folders[k].path, path.dirname(file));
  const example = log.defaultOffsetConvention === 'bias' ? '300 for UTC-05:00' : '-300 for UTC-05:00';
  return `"${visibleLine(clip(key, 60))}": minutes (${example})`;
}

/** The title of a timeline lens asked for before the index is built: other logs may not be known yet. */
export const INDEXING_TITLE = '⇄ logs of the workspace still being indexed…';

/**
 * `indexing`: the workspace index is being built, so "no other log" could be false; the timeline
 * lenses say so instead (the server asks the client to refresh them once it is built).
 * `machineOf`: the machine of a log (table/machine.ts): a nearest log of another machine is named
 * with it, since every device writes the same file names. `folders`: the workspace folders (folderOffer).
 */
export function codeLenses(uri: string, log: LogFile, findings: Finding[], timeline: Timeline, s: LensSettings, indexing = false, catalog: readonly Rule[] = rules, machineOf: (key: string) => string = () => '', folders: readonly { path: string }[] = []): CodeLens[] {
  if (!s.enabled) return [];
  const wanted = new Set(s.severities.map(severityOfName));
  const anchors = new Set<number>();
  for (const f of findings) if (f.entryIndex !== undefined) anchors.add(f.entryIndex);
  for (let i = 0; i < log.entryCount && anchors.size < s.maxPerFile * 4; i++) if (wanted.has(log.severity(i))) anchors.add(i);
  const windowMs = s.windowSeconds * 1000;
  const lenses: CodeLens[] = [];
  let saidLeftOut = false;
  // A log with records without offset: the folder's offer (or how to set one), once, above the first
  // of them, where the time hover says it is; a clean log (no error, no finding) gets it too.
  // Offered, never applied: the click writes it for the folder (client/src/folderOffset.ts).
  const unplaced = firstWithoutUtc(log);
  if (unplaced >= 0) {
    const line = log.line(unplaced);
    const o = folderOffer(timeline, { key: uri, log }, folders);
    lenses.push({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, command: o
      ? { title: `⇄ UTC unknown: ${offerTextShort(o)} — use it for ${offerFolder(o)}`, command: Commands.useFolderOffset, arguments: [uri] }
      // No log of the folder writes its bias: the folder's own entry, not cmlog.defaultOffset (global: it would re-time every folder).
      : { title: `⇄ UTC unknown: set ${folderOffsetsExample(uri, log, folders)} in cmlog.folderOffsets to compare with other logs`, command: 'workbench.action.openSettings', arguments: ['cmlog.folderOffsets'] } });
  }
  // Another log as the lens names it: with its machine when not this log's (as the list it opens).
  const here = machineOf(uri);
  const labelOf = (key: string) => anchoredLabel(here, machineOf(key), baseName(key));
  for (const i of [...anchors].sort((a, b) => a - b).slice(0, s.maxPerFile)) {
    const line = log.line(i);
    const range = { start: { line, character: 0 }, end: { line, character: 0 } };
    // No UTC, nothing to compare: the offer above says so once.
    if (Number.isNaN(log.utc(i))) continue;
    if (indexing) {
      lenses.push({ range, command: { title: INDEXING_TITLE, command: '' } });
      continue;
    }
    // The nearest entry makes the lens useful before it is clicked; none at all: no lens.
    const r = timeline.related(uri, i, { windowMs, limit: 1 });
    if (r.total === 0) continue;
    // A title stays a count and the nearest: the logs left out for want of an offset (often another
    // machine's) are counted once per file, at its first lens, and named in the list it opens; where
    // an offset was taken from, the status bar and the time hover say.
    const unknown: number = saidLeftOut ? 0 : r.unknownOffsetLogs.filter((k) => k !== uri).length;
    const note = unknown ? ` · ${leftOutNote(unknown, [])}` : '';
    saidLeftOut ||= unknown > 0;
    const nearest = r.related[0];
    const near = nearest ? ` · nearest ${formatGap(nearest.deltaMs)} ${visibleLine(clip(labelOf(nearest.key), NEAREST_MAX))}` : '';
    // The click lists at most RELATED_SHOWN, the nearest of each log: a count the list cannot match says how many it shows.
    const listed = relatedShownCount(timeline, uri, i, windowMs, r.total, r.logCount);
    const cut = listed < r.total ? ` (${listed.toLocaleString('en-US')} nearest shown)` : '';
    const title = `⇄ ${r.total.toLocaleString('en-US')} entr${r.total === 1 ? 'y' : 'ies'} in ${r.logCount} other log${r.logCount === 1 ? '' : 's'} within ±${s.windowSeconds} s${cut}${near}${note}`;
    lenses.push({ range, command: { title, command: Commands.showRelated, arguments: [uri, i] } });
  }
  // The rules' own lenses on their findings (e.g. user-not-found: where its 24-hour full sync happened).
  for (const f of findings) {
    for (const l of ruleById(f.ruleId, catalog)?.lenses?.(f) ?? []) {
      const range = { start: { line: l.line, character: 0 }, end: { line: l.line, character: 0 } };
      lenses.push({ range, command: l.reveal ? { title: l.title, command: Commands.reveal, arguments: [l.reveal.file, l.reveal.line] } : { title: l.title, command: '' } });
    }
  }
  return lenses;
}

/**
 * The first entry with a time whose UTC is unknown (no offset written, none set), or -1: kept by
 * the table as entries are read, so a lens request of a 500,000-record log reads no record. (A
 * cut-off last record, still being written, has no time: no offer above it.)
 */
function firstWithoutUtc(log: LogFile): number {
  return log.defaultOffset === null ? log.table.firstUnplaced : -1;
}
