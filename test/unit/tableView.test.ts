// The table's pure core on real LogFiles: a merge sorted by UTC across logs (stable, unknown
// offsets last), filters on columns and text, find, go to time, rows of lines, live appends and
// resets, copy and export bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import { TableView, type TableLogSource, MESSAGE_CUT } from '../../server/src/table/view';
import { copyRows, exportRows } from '../../server/src/table/text';
import { countLog, FacetCache } from '../../server/src/table/facets';
import { sourceNote } from '../../server/src/table/sourceNote';
import { Timeline } from '../../server/src/workspace/timeline';

const cm = (msg: string, time: string, o: { comp?: string; type?: number; thread?: number; off?: string } = {}) =>
  `<![LOG[${msg}]LOG]!><time="${time}${o.off ?? '+000'}" date="1-1-2020" component="${o.comp ?? 'C'}" context="" type="${o.type ?? 1}" thread="${o.thread ?? 1}" file="">\r\n`;

/** A source over a model the test can replace or grow. */
function src(key: string, text: string, options = {}): TableLogSource & { model: LogFile } {
  const s = { key, name: key.split('/').pop()!, model: LogFile.fromText(text, options), log: () => s.model, reading: () => false };
  return s;
}
const messages = (v: TableView) => v.page(0, 1000, undefined, () => 0).items.map((r) => r.message);

test('a merge is sorted by UTC across time zones, stable by log then entry, unknown offsets last', () => {
  // A at UTC (+000), B at bias -060 (UTC+1): B's 11:00:01 is 10:00:01 UTC.
  const a = src('file:///m1/A.log', cm('a0', '10:00:00.000') + cm('a1', '10:00:02.000') + cm('a2', '10:00:02.000'));
  const b = src('file:///m2/B.log', cm('b0', '11:00:01.000', { off: '-060' }) + cm('b1', '11:00:02.000', { off: '-060' }));
  const c = src('file:///m3/C.log', cm('c0', '09:00:00.000', { off: '' }));
  const v = new TableView([a, b, c]);
  assert.deepEqual(messages(v), ['a0', 'b0', 'a1', 'a2', 'b1', 'c0']);
  assert.equal(v.total, 6);
  // With a default offset the unknown log is placed by it.
  const c2 = src('file:///m3/C.log', cm('c0', '10:00:01.500', { off: '' }), { defaultOffset: 0 });
  assert.deepEqual(messages(new TableView([a, b, c2])), ['a0', 'b0', 'c0', 'a1', 'a2', 'b1']);
});

test('a merge orders again when a log is re-timed in place (an offset setting changed): its rows leave the unknown block', () => {
  const a = src('file:///m1/A.log', cm('a0', '10:00:00.000') + cm('a1', '10:00:02.000'));
  const c = src('file:///m3/C.log', cm('c0', '10:00:01.000', { off: '' }));
  const v = new TableView([a, c]);
  assert.deepEqual(messages(v), ['a0', 'a1', 'c0']);
  const version = v.version;
  // The same model, read with an offset now (WorkspaceIndex.setParseOptions): no new entries.
  c.model.setOptions({ defaultOffset: 0 });
  assert.equal(v.refresh(), 'reset');
  assert.deepEqual(messages(v), ['a0', 'c0', 'a1']);
  assert.ok(v.version > version);
  assert.equal(v.refresh(), 'none', 'nothing new after that');
  // One log re-timed: its UTC cells change, so the client drops the rows it holds.
  const one = new TableView([c]);
  c.model.setOptions({ defaultOffset: 60 });
  assert.equal(one.refresh(), 'reset');
});

