// Hovers as Markdown: what is under the cursor in a log, explained. Pure: the language server turns
// the string into a MarkupContent; nothing here knows about LSP, VS Code or the disk.
//
// Under the cursor, in this order of precedence:
// - the record's time/date (CMTrace `time="..." date="..."`, legacy `<MM-DD-YYYY HH:mm:ss.fff+bias>`):
//   the time hover only;
// - an error code in the message: its decoding, then the entry's sections;
// - anywhere in a record: the findings of that record, the meaning of Intune connector cycle lines,
//   the meaning of `STATMSG: ID=...`, and in an MSI log the meaning of MSI's own `Error 1722.` lines.
import { findErrorCodes } from '../knowledge/errorCodes';
import { describeStatusMessage, parseStatMsg } from '../knowledge/statusMessages';
import type { LogFile } from '../logFile';
import type { Finding } from '../model';
import { describeOffset, durationText, isoUtc } from '../parse/time';
import { ruleById, rules } from '../rules';
import { classifyCloudUserSync, isCloudUserSyncLog } from '../rules/cloudUserSync';
import { impliedOffset, wallText, writtenOffset } from '../rules/timeText';
import type { LogInput, Rule, RuleContext } from '../rules/types';
import { cycleLineSection } from './cycleLines';
import { exitCodeMarkdown, explainErrorCodeValue, lookupLink } from './errorCode';
import { genericFindingSection } from './findingSection';
import { msiMessageSection } from './msiMessage';
import { codeSpan, escapeMarkdown, joinSections } from './markdown';
export { errorCodeFacts, errorCodeText, explainErrorCode, explainErrorCodeValue } from './errorCode';
export { clip, codeBlock, codeSpan, escapeMarkdown, sanitize } from './markdown';

/** Characters read either side of the cursor to find the error code under it. */
const CODE_RADIUS = 256;
/** Longer messages are read in part by a hover. */
const WHOLE_MESSAGE_MAX = 64 * 1024;

/** The entry whose record covers character `offset`, or -1. */
export function entryAtOffset(log: LogFile, offset: number): number {
  const i = log.table.firstAtOrAfter(offset + 1) - 1;
  if (i < 0) return -1;
  const end = log.table.end[i]!;
  return offset < end || (offset === end && end === log.length) ? i : -1;
}

/** Character ranges of the time and date of entry i, markers included: [start, end) pairs. */
export function timeRanges(log: LogFile, i: number): [number, number][] {
  return log.parts(i).clock;
}


/**
 * Which setting the offset of a log's records without one came from (features/settings.ts
 * placementOf): its folder's entry in cmlog.folderOffsets, and the log whose offset it is when the
 * folder's offer matches it ("CcmExec.log of DEVICE2"); else cmlog.defaultOffset. Asked only when a
 * hover says it.
 */
export interface OffsetOrigin {
  byFolder: boolean;
  from?: string;
  /** The folder whose cmlog.folderOffsets entry it is, when above the log's own (DEVICE2, for its Panther). */
  folder?: string;
  /** For a log placed with no offset: its folder's offer in words ("CcmExec.log of PC1 says UTC-05:00"), as its lens and status bar make it. */
  offered?: string;
}

