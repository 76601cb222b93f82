// Windows Installer's own message numbers (`Error 1722.` lines of an MSI verbose log): the table,
// and the hover that explains them in MSI logs only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { hoverMarkdown } from '../../server/src/explain';
import { describeMsiMessage, MSI_MESSAGES } from '../../server/src/knowledge/msiMessages';
import { LogFile } from '../../server/src/logFile';
import type { LogInput, RuleContext } from '../../server/src/rules';
import { SIGNATURES } from '../../server/src/rules/signatureTable';

const ROOT = path.resolve(__dirname, '../..');
const ctx = (t: LogInput): RuleContext => ({ logs: [t] });
const fromText = (name: string, text: string): LogInput => ({ key: name, name, log: LogFile.fromText(text) });
const hoverAt = (t: LogInput, needle: string, delta = 1) => {
  const at = t.log.text().indexOf(needle);
  assert.ok(at >= 0, `${needle} not found`);
  return hoverMarkdown(t, ctx(t), at + delta, []);
};

const BANNER = '=== Verbose logging started: 1/17/2023  7:33:22  Build type: SHIP UNICODE 5.00.10011.00  Calling process: C:\\Windows\\system32\\msiexec.exe ===\n';

test('the table: numbers unique, each with a meaning and a Microsoft source; exit codes are not messages', () => {
  const seen = new Set<number>();
  for (const e of MSI_MESSAGES) {
    assert.ok(!seen.has(e.number), `${e.number} listed twice`);
    seen.add(e.number);
    assert.ok(Number.isInteger(e.number) && e.number >= 1000 && e.number <= 99999, `${e.number}`);
    assert.ok(e.meaning.length > 10 && e.meaning.endsWith('.'), `${e.number}: meaning`);
    assert.match(e.source, /https:\/\/learn\.microsoft\.com\/windows\/win32\/msi\/windows-installer-error-messages/, `${e.number}: source`);
  }
  for (const n of [1722, 1935, 1925, 1603]) assert.ok(describeMsiMessage(n), `${n} listed`);
  // msiexec exit codes, not messages in Microsoft's message list.
  for (const n of [1618, 1620, 1624]) assert.equal(describeMsiMessage(n), undefined, `${n} is an exit code`);
  // Message 1603 is a file in use, not ERROR_INSTALL_FAILURE.
  assert.match(describeMsiMessage(1603)!.meaning, /held open/);
});

test('only the lines the parser reads as MSI\'s own messages get the hover: its level word and number', () => {
  const t = fromText('install.log', BANNER +
    'MSI (s) (7C:2C) [13:45:10:123]: Error 1722. a timed line is not a bare message\n' +
    'Error 1722 without a dot\n' +
    'Error: 1722.\n' +
    'error 1722.\n' +
    'Error 1234567.\n' +
    'Warning 1946.Property\n');
  const hovers = (needle: string) => hoverAt(t, needle) ?? '';
  for (const no of ['MSI (s) (7C:2C) [13:45:10:123]: Error 1722', 'Error 1722 without', 'Error: 1722', 'error 1722', 'Error 1234567']) {
    assert.doesNotMatch(hovers(no), /Windows Installer message/, no);
  }
  assert.doesNotMatch(hoverAt(t, 'Error 1722. a timed', 2) ?? '', /Windows Installer message/, 'the message of a timed line');
  assert.match(hovers('Warning 1946'), /\*\*Windows Installer message 1946\*\* \(warning\)/);
});

test('hover on an MSI log\'s `Error 1722.` line: Windows Installer message 1722, not the Win32 code', () => {
  const t: LogInput = { key: 'MSI3c2d1.LOG', name: 'MSI3c2d1.LOG', log: LogFile.fromBytes(readFileSync(path.join(ROOT, 'test/fixtures/rules/signatures/msi/MSI3c2d1.LOG'))) };
  const md = hoverAt(t, 'Error 1722.', 8)!;
  assert.ok(md, 'a hover');
  assert.match(md, /\*\*Windows Installer message 1722\*\* \(error\): A program run by the package as a custom action ended with a failure/);
  assert.match(md, /not a Win32 error code/);
  assert.match(md, /Source: Microsoft Learn, "Windows Installer Error Messages"/);
  assert.doesNotMatch(md, /RPC_S_SERVER_UNAVAILABLE|RPC server/i);
});

