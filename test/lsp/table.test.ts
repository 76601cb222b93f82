// The table over the language server: open a log, page its rows, filter, facets, detail with the
// hover's problem Markdown; a merge of logs from two workspace folders sorted by UTC; a log the
// server does not hold read from disk; a live document followed, paused and resumed; a
// catastrophic pattern refused in bounded time; an indexed or open log deleted says so, its rows kept.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { TableNotifications, TableRequests, type TableChangedParams, type TablePlaceParams } from '../../server/src/protocol';
import { fileUri, TestClient } from '../support/lspClient';

const SAMPLES = path.resolve(__dirname, '../../samples');
let ws: string;
let client: TestClient;
const changed: TableChangedParams[] = [];
const uri = (rel: string) => fileUri(path.join(ws, rel));
const cm = (msg: string, time: string, type = 1) => `<![LOG[${msg}]LOG]!><time="${time}+000" date="3-15-2026" component="Live" context="" type="${type}" thread="1" file="">\r\n`;

/** The last change the server told of a table. */
const lastOf = (id: string) => changed.filter((c) => c.tableId === id).at(-1);

/** A two-record log outside the folders, open in the editor, and its table. */
async function openOutside(name: string): Promise<{ doc: string; du: string; table: { tableId: string; rows: number } }> {
  const doc = path.join(mkdtempSync(path.join(tmpdir(), 'cmlog-closed-')), name), du = fileUri(doc);
  writeFileSync(doc, cm('one', '08:00:00.000') + cm('two', '08:00:01.000'));
  await client.open(du, readFileSync(doc, 'utf8'));
  const table = (await client.connection.sendRequest(TableRequests.open, { uris: [du] }))!;
  assert.equal(table.rows, 2);
  return { doc, du, table };
}

before(async () => {
  ws = mkdtempSync(path.join(tmpdir(), 'cmlog-table-'));
  cpSync(SAMPLES, ws, { recursive: true });
  client = await TestClient.start({}, { folders: [path.join(ws, 'Client'), path.join(ws, 'SiteServer')] });
  client.connection.onNotification(TableNotifications.changed, (p) => changed.push(p));
  await client.until(() => client.indexed, 'indexing to end');
});
after(async () => { if (client) await client.stop().catch(() => client.proc.kill()); });

