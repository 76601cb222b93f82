// Untrusted text in plain-text output (Problems panel, Outline, merged view, notifications): every
// control character shows as an escape, and no notification can carry a clickable link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notificationText, pickListText, visible, visibleLine } from '../../server/src/explain/plainText';
import { toDiagnostic } from '../../server/src/features/diagnostics';
import { largeLogOfferMessage, noLogsMessage, notAnErrorCodeMessage, nothingRelatedMessage, tableMessage } from '../../client/src/notifications';
import { noOfferMessage, offsetSetMessage } from '../../client/src/folderOffsetAnswer';

// How VS Code finds links in a notification's message (src/vs/base/common/linkedText.ts, 1.91+).
const VSCODE_NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
const links = (message: string) => [...message.matchAll(VSCODE_NOTIFICATION_LINK)].map((m) => m[2]);
// Every character the Markdown escaper removes must be shown here, never passed raw.

const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/;

const HOSTILE = '[Fix it](command:workbench.action.terminal.new) \u001b[31mred\u0007 \u202eexe.txt\u202c [x](https://evil.example "t")';

test('visible: controls, bidi and zero-width characters become escapes; tab and line breaks stay', () => {
  assert.equal(visible('a\u001bb\u0007c\u202ed\u200be\ufeff\u0085'), 'a\\x1bb\\x07c\\u202ed\\u200be\\ufeff\\x85');
  assert.equal(visible('one\ttwo\r\nthree'), 'one\ttwo\r\nthree');
  assert.equal(visible('plain C:\\Windows\\ccmsetup.log [ok]'), 'plain C:\\Windows\\ccmsetup.log [ok]');
  assert.doesNotMatch(visible(HOSTILE), RAW_CONTROL);
  for (let c = 0; c < 0x10000; c++) {
    const s = String.fromCharCode(c);
    if (RAW_CONTROL.test(s)) assert.doesNotMatch(visible(s), RAW_CONTROL, `U+${c.toString(16)}`);
  }
});

test('visibleLine: one line whatever the text', () => {
  assert.equal(visibleLine('a\r\nb\nc\u2028d'), 'a\\x0d\\x0ab\\x0ac\\u2028d');
  assert.doesNotMatch(visibleLine(HOSTILE + '\n\r'), /[\r\n]/);
});

test('notificationText: no link of any scheme forms, the text stays readable', () => {
  assert.deepEqual(links(HOSTILE), ['command:workbench.action.terminal.new', 'https://evil.example'], 'the hostile text is a link as it is');
  const safe = notificationText(HOSTILE);
  assert.deepEqual(links(safe), []);
  assert.doesNotMatch(safe, RAW_CONTROL);
  assert.match(safe, /\[Fix it\] \(command:workbench\.action\.terminal\.new\)/);
  assert.equal(notificationText(safe), safe, 'escaping twice changes nothing');
});

test('every notification of the client: no link and no raw control from untrusted text', () => {
  const messages = [
    notAnErrorCodeMessage(HOSTILE),
    notAnErrorCodeMessage('[a](command:x'), // the template's own characters cannot close a link
    tableMessage(`CMLog Lens refused the pattern ${HOSTILE}: it cannot run in time`),
    noLogsMessage(`/home/u/${HOSTILE}`),
    nothingRelatedMessage('[x](command:y)' as unknown),
    ...(['ownOffsets', 'inUse', 'noRecords', 'noneInFolder', undefined] as const).map((why) => noOfferMessage(why, `${HOSTILE}.log`)),
    offsetSetMessage(`/cases/${HOSTILE}`, 'UTC-07:00', `${HOSTILE}.log`),
    largeLogOfferMessage(`${HOSTILE}.log`, 64),
  ];
  for (const m of messages) {
    assert.deepEqual(links(m), [], m);
    assert.doesNotMatch(m, RAW_CONTROL, m);
    assert.doesNotMatch(m, /[\r\n]/, m);
  }
  assert.match(messages[0], /^CMLog Lens: '\[Fix it\] \(command:/);
  assert.ok(messages[0].length < 200, 'typed input is cut short');
  assert.equal(nothingRelatedMessage(2.5), 'CMLog Lens: no other log wrote anything within ±2.5 s of this record.');
  assert.equal(nothingRelatedMessage(undefined), 'CMLog Lens: no other log wrote anything within ±5 s of this record.');
});

test('diagnostics: every message and related message of any rule shows controls as escapes', () => {
  const d = toDiagnostic({
    ruleId: 'aad-tenant-missing', severity: 'error', file: 'file:///x.log', line: 0, endLine: 0,
    message: `Group sync: ${HOSTILE}`, related: [{ file: 'file:///x.log', line: 1, message: `quoted: ${HOSTILE}` }],
  });
  for (const m of [d.message, d.relatedInformation![0].message]) {
    assert.doesNotMatch(m, RAW_CONTROL, m);
    assert.match(m, /\\x1b\[31mred\\x07 \\u202eexe\.txt\\u202c/);
  }
});

test('pickListText: one line, controls visible, and `$(name)` never an icon (an escaped one stays as written)', () => {
  assert.equal(pickListText('$(zap) a\nb'), '\\$(zap) a\\x0ab');
  assert.equal(pickListText('\\$(zap)'), '\\\\$(zap)');
  assert.equal(pickListText('$$( $'), '$\\$( $');
});
