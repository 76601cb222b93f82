// An MSI line mixed into another log (a CMTrace agent log) has no banner, so no date of its own:
// it takes the date of the record before it, and a merge places it among the rows of its time
// (it sorted last, after every dated row, as a row of unknown time). A plain MSI log is unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LogFile } from '../../server/src/logFile';
import { TableView, type TableLogSource } from '../../server/src/table/view';
import { assertSameAsWhole } from '../support/model';

const wall = (y: number, mo: number, d: number, h: number, mi: number, s: number, ms = 0) => Date.UTC(y, mo - 1, d, h, mi, s, ms);
const ccm = (msg: string, time: string, date = '02-23-2020') =>
  `<![LOG[${msg}]LOG]!><time="${time}+300" date="${date}" component="CcmExec" context="" type="1" thread="3104" file="">\r\n`;
const source = (key: string, log: LogFile): TableLogSource => ({ key, name: key.split('/').pop()!, log: () => log, reading: () => false });

const MIXED = ccm('Service initialization started.', '10:19:51.120') +
  ccm('Failed to start service', '10:20:02.500') +
  'MSI (s) (7C:2C) [10:20:02:000]: Note: 1: 1708 \r\n' +
  'Error 1722. There is a problem with this Windows Installer package.\r\n' +
  ccm('Evaluation completed.', '10:21:10.000');

test('an MSI line in a CMTrace log takes the date of the record before it (its bare lines too)', () => {
  const log = LogFile.fromText(MIXED);
  assert.equal(log.entryCount, 5);
  assert.equal(log.component(2), 'MSI (s)');
  assert.equal(log.table.wall[2], wall(2020, 2, 23, 10, 20, 2));
  assert.equal(log.table.wall[3], wall(2020, 2, 23, 10, 20, 2), 'Error 1722 takes the time of the line above');
  // Appended in pieces, the same model.
  const pieces = LogFile.fromText('');
  for (let p = 0; p < MIXED.length; p += 13) pieces.appendText(MIXED.slice(p, p + 13));
  assertSameAsWhole(pieces, log);
});

test('the day nearest the record before: an MSI line just after midnight follows a record just before it', () => {
  const log = LogFile.fromText(ccm('late', '23:59:59.000') + 'MSI (s) (7C:2C) [00:00:01:000]: Note: 1: 1708 \r\n' +
    ccm('early', '00:00:00.100', '02-24-2020') + 'MSI (s) (7C:2C) [23:59:59:900]: written late\r\n');
  assert.equal(log.table.wall[1], wall(2020, 2, 24, 0, 0, 1));
  assert.equal(log.table.wall[3], wall(2020, 2, 23, 23, 59, 59, 900));
});

test('in a merge the mixed-in MSI line sits at its time, not after every dated row', () => {
  // The folder's offset (UTC-05:00: bias +300) places the records that write none.
  const mixed = LogFile.fromText(MIXED, { defaultOffset: 300 });
  const other = LogFile.fromText(ccm('other log', '10:20:30.000'));
  const v = new TableView([source('file:///pc1/MixedAgent.log', mixed), source('file:///pc1/CcmExec.log', other)]);
  const rows = v.page(0, 100, undefined, () => 0).items;
  assert.deepEqual(rows.map((r) => r.message.slice(0, 20)), [
    'Service initializati', 'Note: 1: 1708 ', 'Error 1722. There is', 'Failed to start serv', 'other log', 'Evaluation completed',
  ]);
  assert.equal(rows[1].time, '2020-02-23 10:20:02.000');
  assert.equal(rows[1].utc, wall(2020, 2, 23, 15, 20, 2));
});

test('a plain MSI log is dated by its banner alone: lines before it (no record before them) stay undated', () => {
  const text = 'MSI (c) (E4:AC) [07:30:00:000]: before the banner\r\n' +
    '=== Verbose logging started: 1/17/2023  7:33:22  Build type: SHIP UNICODE 5.00.10011.00  Calling process: C:\\Windows\\system32\\msiexec.exe ===\r\n' +
    'MSI (c) (E4:AC) [07:33:23:000]: after\r\n';
  const log = LogFile.fromText(text);
  assert.ok(Number.isNaN(log.table.wall[0]));
  assert.deepEqual([log.table.wall[1], log.table.wall[2]], [wall(2023, 1, 17, 7, 33, 22), wall(2023, 1, 17, 7, 33, 23)]);
  // The UTF-16 fixture: every record dated by its banner, across midnight.
  const fixture = LogFile.fromBytes(readFileSync(path.resolve(__dirname, '../fixtures/formats/MSI3a4b1.log')));
  const walls = Array.from(fixture.table.wall.subarray(0, fixture.entryCount));
  assert.ok(walls.every((w) => w >= wall(2023, 1, 17, 0, 0, 0) && w < wall(2023, 1, 19, 0, 0, 0)), walls.join());
});