test('one log: rows by range, filter, facets, and a detail with the hover\'s problem Markdown', async () => {
  const u = uri('Client/ccmsetup.log');
  await client.waitForDiagnostics(u, (d) => d.length > 0);
  const t = await client.connection.sendRequest(TableRequests.open, { uris: [u] });
  assert.ok(t && t.rows === 16 && t.rows === t.total && !t.reading);
  assert.deepEqual(t.sources.map((s) => [s.name, s.machine, s.label, s.color]), [['ccmsetup.log', 'Client', 'ccmsetup.log', 0]], 'one machine: the bare name');
  const page = await client.connection.sendRequest(TableRequests.rows, { tableId: t.tableId, start: 0, count: 100_000 });
  assert.equal(page.items.length, Math.min(t.rows, 1000));
  assert.equal(page.items[0].row, 0);
  const f = await client.connection.sendRequest(TableRequests.filter, { tableId: t.tableId, filter: { severities: ['error'] } });
  assert.ok(f.rows > 0 && f.rows < t.rows && !f.error && f.version > t.version, JSON.stringify([f, t.rows]));
  const errors = await client.connection.sendRequest(TableRequests.rows, { tableId: t.tableId, start: 0, count: 1000 });
  assert.ok(errors.items.every((r) => r.severity === 'error'));
  const withProblem = errors.items.find((r) => r.problems > 0)!;
  assert.ok(withProblem, 'rows count their problems');
  const d = await client.connection.sendRequest(TableRequests.detail, { tableId: t.tableId, row: withProblem.row });
  assert.equal(d!.uri, u);
  assert.equal(d!.line, withProblem.line);
  assert.ok(d!.problems.some((p) => /token/i.test(p.markdown)), JSON.stringify(d!.problems));
  assert.ok(d!.attributes.some((a) => a.name === 'component' && a.value === withProblem.component));
  const facets = await client.connection.sendRequest(TableRequests.facets, { tableId: t.tableId });
  assert.equal(facets!.severities.error, f.rows);
  // The reader's place: an error entry keeps its row when the filter is lifted, and is the nearest when filtered again.
  const lifted = await client.connection.sendRequest(TableRequests.filter, { tableId: t.tableId, filter: {}, keep: { source: 0, entry: withProblem.entry } });
  assert.equal(lifted.kept, withProblem.entry, 'unfiltered: the entry\'s row');
  const before = page.items.find((r) => r.severity !== 'error' && r.entry > withProblem.entry) ?? page.items.find((r) => r.severity !== 'error')!;
  const again = await client.connection.sendRequest(TableRequests.filter, { tableId: t.tableId, filter: { severities: ['error'] }, keep: { source: 0, entry: before.entry } });
  // One log: the position is the entry; the nearest error row by entry, the earlier on a tie.
  const near = errors.items.reduce((best, r) => (Math.abs(r.entry - before.entry) < Math.abs(best.entry - before.entry) ? r : best));
  assert.equal(again.kept, near.row, JSON.stringify([before.entry, errors.items.map((r) => r.entry)]));
  await client.connection.sendRequest(TableRequests.close, { tableId: t.tableId });
  const gone = await client.connection.sendRequest(TableRequests.rows, { tableId: t.tableId, start: 0, count: 1 });
  assert.equal(gone.items.length, 0, 'a closed table answers nothing');
});

