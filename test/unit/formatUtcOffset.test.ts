// PSADT v3 and scripts copied from it write CMTrace records with a .NET UTC offset (issue #17):
// where the writer says who it is (its component, `+-240`, an offset glued to the fraction), its
// offsets are read as UTC offsets whatever `offsetConvention` says; elsewhere the setting rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import { EntryFlag } from '../../server/src/model';
import { fileInfo } from '../../server/src/features/fileInfo';
import { EntryTable } from '../../server/src/parse/entryTable';

const rec = (time: string, component: string, msg = 'm') =>
  `<![LOG[${msg}]LOG]!><time="${time}" date="01-15-2024" component="${component}" context="" type="1" thread="1" file="">\n`;
const utc = (log: LogFile, i = 0) => new Date(log.utc(i)).toISOString();

test('PSADT v3 (component Deploy-Application): -300 is US Eastern (UTC-5), its functions\' records too', () => {
  const text = rec('10:00:00.000-300', 'Deploy-Application', '[Initialization] :: *****') + rec('10:00:01.000-300', 'Execute-MSI');
  for (const offsetConvention of ['bias', 'utc-offset'] as const) {
    const log = LogFile.fromText(text, { offsetConvention });
    assert.equal(utc(log, 0), '2024-01-15T15:00:00.000Z', offsetConvention);
    assert.equal(utc(log, 1), '2024-01-15T15:00:01.000Z', offsetConvention);
    assert.equal(log.offsetConvention, 'utc-offset');
  }
  // Appended after a ConfigMgr-looking start, the writer is found when it appears.
  const log = LogFile.fromText(rec('10:00:00.000-300', 'Execute-MSI'));
  assert.equal(utc(log), '2024-01-15T05:00:00.000Z', 'no writer said who it is yet: the bias setting (-300 is UTC+5)');
  log.appendText(rec('10:00:01.000-300', 'PSAppDeployToolkit'));
  assert.equal(utc(log), '2024-01-15T15:00:00.000Z');
});

test('an excerpt of PSADT\'s log (only Execute-MSI records) is the toolkit\'s by its file name; under another name the setting rules', () => {
  const excerpt = rec('10:00:00.000-300', 'Execute-MSI') + rec('10:00:01.000-300', 'Execute-Process');
  // v3.6 on and v4 (`_<user>` when not run as administrator), earlier v3, a rotated copy, a path.
  for (const fileName of ['Contoso_App_1.0_x64_EN_01_PSAppDeployToolkit_Install.log', 'contoso_app_psappdeploytoolkit_uninstall_jdoe.log',
    'Oracle_JavaRuntime_1.7.0.17_EN_01_PSAppDeployToolkit.log', 'Contoso_App_PSAppDeployToolkit_Install.lo_', 'C:\\Windows\\Logs\\Software\\Contoso_App_PSAppDeployToolkit_Repair.log']) {
    const log = LogFile.fromText(excerpt, { fileName, offsetConvention: 'bias' });
    assert.equal(log.offsetConvention, 'utc-offset', fileName);
    assert.equal(utc(log, 1), '2024-01-15T15:00:01.000Z', fileName);
  }
  for (const fileName of ['excerpt.log', 'Contoso_App_1.0_Install.log', 'PSAppDeployToolkit_notes.log', 'C:\\x_PSAppDeployToolkit_Install\\excerpt.log', null]) {
    assert.equal(utc(LogFile.fromText(excerpt, { fileName, offsetConvention: 'bias' }), 1), '2024-01-15T05:00:01.000Z', `${fileName}: the bias setting`);
    assert.equal(utc(LogFile.fromText(excerpt, { fileName, offsetConvention: 'utc-offset' }), 1), '2024-01-15T15:00:01.000Z', `${fileName}: the utc-offset setting`);
  }
  // New settings, a model moved to another thread: the name still says whose the log is.
  const log = LogFile.fromText(excerpt, { fileName: 'Contoso_PSAppDeployToolkit_Install.log' });
  log.setOptions({ fileName: 'Contoso_PSAppDeployToolkit_Install.log', defaultOffset: 60 });
  assert.equal(log.offsetConvention, 'utc-offset');
  const { data, transfer } = log.toData();
  assert.equal(LogFile.fromData(structuredClone(data, { transfer })).offsetConvention, 'utc-offset');
  // Renamed (settings read for another name): the setting rules again, and the model's UTCs changed.
  const timing = log.timing;
  log.setOptions({ fileName: 'excerpt.log', defaultOffset: 60 });
  assert.equal(log.offsetConvention, 'bias');
  assert.ok(log.timing > timing);
});

test('an offset glued to the fraction (PSADT v3 east of UTC): 3 digits of milliseconds, then a UTC offset', () => {
  const log = LogFile.fromText(rec('10:00:00.12360', 'Install') + rec('10:00:00.000120', 'Install'));
  assert.equal(log.entry(0).wall, Date.UTC(2024, 0, 15, 10, 0, 0, 123), 'the milliseconds are the first 3 digits');
  assert.equal(utc(log, 0), '2024-01-15T09:00:00.123Z', 'UTC+1');
  assert.equal(utc(log, 1), '2024-01-15T08:00:00.000Z', 'UTC+2');
  assert.ok(log.table.flags[0] & EntryFlag.UtcOffset);
  // Seven digits are .NET ticks (IME), three ConfigMgr's milliseconds: no offset.
  const ime = LogFile.fromText(rec('10:00:00.1234567', 'IntuneManagementExtension') + rec('10:00:00.123', 'CcmExec'));
  assert.equal(ime.entry(0).utc, null);
  assert.equal(ime.entry(1).utc, null);
  assert.equal(ime.offsetConvention, 'bias');
});

