// Inlay hints: each record's time as written at its start, component and thread by setting, only in
// the requested range and at most `limit`, log text escaped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LogFile } from '../../server/src/logFile';
import { inlayHints, inlayHintDefaults } from '../../server/src/features/inlayHints';
import { validate } from '../../server/src/features/settings';

const rec = (msg: string, time: string, comp: string, thread: string) =>
  `<![LOG[${msg}]LOG]!><time="${time}" date="03-04-2024" component="${comp}" context="" type="1" thread="${thread}" file="">`;

function open(text: string) {
  return { doc: TextDocument.create('file:///x.log', 'cmlog', 1, text), log: LogFile.fromText(text) };
}
const all = { start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } };
const labels = (h: { label: unknown }[]) => h.map((x) => x.label);

test('each record shows its time as written, at its first character', () => {
  const text = [rec('one', '10:20:12.123+000', 'CcmExec', '12'), rec('two\nsecond line', '10:20:13.5+000', 'CcmExec', '12'), rec('three', '10:20:14.000+000', 'Agent', '7')].join('\r\n');
  const { doc, log } = open(text);
  const hints = inlayHints(doc, log, all, inlayHintDefaults);
  assert.deepEqual(labels(hints), ['10:20:12.123+000', '10:20:13.5+000', '10:20:14.000+000']);
  assert.deepEqual(hints.map((h) => h.position), [{ line: 0, character: 0 }, { line: 1, character: 0 }, { line: 3, character: 0 }]);
});

test('legacy records show their time too', () => {
  const text = 'Starting $$<SMS_Agent><03-04-2024 10:20:12.123+480><thread=4 (0x4)>\nDone $$<SMS_Agent><03-04-2024 10:20:15.000+480><thread=4 (0x4)>\n';
  const { doc, log } = open(text);
  assert.deepEqual(labels(inlayHints(doc, log, all, inlayHintDefaults)), ['10:20:12.123+480', '10:20:15.000+480']);
});

test('component and thread by setting', () => {
  const { doc, log } = open(rec('one', '10:20:12.123+000', 'CcmExec', '12'));
  assert.deepEqual(labels(inlayHints(doc, log, all, { enabled: true, component: true, thread: true })), ['10:20:12.123+000 · CcmExec · 12']);
  assert.deepEqual(labels(inlayHints(doc, log, all, { enabled: true, component: false, thread: true })), ['10:20:12.123+000 · 12']);
  assert.deepEqual(inlayHints(doc, log, all, { enabled: false, component: true, thread: true }), []);
});

test('only records starting in the range, and at most the limit', () => {
  const lines = Array.from({ length: 100 }, (_, k) => rec(`m${k}`, `10:20:${String(k % 60).padStart(2, '0')}.000+000`, 'C', '1'));
  const { doc, log } = open(lines.join('\n'));
  const some = inlayHints(doc, log, { start: { line: 40, character: 0 }, end: { line: 42, character: 5 } }, inlayHintDefaults);
  assert.deepEqual(some.map((h) => h.position.line), [40, 41, 42]);
  assert.equal(inlayHints(doc, log, all, inlayHintDefaults, 10).length, 10);
});

test('log text in a hint is shown escaped and cut short', () => {
  const { doc, log } = open(rec('x', '10:20:12.123+000', 'Evil\u202eComp\u001b[31m' + 'x'.repeat(200), '1'));
  const [hint] = inlayHints(doc, log, all, { enabled: true, component: true, thread: false });
  const label = hint.label as string;
  assert.doesNotMatch(label, /[\u202e\u001b]/);
  assert.match(label, /Evil\\u202eComp\\x1b\[31m/);
  assert.ok(label.length < 80, label);
});

test('settings: cmlog.inlayHints read and checked, on by default, component and thread off', () => {
  const warnings: string[] = [];
  assert.deepEqual(validate({}, (m) => warnings.push(m)).inlayHints, { enabled: true, component: false, thread: false });
  assert.deepEqual(validate({ inlayHints: { enabled: false, component: true, thread: 'yes' } }, (m) => warnings.push(m)).inlayHints, { enabled: false, component: true, thread: false });
  assert.equal(warnings.length, 1);
});

test('no hint repeats what the line already shows before its message: MSI, CBS, Company Portal lines start with their time', () => {
  const msi = '=== Verbose logging started: 1/17/2023  20:49:40  Build type: SHIP UNICODE 5.00.10011.00  Calling process: C:\\Windows\\system32\\msiexec.exe ===\r\n'
    + 'MSI (c) (E4:AC) [20:49:41:123]: Resetting cached policy values\r\n'
    + 'Action start 20:49:41: CA_Register.\r\n'
    + 'Property(S): ProductName = Contoso\r\n';
  const cbs = '2024-01-15 08:00:00, Info                  CBS    Loaded Servicing Stack v10.0\r\n2024-01-15 08:00:01, Error                 CBS    Failed to load\r\n';
  const portal = '2026-05-04T15:00:00.1000000Z  INFO      Event       None        0    1a2b3c4d-0001-4000-8000-000000000001  12-0-0  [Sync] device sync started\r\n';
  for (const text of [msi, cbs, portal]) {
    const { doc, log } = open(text);
    assert.ok(log.entryCount > 0 && log.format !== 'plain', text);
    assert.deepEqual(labels(inlayHints(doc, log, all, { enabled: true, component: true, thread: true })), [], text);
  }
  // A CMTrace record in the same file keeps its hint: its time is at the far end of the line.
  const { doc, log } = open(msi + rec('one', '10:20:12.123+000', 'CcmExec', '12') + '\r\n');
  assert.deepEqual(labels(inlayHints(doc, log, all, inlayHintDefaults)), ['10:20:12.123+000']);
});