test('a merge across two folders: sorted by UTC, a machine per folder, the log without offset placed last and noted', async () => {
  const uris = ['Client/ClientIDManagerStartup.log', 'SiteServer/MP_RegistrationManager.log', 'Client/IntuneManagementExtension.log'].map(uri);
  const t = (await client.connection.sendRequest(TableRequests.open, { uris }))!;
  assert.deepEqual(t.sources.map((s) => [s.machine, s.color]), [['Client', 0], ['SiteServer', 1], ['Client', 2]]);
  assert.match(t.sources[2].note!, /offset unknown: placed last/);
  assert.equal(t.notes.length, 1);
  // Two machines: each log is named with its own (the same file names repeat on every device), the banner too.
  assert.deepEqual(t.sources.map((s) => s.label), ['Client › ClientIDManagerStartup.log', 'SiteServer › MP_RegistrationManager.log', 'Client › IntuneManagementExtension.log']);
  assert.match(t.notes[0], /^Client › IntuneManagementExtension\.log: offset unknown/);
  const { items } = await client.connection.sendRequest(TableRequests.rows, { tableId: t.tableId, start: 0, count: 1000 });
  assert.equal(items.length, t.total);
  const known = items.filter((r) => r.utc !== null).map((r) => r.utc!);
  assert.deepEqual(known, [...known].sort((a, b) => a - b));
  assert.ok(items.slice(known.length).every((r) => r.source === 2), 'unknown UTC last');
  assert.ok(new Set(items.slice(0, known.length).map((r) => r.source)).size === 2, 'both logs interleaved');
  // Where Live shows the merge: its newest timed row, said with the rows (the page asks for none to find it).
  assert.equal(t.timedEnd, known.length - 1);
  assert.equal((await client.connection.sendRequest(TableRequests.rows, { tableId: t.tableId, start: 0, count: 1 })).timedEnd, known.length - 1, 'a rows answer says it too');
  const timedOnly = await client.connection.sendRequest(TableRequests.filter, { tableId: t.tableId, filter: { sources: [uris[0], uris[1]] } });
  assert.equal(timedOnly.timedEnd, undefined, 'no untimed tail: the end is the place');
  const all = await client.connection.sendRequest(TableRequests.filter, { tableId: t.tableId, filter: {} });
  assert.equal(all.timedEnd, known.length - 1);
  // What happened at the same moment elsewhere, with its row in this table.
  // 16:20:11.425 at -060 is 1.077 s from the client's 10:20:10.348 at +300.
  const mp = items.find((r) => r.source === 1 && r.time.includes('16:20:11.425'))!;
  const d = (await client.connection.sendRequest(TableRequests.detail, { tableId: t.tableId, row: mp.row }))!;
  const near = d.sameMoment.find((s) => s.uri === uris[0]);
  assert.ok(near && near.row !== null, JSON.stringify(d.sameMoment));
  assert.equal(near.name, 'Client › ClientIDManagerStartup.log', 'the same-moment list names the other machine');
  assert.equal(items[near.row!].line, near.line);
  const tsv = await client.connection.sendRequest(TableRequests.copy, { tableId: t.tableId, ranges: [{ start: 0, end: 2 }], as: 'tsv' });
  assert.equal(tsv.text.split('\n').length, 3);
  // A merge's copy names each row's log as the table does (with its machine); the page asks for the columns it shows.
  const labels = ['Client › ClientIDManagerStartup.log', 'SiteServer › MP_RegistrationManager.log', 'Client › IntuneManagementExtension.log'];
  const first = tsv.text.split('\n')[0].split('\t');
  assert.equal(first.length, 7);
  assert.equal(first[3], labels[items[0].source], 'severity, time, UTC, then the source');
  const shown = await client.connection.sendRequest(TableRequests.copy, { tableId: t.tableId, ranges: [{ start: 0, end: 1 }], as: 'tsv', columns: ['source', 'message'] });
  assert.equal(shown.text, `${labels[items[0].source]}\t${items[0].message}\n`);
  const exported = await client.connection.sendRequest(TableRequests.exportText, { tableId: t.tableId });
  assert.equal(exported.text.trimEnd().split('\n').length, t.total);
  assert.match(exported.text, /Z {2}SiteServer › MP_RegistrationManager\.log {2}/, 'the export names the machine too');
  // A merge's problems are its logs' own: none is published for the table.
  assert.ok([...client.diagnostics.keys()].every((k) => k.startsWith('file:')));
  // Narrowed by its pickers to the site server's log: the facets count that log's rows only.
  const picked = await client.connection.sendRequest(TableRequests.facets, { tableId: t.tableId, sources: [uris[1]] });
  const rowsOf1 = items.filter((r) => r.source === 1);
  const byName = new Map<string, number>();
  for (const r of rowsOf1) byName.set(r.component, (byName.get(r.component) ?? 0) + 1);
  assert.deepEqual(new Map(picked!.components.map((c) => [c.name, c.count])), byName);
  assert.equal(picked!.severities.information + picked!.severities.warning + picked!.severities.error + picked!.severities.success, rowsOf1.length);
  const whole = (await client.connection.sendRequest(TableRequests.facets, { tableId: t.tableId }))!;
  assert.deepEqual(picked!.sources, whole.sources, 'the Machines and Logs pickers count every log');
  assert.ok(whole.components.reduce((n, c) => n + c.count, 0) > rowsOf1.length);
  // What a page sends is untrusted: names that are not strings count nothing.
  const odd = await client.connection.sendRequest(TableRequests.facets, { tableId: t.tableId, sources: [42, null] as unknown as string[] });
  assert.deepEqual(odd!.components, []);
});

