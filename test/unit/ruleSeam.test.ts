// The rules' seam: a rule owns its check, hover, lenses and actions; the features only iterate the
// catalog. A new rule (#16: signature rules from a table, user rules) must need no feature edit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { hoverMarkdown } from '../../server/src/explain';
import { codeActions } from '../../server/src/features/codeActions';
import { codeLenses, lensDefaults } from '../../server/src/features/codeLens';
import { LogFile } from '../../server/src/logFile';
import type { Finding } from '../../server/src/model';
import { rules, runRules, type LogInput, type Rule } from '../../server/src/rules';
import { Timeline } from '../../server/src/workspace/timeline';

const ROOT = path.resolve(__dirname, '../..');
const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');
const filesUnder = (rel: string): string[] => readdirSync(path.join(ROOT, rel), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts')).map((f) => path.join(rel, f));

test('no feature, explainer, server or client file names a rule or reaches into one rule', () => {
  const files = [...filesUnder('server/src/features'), ...filesUnder('server/src/explain'), 'server/src/server.ts', 'server/src/startServer.ts', ...filesUnder('server/src/handlers'), ...filesUnder('client/src')];
  const ruleModules = readdirSync(path.join(ROOT, 'server/src/rules')).filter((f) => rules.some((r) => read(`server/src/rules/${f}`).includes(`'${r.id}'`)));
  // Every rule is found in some module (the signature table holds many rules in one).
  const unfound = rules.filter((r) => !ruleModules.some((f) => read(`server/src/rules/${f}`).includes(`'${r.id}'`)));
  assert.deepEqual(unfound.map((r) => r.id), [], `found the rule modules: ${ruleModules.join(', ')}`);
  for (const f of files) {
    const text = read(f);
    for (const r of rules) assert.ok(!text.includes(`'${r.id}'`), `${f} names the rule ${r.id}`);
    for (const m of ruleModules) assert.ok(!text.includes(`/rules/${m.replace(/\.ts$/, '')}'`), `${f} imports the rule module ${m}`);
  }
});

test('findings are typed by their rule: no `as unknown as` over a finding\'s data', () => {
  for (const f of [...filesUnder('server/src'), ...filesUnder('client/src')]) {
    assert.ok(!/as unknown as/.test(read(f)), `${f} casts through unknown`);
  }
});

// A rule the features have never heard of: flags each record saying `boom`.
interface BoomData { word: string }
const boom: Rule<BoomData> = {
  id: 'boom-test', defaultSeverity: 'warning', title: 'Boom', explanation: 'A boom.', sources: [],
  check(target) {
    const out: Finding<BoomData>[] = [];
    for (let i = 0; i < target.log.entryCount; i++) {
      if (!target.log.message(i).includes('boom')) continue;
      out.push({ ruleId: this.id, severity: 'warning', file: target.key, line: target.log.line(i), endLine: target.log.line(i), entryIndex: i, message: 'boom', data: { word: 'boom' } });
    }
    return out;
  },
  explain: (f) => `**Boom explained** (${f.data?.word})`,
  lenses: (f) => [{ line: f.line, title: `lens for ${f.data?.word}`, reveal: { file: 'file:///other.log', line: 7 } }, { line: f.line, title: 'plain lens' }],
  actions: () => [{ title: 'Copy the fix', copy: 'SELECT 1' }],
};

const cm = (msg: string, n: number) => `<![LOG[${msg}]LOG]!><time="10:00:0${n}.000+000" date="01-02-2024" component="C" context="" type="1" thread="1" file="">`;
const input: LogInput = { key: 'file:///a.log', name: 'a.log', log: LogFile.fromText([cm('hello', 0), cm('it went boom', 1)].join('\r\n')) };

test('a rule\'s explain, lenses and actions reach the hover, the code lenses and the code actions', () => {
  const { findings } = runRules(input, { logs: [input] }, {}, [boom]);
  assert.equal(findings.length, 1);
  const offset = input.log.text(0, input.log.length).indexOf('went boom');
  const md = hoverMarkdown(input, { logs: [input] }, offset, findings, [boom]);
  assert.ok(md?.includes('**Boom explained** (boom)'), String(md));

  const lenses = codeLenses(input.key, input.log, findings, new Timeline([input]), { ...lensDefaults, severities: [] }, false, [boom]);
  assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command, l.command?.arguments]), [
    // The finding's record would anchor a timeline lens, but no other log wrote near it: none.
    [1, 'lens for boom', 'cmlog.reveal', ['file:///other.log', 7]],
    [1, 'plain lens', '', undefined],
  ]);

  const diagnostic = { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } }, message: 'boom', code: 'boom-test' };
  const actions = codeActions({ textDocument: { uri: input.key }, range: diagnostic.range, context: { diagnostics: [diagnostic, diagnostic] } }, findings, [boom]);
  assert.deepEqual(actions.map((a) => [a.title, a.command?.command, a.command?.arguments]), [['Copy the fix', 'cmlog.copyToClipboard', ['SELECT 1']]],
    'offered once, with the rule\'s constant text');
  // A diagnostic with no finding behind it (stale, or sent back altered) offers nothing.
  assert.deepEqual(codeActions({ textDocument: { uri: input.key }, range: diagnostic.range, context: { diagnostics: [{ ...diagnostic, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }] } }, findings, [boom]), []);
});

test('a hover never re-runs a rule: without findings it explains the line, not the story', () => {
  let runs = 0;
  const counting: Rule = { ...boom, check: (t, c) => { runs++; return boom.check(t, c); } };
  const offset = input.log.text(0, input.log.length).indexOf('went boom');
  assert.equal(hoverMarkdown(input, { logs: [input] }, offset, [], [counting]), null);
  assert.equal(runs, 0);

  const cus: LogInput = { key: 'CloudUserSync.log', name: 'CloudUserSync.log', log: LogFile.fromBytes(readFileSync(path.join(ROOT, 'test/fixtures/rules/article-example/CloudUserSync.log'))) };
  const at = cus.log.text(0, cus.log.length).indexOf('Failed to add user scott') + 5;
  const md = hoverMarkdown(cus, { logs: [cus] }, at, [])!;
  assert.match(md, /was not found in Azure AD/, 'the cycle line is explained');
  assert.ok(!md.includes('| First failure |'), 'no story worked out on the hover path');
});
