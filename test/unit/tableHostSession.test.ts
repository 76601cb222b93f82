// The table's host session with a fake language client and a fake page: the page's requests reach
// the server with the table's id (never the page's), answers come back by id, changes of other
// tables are not passed on, a server restart reopens the table, closing the panel closes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RequestType } from 'vscode-languageserver-protocol';
import type { TableOpenResult } from '../../server/src/protocol';
import type { ToWebview } from '../../client/src/table/messages';
import { TableSession, type TableHost, type TableServer } from '../../client/src/table/session';

const LOG = 'file:///logs/a.log';

function fakes(opts: { failRows?: boolean } = {}) {
  const calls: { method: string; params: Record<string, unknown> }[] = [];
  const posted: ToWebview[] = [];
  const said: string[] = [];
  const opened: string[] = [];
  let next = 0;
  const server: TableServer = {
    async sendRequest<P, R>(type: RequestType<P, R, void>, params: P): Promise<R> {
      calls.push({ method: type.method, params: params as Record<string, unknown> });
      if (type.method === 'cmlog/table/open') {
        const table: TableOpenResult = { tableId: `t${++next}`, version: 1, rows: 10, total: 10, reading: false, sources: [{ uri: LOG, name: 'a.log', machine: 'DEVICE1', label: 'DEVICE1 › a.log', color: 0 }], notes: [] };
        return table as R;
      }
      if (type.method === 'cmlog/table/rows' && opts.failRows) throw new Error('boom');
      if (type.method === 'cmlog/table/rowOfLine') return { row: (params as { line: number }).line === 99 ? null : 7 } as R;
      if (type.method === 'cmlog/table/export') return { text: 'rows', cut: false } as R;
      const { answer } = params as { answer?: unknown };
      return (answer ?? { echo: params }) as R;
    },
  };
  const host: TableHost = {
    post: (m) => void posted.push(m),
    options: () => ({ utcColumn: false, follow: true }),
    openInEditor: (uri, line) => void opened.push(`${uri}:${line}`),
    openLog: (uris) => void opened.push(`log:${uris.join()}`),
    clipboard: (t) => void said.push(`clip:${t}`),
    openAsText: (t) => void said.push(`text:${t}`),
    lookup: (c) => void said.push(`lookup:${c}`),
    useFolderOffset: (uri) => void said.push(`offset:${uri}`),
    notify: (level, m) => void said.push(`${level}:${m}`),
  };
  const session = new TableSession([LOG], async () => server, host);
  return { session, calls, posted, said, opened };
}

test('a page request goes to the server with the table id, replacing one the page sent', async () => {
  const f = fakes();
  await f.session.open();
  await f.session.receive({ kind: 'ready' });
  assert.equal(f.posted[0].kind, 'init');
  await f.session.receive({ kind: 'request', id: 4, method: 'rows', params: { start: 0, count: 5, tableId: 'someone-else' } });
  const rows = f.calls.find((c) => c.method === 'cmlog/table/rows')!;
  assert.deepEqual(rows.params, { start: 0, count: 5, tableId: 't1' });
  assert.deepEqual(f.posted.at(-1), { kind: 'response', id: 4, result: { echo: { start: 0, count: 5, tableId: 't1' } } });
});

test('open and close are the host\'s: the page cannot ask for them; a failing request answers an error', async () => {
  const f = fakes({ failRows: true });
  await f.session.open();
  await f.session.receive({ kind: 'ready' });
  await f.session.receive({ kind: 'request', id: 1, method: 'close', params: {} });
  await f.session.receive({ kind: 'request', id: 2, method: 'open', params: { uris: ['file:///etc/passwd'] } });
  await f.session.receive({ kind: 'request', id: 3, method: 'rows', params: { start: 0, count: 1 } });
  assert.deepEqual(f.calls.map((c) => c.method), ['cmlog/table/open', 'cmlog/table/rows']);
  const answers = f.posted.filter((m) => m.kind === 'response');
  assert.deepEqual(answers.map((a) => [a.id, typeof a.error]), [[1, 'string'], [2, 'string'], [3, 'string']]);
  assert.match(answers[2].error!, /boom/);
});

