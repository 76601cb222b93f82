// What lists the rules is generated from the catalog: a rule added to rules/index.ts and not to the
// settings schema or the docs fails here (run `node --import tsx scripts/generate-rules.ts`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { FILES, packageJsonText, ROOT, rulesDocText } from '../../scripts/generate-rules';
import { rules, type Rule } from '../../server/src/rules';

const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');

test('package.json\'s cmlog.rules schema and the docs/rules.md table are what the catalog generates', () => {
  for (const [rel, render] of Object.entries(FILES)) assert.equal(read(rel), render(rules, read(rel)), `${rel} is stale: run node --import tsx scripts/generate-rules.ts`);
});

test('every rule has its section in docs/rules.md', () => {
  const doc = read('docs/rules.md');
  for (const r of rules) assert.ok(doc.includes(`\n## \`${r.id}\`\n`), `docs/rules.md has no section for ${r.id}`);
});

test('a new rule changes both files: it cannot be left out', () => {
  const extra: Rule = { id: 'new-rule', defaultSeverity: 'hint', title: 'A | new rule', explanation: '', sources: [], check: () => [] };
  const pkg = JSON.parse(packageJsonText([...rules, extra], read('package.json')));
  const schema = pkg.contributes.configuration.properties?.['cmlog.rules'] ?? pkg.contributes.configuration.find((c: { properties: Record<string, unknown> }) => c.properties['cmlog.rules']).properties['cmlog.rules'];
  assert.deepEqual(Object.keys(schema.properties), [...rules.map((r) => r.id), 'new-rule']);
  assert.deepEqual(schema.properties['new-rule'].enum, ['off', 'error', 'warning', 'information', 'hint']);
  assert.match(schema.properties['new-rule'].markdownDescription, /A \| new rule \(default: hint\)/);
  assert.ok(rulesDocText([...rules, extra], read('docs/rules.md')).includes('| [`new-rule`](#new-rule) | hint | A \\| new rule |'));
});
