// Writes what lists the rules from the rule catalog (server/src/rules/index.ts), so a new rule
// cannot be forgotten: package.json's `cmlog.rules` setting schema (one property per rule id, with its
// title) and the table in docs/rules.md (between the markers). The per-rule sections of docs/rules.md
// stay hand-written; test/unit/ruleCatalogDocs.test.ts checks that every rule has one and that the
// committed files equal what this script writes.
//   node --import tsx scripts/generate-rules.ts          (write)
//   node --import tsx scripts/generate-rules.ts --check  (exit 1 when out of date)
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { rules, type Rule } from '../server/src/rules';
import { ruleLevels } from '../server/src/severity';

export const ROOT = path.resolve(__dirname, '..');
export const TABLE_BEGIN = '<!-- rules table: generated from the rule catalog by scripts/generate-rules.ts; do not edit -->';
export const TABLE_END = '<!-- end of rules table -->';

/** Markdown table text, inline code kept, pipes and line breaks made harmless. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

/** The `cmlog.rules` schema object. */
export function rulesSchema(catalog: readonly Rule[], current: Record<string, unknown>): Record<string, unknown> {
  const level = { type: 'string', enum: [...ruleLevels] };
  const properties: Record<string, unknown> = {};
  for (const r of catalog) properties[r.id] = { ...level, markdownDescription: `${r.title} (default: ${r.defaultSeverity}). See docs/rules.md.` };
  return { ...current, properties, additionalProperties: level };
}

/** package.json with the `cmlog.rules` schema regenerated, formatted as npm writes it. */
export function packageJsonText(catalog: readonly Rule[], text: string): string {
  const pkg = JSON.parse(text);
  const configurations = Array.isArray(pkg.contributes.configuration) ? pkg.contributes.configuration : [pkg.contributes.configuration];
  const holder = configurations.find((c: { properties?: Record<string, unknown> }) => c.properties?.['cmlog.rules']);
  if (!holder) throw new Error('package.json has no cmlog.rules setting');
  holder.properties['cmlog.rules'] = rulesSchema(catalog, holder.properties['cmlog.rules']);
  return JSON.stringify(pkg, null, 2) + '\n';
}

/** docs/rules.md with the table between the markers regenerated. */
export function rulesDocText(catalog: readonly Rule[], text: string): string {
  const a = text.indexOf(TABLE_BEGIN), b = text.indexOf(TABLE_END);
  if (a < 0 || b < a) throw new Error('docs/rules.md lacks the rules table markers');
  const rows = catalog.map((r) => `| [\`${r.id}\`](#${r.id}) | ${r.defaultSeverity} | ${cell(r.title)} |`);
  const table = ['| Id | Default severity | Detects |', '|---|---|---|', ...rows].join('\n');
  return `${text.slice(0, a)}${TABLE_BEGIN}\n${table}\n${text.slice(b)}`;
}

export const FILES = {
  'package.json': packageJsonText,
  'docs/rules.md': rulesDocText,
} as const;

if (require.main === module) {
  const check = process.argv.includes('--check');
  let stale = false;
  for (const [rel, render] of Object.entries(FILES)) {
    const file = path.join(ROOT, rel);
    const now = readFileSync(file, 'utf8');
    const want = render(rules, now);
    if (now === want) continue;
    stale = true;
    if (check) console.error(`${rel} is out of date: run node --import tsx scripts/generate-rules.ts`);
    else writeFileSync(file, want);
  }
  process.exitCode = check && stale ? 1 : 0;
}
