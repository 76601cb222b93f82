// Go to time in the table: a typed time is a wall clock, read in the clock of the reference row's
// log; its day is that log's wall day, not the UTC day (they differ far from UTC).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import { TableView, type TableLogSource } from '../../server/src/table/view';

/** A CMTrace record; `bias` as written (minutes, UTC = wall + bias): -780 is UTC+13:00, +600 is UTC-10:00. */
const cm = (msg: string, date: string, time: string, bias: string, type = 1) =>
  `<![LOG[${msg}]LOG]!><time="${time}${bias}" date="${date}" component="C" context="" type="${type}" thread="1" file="">\r\n`;
const src = (key: string, text: string): TableLogSource => {
  const model = LogFile.fromText(text);
  return { key, name: key, log: () => model, reading: () => false };
};
const H = 3_600_000;

// Wall 2020-01-02 08:00..10:00 at UTC+13: UTC 2020-01-01 19:00..21:00.
const east = () => src('file:///e/East.log', cm('e0', '1-2-2020', '08:00:00.000', '-780') + cm('e1', '1-2-2020', '09:00:00.000', '-780', 3) + cm('e2', '1-2-2020', '10:00:00.000', '-780'));
// Wall 2020-01-01 20:00..22:00 at UTC-10: UTC 2020-01-02 06:00..08:00.
const west = () => src('file:///w/West.log', cm('w0', '1-1-2020', '20:00:00.000', '+600') + cm('w1', '1-1-2020', '21:00:00.000', '+600', 3) + cm('w2', '1-1-2020', '22:00:00.000', '+600'));

test('a time of day takes the day of the reference row as its log writes it, not its UTC day', () => {
  const e = new TableView([east()]);
  assert.equal(e.gotoTime({ timeOfDay: 9 * H, row: 0 }).row, 1);
  assert.equal(e.gotoTime({ timeOfDay: 9 * H + 1, row: 2 }).row, 2);
  const w = new TableView([west()]);
  assert.equal(w.gotoTime({ timeOfDay: 21 * H, row: 0 }).row, 1);
  assert.equal(w.gotoTime({ timeOfDay: 23 * H, row: 0 }).row, null);
  // No reference row (or one out of range): the first row's day.
  assert.equal(w.gotoTime({ timeOfDay: 21 * H }).row, 1);
  assert.equal(w.gotoTime({ timeOfDay: 21 * H, row: 99 }).row, 1);
  assert.equal(w.gotoTime({ timeOfDay: 25 * H, row: 0 }).row, null, 'not a time of day');
});

test('a merge reads the typed clock in the reference row\'s log and finds it in UTC order, filtered too', async () => {
  const v = new TableView([east(), west()]);
  const order = () => v.page(0, 100, undefined, () => 0).items.map((r) => r.message);
  assert.deepEqual(order(), ['e0', 'e1', 'e2', 'w0', 'w1', 'w2']);
  // 21:00 at West (row 4 is w1) is UTC 2020-01-02 07:00: w1.
  assert.equal(v.gotoTime({ timeOfDay: 21 * H, row: 4 }).row, 4);
  // 21:00 at East (row 0) is 2020-01-02 21:00 there, UTC 2020-01-02 08:00: w2.
  assert.equal(v.gotoTime({ timeOfDay: 21 * H, row: 0 }).row, 5);
  // A whole date and time, in East's clock.
  assert.equal(v.gotoTime({ wall: Date.UTC(2020, 0, 2, 9), row: 1 }).row, 1);
  assert.equal(v.gotoTime({ utc: Date.UTC(2020, 0, 2, 6, 30) }).row, 4);
  assert.equal(v.gotoTime({ utc: Date.UTC(2020, 0, 3) }).row, null);
  await v.setFilter({ severities: ['error'] });
  assert.deepEqual(order(), ['e1', 'w1']);
  assert.equal(v.gotoTime({ timeOfDay: 20 * H + 30 * 60_000, row: 1 }).row, 1);
  assert.equal(v.gotoTime({ timeOfDay: 8 * H, row: 0 }).row, 0);
});

test('rows without a time: a full date needs no reference row, and a time of day takes the nearest timed row\'s day', () => {
  const untimed = '<![LOG[no time]LOG]!><time="" date="" component="C" context="" type="1" thread="1" file="">\r\n';
  const text = untimed + cm('a', '1-2-2020', '08:00:00.000', '+0') + untimed + cm('b', '1-3-2020', '08:00:00.000', '+0') + untimed;
  const v = new TableView([src('file:///u/U.log', text)]);
  // Row 0 has no clock: a full date is found all the same.
  assert.equal(v.gotoTime({ wall: Date.UTC(2020, 0, 3, 7) }).row, 3);
  // The selected row (4) has no clock: the nearest timed row before it (3, on Jan 3) gives the day.
  assert.equal(v.gotoTime({ timeOfDay: 7 * H, row: 4 }).row, 3);
  // Row 2 has none either: row 1 (Jan 2) gives the day, not row 0 nor the last row.
  assert.equal(v.gotoTime({ timeOfDay: 7 * H, row: 2 }).row, 1);
});

test('the UTC clock: a time of day is UTC on the reference row\'s UTC day; the answer says how far after the time the row is', () => {
  const v = new TableView([east(), west()]);
  // Row 3 (w0) is UTC 2020-01-02 06:00: 07:00 UTC that day is w1 (row 4), exactly.
  assert.deepEqual(v.gotoTime({ timeOfDay: 7 * H, row: 3, clock: 'utc' }), { row: 4, laterMs: 0 });
  // Row 0 (e0) is UTC 2020-01-01 19:00: 20:30 UTC that day lands on e2 (21:00), half an hour later.
  assert.deepEqual(v.gotoTime({ timeOfDay: 20 * H + 30 * 60_000, row: 0, clock: 'utc' }), { row: 2, laterMs: 30 * 60_000 });
  // In one log's own clock: how far after in that clock.
  assert.deepEqual(new TableView([west()]).gotoTime({ timeOfDay: 20 * H + 15 * 60_000, row: 0 }), { row: 1, laterMs: 45 * 60_000 });
  assert.deepEqual(v.gotoTime({ utc: Date.UTC(2020, 0, 3) }), { row: null });
});

test('a merge with a log without offset: a time after every placed row lands on its rows with no distance; a UTC time asked on its row is read in its clock, and said so', () => {
  const noOffset = () => src('file:///n/None.log', cm('n0', '1-3-2020', '05:00:00.000', '') + cm('n1', '1-3-2020', '06:00:00.000', ''));
  const v = new TableView([east(), noOffset()]);
  const order = v.page(0, 100, undefined, () => 0).items.map((r) => r.message);
  assert.deepEqual(order, ['e0', 'e1', 'e2', 'n0', 'n1'], 'unknown UTC last');
  // After every row with a UTC: the first row without one, how far unknown (no Infinity on the wire).
  assert.deepEqual(v.gotoTime({ utc: Date.UTC(2020, 0, 2) }), { row: 3 });
  // Asked in UTC on n0 (no UTC): its own clock, and the answer says so.
  assert.deepEqual(v.gotoTime({ timeOfDay: 5 * H + 30 * 60_000, row: 3, clock: 'utc' }), { row: 4, laterMs: 30 * 60_000, clock: 'log' });
});