test('a log the server does not hold is read from disk', async () => {
  const outside = mkdtempSync(path.join(tmpdir(), 'cmlog-outside-'));
  const file = path.join(outside, 'Far.log');
  writeFileSync(file, readFileSync(path.join(ws, 'SiteServer/CloudUserSync.log')));
  const t = (await client.connection.sendRequest(TableRequests.open, { uris: [fileUri(file)] }))!;
  if (t.reading) await client.until(() => changed.some((c) => c.tableId === t.tableId && !c.reading), 'the file read');
  const { rows } = await client.connection.sendRequest(TableRequests.filter, { tableId: t.tableId, filter: {} });
  const indexed = (await client.connection.sendRequest(TableRequests.open, { uris: [uri('SiteServer/CloudUserSync.log')] }))!;
  assert.ok(rows > 100);
  assert.equal(rows, indexed.total);
});

test('a log read from disk that cannot be read says why, with its name, and stops reading', async () => {
  const outside = mkdtempSync(path.join(tmpdir(), 'cmlog-unreadable-'));
  // Deleted before the table reads it (fails to open), and a folder named like a log (opens, fails to read).
  const gone = path.join(outside, 'Gone <b>.log'), folder = path.join(outside, 'Folder.log');
  writeFileSync(gone, cm('soon gone', '08:00:00.000'));
  rmSync(gone);
  mkdirSync(folder);
  for (const [file, name] of [[gone, 'Gone <b>.log'], [folder, 'Folder.log']]) {
    const t = (await client.connection.sendRequest(TableRequests.open, { uris: [fileUri(file)] }))!;
    const error = () => t.error ?? changed.find((c) => c.tableId === t.tableId && c.error)?.error;
    await client.until(() => error() !== undefined, `the read error of ${name}`);
    assert.ok(error()!.startsWith(`${name}: `), error());
    assert.match(error()!, file === gone ? /no such file/ : /is a folder/);
    const last = changed.filter((c) => c.tableId === t.tableId).at(-1);
    assert.ok(t.error ? !t.reading : last && !last.reading, 'reading ends');
    assert.equal(last?.rows ?? t.rows, 0);
  }
});

test('a live document: appended rows notified; paused until resumed; rows of its lines', async () => {
  const u = uri('Client/Live.log');
  await client.open(u, cm('first', '08:00:00.000'));
  const t = (await client.connection.sendRequest(TableRequests.open, { uris: [u] }))!;
  assert.equal(t.rows, 1);
  await client.append(u, 1, 0, cm('second', '08:00:01.000', 3));
  await client.until(() => changed.some((c) => c.tableId === t.tableId && c.rows === 2), 'the append notified');
  assert.ok(changed.filter((c) => c.tableId === t.tableId).every((c) => !c.reset));
  await client.connection.sendRequest(TableRequests.follow, { tableId: t.tableId, follow: false });
  await client.append(u, 2, 0, cm('third', '08:00:02.000'));
  const row = await client.connection.sendRequest(TableRequests.rowOfLine, { tableId: t.tableId, uri: u, line: 2 });
  assert.equal(row.row, 2, 'the view itself follows');
  assert.ok(!changed.some((c) => c.tableId === t.tableId && c.rows === 3), 'paused: no notification');
  await client.connection.sendRequest(TableRequests.follow, { tableId: t.tableId, follow: true });
  await client.until(() => changed.some((c) => c.tableId === t.tableId && c.rows === 3), 'resumed');
  const next = await client.connection.sendRequest(TableRequests.find, { tableId: t.tableId, from: 0, direction: 'next', severity: 'error' });
  assert.equal(next.row, 1);
});