function offsetMeaning(log: LogFile, i: number, timeText: string | undefined, origin?: () => OffsetOrigin): string {
  const source = log.offsetSource(i);
  const convention = log.offsetConvention;
  const off = impliedOffset(log, i);
  // The raw minutes matter here (the record writes them), so the hover says them once beside the
  // zone every other text uses: `+420, i.e. UTC-07:00`.
  const rule = (o: number) => {
    const mins = Math.abs(o);
    const amount = `${Math.floor(mins / 60)} h ${mins % 60} min`;
    if (convention === 'bias') return o === 0 ? 'UTC = local time + 0' : `UTC = local time + bias = local ${o > 0 ? '+' : '−'} ${amount}`;
    return o === 0 ? 'UTC = local time − 0' : `UTC = local time − offset = local ${o > 0 ? '−' : '+'} ${amount}`;
  };
  const zone = (o: number) => `**${describeOffset(o, convention)}**`;
  switch (source) {
    case 'written': {
      const o = log.table.offset[i]!;
      const written = writtenOffset(log, i) ?? `${o >= 0 ? '+' : ''}${o}`;
      // Read as UTC offsets by the setting, or because the log is PSADT's (its name or its records) whatever the setting says.
      const what = convention === 'bias'
        ? 'a Windows time-zone **bias** in minutes (what ConfigMgr writes)'
        : log.defaultOffsetConvention === 'utc-offset'
          ? 'a .NET **UTC offset** in minutes (the offset convention setting says so; PSADT and some scripts write this)'
          : 'a .NET **UTC offset** in minutes, as PSADT writes them: the log\'s name or its records say it is PSADT\'s (the offset convention setting is for other writers)';
      return `Offset ${codeSpan(written)}, i.e. ${zone(o)}: ${what}. ${rule(o)}.`;
    }
    case 'default': {
      const o = origin?.();
      const which = !o?.byFolder ? 'the **default offset from the settings** (`cmlog.defaultOffset`)'
        : `the **offset set for ${o.folder ? escapeMarkdown(o.folder) : 'this folder'}** (\`cmlog.folderOffsets\`${o.from ? `, taken from ${escapeMarkdown(o.from)}` : ''})`;
      return `No offset is written: ${which} is used` + (off === null ? '.' : ` (${off >= 0 ? '+' : ''}${off} min, i.e. ${zone(off)}): ${rule(off)}.`);
    }
    case 'unreadable':
      return `The offset in ${codeSpan(timeText ?? '')} cannot be read: **UTC unknown**. It is not treated as UTC.`;
    default: {
      // The offer the lens and the status bar make, and how to take it (cmlog.defaultOffset is global: the last resort).
      const offered = origin?.().offered;
      return offered
        ? `No offset is written: **UTC unknown**. ${escapeMarkdown(offered)}: click the ⇄ lens above the first record, or the status bar item, to read the folder's records without offset with it (\`cmlog.folderOffsets\`).`
        : 'No offset is written: **UTC unknown** (the time zone of this log is not known; a default offset can be set in the settings).';
    }
  }
}

