// The table's Time cell of an MSI log: its lines write a time of day (or none), the banner the
// date; the cell shows each record's wall clock (date and time), so the date and a midnight
// crossed can be seen, and marks the bare lines whose time is the line above's. CMTrace rows as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LogFile } from '../../server/src/logFile';
import { TableView, type TableLogSource } from '../../server/src/table/view';
import { copyRows } from '../../server/src/table/text';

const FIXTURE = path.resolve(__dirname, '../fixtures/formats/MSI3a4b1.log');
const source = (key: string, log: LogFile): TableLogSource => ({ key, name: key.split('/').pop()!, log: () => log, reading: () => false });
const cells = (v: TableView) => v.page(0, 1000, undefined, () => 0).items.map((r) => [r.time, r.message.slice(0, 24)]);

const MSI = [
  '=== Verbose logging started: 1/17/2023  23:58:50  Build type: SHIP UNICODE 5.00.10011.00  Calling process: C:\\Windows\\system32\\msiexec.exe ===',
  'MSI (c) (E4:AC) [23:58:50:100]: Resetting cached policy values',
  'Action start 23:59:58: InstallFiles.',
  'MSI (s) (7C:2C) [00:00:02:000]: Custom action returned a failure:',
  'Error 1722. There is a problem with this Windows Installer package.',
  'Action ended 0:00:03: InstallFiles. Return value 3.',
  'Property(S): ProductName = Contoso App',
  '',
].join('\r\n');

test('MSI rows show their wall clock, the date carried over midnight; bare lines are marked as the line above\'s time', () => {
  const v = new TableView([source('file:///pc1/MSI.log', LogFile.fromText(MSI))]);
  assert.deepEqual(cells(v), [
    ['2023-01-17 23:58:50', '=== Verbose logging star'],
    ['2023-01-17 23:58:50.100', 'Resetting cached policy '],
    ['2023-01-17 23:59:58', 'Action start 23:59:58: I'],
    // A line that writes milliseconds shows them, zeros too; an action line writes none.
    ['2023-01-18 00:00:02.000', 'Custom action returned a'],
    ['2023-01-18 00:00:02 (same)', 'Error 1722. There is a p'],
    ['2023-01-18 00:00:03', 'Action ended 0:00:03: In'],
    ['2023-01-18 00:00:03 (same)', 'ProductName = Contoso Ap'],
  ]);
  // A copy writes the cell as shown.
  assert.equal(copyRows(v, [{ start: 4, end: 5 }], 'tsv', undefined, { columns: ['time'] }).text, '2023-01-18 00:00:02 (same)\n');
});

test('the UTF-16 fixture: the midnight crossing is in the Time column of a merge with a CMTrace log, whose rows stay as written', () => {
  const msi = LogFile.fromBytes(readFileSync(FIXTURE), { defaultOffset: 0 });
  const ccm = LogFile.fromText('<![LOG[Agent]LOG]!><time="23:59:59.500+000" date="01-17-2023" component="CcmExec" context="" type="1" thread="7" file="">\r\n');
  const v = new TableView([source('file:///pc1/MSI3a4b1.log', msi), source('file:///pc1/CcmExec.log', ccm)]);
  const rows = v.page(0, 1000, undefined, () => 0).items;
  const times = rows.map((r) => r.time);
  assert.ok(times.every((t) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{3})?( \(same\))?$|^01-17-2023 23:59:59\.500\+000$/.test(t)), times.join('\n'));
  const agent = rows.find((r) => r.message === 'Agent')!;
  assert.equal(agent.time, '01-17-2023 23:59:59.500+000');
  assert.ok(times.some((t) => t.startsWith('2023-01-17 ')) && times.some((t) => t.startsWith('2023-01-18 ')), times.join('\n'));
  assert.ok(times.includes('2023-01-18 00:00:02 (same)'), 'Error 1722 takes the time of the line above');
});

test('an MSI line before any date (no banner read) keeps its written clock: no date is made up', () => {
  const v = new TableView([source('file:///pc1/part.log', LogFile.fromText('MSI (s) (7C:2C) [10:20:02:000]: Note: 1: 1708 \r\n'))]);
  assert.deepEqual(cells(v), [['[10:20:02:000]', 'Note: 1: 1708 ']]);
});
