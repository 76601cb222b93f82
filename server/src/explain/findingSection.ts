// The hover section of any finding whose rule has no `explain` of its own, and the pieces rules'
// own explanations share (where a related line is). Pure; every piece of log text goes through markdown.ts.
import type { Finding, RelatedLocation } from '../model';
import { baseName } from '../uri';
import { codeSpan, escapeMarkdown } from './markdown';

/** `CloudUserSync.lo_` line 24 (as inert Markdown). */
export function locationText(file: string, line: number): string {
  return `${codeSpan(baseName(file), 120)} line ${line + 1}`;
}

/** The related locations as a Markdown list ('' when none). */
export function relatedList(related: readonly RelatedLocation[] | undefined): string {
  if (!related || related.length === 0) return '';
  return related.map((r) => `- ${locationText(r.file, r.line)}: ${escapeMarkdown(r.message, 300)}`).join('\n');
}

export function genericFindingSection(f: Finding<unknown>, title: string, explanation: string, sources: readonly string[] = []): string {
  const lines = [`**${escapeMarkdown(title, 200)}** (${escapeMarkdown(f.ruleId, 80)}, ${f.severity})`, '', escapeMarkdown(f.message, 2000)];
  if (explanation) lines.push('', escapeMarkdown(explanation, 3000));
  const rel = relatedList(f.related);
  if (rel) lines.push('', rel);
  if (sources.length) lines.push('', `*Source: ${escapeMarkdown(sources.join('; '), 1000)}*`);
  return lines.join('\n');
}