test('filters: severities, components and threads (case-insensitive), sources, time, text, and none', async () => {
  const a = src('file:///m1/A.log', cm('Start', '10:00:00.000', { comp: 'Ccm' }) + cm('Failed 0x80070005', '10:00:01.000', { type: 3, comp: 'Setup', thread: 7 }) +
    cm('warn here', '10:00:02.000', { type: 2, comp: 'ccm' }) + cm('done', '10:00:03.000', { comp: 'Other' }));
  const b = src('file:///m2/B.log', cm('other log FAILED', '10:00:01.500', { type: 3 }));
  const v = new TableView([a, b]);
  const filtered = async (f: object) => { assert.deepEqual(await v.setFilter(f), {}); return messages(v); };
  assert.deepEqual(await filtered({ severities: ['error'] }), ['Failed 0x80070005', 'other log FAILED']);
  assert.deepEqual(await filtered({ components: { include: ['CCM'] } }), ['Start', 'warn here']);
  assert.deepEqual(await filtered({ components: { exclude: ['ccm', 'c'] } }), ['Failed 0x80070005', 'done']);
  assert.deepEqual(await filtered({ threads: { include: ['7'] } }), ['Failed 0x80070005']);
  assert.deepEqual(await filtered({ sources: ['file:///m2/B.log'] }), ['other log FAILED']);
  assert.deepEqual(await filtered({ from: Date.UTC(2020, 0, 1, 10, 0, 1), to: Date.UTC(2020, 0, 1, 10, 0, 2) }), ['Failed 0x80070005', 'other log FAILED', 'warn here']);
  assert.deepEqual(await filtered({ text: { contains: ['failed'] } }), ['Failed 0x80070005', 'other log FAILED']);
  assert.deepEqual(await filtered({ text: { contains: ['Failed'], caseSensitive: true } }), ['Failed 0x80070005']);
  assert.deepEqual(await filtered({ text: { notContains: ['failed', 'one', 'sta'] } }), ['warn here']);
  assert.deepEqual(await filtered({ text: { regex: '^(start|done)$' } }), ['Start', 'done']);
  assert.deepEqual(await filtered({}), ['Start', 'Failed 0x80070005', 'other log FAILED', 'warn here', 'done']);
  const bad = await v.setFilter({ text: { regex: '(' } });
  assert.match(bad.error!, /invalid regular expression/);
  assert.equal(v.rowCount, 5, 'a refused filter leaves the view as it was');
});

test('a filter stops when cancelled and leaves the view unchanged', async () => {
  let text = '';
  for (let i = 0; i < 50_000; i++) text += cm(`m${i}`, '10:00:00.000', { type: i % 2 ? 3 : 1 });
  const v = new TableView([src('file:///m/A.log', text)]);
  const version = v.version;
  let asked = 0;
  const r = await v.setFilter({ text: { contains: ['m'] } }, () => ++asked > 0);
  assert.deepEqual(r, { cancelled: true });
  assert.equal(v.version, version);
  assert.equal(v.rowCount, 50_000);
});

test('find next and previous by severity, text and pattern; go to time; row of a line', async () => {
  const a = src('file:///m1/A.log', cm('one', '10:00:00.000') + cm('Error two', '10:00:01.000', { type: 3 }) + cm('three', '10:00:02.000', { type: 2 }) + cm('four error', '10:00:03.000', { type: 3 }));
  const v = new TableView([a]);
  assert.deepEqual(v.find(0, 'next', { severity: 'error' }), { row: 1 });
  assert.deepEqual(v.find(1, 'next', { severity: 'error' }), { row: 3 });
  assert.deepEqual(v.find(3, 'next', { severity: 'error' }), { row: null });
  assert.deepEqual(v.find(3, 'previous', { severity: 'warning' }), { row: 2 });
  assert.deepEqual(v.find(1, 'next', { text: 'ERROR' }), { row: 3 });
  assert.deepEqual(v.find(1, 'next', { text: 'ERROR', caseSensitive: true }), { row: null });
  assert.deepEqual(v.find(3, 'previous', { regex: '^t' }), { row: 2 });
  assert.match(v.find(0, 'next', { regex: '[' }).error!, /invalid/);
  assert.equal(v.gotoTime({ utc: Date.UTC(2020, 0, 1, 10, 0, 1, 500) }).row, 2);
  assert.equal(v.gotoTime({ wall: Date.UTC(2020, 0, 1, 10, 0, 3) }).row, 3);
  assert.equal(v.gotoTime({ utc: Date.UTC(2021, 0, 1) }).row, null);
  assert.equal(v.rowOfLine('file:///m1/A.log', 2), 2);
  await v.setFilter({ severities: ['error'] });
  assert.equal(v.rowOfLine('file:///m1/A.log', 3), 1);
  assert.equal(v.rowOfLine('file:///m1/A.log', 2), null, 'filtered out');
  assert.equal(v.rowOfLine('file:///other.log', 0), null);
});

