// A column no row fills (CBS writes no thread, an MSI log no component) hides by itself, apart from
// the user's hidden columns: never saved, shown again when rows fill it, and the Columns menu shows
// it (that choice saved).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Columns, emptyColumns, type ColumnsElement } from '../../client/webview/columns';
import type { TableFacetsResult } from '../../server/src/protocol';

/** The grid element as Columns uses it, keeping its hide-* classes. */
function fakeGrid(): ColumnsElement & { classes: Set<string> } {
  const classes = new Set<string>();
  return { classes, style: { setProperty: () => {} }, classList: { toggle: (c, on) => { if (on) classes.add(c); else classes.delete(c); return on === true; } } };
}

const facets = (threads: string[], components: string[], rows = 2): TableFacetsResult => ({
  threads: threads.map((name) => ({ name, count: 1 })), components: components.map((name) => ({ name, count: 1 })),
  severities: { success: 0, information: rows, warning: 0, error: 0 }, firstUtc: null, lastUtc: null,
});

test('the facets say which columns no row fills: names all empty (a format without the field), or none', () => {
  assert.deepEqual(emptyColumns(facets([''], ['CBS'])), ['thread'], 'CBS: every row under the empty thread');
  assert.deepEqual(emptyColumns(facets(['', '4'], ['CBS'])), [], 'a merge with a CMTrace log: some rows have one');
  assert.deepEqual(emptyColumns(facets([], [''])), ['component', 'thread']);
  assert.equal(emptyColumns(facets([], [], 0)), undefined, 'no row counted yet (reading): nothing said');
});

test('an empty Thread column hides by itself, unsaved; rows with threads show it again', () => {
  const grid = fakeGrid();
  const c = new Columns(grid, undefined, null, false);
  assert.equal(c.setEmpty(['thread']), true, 'a change');
  assert.equal(c.visible('thread'), false);
  assert.ok(grid.classes.has('hide-thread'));
  assert.ok(!c.shown().includes('thread'), 'not copied');
  assert.deepEqual(c.state().hidden, ['utc', 'source'], "not among the user's hidden columns");
  assert.equal(c.setEmpty(['thread']), false, 'the same again: no change');
  assert.equal(c.setEmpty(undefined), false, 'unknown: left as it is');
  assert.equal(c.visible('thread'), false);
  // An append, a merge with a CMTrace log: rows with threads.
  assert.equal(c.setEmpty([]), true);
  assert.equal(c.visible('thread'), true);
  assert.ok(!grid.classes.has('hide-thread'));
});

test('the user shows an empty column: kept shown and saved; hides it: stays hidden when rows fill it', () => {
  const c = new Columns(fakeGrid(), undefined, null, false);
  c.setEmpty(['thread', 'component']);
  c.toggle('thread');
  assert.equal(c.visible('thread'), true, 'shown from the Columns menu');
  assert.equal(c.visible('component'), false);
  const saved = c.state();
  assert.deepEqual(saved.shown, ['thread']);
  // After a reload: the saved choice holds over the facets' word.
  const again = new Columns(fakeGrid(), saved, null, false);
  again.setEmpty(['thread', 'component']);
  assert.equal(again.visible('thread'), true);
  assert.equal(again.visible('component'), false);
  // Hidden by the user: no facets answer shows it.
  again.toggle('thread');
  assert.deepEqual(again.state().hidden, ['utc', 'source', 'thread']);
  assert.equal(again.state().shown, undefined);
  again.setEmpty([]);
  assert.equal(again.visible('thread'), false, 'the user hid it');
  assert.equal(again.visible('component'), true, 'filled now: shown again');
});
