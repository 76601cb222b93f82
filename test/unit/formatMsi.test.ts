// MSI verbose logs (issue #17): the banner's date with each line's time, midnight crossings, the
// MSI severity words, process and thread, continuation lines, UTF-16LE, appending in pieces, detection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LogFile } from '../../server/src/logFile';
import { Severity } from '../../server/src/model';
import { asText, decode } from '../../server/src/parse/decode';
import { detectFormat } from '../../server/src/parse/detect';
import { lineFormats, recognisedFormats } from '../../server/src/parse/formats';
import { assertCoverage, assertSameAsWhole } from '../support/model';
import { codeUnits } from '../../server/src/parse/decode';

const FIXTURE = path.resolve(__dirname, '../fixtures/formats/MSI3a4b1.log');
const wall = (y: number, mo: number, d: number, h: number, mi: number, s: number, ms = 0) => Date.UTC(y, mo - 1, d, h, mi, s, ms);
const BANNER = '=== Verbose logging started: 1/17/2023  7:33:22  Build type: SHIP UNICODE 5.00.10011.00  Calling process: C:\\Windows\\system32\\msiexec.exe ===\r\n';

function assertPiecesEqualWhole(text: string): void {
  const whole = LogFile.fromText(text);
  for (const step of [1, 7, 64]) {
    const pieces = LogFile.fromText('');
    for (let p = 0; p < text.length; p += step) pieces.appendText(text.slice(p, p + step));
    assertSameAsWhole(pieces, whole);
  }
}

test('MSI fixture (UTF-16LE, BOM, CRLF): entries, severity words, process and thread, midnight crossing', () => {
  const bytes = readFileSync(FIXTURE);
  assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe], 'the fixture is UTF-16LE with a BOM');
  const log = LogFile.fromBytes(bytes);
  assertCoverage(log);
  assert.equal(log.format, 'msi');
  assert.equal(log.spans.count, 0);
  const rows = Array.from({ length: log.entryCount }, (_, i) => [log.entry(i).severity, log.component(i), log.entry(i).thread]);
  assert.deepEqual(rows, [
    [Severity.Information, '', ''], // banner
    [Severity.Information, 'MSI (c)', 'E4:AC'],
    [Severity.Information, 'MSI (c)', 'E4:AC'],
    [Severity.Information, 'Action', ''], // Action start
    [Severity.Information, 'MSI (s)', '7C:2C'], // Note: 1: 2205 ... 3: Error is an internal note, not an error
    [Severity.Information, 'MSI (s)', '7C:2C'],
    [Severity.Information, 'MSI (s)', '7C!2C'], // Custom action returned a failure:
    [Severity.Error, '', ''], // Error 1722. written bare: its own record
    [Severity.Error, 'Action', ''], // Return value 3
    [Severity.Error, 'MSI (s)', '7C:2C'], // Note: 1: 1708
    [Severity.Error, 'MSI (s)', '7C:2C'], // Installation failed (keywords)
    [Severity.Warning, 'Action', ''], // Return value 2
    [Severity.Information, 'Property(S)', ''],
    [Severity.Information, 'Property(S)', ''],
    [Severity.Error, 'MSI (s)', '7C:2C'], // MainEngineThread is returning 1603
    [Severity.Information, '', ''],
  ]);
  assert.equal(log.message(6), 'Custom action returned a failure:');
  assert.equal(log.message(7), 'Error 1722. There is a problem with this Windows Installer package.');
  assert.equal(log.entry(7).line, 7, 'the error MSI writes bare is a record of its own');
  assert.equal(log.message(3), 'Action start 23:59:58: InstallFiles.');
  assert.equal(log.message(8), 'Action ended 0:00:03: InstallFiles. Return value 3.');
  const walls = Array.from({ length: log.entryCount }, (_, i) => log.entry(i).wall);
  assert.deepEqual(walls, [
    wall(2023, 1, 17, 23, 58, 50), wall(2023, 1, 17, 23, 58, 50, 100), wall(2023, 1, 17, 23, 58, 50, 110), wall(2023, 1, 17, 23, 59, 58),
    wall(2023, 1, 17, 23, 59, 59, 900), wall(2023, 1, 18, 0, 0, 1, 5), wall(2023, 1, 18, 0, 0, 2),
    // The bare Error line has no time: the last line's.
    wall(2023, 1, 18, 0, 0, 2), wall(2023, 1, 18, 0, 0, 3),
    wall(2023, 1, 18, 0, 0, 3, 500), wall(2023, 1, 18, 0, 0, 3, 510), wall(2023, 1, 18, 0, 0, 4),
    // Property lines have no time: the last line's.
    wall(2023, 1, 18, 0, 0, 4), wall(2023, 1, 18, 0, 0, 4),
    wall(2023, 1, 18, 0, 0, 5), wall(2023, 1, 18, 0, 0, 5),
  ]);
  assert.equal(log.entry(1).utc, null, 'local time, offset unknown');
  const p = log.parts(1);
  assert.equal(log.text(p.time![0], p.time![1]), '[23:58:50:100]');
  assert.equal(log.text(p.component![0], p.component![1]), 'MSI (c)');
  assert.equal(log.text(p.thread![0], p.thread![1]), 'E4:AC');
  const a = log.parts(8);
  assert.equal(log.text(a.time![0], a.time![1]), '0:00:03', 'the Action line\'s clock, though its message is the whole line');
  assert.equal(log.text(a.component![0], a.component![1]), 'Action');
  assert.equal(log.text(log.parts(0).time![0], log.parts(0).time![1]), '1/17/2023  23:58:50');
  assertPiecesEqualWhole(log.text());
});

