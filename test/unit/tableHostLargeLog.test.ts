// Which text tabs are reopened in the table (a log VS Code blocks with its "very large file" prompt,
// or does not hand to the extension over 50 MB) and which are offered it (a log the text editor
// shows with its large file optimizations), unless the user turned it off or chose the text editor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LARGE_FILE_SIZE, SYNC_LIMIT, confirmationLimit, isLogName, largeLogAction, type LargeLogFacts } from '../../client/src/table/largeLog';

const MB = 1024 * 1024;
const DESKTOP = confirmationLimit(1024);
const reopenInTable = (f: LargeLogFacts) => largeLogAction(f) === 'reopen';
const offerTable = (f: LargeLogFacts) => largeLogAction(f) === 'offer';
const big: LargeLogFacts = { fileName: '/logs/CcmExec.log', size: SYNC_LIMIT + 1, enabled: true, synced: false, userChoseText: false, confirmLimit: DESKTOP, optimizations: true };

test('a log over the sync limit that the extension never got opens in the table', () => {
  assert.equal(SYNC_LIMIT, 50 * MB);
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

// The tour: code-server (a remote: 10 MB) stopped a 20 MB log with "very large file" and no table.
test('a log over workbench.editorLargeFileConfirmation opens in the table (VS Code would not show its text)', () => {
  const remote = { ...big, size: 20 * MB, synced: true, confirmLimit: confirmationLimit(10) };
  assert.equal(reopenInTable(remote), true);
  assert.equal(reopenInTable({ ...remote, size: 10 * MB }), false, 'at the limit VS Code shows it');
  assert.equal(reopenInTable({ ...remote, confirmLimit: confirmationLimit(50) }), false, 'a browser asks over 50 MB');
  assert.equal(reopenInTable({ ...remote, userChoseText: true }), false, '"Open Anyway" from the table is the user\'s');
  assert.equal(confirmationLimit(undefined), Infinity, 'a VS Code without the setting never asks');
  assert.equal(confirmationLimit(0), Infinity);
});

test('a log the text editor shows without tokenization or folding (over 20 MB) is offered the table, not reopened', () => {
  const degraded = { ...big, size: LARGE_FILE_SIZE + 1, synced: true };
  assert.equal(reopenInTable(degraded), false);
  assert.equal(offerTable(degraded), true);
  assert.equal(offerTable({ ...degraded, size: LARGE_FILE_SIZE }), false);
  assert.equal(offerTable({ ...degraded, optimizations: false }), false, 'the user turned the optimizations off');
  assert.equal(offerTable({ ...degraded, enabled: false }), false);
  assert.equal(offerTable(big), false, 'reopened, not offered');
});

test('one action per tab: reopen, offer or none, never two', () => {
  assert.equal(largeLogAction(big), 'reopen');
  assert.equal(largeLogAction({ ...big, size: LARGE_FILE_SIZE + 1, synced: true }), 'offer');
  assert.equal(largeLogAction({ ...big, size: MB }), 'none');
  for (const off of [{ enabled: false }, { userChoseText: true }, { fileName: '/data/dump.bin' }]) {
    assert.equal(largeLogAction({ ...big, ...off }), 'none', JSON.stringify(off));
    assert.equal(largeLogAction({ ...big, ...off, size: LARGE_FILE_SIZE + 1, synced: true }), 'none', JSON.stringify(off));
  }
});
