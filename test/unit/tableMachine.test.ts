// The table's machine column names a device as `cmlog` does (collections/machine.ts): the
// top-level folder of a collected case under the workspace folder, not the log's own folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { machineOf as cliMachine } from '../../server/src/collections/machine';
import { machineOf } from '../../server/src/table/machine';
import { toUri } from '../../server/src/uri';

const ws = path.resolve('/cases');
const at = (...parts: string[]) => toUri(path.join(ws, ...parts));

test('inside a workspace folder: its top-level folder, as cmlog check/export name it; the folder\'s own name for a log directly in it', () => {
  const folders = [{ path: ws }];
  assert.equal(machineOf(at('PC7', 'ccm', 'logs', 'CcmExec.log'), folders), 'PC7');
  assert.equal(machineOf(at('PC7', 'CcmExec.log'), folders), 'PC7');
  assert.equal(machineOf(at('loose.log'), folders), 'cases');
  // The same answer as the CLI's for `cmlog export cases` run beside it.
  assert.equal(cliMachine('cases/PC7/ccm/logs/CcmExec.log', 'cases'), 'PC7');
});

test('the innermost workspace folder counts; outside every folder, or not a file, the log\'s own folder', () => {
  const folders = [{ path: ws }, { path: path.join(ws, 'PC7') }];
  assert.equal(machineOf(at('PC7', 'ccm', 'x.log'), folders), 'ccm', 'PC7 is a workspace folder of its own: its top-level folder is ccm');
  assert.equal(machineOf(toUri(path.resolve('/elsewhere/PC9/ccm/x.log')), folders), 'ccm');
  assert.equal(machineOf('untitled:Untitled-1', folders), '');
  assert.equal(machineOf(at('PC8', 'ccm', 'x.log'), []), 'ccm');
});