test('MSI: the date comes from the banner; a line written slightly out of order stays on its day; no banner, no date', () => {
  const text = BANNER + 'MSI (c) (E4:AC) [07:33:22:500]: a\r\nMSI (s) (7C:2C) [07:33:21:900]: server line written a little earlier\r\nAction 7:33:23: next.\r\n';
  const log = LogFile.fromText(text);
  assert.deepEqual(Array.from({ length: log.entryCount }, (_, i) => log.entry(i).wall), [
    wall(2023, 1, 17, 7, 33, 22), wall(2023, 1, 17, 7, 33, 22, 500), wall(2023, 1, 17, 7, 33, 21, 900), wall(2023, 1, 17, 7, 33, 23),
  ]);
  // A banner later in the file (a log appended to by a second install) sets the date again.
  const two = LogFile.fromText(text + '=== Verbose logging started: 17/02/2023  9:00:00  Build type: SHIP ===\r\nAction start 9:00:01: X.\r\n');
  assert.equal(two.entry(5).wall, wall(2023, 2, 17, 9, 0, 1), 'a day above 12 is read day first');
  const orphan = LogFile.fromText('MSI (s) (7C:2C) [13:45:10:123]: no banner before\r\n');
  assert.equal(orphan.entryCount, 1);
  assert.equal(orphan.entry(0).wall, null, 'the time of day alone is no wall clock');
  assertPiecesEqualWhole(text + 'MSI (s) (7C:2C) [00:00:01:000]: after midnight\r\n');
});

test('MSI: the banner\'s date is carried through appends (per-file state), across a midnight', () => {
  const text = BANNER.replace('7:33:22', '23:59:59') + 'MSI (s) (7C:2C) [23:59:59:999]: before\r\ncontinued\r\nMSI (s) (7C:2C) [00:00:00:001]: after\r\n';
  const log = LogFile.fromText('');
  for (let p = 0; p < text.length; p += 3) log.appendText(text.slice(p, p + 3));
  assert.deepEqual(Array.from({ length: log.entryCount }, (_, i) => log.entry(i).wall), [wall(2023, 1, 17, 23, 59, 59), wall(2023, 1, 17, 23, 59, 59, 999), wall(2023, 1, 18, 0, 0, 0, 1)]);
  assert.equal(log.message(1), 'before\r\ncontinued');
});

