// Next / previous error or warning record: from the record the cursor is in, wrapping like F8; and
// the commands' keys, which must not take VS Code's own F8 family.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LogFile } from '../../server/src/logFile';
import { stepToRecord } from '../../server/src/features/recordWalk';
import { walkMessage } from '../../client/src/recordWalkMessage';

const rec = (msg: string, type: number) => `<![LOG[${msg}]LOG]!><time="10:20:12.123+000" date="03-04-2024" component="C" context="" type="${type}" thread="1" file="">`;
// Lines: 0 info, 1-2 error (two lines), 3 warning, 4 info, 5 error, 6 warning.
const log = LogFile.fromText([rec('a', 1), rec('b\nmore', 3), rec('c', 2), rec('d', 1), rec('e', 3), rec('f', 2)].join('\n'));

test('next error record: after the record the cursor is in, wrapping at the end', () => {
  assert.deepEqual(stepToRecord(log, 0, 'error', 'next'), { line: 1, wrapped: false });
  assert.deepEqual(stepToRecord(log, 2, 'error', 'next'), { line: 5, wrapped: false }, 'from inside the first error record');
  assert.deepEqual(stepToRecord(log, 5, 'error', 'next'), { line: 1, wrapped: true });
});

test('previous error and warning records, wrapping at the start', () => {
  assert.deepEqual(stepToRecord(log, 5, 'error', 'previous'), { line: 1, wrapped: false });
  assert.deepEqual(stepToRecord(log, 1, 'error', 'previous'), { line: 5, wrapped: true });
  assert.deepEqual(stepToRecord(log, 4, 'warning', 'previous'), { line: 3, wrapped: false });
  assert.deepEqual(stepToRecord(log, 4, 'warning', 'next'), { line: 6, wrapped: false });
  assert.deepEqual(stepToRecord(log, 0, 'warning', 'previous'), { line: 6, wrapped: true });
});

test('above the first record and in a log without the severity', () => {
  const l = LogFile.fromText('preamble\n' + rec('x', 2) + '\n' + rec('y', 2));
  assert.deepEqual(stepToRecord(l, 0, 'warning', 'next'), { line: 1, wrapped: false });
  assert.deepEqual(stepToRecord(l, 0, 'warning', 'previous'), { line: 2, wrapped: true });
  assert.equal(stepToRecord(l, 0, 'error', 'next'), null);
  assert.equal(stepToRecord(LogFile.fromText(''), 0, 'error', 'next'), null);
});

test('the only record of its kind is found again (wrapped)', () => {
  const l = LogFile.fromText(rec('x', 3) + '\n' + rec('y', 1));
  assert.deepEqual(stepToRecord(l, 0, 'error', 'next'), { line: 0, wrapped: true });
});

test('manifest: the record walk has keys on cmlog editors, none of them VS Code 1.99\'s own', () => {
  const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8'));
  const ids = ['cmlog.nextErrorRecord', 'cmlog.previousErrorRecord', 'cmlog.nextWarningRecord', 'cmlog.previousWarningRecord'];
  const titles = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
  // VS Code's F7/F8 family (workbench.js of 1.99: marker.next/prev, nextInFiles, diff and
  // accessible-diff navigation, dirty diff): taking one would hide a problem walk.
  const taken = new Set(['f8', 'shift+f8', 'alt+f8', 'shift+alt+f8', 'f7', 'shift+f7', 'alt+f7', 'shift+alt+f7']);
  for (const id of ids) {
    assert.ok(titles.has(id), id);
    const kb = manifest.contributes.keybindings.find((k: { command: string }) => k.command === id);
    assert.ok(kb, `${id} has a key`);
    assert.equal(kb.when, 'editorTextFocus && editorLangId == cmlog');
    assert.ok(!taken.has(kb.key), `${id}: ${kb.key} is VS Code's`);
  }
});

// The tour: "Go to Next Warning Record" in a log without warnings left only a 3 s status bar message,
// which it took for nothing. Each walk says what happened, in a message that is read out.
test('record walk: a log without the severity, a failure or no log is said, for every walk', () => {
  const none = LogFile.fromText(rec('only info', 1));
  for (const severity of ['error', 'warning'] as const) {
    for (const direction of ['next', 'previous'] as const) {
      const m = walkMessage(stepToRecord(none, 0, severity, direction), severity, direction);
      assert.deepEqual(m, { text: `CMLog Lens: no ${severity} record in this log.`, shout: true });
      for (const outcome of ['notLog', 'notReady', 'failed'] as const) assert.equal(walkMessage(outcome, severity, direction)?.shout, true, outcome);
    }
  }
  assert.match(walkMessage('failed', 'warning', 'previous')!.text, /could not find the previous warning record/);
  assert.deepEqual(walkMessage(stepToRecord(log, 5, 'error', 'next'), 'error', 'next'), { text: 'Wrapped to the start of the log', shout: false });
  assert.equal(walkMessage(stepToRecord(log, 0, 'error', 'next'), 'error', 'next'), null, 'a plain step says nothing');
});
