// The merged view (CMTrace's "merge selected files"): entries of several logs sorted by UTC, each
// line showing the source log and the wall-clock time as written, mapped back to its source line.
import { firstLine } from '../parse/lineBreaks';
import type { DocumentLink, Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../model';
import { severityLetter, severityOfName } from '../severity';
import { notificationText, visibleLine } from '../explain/plainText';
import { isoUtc } from '../parse/time';
import type { MergedAnswer, MergedParams } from '../protocol';
import { baseName, folderOf } from '../uri';
import { toDiagnostic } from './diagnostics';
import type { WorkspaceLogs } from './workspaceLogs';


/**
 * The view's size, bounded until the table editor replaces it: 30 logs of 10 MB made a
 * 300-million-character reply (twice that passes V8's string limit). A cut view says so in a note.
 */
export const MERGED_LIMITS = { lines: 100_000, chars: 16 * 1024 * 1024, lineChars: 1000 };

export function buildMerged(logs: Pick<WorkspaceLogs, 'all' | 'get' | 'timelineWith'>, p: MergedParams, limits = MERGED_LIMITS): MergedAnswer {
  const keys = p.uris?.length ? p.uris : logs.all().map((l) => l.key).filter((k) => !p.folderOf || folderOf(k) === folderOf(p.folderOf));
  const timeline = logs.timelineWith(keys);
  const from = p.from ? Date.parse(p.from) : undefined;
  const to = p.to ? Date.parse(p.to) : undefined;
  const view = timeline.merged({
    keys, from: Number.isNaN(from) ? undefined : from, to: Number.isNaN(to) ? undefined : to,
    severities: p.severities?.map(severityOfName).filter((s) => s !== undefined),
    components: p.components, threads: p.threads, limit: limits.lines + 1,
  });
  // File names, components and messages are untrusted: control characters show as escapes (the
  // view is read as text, and a raw CR would even split a line from its source mapping).
  const names = new Map(keys.map((k) => [k, visibleLine(baseName(k))]));
  let width = 4; // a loop, not Math.max(...names): the number of logs is not bounded
  for (const n of names.values()) width = Math.max(width, n.length);
  const lines: string[] = [];
  const sources: { uri: string; line: number }[] = [];
  let chars = 0;
  let cut = view.count > limits.lines;
  for (let r = 0; r < view.count && r < limits.lines; r++) {
    const { key, entryIndex, utc } = view.at(r);
    const input = logs.get(key);
    if (!input) continue;
    const e = input.log.entry(entryIndex);
    const written = e.timeText ? `${e.dateText ?? ''} ${e.timeText}` : '(no time)';
    // Control characters from the log are shown as visible escapes: the view is read as text.
    const head = firstLine(e.message);
    const clipped = head.length > limits.lineChars ? head.slice(0, limits.lineChars - 1) + '…' : head;
    const first = visibleLine(clipped.trimEnd());
    const name = names.get(key) ?? visibleLine(baseName(key));
    const line = `${(isoUtc(utc) ?? 'UTC unknown').padEnd(24)}  ${name.padEnd(width)}  ${written.padEnd(27)}  ${severityLetter[e.severity]}  ${visibleLine(e.component).padEnd(12)}  ${first}`;
    if (chars + line.length + 1 > limits.chars) { cut = true; break; }
    chars += line.length + 1;
    lines.push(line);
    sources.push({ uri: key, line: e.line });
  }
  // Notes end up in notifications, which make `[label](command:...)` clickable: names are escaped for them.
  const quoted = (k: string) => notificationText(baseName(k));
  const notes = [
    ...view.unknownOffsetLogs.map((k) => `${quoted(k)}: offset unknown, entries ${view.unknown === 'last' ? 'placed last' : 'left out'}; set cmlog.defaultOffset to place them`),
    ...view.defaultOffsetLogs.map((k) => `${quoted(k)}: placed with the default offset from cmlog.defaultOffset`),
  ];
  if (cut) {
    notes.unshift(`the view is cut after ${lines.length.toLocaleString('en-US')} entries (at most ${limits.lines.toLocaleString('en-US')} lines ` +
      `and ${Math.round(limits.chars / 1024 / 1024)} MB): pick fewer logs, a time range, severities or components to see the rest`);
  }
  return { text: lines.join('\n') + '\n', sources, notes };
}

/** Links from each merged line back to its source line. */
export function mergedLinks(answer: MergedAnswer): DocumentLink[] {
  return answer.sources.map((s, line) => ({
    range: { start: { line, character: 0 }, end: { line, character: 24 } },
    target: `${s.uri}#L${s.line + 1}`,
    tooltip: `${visibleLine(baseName(s.uri))} line ${s.line + 1}`,
  }));
}

/** The sources' findings, moved to the merged lines they belong to. */
export function mergedFindings(answer: MergedAnswer, findingsOf: (uri: string) => Finding[]): Finding[] {
  const at = new Map<string, number[]>();
  answer.sources.forEach((s, line) => {
    const k = `${s.uri}\n${s.line}`;
    const lines = at.get(k);
    if (lines) lines.push(line); else at.set(k, [line]);
  });
  const out: Finding[] = [];
  for (const uri of new Set(answer.sources.map((s) => s.uri))) {
    for (const f of findingsOf(uri)) {
      for (const line of at.get(`${uri}\n${f.line}`) ?? []) out.push({ ...f, line, endLine: line });
    }
  }
  return out;
}

/** The sources' problems, shown on the merged lines they belong to. */
export function mergedDiagnostics(answer: MergedAnswer, findingsOf: (uri: string) => Finding[]): Diagnostic[] {
  return mergedFindings(answer, findingsOf).map((f) => toDiagnostic(f));
}