test('a live merge says its newest timed row with each change: appended rows move it, a log without offset stays last', async () => {
  const a = uri('Client/LiveTimed.log'), b = uri('Client/LiveNoOffset.log');
  const noOffset = (msg: string, time: string) => `<![LOG[${msg}]LOG]!><time="${time}" date="3-15-2026" component="Live" context="" type="1" thread="1" file="">\r\n`;
  await client.open(a, cm('a0', '08:00:00.000'));
  await client.open(b, noOffset('b0', '07:00:00.000') + noOffset('b1', '07:00:01.000'));
  const t = (await client.connection.sendRequest(TableRequests.open, { uris: [a, b] }))!;
  assert.equal(t.rows, 3);
  assert.equal(t.timedEnd, 0);
  await client.append(a, 1, 0, cm('a1', '08:00:01.000'));
  await client.until(() => lastOf(t.tableId)?.rows === 4, 'the append notified');
  assert.equal(lastOf(t.tableId)!.timedEnd, 1);
  // A record older than the merge's last timed one: ordered again, a reset that says the place too.
  await client.append(a, 2, 0, cm('a2', '07:59:00.000'));
  await client.until(() => lastOf(t.tableId)?.rows === 5, 'the reset notified');
  assert.deepEqual([lastOf(t.tableId)!.reset, lastOf(t.tableId)!.timedEnd], [true, 2]);
});

test('a filter answer carries the rows the page shows first: whole pages around the kept row, as a rows answer has them, bounded', async () => {
  const u = uri('Client/Paged.log');
  const time = (i: number) => `08:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.000`;
  let text = '';
  for (let i = 0; i < 3000; i++) text += cm(i % 7 === 0 ? `failed ${i}` : `record ${i}`, time(i), i % 3 === 0 ? 3 : 1);
  await client.open(u, text);
  const t = (await client.connection.sendRequest(TableRequests.open, { uris: [u] }))!;
  assert.equal(t.rows, 3000);
  const id = t.tableId, highlights = [{ text: 'failed' }];
  const filter = (p: object) => client.connection.sendRequest(TableRequests.filter, { tableId: id, filter: { severities: ['error'] }, highlights, ...p });
  /** The answer's page is whole pages of `size`, as a rows request gets them, and holds rows [from, to]. */
  const check = async (f: Awaited<ReturnType<typeof filter>>, size: number, from: number, to: number) => {
    const page = f.page!;
    assert.ok(page, 'a page carried');
    assert.equal(page.start % size, 0, 'from the first row of a page');
    const end = page.start + page.items.length;
    assert.ok(page.items.length <= 1000 && (end % size === 0 || end === f.rows), `whole pages, bounded: ${page.start}+${page.items.length}`);
    assert.ok(page.start <= from && end > to, `rows ${from}..${to} in ${page.start}..${end - 1}`);
    const rows = await client.connection.sendRequest(TableRequests.rows, { tableId: id, start: page.start, count: page.items.length, highlights });
    assert.equal(rows.version, f.version, 'the view of the answer');
    assert.deepEqual(page.items, rows.items, 'the rows a rows answer has, highlights applied');
    assert.ok(page.items.some((r) => r.highlight === 0) && page.items.every((r) => r.severity === 'error'));
  };
  // Entry 1200 is error row 400: the page's rows 30 either side of it, in pages of 200.
  const kept = await filter({ keep: { source: 0, entry: 1200 }, page: { size: 200, reach: 30 } });
  assert.equal(kept.rows, 1000);
  assert.equal(kept.kept, 400);
  await check(kept, 200, 370, 430);
  assert.equal(kept.page!.items.length, 400, 'the two pages that hold them, no more');
  // Nothing kept: the top. A range: its focus end (keep's).
  const top = await filter({ page: { size: 200, reach: 30 } });
  assert.equal(top.page!.start, 0);
  await check(top, 200, 0, 30);
  const range = await filter({ keep: { source: 0, entry: 2997 }, keepFrom: { source: 0, entry: 300 }, page: { size: 100, reach: 10 } });
  assert.deepEqual(range.keptRange, { from: 100, to: 999 });
  await check(range, 100, 989, 999);
  // A page asking for more than a rows answer carries gets at most as much; a page too large to carry whole, none.
  const huge = await filter({ keep: { source: 0, entry: 1500 }, page: { size: 200, reach: 1e9 } });
  await check(huge, 200, 500, 500);
  assert.equal(huge.page!.items.length, 1000);
  assert.equal((await filter({ page: { size: 5000, reach: 30 } })).page, undefined);
  assert.equal((await filter({})).page, undefined, 'not asked: not carried');
  await client.connection.sendRequest(TableRequests.close, { tableId: id });
});

