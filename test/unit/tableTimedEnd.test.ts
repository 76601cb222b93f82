// Where Live shows a merge: the server's last timed row (TableView.timedEnd), found once per view
// version, so the page needs no row requests to find it (a merge sorts rows without a time last).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import type { TableChangedParams } from '../../server/src/protocol';
import { Tables } from '../../server/src/table/tables';
import { TableView, type TableLogSource } from '../../server/src/table/view';

const cm = (msg: string, time: string, bias: string, type = 1) =>
  `<![LOG[${msg}]LOG]!><time="${time}${bias}" date="1-2-2020" component="C" context="" type="${type}" thread="1" file="">\r\n`;
const src = (key: string, text: string): TableLogSource & { model: LogFile } => {
  const model = LogFile.fromText(text);
  return { key, name: key, model, log: () => model, reading: () => false };
};
const timed = () => src('file:///t/Timed.log', cm('t0', '08:00:00.000', '+0') + cm('t1', '09:00:00.000', '+0', 3) + cm('t2', '10:00:00.000', '+0'));
// No offset written (and none set): no UTC, sorted after every timed row.
const untimed = () => src('file:///u/Untimed.log', cm('u0', '05:00:00.000', '') + cm('u1', '06:00:00.000', '', 3) + cm('u2', '07:00:00.000', ''));

test('a merge ending in rows without a time: its last timed row, filtered too; the field rides with its version only', async () => {
  const v = new TableView([timed(), untimed()]);
  assert.deepEqual(v.page(0, 9, undefined, () => 0).items.map((r) => r.message), ['t0', 't1', 't2', 'u0', 'u1', 'u2']);
  assert.equal(v.timedEnd(), 2);
  assert.deepEqual(v.timedEndOf(), { timedEnd: 2 });
  const before = v.version;
  await v.setFilter({ severities: ['error'] });
  assert.deepEqual(v.page(0, 9, undefined, () => 0).items.map((r) => r.message), ['t1', 'u1']);
  assert.equal(v.timedEnd(), 0);
  // A page paused on an older version: no place said for it.
  assert.deepEqual(v.timedEndOf(before), {});
  await v.setFilter({ sources: ['file:///u/Untimed.log'] });
  assert.equal(v.timedEnd(), null, 'no timed row: the end');
});

test('the end is the place: one log, a merge timed to its end, an appended untimed tail found again', () => {
  const one = new TableView([untimed()]);
  assert.equal(one.timedEnd(), null);
  const both = timed(), late = src('file:///l/Late.log', cm('l0', '11:00:00.000', '+0'));
  const v = new TableView([both, late]);
  assert.equal(v.timedEnd(), null);
  assert.deepEqual(v.timedEndOf(), {});
  // An untimed record appended to a timed merge: ordered again, the tail found for the new version.
  late.model.appendText(cm('l1', '12:00:00.000', ''));
  assert.equal(v.refresh(), 'reset');
  assert.equal(v.timedEnd(), 3);
});

test('the tables build their change notifications with the Live place: appended, reset, resumed; none for an older version', () => {
  const sent: TableChangedParams[] = [];
  let offers = 0;
  const tables = new Tables((p) => sent.push(p), undefined, { banner: () => ({ sources: [], notes: [`offers ${offers}`], offers: [] }), offersVersion: () => offers });
  const t0 = timed(), u = untimed();
  const t = tables.create(() => [t0, u]);
  t.banner();
  // Appended timed rows that cannot follow the untimed tail: ordered again (a reset), the place moves on.
  t0.model.appendText(cm('t3', '11:00:00.000', '+0'));
  tables.changed([t0.key]);
  assert.deepEqual(sent.map((p) => [p.reset, p.rows, p.timedEnd]), [[true, 7, 3]]);
  // A banner said while paused is of the rows the page has (an older version): no place said for them.
  t.setFollow(false);
  t0.model.appendText(cm('t4', '12:00:00.000', '+0'));
  tables.changed([t0.key]);
  assert.equal(sent.length, 1);
  offers++;
  tables.offersChanged();
  assert.deepEqual(sent.map((p) => [p.reset, p.rows, p.timedEnd, p.banner?.notes]).at(-1), [false, 7, undefined, ['offers 1']]);
  // Resumed: one notification of the view now, with its place.
  t.setFollow(true);
  assert.deepEqual(sent.map((p) => [p.reset, p.rows, p.timedEnd]).at(-1), [true, 8, 4]);
  assert.equal(sent.at(-1)!.version, t.view.version);
});