test('MSI detection: the fixture is MSI only; an MSI line inside a CMTrace log is an MSI record there, not the file\'s format', () => {
  // (An ASCII UTF-16 file decodes to its bytes: the recognisers are asked about text.)
  const t = asText(decode(readFileSync(FIXTURE)).text);
  assert.equal(detectFormat(t), 'msi');
  assert.deepEqual(recognisedFormats(t).map((f) => f.id), ['msi']);
  const ccm = '<![LOG[x]LOG]!><time="10:23:54.123+420" date="09-14-2014" component="A" context="" type="1" thread="1" file="">\n';
  assert.equal(detectFormat(ccm + ccm), 'ccm');
  assert.deepEqual(recognisedFormats(ccm).map((f) => f.id), ['ccm']);
  // Lines that only look alike are not claimed.
  for (const line of ['MSI (s) [13:45:10:123]: x', 'Action start soon: x', 'Property: x = y', '=== Logging started ===', 'MSI (s) (7C:2C) [13:45:10.123]: x']) {
    assert.deepEqual(recognisedFormats(line + '\n').map((f) => f.id), [], line);
  }
});

/** Each record's severity and message. */
const severities = (log: LogFile) => Array.from({ length: log.entryCount }, (_, i) => [log.entry(i).severity, log.message(i)]);

test('MSI: the messages MSI writes bare (Error, Warning, Info, DEBUG: Error) are records of their own, with the last time read', () => {
  const text = BANNER + 'MSI (s) (7C:2C) [07:33:30:000]: Note: 1: 1722 2: CA_Run 3: C:\\x.exe\r\n'
    + 'Error 1722. There is a problem with this Windows Installer package.\r\n  Action CA_Run, location: C:\\x.exe, command: /q\r\n'
    + "Warning 1946. Property 'System.AppUserModel.ID' for shortcut 'App.lnk' could not be set.\r\n"
    + 'Info 2898.For MS Sans Serif textstyle, the system created a \'Tahoma\' font.\r\n'
    + 'DEBUG: Error 2826:  Control Line1 on dialog X extends beyond the boundaries of the dialog\r\n';
  const log = LogFile.fromText(text);
  assertCoverage(log);
  assert.equal(log.spans.count, 0);
  const rows = severities(log);
  assert.deepEqual(rows.slice(1), [
    [Severity.Information, 'Note: 1: 1722 2: CA_Run 3: C:\\x.exe'],
    [Severity.Error, 'Error 1722. There is a problem with this Windows Installer package.\r\n  Action CA_Run, location: C:\\x.exe, command: /q'],
    [Severity.Warning, "Warning 1946. Property 'System.AppUserModel.ID' for shortcut 'App.lnk' could not be set."],
    [Severity.Information, "Info 2898.For MS Sans Serif textstyle, the system created a 'Tahoma' font."],
    // An internal error (for the package's author, like a Note's number): information, not an error.
    [Severity.Information, 'DEBUG: Error 2826:  Control Line1 on dialog X extends beyond the boundaries of the dialog'],
  ]);
  for (let i = 2; i < log.entryCount; i++) assert.equal(log.entry(i).wall, wall(2023, 1, 17, 7, 33, 30), `entry ${i}: the last line's time`);
  // Their level word is the record's type, as the table's detail and `entry().type` read it again.
  assert.deepEqual([2, 3, 4, 5].map((i) => log.text(...log.parts(i).type!)), ['Error', 'Warning', 'Info', 'Error']);
  // A timed line without a banner says the file is MSI's too (the time of day alone gives no wall clock).
  const noBanner = LogFile.fromText('MSI (s) (7C:2C) [13:45:10:123]: x\r\nError 1722. y\r\n');
  assert.deepEqual(Array.from({ length: noBanner.entryCount }, (_, i) => [noBanner.entry(i).severity, noBanner.entry(i).wall]), [[Severity.Information, null], [Severity.Error, null]]);
  assertPiecesEqualWhole(text);
});