test('a page that is ready before the table is open gets its init when the table opens, then queued commands', async () => {
  const f = fakes();
  await f.session.receive({ kind: 'ready' });
  f.session.command('nextError');
  assert.equal(f.posted.length, 0, 'nothing before the table is open');
  await f.session.open();
  assert.deepEqual(f.posted.map((m) => m.kind), ['init', 'command']);
});

test('changes of this table are passed on and kept for a page that loads again; others are not', async () => {
  const f = fakes();
  await f.session.open();
  await f.session.receive({ kind: 'ready' });
  f.session.changed({ tableId: 'other', version: 9, rows: 1, total: 1, reading: false, reset: false });
  f.session.changed({ tableId: 't1', version: 2, rows: 20, total: 20, reading: true, reset: false });
  assert.deepEqual(f.posted.map((m) => m.kind), ['init', 'changed']);
  await f.session.receive({ kind: 'ready' });
  const init = f.posted.at(-1) as Extract<ToWebview, { kind: 'init' }>;
  assert.equal(init.kind, 'init');
  assert.deepEqual([init.table.version, init.table.rows, init.table.reading], [2, 20, true]);
});

test('a reset with a new banner (an offset setting changed) is kept for a page that loads again', async () => {
  const f = fakes();
  await f.session.open();
  await f.session.receive({ kind: 'ready' });
  const banner = { sources: [], notes: ['CBS.log: offset unknown: placed with UTC+05:30 (cmlog.folderOffsets)'], offers: [] };
  f.session.changed({ tableId: 't1', version: 3, rows: 10, total: 10, reading: false, reset: true, banner });
  await f.session.receive({ kind: 'ready' });
  const init = f.posted.at(-1) as Extract<ToWebview, { kind: 'init' }>;
  assert.deepEqual(init.table.notes, banner.notes);
});

test('a panel shown again gets the table as it is now, as a reset: the last change, its read error, and a filter answer', async () => {
  const f = fakes();
  f.session.shown();
  assert.equal(f.posted.length, 0, 'no page with its table yet: its init will carry the state');
  await f.session.open();
  await f.session.receive({ kind: 'ready' });
  f.session.changed({ tableId: 't1', version: 2, rows: 20, total: 20, reading: false, reset: false, error: 'a.log: no such file' });
  f.session.shown();
  assert.deepEqual(f.posted.at(-1), { kind: 'changed', change: { tableId: 't1', version: 2, rows: 20, total: 20, reading: false, error: 'a.log: no such file', reset: true } });
  // A filter's answer is a newer view (fewer rows, the same entries): kept; an older answer is not.
  await f.session.receive({ kind: 'request', id: 5, method: 'filter', params: { filter: {}, answer: { version: 3, rows: 4 } } });
  await f.session.receive({ kind: 'request', id: 6, method: 'rows', params: { start: 0, count: 0, answer: { version: 1, rows: 99 } } });
  f.session.shown();
  assert.deepEqual(f.posted.at(-1), { kind: 'changed', change: { tableId: 't1', version: 3, rows: 4, total: 20, reading: false, error: 'a.log: no such file', reset: true } });
});