test('rows: time as written, UTC, first line cut, more', () => {
  const long = 'x'.repeat(MESSAGE_CUT + 50);
  const a = src('file:///m1/A.log', cm('first\r\nsecond', '10:00:00.000', { comp: 'Comp', thread: 12 }) + cm(long, '10:00:01.000') + cm('short', '10:00:02.000'));
  const [r0, r1, r2] = new TableView([a]).page(0, 10, undefined, (_k, e) => e * 10).items;
  assert.deepEqual({ ...r0 }, { row: 0, source: 0, entry: 0, line: 0, severity: 'information', time: '1-1-2020 10:00:00.000+000', utc: Date.UTC(2020, 0, 1, 10), component: 'Comp', thread: '12', message: 'first', more: true, problems: 0, highlight: -1 });
  assert.equal(r1.message.length, MESSAGE_CUT);
  assert.equal(r1.more, true);
  assert.equal(r2.more, false);
  assert.equal(r2.problems, 20);
});

test('live: appended entries are appended rows; a shorter or new model resets; a merge appends in time or resets', async () => {
  const a = src('file:///m1/A.log', cm('a0', '10:00:00.000') + cm('a1', '10:00:01.000', { type: 3 }));
  const v = new TableView([a]);
  await v.setFilter({ severities: ['error', 'information'] });
  assert.equal(v.refresh(), 'none');
  a.model.appendText(cm('a2', '10:00:02.000', { type: 2 }) + cm('a3', '10:00:03.000', { type: 3 }));
  const version = v.version;
  assert.equal(v.refresh(), 'append');
  assert.ok(v.version > version);
  assert.deepEqual(messages(v), ['a0', 'a1', 'a3'], 'the filter applies to appended rows');
  a.model = LogFile.fromText(cm('rotated', '11:00:00.000'));
  assert.equal(v.refresh(), 'reset');
  assert.deepEqual(messages(v), ['rotated']);

  const b = src('file:///m2/B.log', cm('b0', '10:00:05.000'));
  const m = new TableView([a, b]);
  b.model.appendText(cm('b1', '11:00:05.000'));
  assert.equal(m.refresh(), 'append');
  assert.deepEqual(messages(m), ['b0', 'rotated', 'b1']);
  a.model.appendText(cm('late', '10:30:00.000'));
  assert.equal(m.refresh(), 'reset', 'an entry earlier than the last row goes in its place');
  assert.deepEqual(messages(m), ['b0', 'late', 'rotated', 'b1']);
});

