// intune-win32-app and aad-token-failure on IME fixtures written from the documented strings
// (the rule's sources, docs/rules.md), each with healthy neighbours that must stay quiet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LogFile } from '../../server/src/logFile';
import { rules, runRules, type LogInput } from '../../server/src/rules';
import { INTUNE_WIN32_APP, intuneWin32App, type IntuneWin32Data } from '../../server/src/rules/intuneWin32';
import { MSI_SUCCESS_CODES, MSI_USER_CANCELLED } from '../../server/src/knowledge/msiReturnCodes';

const ROOT = path.resolve(__dirname, '../..');
const load = (rel: string): LogInput => ({ key: rel, name: path.basename(rel), log: LogFile.fromBytes(readFileSync(path.join(ROOT, rel))) });
const IME = 'test/fixtures/rules/intune-win32/IntuneManagementExtension.log';
const of = (l: LogInput, id: string) => runRules(l, { logs: [l] }).findings.filter((f) => f.ruleId === id);

test('intune-win32-app: not detected after a successful install (0x87D1041C), a 1603 once with its repeat related; detection before install and Detected stay quiet', () => {
  assert.ok(rules.some((r) => r.id === INTUNE_WIN32_APP));
  const found = of(load(IME), INTUNE_WIN32_APP);
  assert.deepEqual(found.map((f) => [f.line, f.severity, (f.data as IntuneWin32Data).kind]), [[5, 'error', 'not-detected'], [6, 'error', 'exit-code']]);
  assert.match(found[0]!.message, /66666666-7777-8888-9999-000000000000.*exited with 0.*0x87D1041C/);
  assert.match(found[1]!.message, /exited with 1603, 0x00000643 \(ERROR_INSTALL_FAILURE/);
  assert.match(found[1]!.message, /return-code table/);
  assert.deepEqual(found[1]!.related?.map((r) => r.line), [7]);
});

test('intune-win32-app: AgentExecutor PowerShell exit 1 is a warning, exit 0 is quiet', () => {
  const found = of(load('test/fixtures/rules/intune-win32/AgentExecutor.log'), INTUNE_WIN32_APP);
  assert.deepEqual(found.map((f) => [f.line, f.severity]), [[1, 'warning']]);
});

test('aad-token-failure: IME "Failed to get AAD token" lines are reported once per story, repeats related', () => {
  const found = of(load(IME), 'aad-token-failure');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.line, 8);
  assert.deepEqual(found[0]!.related?.map((r) => r.line), [9, 10]);
});

test('intune-win32-app: its hover explains each kind of finding (not detected, installer exit code, script exit)', () => {
  assert.ok(intuneWin32App.explain, 'the rule owns its hover');
  const [notDetected, exit] = of(load(IME), INTUNE_WIN32_APP) as Parameters<NonNullable<typeof intuneWin32App.explain>>[0][];
  const nd = intuneWin32App.explain!(notDetected!);
  assert.match(nd, /\*\*Intune Win32 app or script failed\*\*/);
  assert.match(nd, /0x87D1041C/);
  assert.match(nd, /policy `66666666-7777-8888-9999-000000000000`/);
  assert.match(nd, /Compare the detection rule/);
  const ex = intuneWin32App.explain!(exit!);
  assert.match(ex, /exited with 0x00000643 \\\(ERROR\\_INSTALL\\_FAILURE/);
  assert.match(ex, /return codes of its Intune policy/);
  const [script] = of(load('test/fixtures/rules/intune-win32/AgentExecutor.log'), INTUNE_WIN32_APP) as typeof notDetected[];
  assert.match(intuneWin32App.explain!(script!), /PowerShell script .* exited with `1`.*AgentExecutor\.log/s);
});

test('intune-win32-app: real AppWorkload.log lines: an exit code the app\'s return codes do not list ("Admin did NOT set mapping") is an error, once; a mapped success and a 1603 already reported stay single', () => {
  // Lines as the IME writes them (a published AppWorkload.log excerpt: 0xC0000142 relabelled 0x80070002).
  const found = of(load('test/fixtures/rules/intune-win32/AppWorkload.log'), INTUNE_WIN32_APP);
  assert.deepEqual(found.map((f) => [f.line, f.severity, (f.data as IntuneWin32Data).code]), [[4, 'error', 3221225794], [9, 'error', 1603]]);
  assert.match(found[0]!.message, /exited with 3221225794, 0xC0000142 .*do not list: Intune reports the installation as failed/);
  assert.equal(found[1]!.related, undefined, 'the 1603 is one problem, not repeated by its no-mapping line');
});

test('intune-win32-app: Windows Installer\'s success codes and 1707 are an installer\'s success (not detected after one is reported); the user\'s cancel is a failed deployment', () => {
  const ime = (...messages: string[]): LogInput => ({ key: 'IntuneManagementExtension.log', name: 'IntuneManagementExtension.log', log: LogFile.fromText(messages.map((m, k) =>
    `<![LOG[${m}]LOG]!><time="09:0${k}:00.1000000" date="3-12-2026" component="IntuneManagementExtension" context="" type="1" thread="14" file="">\r\n`).join('')) });
  const notDetected = '[Win32App][DetectionActionHandler] Detection for policy with id: 11111111-2222-3333-4444-555555555555 resulted in action status: Success and detection state: NotDetected.';
  const kinds = (code: number) => of(ime(`[Win32App] lpExitCode ${code}`, notDetected), INTUNE_WIN32_APP).map((f) => [f.severity, (f.data as IntuneWin32Data).kind]);
  for (const code of [...MSI_SUCCESS_CODES, 1707]) assert.deepEqual(kinds(code), [['error', 'not-detected']], String(code));
  assert.deepEqual(kinds(MSI_USER_CANCELLED), [['error', 'exit-code']], 'the deployment failed');
  assert.deepEqual(kinds(1), [], 'a code the app\'s return codes decide: not a success, not flagged');
});