test('a merge\'s Live place (timedEnd) is kept with the view it belongs to: a page shown again or loaded again gets it', async () => {
  const f = fakes();
  await f.session.open();
  await f.session.receive({ kind: 'ready' });
  f.session.changed({ tableId: 't1', version: 2, rows: 20, total: 20, reading: false, reset: true, timedEnd: 14 });
  f.session.shown();
  assert.equal((f.posted.at(-1) as Extract<ToWebview, { kind: 'changed' }>).change.timedEnd, 14);
  // A filter's newer view says its own; one without says the end.
  await f.session.receive({ kind: 'request', id: 5, method: 'filter', params: { filter: {}, answer: { version: 3, rows: 9, timedEnd: 6 } } });
  await f.session.receive({ kind: 'ready' });
  assert.equal((f.posted.at(-1) as Extract<ToWebview, { kind: 'init' }>).table.timedEnd, 6);
  f.session.changed({ tableId: 't1', version: 4, rows: 21, total: 21, reading: false, reset: false });
  f.session.shown();
  assert.ok(!('timedEnd' in (f.posted.at(-1) as Extract<ToWebview, { kind: 'changed' }>).change));
  // A rows answer that is the first to bring a newer view says its place too.
  await f.session.receive({ kind: 'request', id: 6, method: 'rows', params: { start: 0, count: 1, answer: { version: 5, rows: 22, items: [], timedEnd: 17 } } });
  f.session.shown();
  assert.equal((f.posted.at(-1) as Extract<ToWebview, { kind: 'changed' }>).change.timedEnd, 17);
});

test('the rows a reset carried are said again when the panel is shown again, for that view only', async () => {
  const f = fakes();
  await f.session.open();
  await f.session.receive({ kind: 'ready' });
  const page = { start: 0, token: 3, items: [] };
  f.session.changed({ tableId: 't1', version: 2, rows: 20, total: 20, reading: false, reset: true, page });
  assert.deepEqual((f.posted.at(-1) as Extract<ToWebview, { kind: 'changed' }>).change.page, page, 'passed on');
  // The reset lost while the panel was hidden: shown again, the page gets its rows with it.
  f.session.shown();
  assert.deepEqual((f.posted.at(-1) as Extract<ToWebview, { kind: 'changed' }>).change.page, page);
  // Another view since (rows appended): those rows are not its rows.
  f.session.changed({ tableId: 't1', version: 3, rows: 21, total: 21, reading: false, reset: false });
  f.session.shown();
  assert.ok(!('page' in (f.posted.at(-1) as Extract<ToWebview, { kind: 'changed' }>).change));
});

test('a server restart reopens the table: new id for later requests, a new init for the page', async () => {
  const f = fakes();
  await f.session.open();
  await f.session.receive({ kind: 'ready' });
  await f.session.reopen();
  assert.equal(f.session.tableId, 't2');
  assert.deepEqual(f.posted.map((m) => m.kind), ['init', 'init']);
  await f.session.receive({ kind: 'request', id: 1, method: 'facets', params: {} });
  assert.equal(f.calls.at(-1)!.params.tableId, 't2');
});

test('disposing closes the server table once and drops later messages', async () => {
  const f = fakes();
  await f.session.open();
  await f.session.receive({ kind: 'ready' });
  f.session.dispose();
  f.session.dispose();
  await f.session.receive({ kind: 'request', id: 1, method: 'rows', params: { start: 0, count: 1 } });
  // The close is sent once the server promise settles: poll a bounded number of ticks.
  for (let i = 0; i < 50 && !f.calls.some((c) => c.method === 'cmlog/table/close'); i++) await new Promise((r) => setImmediate(r));
  assert.deepEqual(f.calls.map((c) => c.method), ['cmlog/table/open', 'cmlog/table/close']);
  assert.equal(f.calls[1].params.tableId, 't1');
});

test('a table disposed while opening closes the table the server opened late', async () => {
  const f = fakes();
  const opening = f.session.open();
  f.session.dispose();
  assert.equal(await opening, undefined);
  for (let i = 0; i < 50 && !f.calls.some((c) => c.method === 'cmlog/table/close'); i++) await new Promise((r) => setImmediate(r));
  assert.deepEqual(f.calls.map((c) => c.method), ['cmlog/table/open', 'cmlog/table/close']);
});

