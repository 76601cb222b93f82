// Code lenses that link timestamps across files: above each entry that matters (a problem's line,
// an error or warning record), how many entries other logs wrote within the window, compared in
// UTC. A log whose offset is unknown says so instead of guessing. Then the rules' own lenses.
import type { CodeLens } from 'vscode-languageserver';
import type { LogFile } from '../logFile';
import type { Finding } from '../model';
import { severityOfName } from '../severity';
import { Commands } from '../protocol';
import { ruleById, rules, type Rule } from '../rules';
import type { Timeline } from '../workspace/timeline';

export interface LensSettings {
  enabled: boolean;
  windowSeconds: number;
  severities: ('error' | 'warning' | 'information')[];
  maxPerFile: number;
}

export const lensDefaults: LensSettings = { enabled: true, windowSeconds: 5, severities: ['error', 'warning'], maxPerFile: 200 };

/** The title of a timeline lens asked for before the index is built: other logs may not be known yet. */
export const INDEXING_TITLE = '⇄ logs of the workspace still being indexed…';

/**
 * `indexing`: the workspace index is being built, so "no other log" could be false; the timeline
 * lenses say so instead (the server asks the client to refresh them once it is built).
 */
export function codeLenses(uri: string, log: LogFile, findings: Finding[], timeline: Timeline, s: LensSettings, indexing = false, catalog: readonly Rule[] = rules): CodeLens[] {
  if (!s.enabled) return [];
  const wanted = new Set(s.severities.map(severityOfName));
  const anchors = new Set<number>();
  for (const f of findings) if (f.entryIndex !== undefined) anchors.add(f.entryIndex);
  for (let i = 0; i < log.entryCount && anchors.size < s.maxPerFile * 4; i++) if (wanted.has(log.severity(i))) anchors.add(i);
  const windowMs = s.windowSeconds * 1000;
  const lenses: CodeLens[] = [];
  for (const i of [...anchors].sort((a, b) => a - b).slice(0, s.maxPerFile)) {
    const line = log.line(i);
    const range = { start: { line, character: 0 }, end: { line, character: 0 } };
    if (Number.isNaN(log.utc(i))) {
      lenses.push({ range, command: { title: '⇄ time in UTC unknown (no offset): set cmlog.defaultOffset to compare with other logs', command: 'workbench.action.openSettings', arguments: ['cmlog.defaultOffset'] } });
      continue;
    }
    if (indexing) {
      lenses.push({ range, command: { title: INDEXING_TITLE, command: '' } });
      continue;
    }
    const r = timeline.related(uri, i, { windowMs, limit: 0 });
    const unknown = r.unknownOffsetLogs.filter((k) => k !== uri).length;
    const note = unknown ? ` · ${unknown} log${unknown === 1 ? '' : 's'} without offset left out` : '';
    const title = r.total === 0
      ? `⇄ no other log within ±${s.windowSeconds} s${note}`
      : `⇄ ${r.total} entr${r.total === 1 ? 'y' : 'ies'} in ${r.logCount} other log${r.logCount === 1 ? '' : 's'} within ±${s.windowSeconds} s${note}`;
    lenses.push({ range, command: { title, command: r.total === 0 ? '' : Commands.showRelated, arguments: [uri, i, line] } });
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
