// The JSON schema of .cmlog/rules.json (schemas/rules.schema.json, contributes.jsonValidation) and
// the rule file reader (rules/userRules.ts) accept the same files: the same fields, the same
// required ones, severities and ids, and the same verdict on the documented example and its variants.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { findingSeverities } from '../../server/src/severity';
import { FIELDS, ID_RE, parseUserRules, REQUIRED, USER_RULES_FILE } from '../../server/src/rules/userRules';

const ROOT = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const entry = (manifest.contributes.jsonValidation as { fileMatch: string; url: string }[]).find((v) => v.fileMatch.endsWith(USER_RULES_FILE))!;
const schema = JSON.parse(readFileSync(path.join(ROOT, entry.url), 'utf8'));
const validate = new Ajv({ allErrors: true, validateFormats: false }).compile(schema);
const item = schema.properties.rules.items;

test('the manifest validates .cmlog/rules.json with the schema, and the package ships it', () => {
  assert.equal(entry.fileMatch, `**/${USER_RULES_FILE}`);
  const ignore = readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split(/\r?\n/);
  assert.ok(ignore.includes(`!${path.posix.normalize(entry.url)}`), `.vscodeignore keeps ${entry.url}`);
});

test('the schema names every field the reader knows, the same required ones, severities and id form', () => {
  assert.deepEqual(Object.keys(item.properties).sort(), [...FIELDS].sort());
  assert.deepEqual([...item.required].sort(), [...REQUIRED].sort());
  for (const f of FIELDS) assert.equal(item.properties[f].type, 'string', f);
  assert.equal(item.additionalProperties, false);
  assert.deepEqual(item.properties.severity.enum, [...findingSeverities]);
  assert.equal(item.properties.id.pattern, ID_RE.source);
  assert.deepEqual(Object.keys(schema.properties).sort(), ['$schema', 'rules']);
});

const docs = readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');
const example = /## Your own rules[\s\S]*?```json\n([\s\S]*?)```/.exec(docs)![1]!;

test('the documented example, and each variant of it, gets the same verdict from the schema and the reader', () => {
  const base = JSON.parse(example);
  const rule = base.rules[0];
  const variants: [string, unknown][] = [
    ['the example', base],
    ['with $schema', { $schema: './rules.schema.json', ...base }],
    ['no logs, no explanation', { rules: [{ id: rule.id, pattern: rule.pattern, severity: 'hint', message: 'm' }] }],
    ...REQUIRED.map((f): [string, unknown] => [`without ${f}`, { rules: [Object.fromEntries(Object.entries(rule).filter(([k]) => k !== f))] }]),
    ...FIELDS.map((f): [string, unknown] => [`${f} a number`, { rules: [{ ...rule, [f]: 3 }] }]),
    ['an unknown field', { rules: [{ ...rule, extra: 'x' }] }],
    ['an unknown top-level field', { ...base, more: [] }],
    ['a severity not known', { rules: [{ ...rule, severity: 'fatal' }] }],
    ['an id with a space', { rules: [{ ...rule, id: 'a b' }] }],
    ['an id of 65 characters', { rules: [{ ...rule, id: 'a'.repeat(65) }] }],
    ['an id of 64 characters', { rules: [{ ...rule, id: 'a'.repeat(64) }] }],
    ['rules not an array', { rules: {} }],
    ['a rule not an object', { rules: ['x'] }],
    ['no rules', {}],
  ];
  let accepted = 0;
  for (const [what, json] of variants) {
    const parsed = parseUserRules(JSON.stringify(json), 'rules.json');
    const reader = parsed.problems.length === 0;
    assert.equal(validate(json), reader, `${what}: the schema says ${validate(json)}, the reader ${reader}`);
    // What the schema shows in the editor, the server does not show again.
    assert.deepEqual(parsed.editor, [], `${what}: the editor shows it once (the schema's)`);
    if (reader) accepted++;
  }
  assert.equal(accepted, 4, 'the example, with $schema, the short one and the 64-character id');
});

test('what the schema cannot say (a bad regular expression, an id used twice, a blank file), the reader shows in the editor', () => {
  const rule = JSON.parse(example).rules[0];
  const variants: [string, string][] = [
    ['a bad regular expression', JSON.stringify({ rules: [{ ...rule, pattern: '(' }] })],
    ['an id used twice', JSON.stringify({ rules: [rule, rule] })],
  ];
  for (const [what, text] of variants) {
    assert.equal(validate(JSON.parse(text)), true, `${what}: the schema accepts it`);
    assert.equal(parseUserRules(text, 'rules.json').editor.length, 1, `${what}: the editor shows it`);
  }
  // Broken JSON VS Code's JSON language marks where it breaks: said once, by VS Code (the command line still says it).
  const broken = parseUserRules('{ "rules": [ ', 'rules.json');
  assert.deepEqual(broken.editor, [], 'not JSON: VS Code marks it');
  assert.match(broken.problems[0]!, /^rules\.json: not valid JSON/);
  // A blank file is an empty document to VS Code: only the reader says no rule in it runs.
  assert.equal(parseUserRules(' \r\n', 'rules.json').editor.length, 1, 'blank: the editor says no rule in it runs');
});
