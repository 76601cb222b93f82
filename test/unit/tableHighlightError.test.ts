// The rows answer names every highlight rule that could not run (its index among the rules sent)
// and whether the pattern itself is wrong (kept by the page) or only too slow on these rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import { TableView } from '../../server/src/table/view';

const cm = (msg: string) =>
  `<![LOG[${msg}]LOG]!><time="10:00:00.000+000" date="1-1-2020" component="C" context="" type="1" thread="1" file="">\r\n`;
const view = (...messages: string[]) => {
  const log = LogFile.fromText((messages.length ? messages : ['fine', 'a'.repeat(40) + '!', 'aaa']).map(cm).join(''));
  return new TableView([{ key: 'file:///x/A.log', name: 'A.log', log: () => log, reading: () => false }]);
};
const rules = (r: { highlightErrors?: { rule: number; invalid?: true }[] }) => (r.highlightErrors ?? []).map((e) => [e.rule, !!e.invalid]);

test('page() names the rule that cannot run: an invalid pattern, and a too slow one', () => {
  const v = view();
  const bad = v.page(0, 10, [{ text: 'fine' }, { regex: '[' }, { text: 'aaa' }], () => 0);
  assert.deepEqual(rules(bad), [[1, true]]);
  assert.match(bad.highlightErrors![0].error, /^invalid regular expression/);
  assert.deepEqual(bad.items.map((r) => r.highlight), [0, 2, 2], 'the other rules still apply');
  const slow = v.page(0, 10, [{ text: 'zzz' }, { regex: '(a+)+$' }], () => 0);
  assert.deepEqual(rules(slow), [[1, false]], 'too slow depends on the rows: not the pattern itself');
  assert.match(slow.highlightErrors![0].error, /refused/);
  const ok = v.page(0, 10, [{ regex: 'a+' }], () => 0);
  assert.equal(ok.highlightErrors, undefined);
});

test('page() names every rule that cannot run, in one answer', () => {
  const v = view();
  const r = v.page(0, 10, [{ regex: 'x(' }, { text: 'fine' }, { regex: '(a+)+$' }, { regex: 'y[' }], () => 0);
  assert.deepEqual(rules(r), [[0, true], [2, false], [3, true]]);
  assert.deepEqual(r.items.map((it) => it.highlight), [1, -1, -1]);
  // Bounded by the rules a request may carry: a 33rd broken rule is not run, nor named.
  const many = v.page(0, 10, Array.from({ length: 40 }, () => ({ regex: '(' })), () => 0);
  assert.deepEqual(rules(many).map(([k]) => k), Array.from({ length: 32 }, (_, k) => k));
});

test('page() reports an invalid pattern behind a rule that already highlights every row', () => {
  const v = view();
  const r = v.page(0, 10, [{ regex: '.' }, { regex: '(' }], () => 0);
  assert.deepEqual(r.items.map((it) => it.highlight), [0, 0, 0]);
  assert.deepEqual(rules(r), [[1, true]]);
  assert.match(r.highlightErrors![0].error, /^invalid regular expression/);
  // And with no rows at all (the page checks a new rule so when its view is empty).
  const none = v.page(5, 0, [{ text: 'a' }, { regex: '(' }], () => 0);
  assert.equal(none.items.length, 0);
  assert.deepEqual(rules(none), [[1, true]]);
});

test('page() does not call a pattern too slow on rows it never ran on (an earlier rule took them all)', () => {
  const v = view();
  const r = v.page(0, 10, [{ regex: '.' }, { regex: '(a+)+$' }], () => 0);
  assert.deepEqual(r.items.map((it) => it.highlight), [0, 0, 0]);
  assert.equal(r.highlightErrors, undefined);
});

test('page() with text and regex rules, case-sensitive or not: each row takes the first rule it matches', () => {
  const v = view('Alpha beta', 'GAMMA delta', 'gamma Delta', 'Épée ÎLE', 'épée île', 'nothing', 'BETA');
  const page = (hs: { text?: string; regex?: string; caseSensitive?: boolean }[]) => v.page(0, 10, hs, () => 0).items.map((it) => it.highlight);
  assert.deepEqual(page([{ text: 'gamma', caseSensitive: true }, { text: 'DELTA' }, { regex: 'beta' }, { text: 'ÎLE' }]), [2, 1, 0, 3, 3, -1, 2]);
  assert.deepEqual(page([{ text: 'BETA', caseSensitive: true }, { regex: 'delta', caseSensitive: true }, { text: 'île' }, { text: 'alpha' }]), [3, 1, -1, 2, 2, -1, 0]);
  assert.deepEqual(page([{ regex: 'Delta', caseSensitive: true }, { text: 'GAMMA' }, { text: 'Beta', caseSensitive: true }, { text: 'beta' }]), [3, 1, 0, -1, -1, -1, 3]);
});
