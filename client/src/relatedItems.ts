// The pick list a timeline lens opens: one row per entry of another log, nearest first, as
// "±gap  log  message", and a title that says when the list is cut ("100 nearest shown, from 12 of 84 logs").
// Log text and file names are untrusted: controls shown as escapes, and `$(…)` cannot become an
// icon (a pick list renders codicons in its labels). Pure (no vscode import), so tests check it.
import { clip } from '../../server/src/explain/markdown';
import { formatGap } from '../../server/src/explain/gap';
import { pickListText } from '../../server/src/explain/plainText';
import { leftOutNote } from '../../server/src/explain/logLabel';
import type { RelatedAnswer } from '../../server/src/protocol';

/** `separator`: a heading row (the logs left out), not an entry. */
export interface RelatedItem { label: string; description: string; detail: string; uri: string; line: number; separator?: boolean }

/** Plain text for a pick list: one line, controls visible, no icon syntax. */
const pickText = (s: string, max: number) => pickListText(clip(s, max));

export function relatedItems(answer: RelatedAnswer): RelatedItem[] {
  const items: RelatedItem[] = answer.locations.map((l) => ({
    label: `${formatGap(l.deltaMs)}  ${pickText(l.name, 80)}`,
    description: `line ${l.line + 1}`,
    detail: pickText(l.message.trim(), 200) || '(empty message)',
    uri: l.uri,
    line: l.line,
  }));
  // The logs the title counts as left out, by name: each opens at its start (to set its offset).
  const names = answer.unknownOffsetNames ?? [];
  if (names.length) {
    const more = answer.unknownOffsetLogs.length - names.length;
    items.push({ label: `Left out: no offset, UTC unknown${more > 0 ? ` (the first ${names.length} of ${answer.unknownOffsetLogs.length})` : ''}`, description: '', detail: '', uri: '', line: 0, separator: true });
    names.forEach((n, k) => items.push({ label: pickText(n, 80), description: 'offset unknown', detail: 'Its entries cannot be placed in UTC: set cmlog.defaultOffset or the folder\'s offset to compare it', uri: answer.unknownOffsetLogs[k], line: 0 }));
  }
  return items;
}

export function relatedTitle(answer: RelatedAnswer): string {
  const shown = new Set(answer.locations.map((l) => l.uri)).size;
  const entries = `${answer.total.toLocaleString('en-US')} entr${answer.total === 1 ? 'y' : 'ies'} in ${answer.logCount} other log${answer.logCount === 1 ? '' : 's'} within ±${answer.windowSeconds} s`;
  // The same words as the lens when it is cut ("35 nearest shown"), and from how many logs.
  const cut = answer.locations.length < answer.total
    ? ` · ${answer.locations.length.toLocaleString('en-US')} nearest shown, from ${shown} of ${answer.logCount} log${answer.logCount === 1 ? '' : 's'}` : '';
  const unknown = answer.unknownOffsetLogs.length ? ` · ${leftOutNote(answer.unknownOffsetLogs.length, (answer.unknownOffsetNames ?? []).map((n) => pickText(n, 60)))}` : '';
  return `${entries}${cut}${unknown}`;
}
