// Which columns a table opens with: the UTC column for a merge unless the user's setting says no.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Columns, type ColumnsElement } from '../../client/webview/columns';

/** The grid element as Columns uses it: CSS variables and classes. */
function fakeGrid(): ColumnsElement {
  return { style: { setProperty: () => {} }, classList: { toggle: (_c, on) => on === true } };
}

test('a merge shows the UTC column (it is sorted by it) unless cmlog.table.utcColumn says otherwise', () => {
  assert.equal(new Columns(fakeGrid(), undefined, null, true).visible('utc'), true);
  assert.equal(new Columns(fakeGrid(), undefined, false, true).visible('utc'), false);
  assert.equal(new Columns(fakeGrid(), undefined, true, true).visible('utc'), true);
});

test('one log hides the UTC column unless the setting asks for it; saved columns win', () => {
  assert.equal(new Columns(fakeGrid(), undefined, null, false).visible('utc'), false);
  assert.equal(new Columns(fakeGrid(), undefined, true, false).visible('utc'), true);
  assert.equal(new Columns(fakeGrid(), { widths: {}, hidden: ['utc'] }, null, true).visible('utc'), false);
  assert.equal(new Columns(fakeGrid(), undefined, null, false).visible('source'), false);
});
