// A user's pattern never hangs the server: a catastrophic one (`(a+)+$` on a long line of a's) is
// refused with a message within a bound, in the filter, in find and in highlights; the view stays usable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import { TableView } from '../../server/src/table/view';
import { REGEX_BUDGET_MS } from '../../server/src/table/userRegex';

const cm = (msg: string, type = 1) =>
  `<![LOG[${msg}]LOG]!><time="10:00:00.000+000" date="1-1-2020" component="C" context="" type="${type}" thread="1" file="">\r\n`;
const EVIL = '(a+)+$';
const view = () => {
  const log = LogFile.fromText(cm('fine') + cm('a'.repeat(40) + '!', 3) + cm('aaa'));
  return new TableView([{ key: 'file:///x/A.log', name: 'A.log', log: () => log, reading: () => false }]);
};
/** Well past the budget, far below the years the pattern would take. */
const BOUND = REGEX_BUDGET_MS * 5;

test('a catastrophic filter pattern is refused with a message, in bounded time', async () => {
  const v = view();
  const t0 = Date.now();
  const r = await v.setFilter({ text: { regex: EVIL } });
  assert.ok(Date.now() - t0 < BOUND, `took ${Date.now() - t0} ms`);
  assert.match(r.error!, /took longer than .* refused/);
  assert.equal(v.rowCount, 3, 'the view is as it was');
  // The worker is replaced: a sane pattern works next.
  assert.deepEqual(await v.setFilter({ text: { regex: '^a+$' } }), {});
  assert.equal(v.rowCount, 1);
});

test('find and highlights with a catastrophic pattern answer an error, in bounded time', () => {
  const v = view();
  let t0 = Date.now();
  const f = v.find(-1, 'next', { regex: EVIL });
  assert.ok(Date.now() - t0 < BOUND);
  assert.equal(f.row, null);
  assert.match(f.error!, /refused/);
  t0 = Date.now();
  const page = v.page(0, 10, [{ regex: EVIL }, { text: 'FINE' }], () => 0);
  assert.ok(Date.now() - t0 < BOUND);
  assert.match(page.highlightErrors?.[0].error ?? '', /refused/);
  assert.deepEqual(page.items.map((r) => r.highlight), [1, -1, -1], 'the next rule still applies');
  assert.deepEqual(v.page(0, 10, [{ regex: 'A{3}$' }], () => 0).items.map((r) => r.highlight), [-1, -1, 0]);
});
