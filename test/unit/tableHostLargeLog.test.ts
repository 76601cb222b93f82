// Which text tabs are reopened in the table: logs over VS Code's 50 MB sync limit that the editor
// did not hand to the extension, unless the user turned it off or chose the text editor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SYNC_LIMIT, isLogName, reopenInTable } from '../../client/src/table/largeLog';

const big = { fileName: '/logs/CcmExec.log', size: SYNC_LIMIT + 1, enabled: true, synced: false, userChoseText: false };

test('a log over the sync limit that the extension never got opens in the table', () => {
  assert.equal(SYNC_LIMIT, 50 * 1024 * 1024);
  assert.equal(reopenInTable(big), true);
  for (const name of ['/l/a.LOG', '/l/a.lo_', '/l/a.log_']) assert.equal(reopenInTable({ ...big, fileName: name }), true, name);
});

test('not at or under the limit, not synced ones, not other files, not when off or chosen as text', () => {
  assert.equal(reopenInTable({ ...big, size: SYNC_LIMIT }), false);
  assert.equal(reopenInTable({ ...big, synced: true }), false, 'a UTF-16 log under 50 M characters works in the text editor');
  assert.equal(reopenInTable({ ...big, fileName: '/data/dump.bin' }), false);
  assert.equal(reopenInTable({ ...big, fileName: '/l/a.log.txt' }), false);
  assert.equal(reopenInTable({ ...big, enabled: false }), false);
  assert.equal(reopenInTable({ ...big, userChoseText: true }), false);
  assert.equal(isLogName('catalog'), false);
});
