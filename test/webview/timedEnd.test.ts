// Live in a merge whose last rows have no time (sorted after every timed row): the newest timed row,
// found by bisection; the end when nothing untimed follows, nothing is timed, or a row cannot be asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lastTimedRow } from '../../client/webview/timedEnd';

/** Rows 0..timedRows-1 have a time, the rest none; counts the asks. */
function model(timedRows: number) {
  const asked: number[] = [];
  return { asked, timed: async (row: number) => { asked.push(row); return row < timedRows; } };
}

test('an untimed tail: the last timed row, in about log2(rows) asks', async () => {
  for (const [rows, timedRows] of [[5000, 4700], [2, 1], [3, 1], [1_000_000, 999_999], [1_000_000, 1], [4_000_000, 123_457]]) {
    const m = model(timedRows);
    assert.equal(await lastTimedRow(rows, m.timed), timedRows - 1, `${timedRows} of ${rows}`);
    assert.ok(m.asked.length <= 2 + Math.ceil(Math.log2(rows)), `${m.asked.length} asks`);
  }
});

test('the end is the place: every row timed, none timed, no rows, one row', async () => {
  assert.equal(await lastTimedRow(5000, model(5000).timed), null);
  assert.equal(await lastTimedRow(5000, model(0).timed), null);
  assert.equal(await lastTimedRow(0, model(0).timed), null);
  assert.equal(await lastTimedRow(1, model(0).timed), null);
});

test('a row that cannot be asked for: the end', async () => {
  assert.equal(await lastTimedRow(5000, async (row) => (row > 0 && row < 4999 ? undefined : row < 4700)), null);
  assert.equal(await lastTimedRow(5000, async () => undefined), null);
});
