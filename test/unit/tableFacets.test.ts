// A table's facets are counted once per change of its entries: a page asking again (each filter,
// each reload) over a large log does not rescan it; appended rows are counted (only they: a followed
// merge asks its status with each change) and a reset counts again; a filter (facets are over all
// entries) does not. A merge's facets follow the logs its Machines and Logs pickers keep, added up
// from each log's counts (no log counted again for a pick). Entries read are counted through the
// model's `utc`, which counting reads once per entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import { countLog, FacetCache, type LogFacets } from '../../server/src/table/facets';
import { tableStatus } from '../../server/src/features/tableStatus';
import { TableView, type TableLogSource } from '../../server/src/table/view';

/** Counts the entries of `model` read from now on. */
function reads(model: LogFile): { n: number } {
  const r = { n: 0 }, utc = model.utc.bind(model);
  model.utc = (e: number) => { r.n++; return utc(e); };
  return r;
}

const cm = (msg: string, type = 1, component = 'C', thread = 1, time = '10:00:00.000') => `<![LOG[${msg}]LOG]!><time="${time}+000" date="1-1-2020" component="${component}" context="" type="${type}" thread="${thread}" file="">\r\n`;

test('facets are counted again only when the entries change', async () => {
  const s = { key: 'file:///A.log', name: 'A.log', model: LogFile.fromText(cm('a') + cm('b', 3)), log: () => s.model, reading: () => false };
  const view = new TableView([s as TableLogSource]);
  const first = reads(s.model);
  const cache = new FacetCache(view);
  assert.equal(cache.get().severities.error, 1);
  assert.equal(cache.get().severities.error, 1);
  assert.equal(first.n, 2, 'asked again, nothing changed: not counted again');
  await view.setFilter({ severities: ['error'] });
  assert.equal(cache.get().severities.information, 1, 'over all entries, not the filtered rows');
  assert.equal(first.n, 2, 'a filter does not change what facets count');
  s.model.appendText(cm('c', 3));
  assert.equal(view.refresh(), 'append');
  assert.equal(cache.get().severities.error, 2);
  assert.ok(first.n > 2, 'appended rows are counted');
  s.model = LogFile.fromText(cm('d', 2));
  const second = reads(s.model);
  assert.equal(view.refresh(), 'reset');
  assert.deepEqual(cache.get().severities, { success: 0, information: 0, warning: 1, error: 0 });
  assert.equal(second.n, 1, 'a reset is counted');
  assert.equal(view.refresh(), 'none');
  cache.get();
  assert.equal(second.n, 1);
});

/** What a count says, comparable (name ids differ in length as name tables grow: by name). */
const said = (f: LogFacets) => ({
  ...f, componentNames: undefined, threadNames: undefined,
  components: Object.fromEntries(f.componentNames.map((n, k) => [n, f.components[k] ?? 0])),
  threads: Object.fromEntries(f.threadNames.map((n, k) => [n, f.threads[k] ?? 0])),
});

test('a followed merge: each status after an append reads only what was appended, and counts what a fresh count does', () => {
  let a = '', b = '';
  for (let i = 0; i < 500; i++) a += cm(`a${i}`, 1, 'Old', 1, '09:00:00.000');
  for (let i = 0; i < 300; i++) b += cm(`b${i}`, 2, 'B', 2, '09:00:00.000');
  const la = LogFile.fromText(a), lb = LogFile.fromText(b);
  const ra = reads(la), rb = reads(lb);
  const sources: TableLogSource[] = [
    { key: 'file:///cases/D1/A.log', name: 'A.log', log: () => la, reading: () => false },
    { key: 'file:///cases/D1/B.log', name: 'B.log', log: () => lb, reading: () => false },
  ];
  const view = new TableView(sources);
  ra.n = rb.n = 0; // the merge's order reads them too
  const cache = new FacetCache(view);
  const status = () => tableStatus(view, cache.perLog(), ['A.log', 'B.log'], () => ({ offset: null, byFolder: false }));
  assert.equal(status().entries, 800);
  assert.deepEqual([ra.n, rb.n], [500, 300], 'the first status counts every entry once');
  // Appended: new records (a new component, thread, severity and offset), one written in two pieces
  // (open, then closed: its entry read again), and text that adds no entry but ends one.
  const pieces = [
    cm('n1', 3, 'New', 7, '10:00:00.000') + cm('n2', 1, 'Old', 1, '10:00:01.000'),
    '<![LOG[half',
    ' and the rest]LOG]!><time="11:00:00.000+060" date="1-1-2020" component="Split" context="" type="2" thread="9" file="">\r\n',
    cm('n3', 0, 'Old', 1, '12:00:00.000'),
  ];
  let appended = 0;
  for (const piece of pieces) {
    const before = la.entryCount;
    la.appendText(piece);
    view.refresh();
    ra.n = rb.n = 0;
    const s = status();
    assert.ok(ra.n <= la.entryCount - before + 1, `only the appended entries (and the last, read again) are read: ${ra.n}`);
    assert.equal(rb.n, 0, 'a log that did not change is not read');
    appended += la.entryCount - before;
    assert.equal(s.entries, 800 + appended);
    assert.deepEqual(cache.perLog().map(said), [countLog(la), countLog(lb)].map(said), 'what a fresh count says');
    ra.n = 0;
    status();
    assert.equal(ra.n, 0, 'asked again: nothing read');
  }
  assert.equal(appended, 4);
  const facets = cache.get();
  assert.deepEqual(facets.components.find((c) => c.name === 'Split'), { name: 'Split', count: 1 }, 'the record closed by an append counts as closed');
  assert.deepEqual(facets.severities, { success: 1, information: 501, warning: 301, error: 1 });
});

test('a log re-timed or re-read is counted again whole', () => {
  const s = { key: 'file:///A.log', name: 'A.log', model: LogFile.fromText('2020-01-01 09:30:00, Info                  CBS    one\r\n'), log: () => s.model, reading: () => false };
  const view = new TableView([s as TableLogSource]);
  const cache = new FacetCache(view);
  assert.equal(cache.get().firstUtc, null, 'no offset: no UTC');
  s.model.setOptions({ defaultOffset: 0 });
  assert.equal(view.refresh(), 'reset');
  const r = reads(s.model);
  assert.equal(cache.get().firstUtc, Date.UTC(2020, 0, 1, 9, 30), 'read with its new offset');
  assert.equal(r.n, 1);
  assert.deepEqual(said(cache.perLog()[0]), said(countLog(s.model)));
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
  const read = [d1, d2, d3].map((d) => reads(d.log()!));
  const cache = new FacetCache(view);
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
  assert.deepEqual(read.map((r) => r.n), [3, 2, 1], 'picks add up the counts kept: no log is read again');
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