/** The time hover of entry i; `origin`: where an offset not written came from (OffsetOrigin). */
export function timeSection(log: LogFile, i: number, origin?: () => OffsetOrigin): string {
  const e = log.entry(i);
  const lines = [`**Record time** (line ${e.line + 1})`, ''];
  const written = [e.timeText !== undefined ? `time ${codeSpan(e.timeText, 80)}` : null, e.dateText !== undefined ? `date ${codeSpan(e.dateText, 80)}` : null]
    .filter((x) => x !== null).join(', ');
  lines.push(`- As written: ${written || 'no time'}${e.wall !== null ? ` → log time **${wallText(e.wall, true)}** (the writer's wall clock)` : ' (unreadable: no wall clock)'}`);
  if (e.wall !== null) lines.push(`- ${offsetMeaning(log, i, e.timeText, origin)}`);
  lines.push(`- UTC: ${e.utc !== null ? `**${wallText(e.utc, true)} UTC** (${isoUtc(e.utc)})` : '**unknown**'}`);
  // The gap to the previous record with a time (in UTC when both have one, else in log time).
  let j = i - 1;
  while (j >= 0 && i - j < 1000 && !Number.isFinite(log.table.wall[j]!)) j--;
  if (j >= 0 && e.wall !== null && Number.isFinite(log.table.wall[j]!)) {
    const u = log.utc(j);
    const inUtc = e.utc !== null && Number.isFinite(u);
    const gap = inUtc ? e.utc! - u : e.wall - log.table.wall[j]!;
    lines.push(`- Gap to the previous record (line ${log.line(j) + 1}): **${durationText(gap, 'milliseconds')}**${inUtc ? '' : ' (in log time)'}${gap < 0 ? ' (earlier than the previous record)' : ''}`);
  } else {
    lines.push('- Gap to the previous record: none (no earlier record with a time in this file)');
  }
  return lines.join('\n');
}

function statMsgSection(message: string): string | null {
  const ref = parseStatMsg(message);
  if (!ref) return null;
  const info = describeStatusMessage(ref.id);
  const title = `**Status message ${ref.id}**${ref.severity ? ` (${ref.severity})` : ''}`;
  if (!info) {
    return `${title}\n\nMeaning **unknown**: no source this extension trusts describes status message ${ref.id}, so none is claimed.`;
  }
  const caveat = info.confidence === 'secondary' ? ' (from a compilation of the product\'s message texts, not a Microsoft document)' : '';
  return `${title}\n\n${info.meaning}${info.component ? `\n\nRaised by: ${info.component}.` : ''}\n\n*Source: ${info.source}${caveat}.*`;
}

/** A finding's hover: its rule's own explanation, or the generic section from the catalog entry (the table's detail shows it too). */
export function findingSection(f: Finding, catalog: readonly Rule[]): string {
  const rule = ruleById(f.ruleId, catalog);
  return rule?.explain?.(f) ?? genericFindingSection(f, rule?.title ?? f.ruleId, rule?.explanation ?? '', rule?.sources ?? []);
}

/**
 * Markdown for the hover at character `offset` of `target.log`'s text, or null when there is
 * nothing to say. `findings` are the file's findings from the last validation: a hover never runs a
 * rule (a rule turned off, or a finding beyond the cap, leaves the line's own explanation). `_context`
 * is kept for the callers' signature; `catalog` is the rules the findings came from; with
 * `lookupCommand`, a code under the cursor links to that command (the lookup) with its value; `origin`
 * says where an offset not written came from (asked only by a time hover).
 */
export function hoverMarkdown(target: LogInput, _context: RuleContext, offset: number, findings: Finding[], catalog: readonly Rule[] = rules, lookupCommand?: string, origin?: () => OffsetOrigin): string | null {
  const { log } = target;
  if (!Number.isFinite(offset) || offset < 0 || offset > log.length) return null;
  const i = entryAtOffset(log, offset);
  if (i < 0) return null;

  for (const [a, b] of timeRanges(log, i)) if (offset >= a && offset < b) return timeSection(log, i, origin);

  const sections: string[] = [];
  const ms = log.messageStart(i), me = log.messageEnd(i);
  if (offset >= ms && offset < me) {
    // Codes under the cursor, looked for around it only: a record can be 45 MB long. A code is far
    // shorter than CODE_RADIUS, so one under the cursor is whole inside the window.
    const a = Math.max(ms, offset - CODE_RADIUS);
    const around = log.text(a, Math.min(me, offset + CODE_RADIUS)).replace(/\r?\n$/, '');
    const local = offset - a;
    for (const c of findErrorCodes(around)) {
      if (local < c.start || local >= c.end) continue;
      // A script's exit code may be PSADT's own (60001) as well as a Windows value (exitCodeMarkdown).
      sections.push((c.exitCode ? exitCodeMarkdown(c.value) : explainErrorCodeValue(c.value)) + (lookupCommand ? `\n\n${lookupLink(c.value, lookupCommand, c.exitCode)}` : ''));
    }
  }
  // The cycle line and status message tests read a message's beginning: a huge one is read in part
  // (no cycle line is that long, and STATMSG leads the messages that carry it).
  const message = me - ms <= WHOLE_MESSAGE_MAX ? log.message(i) : log.text(ms, ms + WHOLE_MESSAGE_MAX);

  const line = log.line(i);
  let endLine = -1; // counted only when a finding has no entry index: it reads the whole record
  const mine = findings.filter((f) => f.file === target.key &&
    (f.entryIndex !== undefined ? f.entryIndex === i : f.line >= line && f.line <= (endLine < 0 ? (endLine = log.endLine(i)) : endLine)));
  for (const f of mine) sections.push(findingSection(f, catalog));

  const cycle = isCloudUserSyncLog(target) ? classifyCloudUserSync(message) : null;
  // A failure line a rule has explained (its story) needs no second, generic explanation.
  const explained = mine.some((f) => ruleById(f.ruleId, catalog)?.explain);
  if (cycle && !(cycle.kind === 'failed' && explained)) sections.push(cycleLineSection(cycle));

  const stat = statMsgSection(message);
  if (stat) sections.push(stat);
  const msi = msiMessageSection(log, i);
  if (msi) sections.push(msi);
  return joinSections(sections);
}