test('MSI: a bare Error line is claimed only in an MSI log, and only in MSI\'s shape; no other line format reads it', () => {
  for (const t of ['Error 5. Access is denied.\r\n', 'Some text\r\nError 1722. There is a problem\r\n']) {
    const plain = LogFile.fromText(t);
    assert.equal(plain.format, 'plain', t);
    assert.equal(plain.entryCount, 0, t);
    assert.deepEqual(recognisedFormats(t).map((f) => f.id), [], t);
  }
  const head = BANNER + 'Action start 7:33:23: X.\r\n';
  for (const line of ['Error: 1722. x', 'Errors 1722. x', 'Error 1722 x', 'Error 123456. x', 'Warning 1946: x', 'DEBUG: Error 2826. x', 'DEBUG: Warning 2826: x', 'Error x. y']) {
    const log = LogFile.fromText(head + line + '\r\n');
    assert.equal(log.entryCount, 2, line);
    assert.equal(log.message(1), 'Action start 7:33:23: X.\r\n' + line, `${line}: continues the record above`);
  }
  const codes = codeUnits('Error 1722. x');
  const out = { msgStart: 0, msgEnd: 0, wall: NaN, offset: 0, severity: -1, compStart: 0, compEnd: 0, threadStart: 0, threadEnd: 0, clockStart: 0, clockEnd: 0, levelStart: 0, levelEnd: 0 };
  const msiState = Float64Array.of(NaN, 1000);
  const by = lineFormats().filter((f) => f.readLine!(codes, 0, codes.length, out, f.id === 'msi' ? msiState : f.newState?.())).map((f) => f.id);
  assert.deepEqual(by, ['msi']);
});

test('MSI: Action lines keep their words (start and end told apart) under the component Action; MSI lines group under MSI (s) / MSI (c)', () => {
  const text = BANNER + 'Action start 7:33:23: InstallFiles.\r\nMSI (c) (E4:AC) [07:33:24:000]: x\r\nAction ended 7:33:25: InstallFiles. Return value 1.\r\nAction 7:33:26: Rollback.\r\n';
  const log = LogFile.fromText(text);
  const rows = Array.from({ length: log.entryCount }, (_, i) => [log.component(i), log.message(i)]);
  assert.deepEqual(rows.slice(1), [
    ['Action', 'Action start 7:33:23: InstallFiles.'],
    ['MSI (c)', 'x'],
    ['Action', 'Action ended 7:33:25: InstallFiles. Return value 1.'],
    ['Action', 'Action 7:33:26: Rollback.'],
  ]);
  const p = log.parts(3);
  assert.equal(log.text(p.time![0], p.time![1]), '7:33:25');
  assert.equal(log.text(p.component![0], p.component![1]), 'Action');
  assert.equal(log.entry(3).wall, wall(2023, 1, 17, 7, 33, 25));
});

// MSI's own signals judge its records, not the severity keywords (a tour of the real editor found
// every successful install, and most property changes, shown as errors).

test('MSI: the installation status and the engine\'s return code judge their line: 0 (and 3010, 1641) success, 1602 a cancel, others failures', () => {
  const status = (n: string) => `MSI (s) (7C:2C) [07:33:40:000]: Windows Installer installed the product. Product Name: Contoso. Product Version: 1.0. Product Language: 1033. Manufacturer: Contoso. Installation success or error status: ${n}.\r\n`;
  const engine = (n: string) => `MSI (c) (E4:AC) [07:33:41:000]: MainEngineThread is returning ${n}\r\n`;
  const cases: [string, number][] = [['0', Severity.Information], ['3010', Severity.Information], ['1641', Severity.Information], ['1602', Severity.Warning], ['1603', Severity.Error], ['1618', Severity.Error]];
  for (const [n, sev] of cases) {
    const log = LogFile.fromText(BANNER + status(n) + engine(n) + 'MSI (s) (7C:2C) [07:33:42:000]: Removal success or error status: ' + n + '.\r\n');
    assertCoverage(log);
    assert.deepEqual([1, 2, 3].map((i) => log.entry(i).severity), [sev, sev, sev], `status ${n}`);
  }
});