test('the page may open only its own logs in the editor, at a valid line; other messages are checked', async () => {
  const f = fakes();
  await f.session.open();
  await f.session.receive({ kind: 'ready' });
  await f.session.receive({ kind: 'openInEditor', uri: LOG, line: 41 });
  await f.session.receive({ kind: 'openInEditor', uri: 'file:///etc/passwd', line: 0 });
  await f.session.receive({ kind: 'openInEditor', uri: LOG, line: -1 });
  await f.session.receive({ kind: 'openInEditor', uri: LOG, line: 1.5 });
  assert.deepEqual(f.opened, [`${LOG}:41`]);
  await f.session.receive({ kind: 'lookup', code: '0x80070005' });
  await f.session.receive({ kind: 'lookup', code: 'x'.repeat(1000) });
  await f.session.receive({ kind: 'notify', level: 'shout', message: 'no' });
  await f.session.receive({ kind: 'notify', level: 'warning', message: 'regex refused' });
  await f.session.receive({ kind: 'clipboard', text: 'a\tb' });
  await f.session.receive({ kind: 'openAsText' });
  await f.session.receive({ kind: 'useFolderOffset', uri: LOG });
  await f.session.receive({ kind: 'useFolderOffset', uri: 'file:///other/CBS.log' });
  await f.session.receive(null);
  await f.session.receive('ready');
  assert.deepEqual(f.said, ['lookup:0x80070005', 'warning:regex refused', 'clip:a\tb', 'text:rows', `offset:${LOG}`]);
});

test('show in table: the row of a line is revealed, a hidden line is said', async () => {
  const f = fakes();
  await f.session.open();
  await f.session.receive({ kind: 'ready' });
  await f.session.revealLine(LOG, 12);
  assert.deepEqual(f.posted.at(-1), { kind: 'reveal', row: 7 });
  assert.deepEqual(f.calls.at(-1)!.params, { tableId: 't1', uri: LOG, line: 12 });
  await f.session.revealLine(LOG, 99);
  assert.match(f.said.at(-1)!, /^info:.*line 100 .*filter/);
});

test('a log that cannot be read from disk is told once as a notification, and a page loaded again gets it', async () => {
  const f = fakes();
  await f.session.open();
  await f.session.receive({ kind: 'ready' });
  const change = { tableId: 't1', version: 2, rows: 0, total: 0, reading: false, reset: false, error: 'Far.log: EIO: i/o error, read' };
  f.session.changed(change);
  f.session.changed({ ...change, version: 3 });
  assert.deepEqual(f.said, ['error:CMLog Lens could not read Far.log: EIO: i/o error, read']);
  await f.session.receive({ kind: 'ready' });
  const init = f.posted.at(-1) as Extract<ToWebview, { kind: 'init' }>;
  assert.equal(init.table.error, change.error);
  // Read again, then failing the same way (deleted, back, deleted): told again.
  f.session.changed({ ...change, version: 4, error: undefined });
  f.session.changed({ ...change, version: 5 });
  assert.equal(f.said.length, 2);
});

test('"Open in text editor" goes to the page (it knows the selected row); with none selected the page asks the host to open the log', async () => {
  const f = fakes();
  await f.session.open();
  await f.session.receive({ kind: 'ready' });
  f.session.command('openInTextEditor');
  assert.deepEqual(f.posted.at(-1), { kind: 'command', command: 'openInTextEditor' });
  await f.session.receive({ kind: 'openLogInEditor' });
  await f.session.receive({ kind: 'openInEditor', uri: LOG, line: 12 });
  assert.deepEqual(f.opened, [`log:${LOG}`, `${LOG}:12`]);
});

// The status bar names a merge's logs as the table does (machine and name), from the server's answer.
test('a log\'s label is the server\'s, once the table is open; none for a log not in it', async () => {
  const f = fakes();
  assert.equal(f.session.labelOf(LOG), undefined, 'not open yet');
  await f.session.open();
  assert.equal(f.session.labelOf(LOG), 'DEVICE1 › a.log');
  assert.equal(f.session.labelOf('file:///logs/other.log'), undefined);
});