test('a reset carries the rows the page shows next: at its Live place when Live, else where it keeps its top row, as a rows answer has them', async () => {
  const a = uri('Client/ResetTimed.log'), b = uri('Client/ResetNoOffset.log');
  const time = (i: number) => `08:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.000`;
  const noOffset = (msg: string) => `<![LOG[${msg}]LOG]!><time="07:00:00.000" date="3-15-2026" component="Live" context="" type="1" thread="1" file="">\r\n`;
  let text = '';
  for (let i = 0; i < 600; i++) text += cm(i % 7 === 0 ? `failed ${i}` : `record ${i}`, time(i));
  await client.open(a, text);
  await client.open(b, noOffset('u0') + noOffset('u1') + noOffset('u2'));
  const t = (await client.connection.sendRequest(TableRequests.open, { uris: [a, b] }))!;
  assert.deepEqual([t.rows, t.timedEnd], [603, 599]);
  const id = t.tableId, highlights = [{ text: 'failed' }];
  // What the page sends is untrusted: a malformed place is sent as it is.
  const place = (p: object) => client.connection.sendRequest(TableRequests.place, { tableId: id, top: 0, page: { size: 100, reach: 20 }, highlights, ...p } as TablePlaceParams);
  /** Appends a record older than the merge's last (ordered again: a reset); its notification, checked against a rows answer. */
  let lines = 600;
  const reset = async (from: number, to: number) => {
    await client.append(a, lines++, 0, cm('older', '07:30:00.000'));
    await client.until(() => lastOf(id)?.rows === 603 + lines - 600, 'the reset notified');
    const c = lastOf(id)!;
    assert.equal(c.reset, true);
    const page = c.page!;
    assert.ok(page, 'rows carried');
    const end = page.start + page.items.length;
    assert.ok(page.start % 100 === 0 && (end % 100 === 0 || end === c.rows) && page.items.length <= 1000, `whole pages: ${page.start}+${page.items.length}`);
    assert.ok(page.start <= from && end > to, `rows ${from}..${to} in ${page.start}..${end - 1}`);
    const rows = await client.connection.sendRequest(TableRequests.rows, { tableId: id, start: page.start, count: page.items.length, highlights });
    assert.equal(rows.version, c.version);
    assert.deepEqual(page.items, rows.items, 'the rows a rows answer has, highlights applied');
    assert.ok(page.items.some((r) => r.highlight === 0));
    return c;
  };
  // Live: around the newest timed row (the untimed tail after it).
  await place({ live: true, token: 7 });
  const live = await reset(580, 600);
  assert.deepEqual([live.timedEnd, live.page!.token], [600, 7]);
  // Paused at row 250: around it.
  await place({ live: false, top: 250, token: 8 });
  const kept = await reset(250, 270);
  assert.equal(kept.page!.token, 8);
  // A row past the end is the last row (the page's view is clamped).
  await place({ live: false, top: 1e9, token: 9 });
  await reset(585, 605);
  // A place the page sent wrong: no rows carried.
  await place({ live: 'yes', page: null, token: 'x' });
  await client.append(a, lines++, 0, cm('older', '07:30:00.000'));
  await client.until(() => lastOf(id)?.rows === 603 + lines - 600, 'the reset notified');
  assert.deepEqual([lastOf(id)!.reset, lastOf(id)!.page], [true, undefined]);
  await client.connection.sendRequest(TableRequests.close, { tableId: id });
});