test('MSI: property changes and property dumps are information, whatever words their names and values hold', () => {
  const text = BANNER
    + "MSI (s) (7C:2C) [07:33:24:000]: PROPERTY CHANGE: Adding ERRORDIALOG property. Its value is 'ErrorDialog'.\r\n"
    + "MSI (c) (E4:AC) [07:33:24:100]: PROPERTY CHANGE: Modifying FAILIFNOTFOUND property. Its current value is '0'. Its new value: '1'.\r\n"
    + 'Property(S): ErrorDialog = ErrorDlg\r\n'
    + 'Property(S): LastFailure = install failed: fatal exception, warning\r\n'
    + 'Action start 7:33:25: ShowErrorDialog.\r\n'
    + 'Action ended 7:33:26: ShowErrorDialog. Return value 1.\r\n';
  const log = LogFile.fromText(text);
  assertCoverage(log);
  assert.deepEqual(severities(log).slice(1).map(([s]) => s), [1, 1, 1, 1, 1, 1].map(() => Severity.Information));
});

test('MSI: a custom action\'s returned error code is a record of its own; what continues an action does not make it an error', () => {
  const text = BANNER
    + 'Action start 20:49:41: CA_Register.\r\n'
    + 'CustomAction CA_Register returned actual error code 1603 (note this may not be 100% accurate if translation happened inside sandbox)\r\n'
    + 'Action ended 20:49:42: CA_Register. Return value 3.\r\n'
    + 'Action start 20:49:43: CA_Cancel.\r\n'
    + 'CustomAction CA_Cancel returned actual error code 1602 (note this may not be 100% accurate if translation happened inside sandbox)\r\n'
    + 'MSI (s) (7C:2C) [20:49:44:000]: Invoking remote custom action. DLL: C:\\Windows\\Installer\\MSI1.tmp, Entrypoint: CAQuietExec\r\n'
    + 'CAQuietExec:  Error 0x80070001: Command line returned an error.\r\n'
    + 'CAQuietExec:  Error 0x80070001: QuietExec Failed\r\n';
  const log = LogFile.fromText(text);
  assertCoverage(log);
  assert.equal(log.spans.count, 0);
  assert.deepEqual(severities(log).slice(1), [
    [Severity.Information, 'Action start 20:49:41: CA_Register.'],
    [Severity.Error, 'CustomAction CA_Register returned actual error code 1603 (note this may not be 100% accurate if translation happened inside sandbox)'],
    [Severity.Error, 'Action ended 20:49:42: CA_Register. Return value 3.'],
    [Severity.Information, 'Action start 20:49:43: CA_Cancel.'],
    [Severity.Warning, 'CustomAction CA_Cancel returned actual error code 1602 (note this may not be 100% accurate if translation happened inside sandbox)'],
    // A custom action's own output continues the line before it; MSI's verdict on the action is
    // the CustomAction and Return value lines, not the words the action wrote.
    [Severity.Information, 'Invoking remote custom action. DLL: C:\\Windows\\Installer\\MSI1.tmp, Entrypoint: CAQuietExec\r\nCAQuietExec:  Error 0x80070001: Command line returned an error.\r\nCAQuietExec:  Error 0x80070001: QuietExec Failed'],
  ]);
  assert.equal(log.entry(2).wall, wall(2023, 1, 17, 20, 49, 41), 'the CustomAction line has no time: the last line\'s');
  assert.equal(log.component(2), 'CustomAction');
  // Outside an MSI log the shape is not claimed.
  assert.equal(LogFile.fromText('CustomAction X returned actual error code 1603\r\n').entryCount, 0);
  assertPiecesEqualWhole(text);
});

test('MSI: a timed line no MSI signal judges is judged by its own words (Product: X -- Installation failed.)', () => {
  const log = LogFile.fromText(BANNER + 'MSI (s) (7C:2C) [07:33:30:000]: Product: Contoso -- Installation failed.\r\nMSI (s) (7C:2C) [07:33:31:000]: Product: Contoso -- Error 1722. There is a problem with this Windows Installer package.\r\n');
  assert.deepEqual([1, 2].map((i) => log.entry(i).severity), [Severity.Error, Severity.Error]);
});
