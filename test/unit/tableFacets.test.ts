// A table's facets are counted once per change of its entries: a page asking again (each filter,
// each reload) over a large log does not rescan it; appended rows and a reset count again; a
// filter (facets are over all entries) does not. A merge's facets follow the logs its Machines and
// Logs pickers keep, added up from each log's counts (no log counted again for a pick).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import { countLogs, FacetCache } from '../../server/src/table/facets';
import { TableView, type TableLogSource } from '../../server/src/table/view';

const cm = (msg: string, type = 1, component = 'C', thread = 1, time = '10:00:00.000') => `<![LOG[${msg}]LOG]!><time="${time}+000" date="1-1-2020" component="${component}" context="" type="${type}" thread="${thread}" file="">\r\n`;

test('facets are counted again only when the entries change', async () => {
  const s = { key: 'file:///A.log', name: 'A.log', model: LogFile.fromText(cm('a') + cm('b', 3)), log: () => s.model, reading: () => false };
  const view = new TableView([s as TableLogSource]);
  let counted = 0;
  const cache = new FacetCache(view, (v) => { counted++; return countLogs(v); });
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

/** A log of a merge, under a machine's folder. */
const log = (machine: string, text: string): TableLogSource => {
  const model = LogFile.fromText(text);
  return { key: `file:///cases/${machine}/IntuneManagementExtension.log`, name: 'IntuneManagementExtension.log', log: () => model, reading: () => false };
};

test('a merge narrowed to some logs: components, threads, severities and the UTC bounds are those logs\' only', () => {
  const d1 = log('DEVICE1', cm('a', 1, 'Win32App', 5, '09:00:00.000') + cm('b', 3, 'Win32App', 5) + cm('c', 1, 'Inventory', 6));
  const d2 = log('DEVICE2', cm('d', 2, 'Win32App', 7, '10:00:01.000') + cm('e', 1, 'AgentExecutor', 7, '10:00:02.000'));
  const d3 = log('DEVICE3', cm('f', 3, 'Scripts', 8, '11:00:00.000'));
  const view = new TableView([d1, d2, d3]);
  let counted = 0;
  const cache = new FacetCache(view, (v) => { counted++; return countLogs(v); });
  const all = cache.get();
  assert.deepEqual(all.components, [{ name: 'Win32App', count: 3 }, { name: 'AgentExecutor', count: 1 }, { name: 'Inventory', count: 1 }, { name: 'Scripts', count: 1 }]);
  assert.deepEqual(all.severities, { success: 0, information: 3, warning: 1, error: 2 });

  const two = cache.get([d2.key]);
  assert.deepEqual(two.components, [{ name: 'AgentExecutor', count: 1 }, { name: 'Win32App', count: 1 }], 'DEVICE2\'s components only, none of the others');
  assert.deepEqual(two.threads, [{ name: '7', count: 2 }]);
  assert.deepEqual(two.severities, { success: 0, information: 1, warning: 1, error: 0 });
  assert.deepEqual([two.firstUtc, two.lastUtc], [Date.UTC(2020, 0, 1, 10, 0, 1), Date.UTC(2020, 0, 1, 10, 0, 2)]);
  assert.deepEqual(two.sources, [3, 2, 1], 'the Machines and Logs pickers still count every log');

  const oneAndThree = cache.get([d3.key, d1.key, 'file:///not/in/the/table.log']);
  assert.deepEqual(oneAndThree.components, [{ name: 'Win32App', count: 2 }, { name: 'Inventory', count: 1 }, { name: 'Scripts', count: 1 }]);
  assert.deepEqual(oneAndThree.severities, { success: 0, information: 2, warning: 0, error: 2 });

  const none = cache.get([]);
  assert.deepEqual([none.components, none.threads, none.severities, none.firstUtc], [[], [], { success: 0, information: 0, warning: 0, error: 0 }, null], 'every log hidden: nothing counted');
  assert.deepEqual(cache.get([d1.key, d2.key, d3.key]), all, 'every log picked is the whole table');
  assert.equal(counted, 1, 'picks add up the counts kept: no log is read again');
});

test('a pick follows the entries when they change', () => {
  const d1 = log('DEVICE1', cm('a', 1, 'Win32App'));
  const d2 = log('DEVICE2', cm('b', 3, 'Scripts'));
  const view = new TableView([d1, d2]);
  const cache = new FacetCache(view);
  assert.equal(cache.get([d2.key]).severities.error, 1);
  d2.log()!.appendText(cm('c', 3, 'Scripts', 1, '10:00:01.000'));
  assert.equal(view.refresh(), 'append');
  assert.deepEqual(cache.get([d2.key]).components, [{ name: 'Scripts', count: 2 }]);
});
