// A folder's .cmlog/rules.json in the language server: each problem is shown on the rule it is
// about (its line and column in the file), and messages name the file as the workspace shows it,
// never as a file:// URI.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import { UserRuleSets } from '../../server/src/features/userRuleSets';
import { LogFile } from '../../server/src/logFile';
import { ruleOffsets } from '../../server/src/rules/ruleFilePlaces';
import { parseUserRules } from '../../server/src/rules/userRules';
import { fileUri } from '../support/lspClient';

const dirs: string[] = [];
after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

function folder(name: string, rules: string): { path: string; uri: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'cmlog-rulesets-'));
  dirs.push(root);
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, '.cmlog'), { recursive: true });
  writeFileSync(path.join(dir, '.cmlog', 'rules.json'), rules);
  return { path: dir, uri: fileUri(dir) };
}
function sets(): { rules: UserRuleSets; sent: PublishDiagnosticsParams[] } {
  const sent: PublishDiagnosticsParams[] = [];
  const connection = { sendDiagnostics: async (p: PublishDiagnosticsParams) => { sent.push(p); } } as unknown as Connection;
  const rules = new UserRuleSets(connection, []);
  rules.trusted = true;
  return { rules, sent };
}

const FILE = [
  '{',
  '  "$schema": "./x \\" [ { ] }",',
  '  "rules": [',
  '    { "id": "good", "pattern": "x", "severity": "error", "message": "m" },',
  '    {',
  '      "id": "bad", "pattern": "(", "severity": "error", "message": "[{,]"',
  '    },',
  '      "not an object"',
  '  ]',
  '}',
].join('\n');

test('the start of each rule in the file, strings with brackets and quotes skipped', () => {
  const lines = FILE.split('\n');
  const at = (line: number, col: number) => lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + col;
  assert.deepEqual(ruleOffsets(FILE), [at(3, 4), at(4, 4), at(7, 6)]);
  assert.deepEqual(ruleOffsets('{"rules":[]}'), []);
  assert.deepEqual(ruleOffsets('{"rules":[1], "x": {"rules": [2, 3]}, "rules": [ 4 ]}'), [49], 'the last top-level "rules", as JSON.parse keeps');
  const parsed = parseUserRules(FILE, 'rules.json');
  assert.equal(parsed.problems.length, 2);
  // The bad pattern is the editor's to show, at its rule (the rule that is not an object is the schema's).
  assert.deepEqual(parsed.editor.map((e) => e.at), [at(4, 4)]);
});

// VS Code validates the file with the schema (contributes.jsonValidation) and shows what it finds on
// the field: the server shows the rest, each problem once, without the file's name (the Problems
// group is the file's). The command line, which has no schema, says everything.
const MIXED = [
  '{',
  '  "rules": [',
  '    { "id": "a", "pattern": "(", "severity": "error", "message": "m" },',
  '    { "id": "b", "pattern": "x", "severity": "fatal", "message": "m" },',
  '    { "id": "c", "pattern": "x", "severity": "error", "message": "m", "extra": 1 },',
  '    { "id": "d", "pattern": "x", "severity": "error", "message": "m" },',
  '    { "id": "d", "pattern": "[", "severity": "error", "message": "m", "extra": 1 },',
  '    "not an object"',
  '  ]',
  '}',
].join('\n');

test('the editor shows on each rule\'s line what the schema cannot say (bad regex, an id used twice), once and without the file\'s name', async () => {
  const f = folder('Logs', MIXED);
  const { rules, sent } = sets();
  await rules.load([f]);
  const d = sent.find((p) => p.uri.endsWith('/.cmlog/rules.json'))!.diagnostics;
  assert.deepEqual(d.map((x) => [x.range.start.line, x.range.start.character]), [[2, 4], [6, 4]]);
  assert.match(d[0]!.message, /^rule 1 \("a"\): "pattern" is not a valid regular expression/);
  assert.match(d[1]!.message, /^rule 5 \("d"\): "id" "d" is used twice; "pattern" is not a valid regular expression/);
  assert.ok(d.every((x) => !x.message.includes('rules.json') && !/unknown field|severity/.test(x.message)), d.map((x) => x.message).join('\n'));

  const cli = parseUserRules(MIXED, '.cmlog/rules.json').problems;
  assert.equal(cli.length, 5, 'the command line says every problem');
  assert.ok(cli.every((p) => p.startsWith('.cmlog/rules.json: rule ')), cli.join('\n'));
  assert.match(cli[1]!, /rule 2 \("b"\): "severity" must be/);
  assert.match(cli[3]!, /rule 5 \("d"\): unknown field "extra".*"id" "d" is used twice/);
  assert.match(cli[4]!, /rule 6: expected an object/);
});

test('a skipped user rule names the rules file relative to the workspace, the folder\'s name escaped', async () => {
  const slow = JSON.stringify({ rules: [{ id: 'slow', logs: '*.log', pattern: '(a+)+$', severity: 'error', message: 'm' }] });
  for (const [folders, shown] of [[['Logs'], '.cmlog/rules.json'], [['One', 'Two\u001b[31m'], 'Two\\x1b[31m/.cmlog/rules.json']] as const) {
    const fs = folders.map((n) => folder(n, slow));
    const { rules } = sets();
    await rules.load(fs);
    const last = fs[fs.length - 1]!;
    const catalog = rules.catalogOf(fileUri(path.join(last.path, 'x.log')));
    const rule = catalog.find((r) => r.id === 'user:slow')!;
    assert.deepEqual(rule.sources, [shown]);
    const log = LogFile.fromText(`<![LOG[${'a'.repeat(40)}b]LOG]!><time="10:00:00.000+000" date="01-02-2026" component="c" context="" type="1" thread="1" file="">\r\n`);
    const [f] = rule.check({ key: fileUri(path.join(last.path, 'x.log')), name: 'x.log', log }, { logs: [] });
    assert.ok(f!.message.includes(`simplify it in ${shown}.`), `${shown} ${rule.sources} ${f!.message}`);
    assert.ok(!f!.message.includes('file://'), f!.message);
  }
});
