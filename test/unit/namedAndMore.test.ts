// One helper words every "a, b and N more" list (explain/logLabel.ts namedAndMore): a table's read
// error lists failures, each holding a colon, so it joins them by semicolons and puts one before "and
// N more" too (after "no such file" a bare "and 2 more" would read as part of the failure).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { namedAndMore } from '../../server/src/explain/logLabel';
import { TableView, type TableLogSource } from '../../server/src/table/view';

test('names and a count: commas by default, the separator given otherwise (and before "and N more")', () => {
  assert.equal(namedAndMore(['a'], 3), 'a');
  assert.equal(namedAndMore(['a', 'b', 'c', 'd', 'e'], 3), 'a, b, c and 2 more');
  assert.equal(namedAndMore(['a', 'b'], 2, 9), 'a, b and 7 more');
  assert.equal(namedAndMore(['a: x'], 3, 1, '; '), 'a: x');
  assert.equal(namedAndMore(['a: x', 'b: y', 'c: z'], 3, 3, '; '), 'a: x; b: y; c: z');
  assert.equal(namedAndMore(['a: x', 'b: y', 'c: z', 'd: w'], 3, 10, '; '), 'a: x; b: y; c: z; and 7 more');
});

/** A table of `n` logs, the first `failed` of them failed to read. */
function errorOf(n: number, failed: number): string | undefined {
  const sources: TableLogSource[] = Array.from({ length: n }, (_, i) => ({
    key: `file:///L${i}.log`, name: `L${i}.log`, log: () => undefined, reading: () => false,
    failure: i < failed ? 'no such file, or a folder' : undefined,
  }));
  return new TableView(sources).error;
}

test('a table\'s read error: one failure, three, and many (three named, the rest counted)', () => {
  assert.equal(errorOf(4, 0), undefined);
  assert.equal(errorOf(4, 1), 'L0.log: no such file, or a folder');
  assert.equal(errorOf(4, 3), 'L0.log: no such file, or a folder; L1.log: no such file, or a folder; L2.log: no such file, or a folder');
  assert.equal(errorOf(1000, 600), 'L0.log: no such file, or a folder; L1.log: no such file, or a folder; L2.log: no such file, or a folder; and 597 more');
});