test('hover on other MSI message lines: warnings, DEBUG lines, numbers no source describes', () => {
  const t = fromText('install.log', BANNER +
    'MSI (s) (7C:2C) [13:45:10:123]: Doing action: CA_Run\n' +
    'Warning 1946.Property \'System.AppUserModel.ID\' for shortcut \'x.lnk\' could not be set.\n' +
    'DEBUG: Error 2826:  Control Line1 on dialog X extends beyond the boundaries\n' +
    'Error 1999. [link](command:x) <b>y</b>\n' +
    'MSI (s) (7C:2C) [13:45:11:000]: Product: X -- Error 1722. in the middle\n');
  assert.match(hoverAt(t, 'Warning 1946')!, /\*\*Windows Installer message 1946\*\* \(warning\): A property of a shortcut/);
  assert.match(hoverAt(t, 'DEBUG: Error 2826')!, /\*\*Windows Installer message 2826\*\* \(debug error\): A control of a dialog/);
  const unknown = hoverAt(t, 'Error 1999')!;
  assert.match(unknown, /\*\*Windows Installer message 1999\*\* \(error\)\n\nMeaning \*\*unknown\*\*/);
  assert.doesNotMatch(unknown, /command:|<b>|\[link\]/, 'nothing of the line\'s text is copied into the hover');
  // A timed line that reports a message: the event log's `Product: name -- Error N.` form.
  assert.match(hoverAt(t, 'Product: X')!, /\*\*Windows Installer message 1722\*\* \(error\): A program run by the package as a custom action/);
});

test('timed MSI lines that report a message: `Product: name -- Error N.` and `Note: 1: N 2: ...`; not a number elsewhere in the message', () => {
  const t = fromText('install.log', BANNER +
    'MSI (s) (7C:2C) [13:45:11:000]: Product: Contoso -- Agent [x](command:y) -- Error 1935. An error occurred\n' +
    'MSI (s) (7C:2C) [13:45:12:000]: Note: 1: 2205 2:  3: Error\n' +
    'MSI (s) (7C:2C) [13:45:13:000]: Doing action: X -- Error 1722. not a report\n' +
    'MSI (s) (7C:2C) [13:45:14:000]: Note: 2: 2205\n' +
    'MSI (s) (7C:2C) [13:45:15:000]: Note: 1: 1708 \n');
  assert.match(hoverAt(t, 'Product: Contoso')!, /\*\*Windows Installer message 1935\*\* \(error\)/);
  assert.doesNotMatch(hoverAt(t, 'Product: Contoso')!, /command:|\[x\]/, 'only the number is taken from the line');
  assert.match(hoverAt(t, 'Note: 1: 2205')!, /\*\*Windows Installer message 2205\*\* \(note\)/);
  assert.match(hoverAt(t, 'Note: 1: 2205')!, /on its own it is no failure/, 'a note is said to be routine');
  assert.doesNotMatch(hoverAt(t, 'Product: Contoso')!, /no failure/);
  assert.doesNotMatch(hoverAt(t, 'Note: 1: 1708')!, /no failure/, 'the note that the installation failed is one');
  assert.doesNotMatch(hoverAt(t, 'Doing action: X') ?? '', /Windows Installer message/);
  assert.doesNotMatch(hoverAt(t, 'Note: 2: 2205') ?? '', /Windows Installer message/);
});

test('`Error 1722.` in a CMTrace or plain log gets no Windows Installer explanation', () => {
  const cm = fromText('AppEnforce.log', '<![LOG[Error 1722. Something else]LOG]!><time="10:00:00.000+000" date="01-01-2020" component="c" context="" type="3" thread="1" file="">\n');
  assert.equal(cm.log.formatOf(0).id, 'ccm');
  assert.doesNotMatch(hoverAt(cm, 'Error 1722', 2) ?? '', /Windows Installer message/);
  const legacy = fromText('x.log', 'Error 1722. Something else $$<comp><01-01-2020 10:00:00.000+000><thread=1 (0x1)>\n');
  assert.notEqual(legacy.log.formatOf(0).id, 'msi');
  assert.doesNotMatch(hoverAt(legacy, 'Error 1722', 2) ?? '', /Windows Installer message/);
});

test('the msi-action-failed remedy sends the admin to the hover for an `Error NNNN.` line, and repeats no meaning the table holds', () => {
  const rule = SIGNATURES.find((s) => s.id === 'msi-action-failed')!;
  assert.match(rule.remedy!, /`Error NNNN\.` line is a Windows Installer message number \(its own list, not a Win32 code\): hover it to see what the number means/);
  // The meanings live in one place, the table: the remedy repeats none of them.
  for (const e of MSI_MESSAGES) assert.ok(!rule.remedy!.includes(`${e.number}:`), `${e.number} explained in the remedy`);
});
