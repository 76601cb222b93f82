// Go to time's clock and its page line (client/webview/gotoTime.ts); the page's use of it is in
// browser.test.mjs, the server's reading of the reference row in test/unit/tableGotoTime.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gotoNote, gotoParams } from '../../client/webview/gotoTime';

const H = 3_600_000;

test('what the server is asked: a full date in UTC as UTC; a time alone with the reference row (and the clock it is in)', () => {
  assert.deepEqual(gotoParams({ wall: Date.UTC(2020, 1, 23, 15) }, 'utc', 3), { utc: Date.UTC(2020, 1, 23, 15) });
  assert.deepEqual(gotoParams({ timeOfDay: 23 * H }, 'utc', 3), { timeOfDay: 23 * H, row: 3, clock: 'utc' });
  assert.deepEqual(gotoParams({ timeOfDay: 20 * H }, 'log', 7), { timeOfDay: 20 * H, row: 7 });
  assert.deepEqual(gotoParams({ wall: Date.UTC(2020, 1, 23, 20) }, 'log', 7), { wall: Date.UTC(2020, 1, 23, 20), row: 7 });
});

test('the page line: nothing when the row is within the hour the server measured; else where it landed, in the clock typed', () => {
  const found = { time: '02-25-2020 09:00:00.000-330', utc: Date.UTC(2020, 1, 25, 3, 30) };
  assert.equal(gotoNote('20:52', 'log', { row: 4, laterMs: 36 * H + 8 * 60_000 }, found), 'No row at 20:52; nearest after it: 02-25-2020 09:00:00.000-330 (1 day later).');
  assert.equal(gotoNote('20:52', 'log', { row: 4, laterMs: 60_000 }, found), null);
  assert.equal(gotoNote('23:00', 'utc', { row: null }, undefined), 'No row at or after 23:00 UTC.');
  assert.equal(gotoNote('23:00', 'utc', { row: 9, laterMs: 50 * H }, { time: 'x', utc: Date.UTC(2020, 1, 26, 1) }), 'No row at 23:00 UTC; nearest after it: 2020-02-26 01:00:00.000 UTC (2 days later).');
  // No distance known (an old server, or a row without a clock): nothing said.
  assert.equal(gotoNote('23:00', 'utc', { row: 9 }, found), null);
  // Asked in UTC, read in the row's log clock (it has no UTC): the line does not say UTC.
  assert.equal(gotoNote('23:00', 'utc', { row: null, clock: 'log' }, undefined), 'No row at or after 23:00.');
});
