// A table's facets are counted once per change of its entries: a page asking again (each filter,
// each reload) over a large log does not rescan it; appended rows and a reset count again; a
// filter (facets are over all entries) does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import { FacetCache, tableFacets } from '../../server/src/table/facets';
import { TableView, type TableLogSource } from '../../server/src/table/view';

const cm = (msg: string, type = 1) => `<![LOG[${msg}]LOG]!><time="10:00:00.000+000" date="1-1-2020" component="C" context="" type="${type}" thread="1" file="">\r\n`;

test('facets are counted again only when the entries change', async () => {
  const s = { key: 'file:///A.log', name: 'A.log', model: LogFile.fromText(cm('a') + cm('b', 3)), log: () => s.model, reading: () => false };
  const view = new TableView([s as TableLogSource]);
  let counted = 0;
  const cache = new FacetCache(view, (v) => { counted++; return tableFacets(v); });
  assert.equal(cache.get().severities.error, 1);
  assert.equal(cache.get().severities.error, 1);
  assert.equal(counted, 1, 'asked again, nothing changed: not counted again');
  await view.setFilter({ severities: ['error'] });
  assert.equal(cache.get().severities.information, 1, 'over all entries, not the filtered rows');
  assert.equal(counted, 1, 'a filter does not change what facets count');
  s.model.appendText(cm('c', 3));
  assert.equal(view.refresh(), 'append');
  assert.equal(cache.get().severities.error, 2);
  assert.equal(counted, 2, 'appended rows are counted');
  s.model = LogFile.fromText(cm('d', 2));
  assert.equal(view.refresh(), 'reset');
  assert.deepEqual(cache.get().severities, { success: 0, information: 0, warning: 1, error: 0 });
  assert.equal(counted, 3, 'a reset is counted');
  assert.equal(view.refresh(), 'none');
  cache.get();
  assert.equal(counted, 3);
});
