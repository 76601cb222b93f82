// Windows Installer findings in an MSI verbose log: msi-install-failed does not send the reader to
// "the MSI verbose log" they are reading, and msi-action-failed points at the `Error NNNN.` line
// written for the failed action (bounded: up to that action's `Action start`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import { runRules } from '../../server/src/rules';
import { describeMsiMessage } from '../../server/src/knowledge/msiMessages';

const BANNER = '=== Verbose logging started: 2/23/2020  23:59:58  Build type: SHIP UNICODE 5.00.10011.00  Calling process: C:\\Windows\\system32\\msiexec.exe ===\r\n';

function findings(body: string) {
  const target = { key: 'MSIx.log', name: 'MSIx.log', log: LogFile.fromText(BANNER + body) };
  return runRules(target, { logs: [target] }).findings;
}

const FAILED = [
  'MSI (s) (7C:2C) [23:59:59:100]: Doing action: CA_Register',
  'Action start 23:59:59: CA_Register.',
  'MSI (s) (7C:2C) [00:00:01:000]: Custom action returned a failure:',
  'Error 1722. There is a problem with this Windows Installer package.',
  'CA_Register returned actual error code 1603',
  'Action ended 0:00:02: CA_Register. Return value 3.',
  'MSI (s) (7C:2C) [00:00:04:000]: MainEngineThread is returning 1603',
].join('\r\n') + '\r\n';

test('msi-action-failed: the Error line above the action is its first related location, with the message meaning', () => {
  const f = findings(FAILED).find((x) => x.ruleId === 'msi-action-failed');
  assert.ok(f);
  assert.equal(f.line, 6);
  assert.deepEqual(f.related?.[0], { file: 'MSIx.log', line: 4, message: `the error Windows Installer wrote for it: message 1722 (${describeMsiMessage(1722)!.meaning})` });
});

test('msi-action-failed: no Error line up to the action\'s start, none related (an earlier action\'s error is not this one\'s)', () => {
  const body = 'Error 1722. An earlier action\'s error.\r\nAction start 23:59:59: CA_Other.\r\nCA_Other returned actual error code 1603\r\nAction ended 0:00:02: CA_Other. Return value 3.\r\n';
  const f = findings(body).find((x) => x.ruleId === 'msi-action-failed');
  assert.ok(f);
  assert.deepEqual(f.related ?? [], []);
});

test('msi-install-failed in the MSI log itself does not say "read the MSI verbose log"', () => {
  const f = findings(FAILED).find((x) => x.ruleId === 'msi-install-failed');
  assert.ok(f);
  assert.match(f.message, /1603/);
  assert.doesNotMatch(f.message, /verbose log/i);
});

test('msi-action-failed: a sequence ending with 3 after the failed action passes the failure on, and is not counted as a second failure', () => {
  const body = FAILED.replace('MSI (s) (7C:2C) [00:00:04:000]', 'Action ended 0:00:03: INSTALL. Return value 3.\r\nMSI (s) (7C:2C) [00:00:04:000]');
  const f = findings(body).find((x) => x.ruleId === 'msi-action-failed');
  assert.ok(f);
  assert.equal(f.message, 'The installation failed at action CA_Register (Return value 3); 1 action after it passed the failure on');
  assert.doesNotMatch(f.message, /times in this file/);
  assert.deepEqual(f.related?.map((r) => r.message).slice(1), ['INSTALL ended with Return value 3 after it: passes the failure on']);
});

test('msi-install-failed: the result written by the service and the client is one failure, said again', () => {
  const body = FAILED + 'MSI (c) (1C:3C) [00:00:05:000]: MainEngineThread is returning 1603\r\n';
  const f = findings(body).find((x) => x.ruleId === 'msi-install-failed');
  assert.ok(f);
  assert.match(f.message, /; written 1 more time in this file$/);
  assert.match(f.related?.[0]?.message ?? '', /^the same result written again: 1603/);
});
