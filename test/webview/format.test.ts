import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatElapsed, formatUtc, parseGotoTime, rowLabel } from '../../client/webview/format';

test('elapsed time as CMTrace shows it', () => {
  assert.equal(formatElapsed(83_456), '00:01:23.456');
  assert.equal(formatElapsed(-83_456), '00:01:23.456');
  assert.equal(formatElapsed(0), '00:00:00.000');
  assert.equal(formatElapsed(26 * 3_600_000 + 5), '26:00:00.005');
});

test('UTC column text', () => {
  assert.equal(formatUtc(Date.UTC(2024, 0, 15, 8, 0, 1, 20)), '2024-01-15 08:00:01.020');
  assert.equal(formatUtc(null), '');
});

test('go to time: a whole date, or a time of day (the server puts it on the reference row\'s day)', () => {
  assert.deepEqual(parseGotoTime('2024-01-15 08:00:00'), { wall: Date.UTC(2024, 0, 15, 8, 0, 0) });
  assert.deepEqual(parseGotoTime('08:00'), { timeOfDay: 8 * 3_600_000 });
  // No rolled-over dates: month 13 and February 30 are not times to go to.
  assert.equal(parseGotoTime('2024-13-01 08:00'), null);
  assert.equal(parseGotoTime('2024-02-30 08:00'), null);
  assert.deepEqual(parseGotoTime('2024-02-29 08:00'), { wall: Date.UTC(2024, 1, 29, 8) });
  assert.deepEqual(parseGotoTime(' 8:05:07.5 '), { timeOfDay: ((8 * 60 + 5) * 60 + 7) * 1000 + 500 });
  assert.equal(parseGotoTime('25:00'), null);
  assert.equal(parseGotoTime('tomorrow'), null);
});

test('go to time takes a Time cell as the table shows it: its written offset ignored, MSI\'s two spaces', () => {
  assert.deepEqual(parseGotoTime('1-1-2020 10:00:00.000+000'), { wall: Date.UTC(2020, 0, 1, 10) });
  assert.deepEqual(parseGotoTime('02-23-2020 16:20:11.425-060'), { wall: Date.UTC(2020, 1, 23, 16, 20, 11, 425) });
  assert.deepEqual(parseGotoTime('1/17/2023  23:58:50'), { wall: Date.UTC(2023, 0, 17, 23, 58, 50) });
  assert.deepEqual(parseGotoTime('2021/07/13 10:22:58.9553434'), { wall: Date.UTC(2021, 6, 13, 10, 22, 58, 955) });
  assert.equal(parseGotoTime('10:00:00+'), null);
});

test('row label for screen readers', () => {
  const label = rowLabel({ row: 0, source: 0, entry: 0, line: 0, severity: 'error', time: '2024-01-15 08:00:00', utc: null, component: 'X', thread: '12', message: 'failed', more: false, problems: 0, highlight: -1 });
  assert.equal(label, 'Error, 2024-01-15 08:00:00, component X, thread 12, message failed');
});

test('go to time takes the date as the table writes it: CMTrace\'s M-D-YYYY, and M/D/YYYY', () => {
  const want = { wall: Date.UTC(2014, 8, 15, 10, 24) };
  assert.deepEqual(parseGotoTime('09-15-2014 10:24'), want);
  assert.deepEqual(parseGotoTime('9-15-2014 10:24'), want);
  assert.deepEqual(parseGotoTime('9/15/2014 10:24'), want);
  assert.deepEqual(parseGotoTime('2014/09/15 10:24'), want);
  assert.deepEqual(parseGotoTime('09-15-2014 10:24:05.318'), { wall: Date.UTC(2014, 8, 15, 10, 24, 5, 318) });
  // Month first, as CMTrace writes it: 15 is no month. Mixed separators and two-digit years are no date.
  assert.equal(parseGotoTime('15-09-2014 10:24'), null);
  assert.equal(parseGotoTime('09-15/2014 10:24'), null);
  assert.equal(parseGotoTime('09-15-14 10:24'), null);
  assert.equal(parseGotoTime('02/30/2024 08:00'), null);
});
