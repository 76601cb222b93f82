// The detail pane of a row: the whole message (bounded), every attribute as written, the record's
// problems with the hover's own Markdown (explain/findingSection: log text escaped there), and
// what happened at the same moment in other logs (the timeline's related entries, as the lens).
// As a hover over a code links to its lookup, each problem links to the lookup of the codes its
// record and its finding write (the pane shows those links as buttons).
import { findingSection } from '../explain';
import { placedWith } from './sourceNote';
import { lookupLink } from '../explain/errorCode';
import { codesOf, FINDING_CODES_MAX, findingCodes } from '../explain/findingCodes';
import type { LogFile } from '../logFile';
import type { Finding } from '../model';
import { firstLine } from '../parse/lineBreaks';
import { describeOffset, isoUtc } from '../parse/time';
import { Commands, type TableDetail } from '../protocol';
import type { Rule } from '../rules';
import { offsetLabel } from '../rules/timeText';
import type { RelatedEntry } from '../workspace/timeline';
import { severityName } from '../severity';
import { baseName } from '../uri';
import { anchoredLabel } from '../explain/logLabel';
import type { TableView } from './view';

/** The detail's message is cut at this many characters. */
export const DETAIL_MESSAGE_MAX = 256 * 1024;
/** Lookup links per problem, at most (as many as the editor's code actions offer). */
export const LOOKUPS_MAX = FINDING_CODES_MAX;
/** Entries "at the same moment", nearest first. */
export const SAME_MOMENT_MAX = 50;

export interface DetailContext {
  findingsOf(key: string): Finding[];
  /** The rules a log's findings came from (its folder's user rules too). */
  rulesOf(key: string): readonly Rule[];
  /** Entries near (key, entry) in other logs, nearest first, or null when the log has no timeline. */
  related(key: string, entry: number, limit: number): RelatedEntry[] | null;
  /** Whether the log's records without offset were placed by cmlog.folderOffsets (else cmlog.defaultOffset). */
  placedByFolder(key: string, log: LogFile): boolean;
  /** The machine of a log (table/machine.ts): the same-moment list names it when it spans several. */
  machineOf(key: string): string;
}

export function tableDetail(view: TableView, row: number, ctx: DetailContext): TableDetail | null {
  if (!Number.isInteger(row) || row < 0 || row >= view.rowCount) return null;
  const pos = view.positionOf(row), li = view.logAt(pos), e = view.entryAt(pos);
  const log = view.model(li);
  if (!log) return null;
  const key = view.keys[li];
  const ms = log.messageStart(e), me = log.messageEnd(e);
  const cut = me - ms > DETAIL_MESSAGE_MAX;
  const message = cut ? log.text(ms, ms + DETAIL_MESSAGE_MAX) : log.message(e);
  const p = log.parts(e);
  const attributes: { name: string; value: string }[] = [];
  const add = (name: string, r?: [number, number]) => { if (r) attributes.push({ name, value: log.text(r[0], r[1]) }); };
  add('date', p.date); add('time', p.time); add('component', p.component); add('context', p.context);
  add('type', p.type); add('thread', p.thread); add('file', p.file);
  attributes.push({ name: 'severity', value: severityName[log.severity(e)] });
  const off = log.writtenOffset(e);
  const src = log.offsetSource(e);
  attributes.push({ name: 'offset', value: off !== null ? describeOffset(off, log.offsetConvention) : src === 'default' ? `none written: placed with ${placedWith(log, ctx.placedByFolder(key, log))}` : offsetLabel(log, e) });
  const utc = log.utc(e);
  attributes.push({ name: 'UTC', value: isoUtc(Number.isNaN(utc) ? null : utc) ?? 'unknown' });
  const line = log.line(e);
  attributes.push({ name: 'line', value: String(line + 1) });
  const mine = ctx.findingsOf(key).filter((f) => (f.entryIndex !== undefined ? f.entryIndex === e : f.line === line));
  const recordCodes = mine.length > 0 ? codesOf([message]) : [];
  const problems = mine.map((f) => ({ severity: f.severity, message: f.message, markdown: withLookups(findingSection(f, ctx.rulesOf(key)), findingCodes(f.message, recordCodes)) }));
  const near = ctx.related(key, e, SAME_MOMENT_MAX) ?? [];
  // Named as the lens names them: with the machine when it is not this record's.
  const here = ctx.machineOf(key);
  const sameMoment = near.map((r) => ({
    uri: r.key, name: anchoredLabel(here, ctx.machineOf(r.key), baseName(r.key)), line: r.line, deltaMs: r.deltaMs,
    message: firstLine(r.message).slice(0, 500), row: view.rowOf(r.key, r.entryIndex),
  }));
  return { uri: key, line, message, cut, attributes, problems, sameMoment };
}

/** `markdown` with a lookup link per code of the finding (its message's, then its record's). */
function withLookups(markdown: string, values: readonly number[]): string {
  if (values.length === 0) return markdown;
  return `${markdown}\n\n${values.map((v) => lookupLink(v, Commands.lookupErrorCode)).join(' ')}`;
}
