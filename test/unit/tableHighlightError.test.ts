// The rows answer says which highlight rule could not run (its index among the rules sent) and
// whether the pattern itself is wrong (kept by the page) or only too slow on these rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import { TableView } from '../../server/src/table/view';

const cm = (msg: string) =>
  `<![LOG[${msg}]LOG]!><time="10:00:00.000+000" date="1-1-2020" component="C" context="" type="1" thread="1" file="">\r\n`;
const view = () => {
  const log = LogFile.fromText(cm('fine') + cm('a'.repeat(40) + '!') + cm('aaa'));
  return new TableView([{ key: 'file:///x/A.log', name: 'A.log', log: () => log, reading: () => false }]);
};

test('page() names the rule that cannot run: an invalid pattern, and a too slow one', () => {
  const v = view();
  const bad = v.page(0, 10, [{ text: 'fine' }, { regex: '[' }, { text: 'aaa' }], () => 0);
  assert.equal(bad.errorRule, 1);
  assert.equal(bad.errorInvalid, true);
  assert.match(bad.error!, /^invalid regular expression/);
  assert.deepEqual(bad.items.map((r) => r.highlight), [0, 2, 2], 'the other rules still apply');
  const slow = v.page(0, 10, [{ text: 'zzz' }, { regex: '(a+)+$' }], () => 0);
  assert.equal(slow.errorRule, 1);
  assert.equal(slow.errorInvalid, undefined, 'too slow depends on the rows: not the pattern itself');
  assert.match(slow.error!, /refused/);
  const ok = v.page(0, 10, [{ regex: 'a+' }], () => 0);
  assert.equal(ok.error, undefined);
  assert.equal(ok.errorRule, undefined);
});

test('page() reports an invalid pattern behind a rule that already highlights every row', () => {
  const v = view();
  const r = v.page(0, 10, [{ regex: '.' }, { regex: '(' }], () => 0);
  assert.deepEqual(r.items.map((it) => it.highlight), [0, 0, 0]);
  assert.match(r.error ?? '', /^invalid regular expression/);
  assert.equal(r.errorRule, 1);
  assert.equal(r.errorInvalid, true);
  // And with no rows at all.
  const none = v.page(5, 10, [{ regex: '(' }], () => 0);
  assert.equal(none.items.length, 0);
  assert.match(none.error ?? '', /^invalid regular expression/);
  assert.equal(none.errorRule, 0);
});

test('page() does not call a pattern too slow on rows it never ran on (an earlier rule took them all)', () => {
  const v = view();
  const r = v.page(0, 10, [{ regex: '.' }, { regex: '(a+)+$' }], () => 0);
  assert.deepEqual(r.items.map((it) => it.highlight), [0, 0, 0]);
  assert.equal(r.error, undefined);
  assert.equal(r.errorRule, undefined);
});
