// The rows a filter answer or a reset carries (server/src/table/firstPage.ts): whole pages around the row the
// page shows, bounded, whatever a page asks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changeTarget, firstPage, resetTarget } from '../../server/src/table/firstPage';

test('first page: the whole pages around the target, nearest first, never more than the cap', () => {
  assert.deepEqual(firstPage(0, 40, 200, 5000, 1000), { start: 0, count: 200 });
  assert.deepEqual(firstPage(190, 40, 200, 5000, 1000), { start: 0, count: 400 }, 'the page after it too');
  assert.deepEqual(firstPage(4990, 40, 200, 5000, 1000), { start: 4800, count: 200 });
  assert.deepEqual(firstPage(4990, 40, 200, 4995, 1000), { start: 4800, count: 195 }, 'the view\'s last page may be short');
  assert.deepEqual(firstPage(9e9, 40, 200, 4995, 1000), { start: 4800, count: 195 }, 'a target past the end: the end');
  assert.deepEqual(firstPage(2500, 1e12, 200, 5000, 1000), { start: 2000, count: 1000 }, 'at most the cap, around the target');
  assert.deepEqual(firstPage(2500, 40, 700, 5000, 1000), { start: 2100, count: 700 }, 'a second page would pass the cap');
  assert.equal(firstPage(0, 40, 200, 0, 1000), null, 'no rows');
  assert.equal(firstPage(0, 40, 2000, 5000, 1000), null, 'a page larger than the cap');
  assert.equal(firstPage(0, 40, Number.NaN, 5000, 1000), null);
});

test('the row a reset shows: Live and read, the newest timed row or the last; else the top row kept, clamped to the view', () => {
  assert.equal(resetTarget({ live: true, top: 5 }, 100, false, 80), 80);
  assert.equal(resetTarget({ live: true, top: 5 }, 100, false, null), 99);
  assert.equal(resetTarget({ live: true, top: 5 }, 100, true, 80), 5, 'still reading: Live waits, the page keeps its place');
  assert.equal(resetTarget({ live: false, top: 40 }, 100, false, 80), 40);
  assert.equal(resetTarget({ live: false, top: 400 }, 100, false, null), 99);
  assert.equal(resetTarget({ live: true, top: 0 }, 0, false, null), 0, 'no rows');
});

test('the row a change\'s rows are made around: a reset\'s as resetTarget; an append\'s only for a Live page read, at its Live place', () => {
  assert.equal(changeTarget({ live: false, top: 40 }, true, 100, false, 80), 40);
  assert.equal(changeTarget({ live: true, top: 5 }, false, 100, false, 80), 80);
  assert.equal(changeTarget({ live: true, top: 5 }, false, 100, false, null), 99);
  assert.equal(changeTarget({ live: false, top: 40 }, false, 100, false, null), null, 'paused: it asks for what it scrolls to');
  assert.equal(changeTarget({ live: true, top: 5 }, false, 100, true, null), null, 'still reading: Live waits');
});
