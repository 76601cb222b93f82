// A filter keeps the reader's place: the selected entry's row in the new view, or the shown row
// nearest to it in the order when the filter hides it (TableView.rowNear of its placeOf, said by table/filter).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import { TableView, type TableLogSource } from '../../server/src/table/view';

const cm = (msg: string, time: string, o: { type?: number; off?: string } = {}) =>
  `<![LOG[${msg}]LOG]!><time="${time}${o.off ?? '+000'}" date="1-1-2020" component="C" context="" type="${o.type ?? 1}" thread="1" file="">\r\n`;
const src = (key: string, text: string): TableLogSource => {
  const model = LogFile.fromText(text);
  return { key, name: key, log: () => model, reading: () => false };
};

test('one log: the entry\'s own row when shown, else the nearest shown row (the earlier on a tie), null when none is shown', async () => {
  // Entries 0..9; errors (type 3) at 1, 4 and 8.
  const text = Array.from({ length: 10 }, (_, e) => cm(`m${e}`, `10:00:0${e}.000`, { type: [1, 4, 8].includes(e) ? 3 : 1 })).join('');
  const v = new TableView([src('file:///A.log', text)]);
  assert.equal(v.rowNear(v.placeOf(0, 6)), 6, 'unfiltered: the row is the entry');
  await v.setFilter({ severities: ['error'] });
  assert.equal(v.rowNear(v.placeOf(0, 4)), 1, 'still shown: its row in the filtered view');
  assert.equal(v.rowNear(v.placeOf(0, 5)), 1, 'hidden: entry 4 (one away) is nearer than 8');
  assert.equal(v.rowNear(v.placeOf(0, 7)), 2, 'hidden: entry 8 is nearer than 4');
  assert.equal(v.rowNear(v.placeOf(0, 6)), 1, 'a tie (4 and 8 both two away): the earlier');
  assert.equal(v.rowNear(v.placeOf(0, 0)), 0, 'before the first shown row: the first');
  assert.equal(v.rowNear(v.placeOf(0, 9)), 2, 'after the last shown row: the last');
  assert.equal(v.rowNear(v.placeOf(0, 10)), null, 'not an entry of the log');
  assert.equal(v.rowNear(v.placeOf(1, 0)), null, 'not a log of the table');
  assert.equal(v.rowNear(v.placeOf(0, 1.5)), null);
  await v.setFilter({ severities: ['warning'] });
  assert.equal(v.rowNear(v.placeOf(0, 4)), null, 'no row shown');
});

test('a merge: nearest by position in the merged order, not by entry number', async () => {
  // A: a0 10:00:00, a1 10:00:04 (error); B: b0 10:00:01 (error), b1 10:00:02, b2 10:00:03.
  // Order: a0 (position 0), b0, b1, b2, a1 (position 4).
  const a = src('file:///A.log', cm('a0', '10:00:00.000') + cm('a1', '10:00:04.000', { type: 3 }));
  const b = src('file:///B.log', cm('b0', '10:00:01.000', { type: 3 }) + cm('b1', '10:00:02.000') + cm('b2', '10:00:03.000'));
  const v = new TableView([a, b]);
  assert.equal(v.rowNear(v.placeOf(1, 2)), 3);
  await v.setFilter({ severities: ['error'] });
  // Shown: b0 (position 1) and a1 (position 4).
  assert.equal(v.rowNear(v.placeOf(1, 2)), 1, 'b2 (position 3) is nearer a1 (4) than b0 (1)');
  assert.equal(v.rowNear(v.placeOf(1, 1)), 0, 'b1 (position 2) is nearer b0');
  assert.equal(v.rowNear(v.placeOf(0, 0)), 0, 'a0 (position 0): b0');
});

test('a selected range: each end its own row or the nearest shown row inside the range; null when the range shows none', async () => {
  // Entries 0..19; errors (type 3) at 3, 6, 11 and 17.
  const text = Array.from({ length: 20 }, (_, e) => cm(`m${e}`, `10:00:${String(e).padStart(2, '0')}.000`, { type: [3, 6, 11, 17].includes(e) ? 3 : 1 })).join('');
  const v = new TableView([src('file:///A.log', text)]);
  assert.deepEqual(v.rangeNear(v.placeOf(0, 2), v.placeOf(0, 12)), { from: 2, to: 12 }, 'unfiltered: the rows are the entries');
  await v.setFilter({ severities: ['error'] });
  // Entries 2..12 selected: the errors 3, 6 and 11 (rows 0..2) are still shown, 17 is outside.
  assert.deepEqual(v.rangeNear(v.placeOf(0, 2), v.placeOf(0, 12)), { from: 0, to: 2 });
  assert.deepEqual(v.rangeNear(v.placeOf(0, 12), v.placeOf(0, 2)), { from: 2, to: 0 }, 'selected upwards: the ends stay the same way round');
  assert.deepEqual(v.rangeNear(v.placeOf(0, 5), v.placeOf(0, 16)), { from: 1, to: 2 }, 'ends hidden: the nearest shown inside (6 and 11), not 3 or 17 outside');
  assert.deepEqual(v.rangeNear(v.placeOf(0, 6), v.placeOf(0, 6)), { from: 1, to: 1 });
  assert.equal(v.rangeNear(v.placeOf(0, 7), v.placeOf(0, 10)), null, 'no error among 7..10');
  assert.equal(v.rangeNear(v.placeOf(0, 2), v.placeOf(0, 20)), null, 'not an entry');
  assert.equal(v.rangeNear(v.placeOf(1, 2), v.placeOf(0, 5)), null, 'not a log of the table');
});

test('a selected range in a merge: by position in the merged order', async () => {
  // Order: a0 (0), b0 (1, error), b1 (2), b2 (3), a1 (4, error).
  const a = src('file:///A.log', cm('a0', '10:00:00.000') + cm('a1', '10:00:04.000', { type: 3 }));
  const b = src('file:///B.log', cm('b0', '10:00:01.000', { type: 3 }) + cm('b1', '10:00:02.000') + cm('b2', '10:00:03.000'));
  const v = new TableView([a, b]);
  await v.setFilter({ severities: ['error'] });
  assert.deepEqual(v.rangeNear(v.placeOf(0, 0), v.placeOf(1, 2)), { from: 0, to: 0 }, 'a0..b2: only b0 shown');
  assert.deepEqual(v.rangeNear(v.placeOf(0, 1), v.placeOf(1, 1)), { from: 1, to: 1 }, 'a1 back up to b1: a1');
  assert.deepEqual(v.rangeNear(v.placeOf(0, 0), v.placeOf(0, 1)), { from: 0, to: 1 });
});
