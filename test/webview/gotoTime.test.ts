// Go to time's clock and its page line (client/webview/gotoTime.ts); the page's use of it is in browser.test.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gotoNote, planGoto } from '../../client/webview/gotoTime';

// A CMTrace row written 5 h 30 ahead of UTC (offset -330 in the log's own sign).
const ref = { time: '02-23-2020 20:50:10.130-330', utc: Date.UTC(2020, 1, 23, 15, 20, 10, 130) };

test('one log: a time alone is on the reference row\'s own day and clock; the server gets it as typed', () => {
  const plan = planGoto({ timeOfDay: (20 * 3600 + 52 * 60) * 1000 }, 'log', 7, ref);
  assert.deepEqual(plan.params, { timeOfDay: (20 * 3600 + 52 * 60) * 1000, row: 7 });
  assert.equal(plan.utc, Date.UTC(2020, 1, 23, 15, 22));
  // Landing two days later is said, in the row's own clock.
  assert.equal(gotoNote('20:52', plan, { time: '02-25-2020 09:00:00.000-330', utc: Date.UTC(2020, 1, 25, 3, 30) }), 'No row at 20:52; nearest after it: 02-25-2020 09:00:00.000-330 (1 day later).');
  // A row within the hour is "at" the time: nothing to say.
  assert.equal(gotoNote('20:52', plan, { time: '02-23-2020 20:53:00.000-330', utc: Date.UTC(2020, 1, 23, 15, 23) }), null);
});

test('UTC clock: a time alone is on the reference row\'s UTC day; a row without UTC falls back to its log\'s clock', () => {
  const plan = planGoto({ timeOfDay: (23 * 3600) * 1000 }, 'utc', 3, ref);
  assert.deepEqual(plan.params, { utc: Date.UTC(2020, 1, 23, 23) });
  assert.equal(gotoNote('23:00', plan, null), 'No row at or after 23:00 UTC.');
  assert.equal(gotoNote('23:00', plan, { time: 'x', utc: Date.UTC(2020, 1, 26, 1) }), 'No row at 23:00 UTC; nearest after it: 2020-02-26 01:00:00.000 UTC (2 days later).');
  const noUtc = planGoto({ timeOfDay: 1000 }, 'utc', 3, { time: '08:00:00', utc: null });
  assert.deepEqual(noUtc, { params: { timeOfDay: 1000, row: 3 }, utc: null, clock: 'log' });
});