test('an append carries the rows a Live page shows next (its end), as a rows answer has them; none when the page is paused', async () => {
  const u = uri('Client/AppendLive.log');
  const time = (i: number) => `08:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.000`;
  let text = '';
  for (let i = 0; i < 590; i++) text += cm(i % 7 === 0 ? `failed ${i}` : `record ${i}`, time(i));
  await client.open(u, text);
  const t = (await client.connection.sendRequest(TableRequests.open, { uris: [u] }))!;
  assert.equal(t.rows, 590);
  const id = t.tableId, highlights = [{ text: 'failed' }];
  const place = (p: object) => client.connection.sendRequest(TableRequests.place, { tableId: id, top: 0, page: { size: 100, reach: 20 }, highlights, ...p } as TablePlaceParams);
  let lines = 590;
  /** Appends `n` records (one a match of the rule); the notification of the view that has them. */
  const append = async (n: number) => {
    let more = cm(`failed ${lines}`, time(lines));
    for (let i = 1; i < n; i++) more += cm(`record ${lines + i}`, time(lines + i));
    await client.append(u, lines, 0, more);
    lines += n;
    await client.until(() => lastOf(id)?.rows === lines, 'the append notified');
    const c = lastOf(id)!;
    assert.equal(c.reset, false);
    return c;
  };
  /** The rows carried: whole pages holding the last `reach` rows, as a rows answer has them. */
  const atEnd = async (c: TableChangedParams, token: number) => {
    const page = c.page!;
    assert.ok(page, 'rows carried');
    const end = page.start + page.items.length;
    assert.ok(page.start % 100 === 0 && end === c.rows && page.start <= c.rows - 21 && page.items.length <= 1000, `whole pages to the end: ${page.start}+${page.items.length} of ${c.rows}`);
    assert.equal(page.token, token);
    const rows = await client.connection.sendRequest(TableRequests.rows, { tableId: id, start: page.start, count: page.items.length, highlights });
    assert.equal(rows.version, c.version);
    assert.deepEqual(page.items, rows.items, 'the rows a rows answer has, highlights applied');
    assert.ok(page.items.some((r) => r.highlight === 0));
  };
  // Live: the rows at the end, past the page the append changed (590 → 615 crosses into a new page).
  await place({ live: true, token: 3 });
  await atEnd(await append(25), 3);
  await atEnd(await append(1), 3);
  // The page paused (it says so before `follow`): nothing carried, though the server still follows.
  await place({ live: false, top: 100, token: 4 });
  assert.equal((await append(1)).page, undefined, 'a paused page moves nowhere: its rows come when scrolled to');
  // Paused on the server too: the appends are held back, then said with the Live rows when resumed.
  await client.connection.sendRequest(TableRequests.follow, { tableId: id, follow: false });
  const before = changed.length;
  await client.append(u, lines, 0, cm(`failed ${lines}`, time(lines)) + cm(`record ${lines + 1}`, time(lines + 1)));
  lines += 2;
  assert.equal((await client.connection.sendRequest(TableRequests.rows, { tableId: id, start: 0, count: 1 })).rows, lines, 'the view itself follows');
  assert.ok(!changed.slice(before).some((c) => c.tableId === id), 'paused: no notification');
  await place({ live: true, token: 5 });
  await client.connection.sendRequest(TableRequests.follow, { tableId: id, follow: true });
  await client.until(() => lastOf(id)?.rows === lines, 'resumed');
  await atEnd(lastOf(id)!, 5);
  await client.connection.sendRequest(TableRequests.close, { tableId: id });
});

test('a catastrophic pattern is refused with a message, never a hang', async () => {
  const u = uri('Client/Evil.log');
  await client.open(u, cm('a'.repeat(40) + '!', '08:00:00.000'));
  const t = (await client.connection.sendRequest(TableRequests.open, { uris: [u] }))!;
  const t0 = Date.now();
  const f = await client.connection.sendRequest(TableRequests.filter, { tableId: t.tableId, filter: { text: { regex: '(a+)+$' } } });
  assert.ok(Date.now() - t0 < 5000);
  assert.match(f.error!, /refused/);
  // The server still answers.
  const rows = await client.connection.sendRequest(TableRequests.rows, { tableId: t.tableId, start: 0, count: 1 });
  assert.equal(rows.items.length, 1);
});