test('copy as TSV and raw lines, export with sources; all bounded and saying when cut', () => {
  const a = src('file:///m1/A.log', cm('a\tb\r\nsecond', '10:00:00.000', { comp: 'Comp' }) + cm('two', '10:00:01.000', { type: 3 }));
  const b = src('file:///m2/B.log', cm('bee', '10:00:00.500'));
  const v = new TableView([a, b]);
  const tsv = copyRows(v, [{ start: 0, end: 1 }, { start: 2, end: 3 }], 'tsv');
  // A merge's copy names each row's log (its Source column).
  assert.equal(tsv.text, 'information\t1-1-2020 10:00:00.000+000\t2020-01-01T10:00:00.000Z\tA.log\tComp\t1\ta b second\nerror\t1-1-2020 10:00:01.000+000\t2020-01-01T10:00:01.000Z\tA.log\tC\t1\ttwo\n');
  assert.equal(tsv.cut, false);
  const raw = copyRows(v, [{ start: 1, end: 2 }], 'raw');
  assert.equal(raw.text, cm('bee', '10:00:00.500'));
  assert.deepEqual(copyRows(v, [{ start: 0, end: 3 }], 'raw', 200).cut, true);
  const all = exportRows(v);
  assert.equal(all.text.split('\n').length - 1, 3);
  assert.match(all.text.split('\n')[1], /^2020-01-01T10:00:00\.500Z {2}B\.log {2}/);
  const cut = exportRows(v, 150);
  assert.equal(cut.cut, true);
  assert.ok(cut.text.length < 150 + 200 && /\(cut: the export stops/.test(cut.text));
});

test('facets: counts over all entries, most frequent first, and the UTC bounds', () => {
  const a = src('file:///m1/A.log', cm('1', '10:00:00.000', { comp: 'X' }) + cm('2', '10:00:01.000', { comp: 'Y', type: 3 }) + cm('3', '10:00:02.000', { comp: 'Y' }));
  const f = new FacetCache(new TableView([a])).get();
  assert.deepEqual(f.components, [{ name: 'Y', count: 2 }, { name: 'X', count: 1 }]);
  assert.deepEqual(f.severities, { success: 0, information: 2, warning: 0, error: 1 });
  assert.equal(f.firstUtc, Date.UTC(2020, 0, 1, 10));
  assert.equal(f.lastUtc, Date.UTC(2020, 0, 1, 10, 0, 2));
  // Entries per log: a merge's Machines and Logs pickers count with them.
  const b = src('file:///m2/B.log', cm('4', '10:00:00.500'));
  assert.deepEqual(new FacetCache(new TableView([a, b])).get().sources, [3, 1]);
});

test('the merge order equals a stable sort by UTC of every entry (logs out of order, ties, unknown offsets)', () => {
  let seed = 7;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  for (let round = 0; round < 20; round++) {
    const logs = Array.from({ length: 2 + rnd(5) }, (_, li) => { // a merge: one log alone keeps its own order
      let text = '';
      for (let e = 0; e < rnd(30); e++) {
        const s = String(rnd(8)).padStart(2, '0');
        text += cm(`${li}:${e}`, `10:00:${s}.000`, { off: rnd(10) === 0 ? '' : '+000' });
      }
      return src(`file:///m${li}/L.log`, text);
    });
    const want = logs.flatMap((l, li) => Array.from({ length: l.model.entryCount }, (_, e) => ({ li, e, t: l.model.utc(e) })))
      .map((x) => ({ ...x, t: Number.isNaN(x.t) ? Infinity : x.t }))
      .sort((a, b) => a.t - b.t || a.li - b.li || a.e - b.e)
      .map((x) => `${x.li}:${x.e}`);
    assert.deepEqual(messages(new TableView(logs)), want);
  }
});

test('a source note says how a log without offset was placed', () => {
  const noteOf = (log: LogFile, byFolder: boolean) => sourceNote(log, countLog(log), byFolder);
  const none = cm('x', '10:00:00.000', { off: '' });
  assert.equal(noteOf(LogFile.fromText(cm('x', '10:00:00.000')), false), undefined);
  assert.equal(noteOf(LogFile.fromText(none), false), 'offset unknown: placed last (set cmlog.defaultOffset to place it)');
  // Only the setting that placed it is named.
  assert.equal(noteOf(LogFile.fromText(none, { defaultOffset: 300 }), false), 'no offset written: placed with UTC-05:00 (cmlog.defaultOffset)');
  assert.equal(noteOf(LogFile.fromText(none, { defaultOffset: 300 }), true), 'no offset written: placed with UTC-05:00 (cmlog.folderOffsets)');
});

test('the table\'s merge and the CLI timeline\'s merged view order alike: ties by log, logs out of order, unknown UTC last in file order', () => {
  const logs: [string, string][] = [
    ['file:///m1/A.log', cm('a0', '10:00:02.000') + cm('a1', '10:00:01.000') + cm('a2', '10:00:02.000') + cm('a3', '10:00:00.000', { off: '' }) + cm('a4', '10:00:03.000')],
    ['file:///m2/B.log', cm('b0', '11:00:01.000', { off: '-060' }) + cm('b1', '10:00:09.000', { off: '' }) + cm('b2', '11:00:02.000', { off: '-060' })],
    ['file:///m3/C.log', cm('c0', '09:00:00.000', { off: '' }) + cm('c1', '10:00:02.000') + cm('c2', '10:00:01.000')],
  ];
  // Both order ties by log: the timeline by key, the table by source order (here the same).
  const sources = logs.map(([k, t]) => src(k, t));
  const table = messages(new TableView(sources));
  const view = new Timeline(sources.map((s) => ({ key: s.key, name: s.name, log: s.model }))).merged();
  const timeline = Array.from({ length: view.count }, (_, i) => sources[view.log[i]].model.message(view.entry[i]));
  assert.deepEqual(table, ['a1', 'b0', 'c2', 'a0', 'a2', 'b2', 'c1', 'a4', 'a3', 'b1', 'c0']);
  assert.deepEqual(timeline, table);
});
