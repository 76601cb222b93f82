// Code actions on a finding: the rule's own, and "Look Up Error 0x…" for the codes the finding
// names or its record writes (Windows Update's bracketed codes too), each once, running the
// lookup command with the code's 0x form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CodeActionParams, Diagnostic } from 'vscode-languageserver';
import { codeActions } from '../../server/src/features/codeActions';
import { findErrorCodes } from '../../server/src/knowledge/errorCodes';
import { LogFile } from '../../server/src/logFile';
import type { Finding } from '../../server/src/model';
import { Commands } from '../../server/src/protocol';
import { rules, runRules, type LogInput, type Rule } from '../../server/src/rules';
import { parseUserRules, userRules } from '../../server/src/rules/userRules';
import { relativeMatcher } from '../../server/src/workspace/globs';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const diagnosticOf = (f: Finding): Diagnostic => ({ code: f.ruleId, message: f.message, range: { start: { line: f.line, character: 0 }, end: { line: f.line, character: 1 } } });
const params = (d: Diagnostic): CodeActionParams => ({ textDocument: { uri: 'file:///x' }, range: d.range, context: { diagnostics: [d] } });
function actionsOn(target: LogInput, catalog: readonly Rule[], ruleId: string) {
  const { findings } = runRules(target, { logs: [target] }, {}, catalog);
  const f = findings.find((x) => x.ruleId === ruleId)!;
  assert.ok(f, `${ruleId} finds something`);
  return codeActions(params(diagnosticOf(f)), findings, catalog, target.log);
}
const lookups = (actions: ReturnType<typeof codeActions>) => actions.filter((a) => a.command?.command === Commands.lookupErrorCode).map((a) => [a.title, a.command!.arguments![0]]);

test('Windows Update\'s "*FAILED* [80240022]" is a code (hexadecimal without 0x), found where it stands', () => {
  const text = 'Agent *FAILED* [80240022] Method failed [CAgentUpdateManager::FindUpdates:1234]';
  const [c] = findErrorCodes(text);
  assert.equal(c!.value, 0x80240022);
  assert.equal(text.slice(c!.start, c!.end), '80240022');
  assert.deepEqual(findErrorCodes('[80240022] alone is a number in brackets'), []);
});

test('a user rule\'s finding on a Windows Update line offers "Look Up Error 0x80240022"', () => {
  const log = '2026/01/02 10:00:00.1234567 1200  4404  Agent           *FAILED* [80240022] Method failed [CAgentUpdateManager::FindUpdates:1234]\r\n';
  const target: LogInput = { key: '/logs/WindowsUpdate.log', name: 'WindowsUpdate.log', log: LogFile.fromText(log) };
  const parsed = parseUserRules(JSON.stringify({ rules: [{ id: 'wu-failed', logs: 'WindowsUpdate.log', pattern: '\\*FAILED\\*', severity: 'error', message: 'Windows Update failed' }] }), 'rules.json');
  const catalog = [...rules, ...userRules(parsed.specs, 'rules.json', (g) => relativeMatcher(g, true))];
  assert.deepEqual(lookups(actionsOn(target, catalog, 'user:wu-failed')), [['Look Up Error 0x80240022', '0x80240022']]);
});

test('an MSI failure offers the lookup of the code it names, beside the rule\'s own actions, each once', () => {
  const name = 'MSI3c2d1.LOG';
  const target: LogInput = { key: `/logs/${name}`, name, log: LogFile.fromText(readFileSync(path.join(FIXTURES, 'rules/signatures/msi', name), 'utf8')) };
  const actions = actionsOn(target, rules, 'msi-install-failed');
  assert.deepEqual(lookups(actions), [['Look Up Error 0x00000643', '0x00000643']]);
  assert.equal(new Set(actions.map((a) => a.title)).size, actions.length);
});

test('the code actions of a 10 MB record read its first characters only: a code at its start is offered, one at its end is not read', () => {
  const filler = 'x'.repeat(10_000_000);
  const text = `<![LOG[failed with 0x80070005 ${filler} then 0x80070643]LOG]!><time="10:00:00.000+000" date="1-1-2020" component="X" context="" type="3" thread="1" file="">\r\n`;
  const log = LogFile.fromText(text);
  let chars = 0;
  const text0 = log.text.bind(log);
  log.text = (a?: number, b?: number) => { const t = text0(a, b); chars += t.length; return t; };
  log.message = () => { throw new Error('the whole message was read'); };
  const f: Finding = { ruleId: 'x', severity: 'error', file: 'file:///x', line: 0, endLine: 0, entryIndex: 0, message: 'it failed' };
  assert.deepEqual(lookups(codeActions(params(diagnosticOf(f)), [f], [], log)), [['Look Up Error 0x80070005', '0x80070005']]);
  assert.ok(chars < 100_000, `${chars} characters read for one code-action request`);
});