test('go to a time of day: on the reference row\'s own wall day (a log at UTC+13, a day ahead of UTC)', async () => {
  const u = uri('Client/East.log');
  const east = (msg: string, time: string) => `<![LOG[${msg}]LOG]!><time="${time}-780" date="3-16-2026" component="East" context="" type="1" thread="1" file="">\r\n`;
  // Wall 2026-03-16 08:00..10:00 is UTC 2026-03-15 19:00..21:00.
  await client.open(u, east('e0', '08:00:00.000') + east('e1', '09:00:00.000') + east('e2', '10:00:00.000'));
  const t = (await client.connection.sendRequest(TableRequests.open, { uris: [u] }))!;
  assert.equal(t.rows, 3);
  const go = (p: object) => client.connection.sendRequest(TableRequests.gotoTime, { tableId: t.tableId, ...p });
  assert.deepEqual(await go({ timeOfDay: 9 * 3_600_000, row: 0 }), { row: 1, laterMs: 0 });
  assert.deepEqual(await go({ timeOfDay: 11 * 3_600_000, row: 2 }), { row: null });
  assert.deepEqual(await go({ wall: Date.UTC(2026, 2, 16, 9, 30) }), { row: 2, laterMs: 30 * 60_000 }, 'and how far after the time asked');
});

test('a log the server holds, deleted: its tables say so (rows kept, not reading), indexed or open then closed', async () => {
  const saysGone = (id: string, name: string) => client.until(() => lastOf(id)?.error !== undefined, `the deletion of ${name} said`);
  // Indexed: the client's watcher reports the deletion.
  const file = path.join(ws, 'SiteServer/CCM_STS.log'), u = fileUri(file);
  const t = (await client.connection.sendRequest(TableRequests.open, { uris: [u] }))!;
  assert.ok(t.rows > 0 && !t.reading && !t.error);
  rmSync(file);
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: u, type: FileChangeType.Deleted }] });
  await saysGone(t.tableId, 'CCM_STS.log');
  let last = lastOf(t.tableId)!;
  assert.equal(last.error, 'CCM_STS.log: no such file or folder');
  assert.ok(!last.reading);
  assert.equal(last.rows, t.rows, 'rows kept');
  // Open in the editor (not indexed: outside the folders), its file deleted, then closed.
  const { doc, du, table: d } = await openOutside('Edited.log');
  rmSync(doc);
  await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: du } });
  await saysGone(d.tableId, 'Edited.log');
  last = lastOf(d.tableId)!;
  assert.equal(last.error, 'Edited.log: no such file or folder');
  assert.ok(!last.reading);
  assert.equal(last.rows, 2, 'rows kept');
});

test('a log open in the editor outside the folders, then closed with its file still there: its table goes on following the file', async () => {
  const { doc, du, table: t } = await openOutside('Followed.log');
  await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: du } });
  // The closed document's rows stay (read again from the file), and the file is followed as it grows.
  appendFileSync(doc, cm('three', '08:00:02.000'));
  await client.until(() => lastOf(t.tableId)?.rows === 3, 'the appended record followed');
  const rows = await client.connection.sendRequest(TableRequests.rows, { tableId: t.tableId, start: 0, count: 10 });
  assert.deepEqual(rows.items.map((r) => r.message), ['one', 'two', 'three']);
  assert.equal(lastOf(t.tableId)?.error, undefined);
  appendFileSync(doc, cm('four', '08:00:03.000'));
  await client.until(() => lastOf(t.tableId)?.rows === 4, 'a second append followed');
  await client.connection.sendRequest(TableRequests.close, { tableId: t.tableId });
});