test('`+-240`: a script\'s negative UTC offset (UTC-4), whatever the setting; a plain ConfigMgr log keeps the setting', () => {
  const log = LogFile.fromText(rec('10:00:00.000+-240', 'MyScript'));
  assert.equal(utc(log), '2024-01-15T14:00:00.000Z');
  const ccm = rec('10:00:00.000+300', 'CcmExec');
  assert.equal(utc(LogFile.fromText(ccm)), '2024-01-15T15:00:00.000Z', 'bias: +300 is UTC-5');
  assert.equal(utc(LogFile.fromText(ccm, { offsetConvention: 'utc-offset' })), '2024-01-15T05:00:00.000Z', 'the setting flips it');
  assert.equal(LogFile.fromText(ccm).offsetConvention, 'bias');
});

test('a record finished by an append is looked at again for a .NET offset (it was read once while open)', () => {
  const full = rec('10:00:00.12360', 'Install');
  const cut = full.indexOf(']LOG]!>') + 3;
  const log = LogFile.fromText(rec('10:00:00.000', 'CcmExec') + full.slice(0, cut));
  assert.equal(log.offsetConvention, 'bias', 'nothing says who wrote it yet');
  log.appendText(full.slice(cut));
  assert.ok(log.table.flags[1] & EntryFlag.UtcOffset, 'the finished record has its glued offset');
  assert.equal(log.offsetConvention, 'utc-offset');
  assert.equal(utc(log, 1), '2024-01-15T09:00:00.123Z');
});

test('a PSADT v3 log with records without offset: the default offset is described and offered in the setting\'s convention, not the log\'s', () => {
  // Written offsets are .NET UTC offsets (the writer says who it is); cmlog.defaultOffset stays a bias.
  const none = '<![LOG[no offset]LOG]!><time="10:00:00.000" date="01-15-2024" component="Execute-MSI" context="" type="1" thread="1" file="">\n';
  const log = LogFile.fromText(rec('10:00:00.000-300', 'Deploy-Application') + none, { offsetConvention: 'bias', defaultOffset: 60 });
  assert.equal(log.offsetConvention, 'utc-offset');
  assert.equal(utc(log, 1), '2024-01-15T11:00:00.000Z', 'placed with bias 60: UTC-01:00');
  const info = fileInfo(log, { offset: 60, byFolder: false });
  assert.match(info.timeZone, /default UTC-01:00/, info.timeZone);
});

test('the entry table keeps its first .NET-offset entry as entries are pushed and truncated, and hands it to another thread', () => {
  const t = new EntryTable(4);
  const push = (flags: number) => t.push(t.count, t.count + 1, t.count, 0, 0, 1, flags, 0, 0, 0, t.count, t.count + 1);
  for (const f of [0, 0, 0, EntryFlag.UtcOffset, 0]) push(f);
  assert.equal(t.firstUtcOffset, 3);
  t.truncate(4);
  assert.equal(t.firstUtcOffset, 3, 'it is still there');
  t.truncate(3);
  assert.equal(t.firstUtcOffset, -1, 'it went');
  // Regrown past where it was, without it, then with one again: the first of those is kept.
  for (const f of [0, 0, 0, EntryFlag.UtcOffset | EntryFlag.NoOffset, EntryFlag.UtcOffset]) push(f);
  assert.equal(t.firstUtcOffset, 6);
  const moved = EntryTable.fromData(structuredClone(t.toData()));
  assert.equal(moved.firstUtcOffset, 6);
  moved.truncate(2);
  assert.equal(moved.firstUtcOffset, -1);
});

test('an append that reads the flagged last record again keeps the log\'s UTC offsets; a model moved between threads keeps them too', () => {
  // With no line break yet, the last record is read again whole by the next append (truncated, pushed again).
  const log = LogFile.fromText(rec('10:00:00.000+000', 'CcmExec') + rec('10:00:00.12360', 'Install').trimEnd());
  assert.equal(log.offsetConvention, 'utc-offset');
  log.appendText('\n' + rec('11:00:00.000+060', 'CcmExec'));
  assert.equal(log.table.firstUtcOffset, 1);
  assert.equal(log.offsetConvention, 'utc-offset');
  assert.equal(utc(log, 2), '2024-01-15T10:00:00.000Z', 'UTC+1, not a bias of 60');
  const { data, transfer } = log.toData();
  const moved = LogFile.fromData(structuredClone(data, { transfer }));
  assert.equal(moved.offsetConvention, 'utc-offset');
  moved.appendText(rec('12:00:00.000+060', 'CcmExec'));
  assert.equal(moved.offsetConvention, 'utc-offset');
  // A ConfigMgr log grown by the same appends keeps the bias setting.
  const plain = LogFile.fromText(rec('10:00:00.000+000', 'CcmExec') + rec('10:00:00.000+060', 'CcmExec').trimEnd());
  plain.appendText('\n' + rec('11:00:00.000+060', 'CcmExec'));
  assert.equal(plain.offsetConvention, 'bias');
  assert.equal(plain.table.firstUtcOffset, -1);
});
