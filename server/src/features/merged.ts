// The merged view (CMTrace's "merge selected files"): entries of several logs sorted by UTC, each
// line showing the source log and the wall-clock time as written, mapped back to its source line.
import type { DocumentLink, Diagnostic } from 'vscode-languageserver';
import { Severity, type Finding } from '../model';
import { isoUtc } from '../parse/time';
import type { MergedAnswer, MergedParams } from '../protocol';
import type { Timeline } from '../workspace/timeline';
import { folderOf } from '../rules/logSet';
import { toDiagnostic } from './diagnostics';
import { baseName } from './validation';
import type { WorkspaceLogs } from './workspaceLogs';

export const MERGED_SCHEME = 'cmlog-merged';
const LETTER = ['S', 'I', 'W', 'E'];
const SEVERITY_OF: Record<string, Severity> = { success: Severity.Success, information: Severity.Information, warning: Severity.Warning, error: Severity.Error };

export function buildMerged(logs: WorkspaceLogs, timeline: Timeline, p: MergedParams): MergedAnswer {
  const keys = p.uris?.length ? p.uris : logs.all().map((l) => l.key).filter((k) => !p.folderOf || folderOf(k) === folderOf(p.folderOf));
  for (const k of keys) if (!timeline.has(k)) logs.syncTimeline(k);
  const from = p.from ? Date.parse(p.from) : undefined;
  const to = p.to ? Date.parse(p.to) : undefined;
  const view = timeline.merged({
    keys, from: Number.isNaN(from) ? undefined : from, to: Number.isNaN(to) ? undefined : to,
    severities: p.severities?.map((s) => SEVERITY_OF[s]).filter((s) => s !== undefined),
    components: p.components, threads: p.threads,
  });
  let width = 4; // a loop, not Math.max(...keys): the number of logs is not bounded
  for (const k of keys) width = Math.max(width, baseName(k).length);
  const lines: string[] = [];
  const sources: { uri: string; line: number }[] = [];
  for (let r = 0; r < view.count; r++) {
    const { key, entryIndex, utc } = view.at(r);
    const input = logs.get(key);
    if (!input) continue;
    const e = input.log.entry(entryIndex);
    const written = e.timeText ? `${e.dateText ?? ''} ${e.timeText}` : '(no time)';
    // Control characters from the log are shown as visible escapes: the view is read as text.
    const first = e.message.split('\n', 1)[0].replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).trimEnd();
    lines.push(`${(isoUtc(utc) ?? 'UTC unknown').padEnd(24)}  ${baseName(key).padEnd(width)}  ${written.padEnd(27)}  ${LETTER[e.severity]}  ${e.component.padEnd(12)}  ${first}`);
    sources.push({ uri: key, line: e.line });
  }
  const notes = [
    ...view.unknownOffsetLogs.map((k) => `${baseName(k)}: offset unknown, entries ${view.unknown === 'last' ? 'placed last' : 'left out'}; set cmlog.defaultOffset to place them`),
    ...view.defaultOffsetLogs.map((k) => `${baseName(k)}: placed with the default offset from cmlog.defaultOffset`),
  ];
  return { text: lines.join('\n') + '\n', sources, notes };
}

/** Links from each merged line back to its source line. */
export function mergedLinks(answer: MergedAnswer): DocumentLink[] {
  return answer.sources.map((s, line) => ({
    range: { start: { line, character: 0 }, end: { line, character: 24 } },
    target: `${s.uri}#L${s.line + 1}`,
    tooltip: `${baseName(s.uri)} line ${s.line + 1}`,
  }));
}

/** The sources' problems, shown on the merged lines they belong to. */
export function mergedDiagnostics(answer: MergedAnswer, findingsOf: (uri: string) => Finding[]): Diagnostic[] {
  const at = new Map<string, number[]>();
  answer.sources.forEach((s, line) => {
    const k = `${s.uri}\n${s.line}`;
    const lines = at.get(k);
    if (lines) lines.push(line); else at.set(k, [line]);
  });
  const out: Diagnostic[] = [];
  for (const uri of new Set(answer.sources.map((s) => s.uri))) {
    for (const f of findingsOf(uri)) {
      for (const line of at.get(`${uri}\n${f.line}`) ?? []) out.push(toDiagnostic({ ...f, line, endLine: line }));
    }
  }
  return out;
}

