// What a log's name is: every place that asks agrees (the server's index and discovery, the
// known-logs lookup, the rules' rotation sets, the client's large-log check and its file globs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLogName } from '../../client/src/table/largeLog';
import { describeLogFile, normalizeLogFileName } from '../../server/src/knowledge/logFiles';
import { isLogFileName, liveLogName } from '../../server/src/parse/detect';
import { LOG_GLOB } from '../../server/src/parse/formats/logName';
import { liveName } from '../../server/src/rules/logSet';
import { relativeMatcher } from '../../server/src/workspace/globs';

const LOGS: [name: string, live: string][] = [
  ['CcmExec.log', 'CcmExec.log'],
  ['CcmExec.LOG', 'CcmExec.LOG'],
  ['CloudUserSync.lo_', 'CloudUserSync.log'],
  ['CLOUDUSERSYNC.LO_', 'CLOUDUSERSYNC.log'],
  ['AppEnforce.log_', 'AppEnforce.log'],
  ['smsexec-20240101-120000.log', 'smsexec.log'],
  ['SMSEXEC-20240101-120000.LOG', 'SMSEXEC.LOG'],
  ['smsexec-20240101-120000.lo_', 'smsexec.log'],
  ['x-2024010-120000.log', 'x-2024010-120000.log'],
];
const NOT_LOGS = ['notes.txt', 'CcmExec.log.txt', 'CcmExec.logx', 'log', 'CcmExec.lo', 'archive.zip', 'CcmExec.log_.bak'];

test('log names: the server, the client and the file globs agree on what a log is (any case)', () => {
  // Case-sensitive, as VS Code matches globs on Linux: the glob must not depend on the file system.
  const glob = relativeMatcher(LOG_GLOB, false);
  for (const [name] of LOGS) {
    assert.equal(isLogFileName(name), true, name);
    assert.equal(isLogName(name), true, `client: ${name}`);
    assert.equal(glob(name), true, `glob: ${name}`);
    assert.equal(glob(`Windows/CCM/Logs/${name}`), true, `glob in a folder: ${name}`);
  }
  for (const name of NOT_LOGS) {
    assert.equal(isLogFileName(name), false, name);
    assert.equal(isLogName(name), false, `client: ${name}`);
    assert.equal(glob(name), false, `glob: ${name}`);
  }
});

test('log names: rotated and dated copies have one live name wherever it is asked', () => {
  for (const [name, live] of LOGS) {
    assert.equal(liveLogName(name), live, name);
    assert.equal(liveName(name), live.toLowerCase(), `rules: ${name}`);
    assert.equal(normalizeLogFileName(name), live.toLowerCase(), `known logs: ${name}`);
  }
  assert.equal(describeLogFile('C:\\Windows\\CCM\\Logs\\CcmExec-20240101-120000.LO_')?.name, 'CcmExec.log');
});
