// The table in front as the status bar hears of it (client/src/table/currentChange.ts): VS Code's
// view-state events come for any table panel's focus or visibility; only a real change is passed on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changeOnly } from '../../client/src/table/currentChange';

test('only a change of the table in front is passed on, not every view-state event', () => {
  const merge = { name: 'merge' }, other = { name: 'other' };
  let front: object | undefined;
  let fired = 0;
  const note = changeOnly(() => front, () => fired++);
  note();
  assert.equal(fired, 0, 'nothing in front, still nothing');
  front = merge;
  note();
  // Another panel shown beside it, hidden, focused elsewhere in the group: the same table stays in front.
  for (let i = 0; i < 50; i++) note();
  assert.equal(fired, 1);
  front = other;
  note();
  front = undefined;
  note();
  assert.equal(fired, 3, 'another table, then none');
});
