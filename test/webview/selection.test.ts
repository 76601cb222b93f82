import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Selection } from '../../client/webview/selection';

test('selection: click, shift+click range, ctrl+click toggles', () => {
  const s = new Selection();
  s.click(5);
  s.shiftClick(2);
  assert.deepEqual(s.ranges(), [{ start: 2, end: 6 }]);
  s.ctrlClick(10);
  assert.deepEqual(s.ranges(), [{ start: 2, end: 6 }, { start: 10, end: 11 }]);
  s.ctrlClick(4);
  assert.deepEqual(s.ranges(), [{ start: 2, end: 4 }, { start: 5, end: 6 }, { start: 10, end: 11 }]);
  s.shiftClick(12);
  assert.deepEqual(s.ranges(), [{ start: 2, end: 13 }], 'shift extends from the last anchor (4), keeping the rest');
  assert.deepEqual(s.bounds(), { first: 2, last: 12 });
  assert.equal(s.count(), 11);
  s.click(7);
  assert.deepEqual(s.ranges(), [{ start: 7, end: 8 }]);
});

test('selection: keys move the focus, shift extends, bounded by the rows', () => {
  const s = new Selection();
  assert.equal(s.move('down', false, 100, 10), 0, 'first key selects the first row');
  assert.equal(s.move('down', false, 100, 10), 1);
  assert.equal(s.move('pageDown', true, 100, 10), 10);
  assert.deepEqual(s.ranges(), [{ start: 1, end: 11 }]);
  assert.equal(s.move('up', true, 100, 10), 9);
  assert.deepEqual(s.ranges(), [{ start: 1, end: 10 }]);
  assert.equal(s.move('end', false, 100, 10), 99);
  assert.equal(s.move('down', false, 100, 10), 99);
  assert.equal(s.move('home', true, 100, 10), 0);
  assert.deepEqual(s.ranges(), [{ start: 0, end: 100 }]);
  assert.equal(s.move('pageUp', false, 100, 10), 0);
  s.selectAll(5_000_000);
  assert.equal(s.count(), 5_000_000);
  s.clamp(3);
  assert.deepEqual(s.ranges(), [{ start: 0, end: 3 }]);
  assert.equal(s.focus, 2);
});

test('selection: the ranges are built once per change, not per row a draw asks about', () => {
  const s = new Selection();
  for (let r = 0; r < 2000; r += 2) s.ctrlClick(r);
  const built = s.ranges();
  assert.equal(built.length, 1000);
  for (let r = 0; r < 2000; r++) assert.equal(s.has(r), r % 2 === 0, `row ${r}`);
  assert.equal(s.ranges(), built, 'has() and ranges() reuse the ranges while the selection stays');
  s.shiftClick(2004);
  assert.notEqual(s.ranges(), built, 'a change builds them again');
  assert.deepEqual(s.ranges().at(-1), { start: 1998, end: 2005 });
  assert.equal(s.has(2003), true);
  assert.equal(s.has(2005), false);
});

test('a range kept across a filter: the rows between its ends, its anchor and focus as they were (shift extends from the anchor)', () => {
  const s = new Selection();
  s.range(9, 3);
  assert.deepEqual(s.ranges(), [{ start: 3, end: 10 }]);
  assert.deepEqual([s.anchor, s.focus], [9, 3]);
  s.shiftClick(12);
  assert.deepEqual(s.ranges(), [{ start: 9, end: 13 }], 'shift goes on from the kept anchor');
  s.range(4, 4);
  assert.deepEqual([s.ranges(), s.count()], [[{ start: 4, end: 5 }], 1]);
});
