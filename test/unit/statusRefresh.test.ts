// The status bar item's refresh (client/src/statusRefresh.ts) with a fake server and clock: a log
// the server has not parsed yet is asked about again (bounded), and another log's text never stays.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { refreshOnFileInfoChanged, refreshOnTableChanged, statusRefresh, statusSubject, subjectUris, type NotificationSource } from '../../client/src/statusRefresh';
import { Notifications, type FileInfoParams, type TableChangedParams } from '../../server/src/protocol';

/** Lets pending promise callbacks run (no time passes). */
const settle = () => new Promise<void>((r) => setImmediate(r));

function harness(answers: Record<string, Array<string | null>>) {
  const events: string[] = [];
  const timers: Array<{ run: () => void; ms: number; cancelled: boolean }> = [];
  const asked: string[] = [];
  const r = statusRefresh<string>({
    ask: async (uri) => {
      asked.push(uri);
      const queue = answers[uri] ?? [];
      return queue.length > 1 ? queue.shift()! : queue[0] ?? null;
    },
    show: (uri, info) => events.push(`show ${uri}: ${info}`),
    hide: () => events.push('hide'),
    schedule: (run, ms) => {
      const t = { run, ms, cancelled: false };
      timers.push(t);
      return () => { t.cancelled = true; };
    },
    delays: [10, 20, 40],
  });
  /** Fires the next live timer, as the clock would. */
  const tick = async () => {
    const t = timers.find((x) => !x.cancelled);
    assert.ok(t, 'a retry is scheduled');
    t.cancelled = true;
    t.run();
    await settle();
  };
  const live = () => timers.filter((t) => !t.cancelled).length;
  return { r, events, asked, tick, live };
}

test('a log the server has not parsed yet is asked about again until it answers', async () => {
  const h = harness({ 'file:///a.log': [null, null, 'A: 2 errors'] });
  h.r.refresh('file:///a.log');
  await settle();
  assert.deepEqual(h.events.filter((e) => e.startsWith('show')), []);
  await h.tick();
  await h.tick();
  assert.deepEqual(h.events.at(-1), 'show file:///a.log: A: 2 errors');
  assert.equal(h.live(), 0, 'no more asking once answered');
});

test('the asking again is bounded: a log the server never knows leaves the item hidden', async () => {
  const h = harness({});
  h.r.refresh('file:///gone.log');
  await settle();
  for (let i = 0; i < 3; i++) await h.tick();
  assert.equal(h.live(), 0);
  assert.equal(h.asked.length, 4, 'the first ask and one per delay');
  assert.equal(h.events.at(-1), 'hide');
});

test('switching logs hides the old text at once, and the old log\'s late answers and retries are dropped', async () => {
  const h = harness({ 'file:///msi.log': ['MSI'], 'file:///cbs.log': [null, 'CBS'] });
  h.r.refresh('file:///msi.log');
  await settle();
  assert.equal(h.events.at(-1), 'show file:///msi.log: MSI');
  h.r.refresh('file:///cbs.log');
  assert.equal(h.events.at(-1), 'hide', 'hidden before the server answers about the new log');
  await settle();
  await h.tick();
  assert.equal(h.events.at(-1), 'show file:///cbs.log: CBS');
  // A slow answer about a log no longer active never shows.
  const slow = harness({ 'file:///a.log': ['A'], 'file:///b.log': [null] });
  slow.r.refresh('file:///a.log');
  slow.r.refresh('file:///b.log');
  await settle();
  assert.ok(!slow.events.includes('show file:///a.log: A'));
  slow.r.refresh(undefined);
  assert.equal(slow.live(), 0, 'leaving for a non-log cancels the retry');
  assert.equal(slow.events.at(-1), 'hide');
});

test('asking again about the shown log keeps its text until the new answer (no flicker)', async () => {
  const h = harness({ 'file:///a.log': ['A1', 'A2'] });
  h.r.refresh('file:///a.log');
  await settle();
  h.r.refresh('file:///a.log');
  assert.equal(h.events.at(-1), 'show file:///a.log: A1');
  await settle();
  assert.deepEqual(h.events, ['hide', 'show file:///a.log: A1', 'show file:///a.log: A2']);
});

test('a failed request (server starting) is asked again like a null answer', async () => {
  let calls = 0;
  const shown: string[] = [];
  const timers: Array<() => void> = [];
  const r = statusRefresh<string>({
    ask: async () => { if (calls++ === 0) throw new Error('not running'); return 'ok'; },
    show: (_u, i) => shown.push(i), hide: () => {},
    schedule: (run) => { timers.push(run); return () => {}; },
  });
  r.refresh('file:///a.log');
  await settle();
  timers.shift()!();
  await settle();
  assert.deepEqual(shown, ['ok']);
});

/** A fake language client: records the handlers registered, and delivers notifications as the server would send them. */
function fakeConnection() {
  const handlers = new Map<string, (p: FileInfoParams) => void>();
  const source: NotificationSource = {
    onNotification: (type, handler) => {
      handlers.set(type.method, handler);
      return { dispose: () => handlers.delete(type.method) };
    },
  };
  const send = (method: string, p: FileInfoParams) => handlers.get(method)?.(p);
  return { source, send, handlers };
}

test('the server\'s cmlog/fileInfoChanged for the active log refreshes the item; for another log it asks nothing', async () => {
  // a.log grows by records that add no problem: no diagnostics event, only the server's notification.
  const h = harness({ 'file:///a.log': ['A: 4 entries', 'A: 6 entries'] });
  const conn = fakeConnection();
  let active: string | undefined = 'file:///a.log';
  const sub = refreshOnFileInfoChanged(conn.source, () => active, h.r);
  h.r.refresh(active);
  await settle();
  assert.equal(h.events.at(-1), 'show file:///a.log: A: 4 entries');

  conn.send(Notifications.fileInfoChanged.method, { uri: 'file:///other.log' });
  await settle();
  assert.equal(h.asked.length, 1, 'another log\'s change asks nothing');
  conn.send(Notifications.fileInfoChanged.method, { uri: 'file:///a.log' });
  await settle();
  assert.equal(h.events.at(-1), 'show file:///a.log: A: 6 entries');

  // No log active (or a non-log): the notification asks nothing.
  active = undefined;
  conn.send(Notifications.fileInfoChanged.method, { uri: 'file:///a.log' });
  await settle();
  assert.equal(h.asked.length, 2);
  sub.dispose();
  assert.equal(conn.handlers.size, 0, 'disposed with the extension');
});

test('a log whose first parse outlasts the polling is shown once the server says it is parsed', async () => {
  const h = harness({ 'file:///big.log': [null, null, null, null, 'BIG: 3 errors'] });
  const conn = fakeConnection();
  refreshOnFileInfoChanged(conn.source, () => 'file:///big.log', h.r);
  h.r.refresh('file:///big.log');
  await settle();
  for (let i = 0; i < 3; i++) await h.tick();
  assert.equal(h.live(), 0, 'the polling gave up');
  assert.equal(h.events.at(-1), 'hide');
  conn.send(Notifications.fileInfoChanged.method, { uri: 'file:///big.log' });
  await settle();
  assert.equal(h.events.at(-1), 'show file:///big.log: BIG: 3 errors');
});

// The tour: the item disappeared while a table (a custom editor, no text editor) was in front.
test('the item is about the text editor\'s log, else the table in front: its log, or its merge\'s logs', async () => {
  assert.equal(statusSubject('file:///a.log', ['file:///b.log']), 'file:///a.log');
  assert.equal(statusSubject(undefined, ['file:///b.log']), 'file:///b.log');
  assert.equal(statusSubject(undefined, []), undefined);
  assert.equal(statusSubject(undefined, undefined), undefined);
  const merge = statusSubject(undefined, ['file:///b.log', 'file:///c%0A.log'])!;
  assert.deepEqual(subjectUris(merge), ['file:///b.log', 'file:///c%0A.log']);
  // Switching from the log's text to its table keeps what is shown (same subject): no flicker.
  const h = harness({ 'file:///b.log': ['B'] });
  h.r.refresh(statusSubject('file:///b.log', undefined));
  await settle();
  h.r.refresh(statusSubject(undefined, ['file:///b.log']));
  await settle();
  assert.deepEqual(h.events, ['hide', 'show file:///b.log: B', 'show file:///b.log: B'], 'no hide between the two');
});

// A merge's item asks its table once (cmlog/table/status), again when that table says it changed:
// never once per log, and not on a log's cmlog/fileInfoChanged (its table says it).
test('a merge\'s item is asked again when its table says it changed, not for another table nor a log\'s own news', async () => {
  const uris = Array.from({ length: 1000 }, (_, i) => `file:///logs/m${i}.log`);
  const merge = statusSubject(undefined, uris)!;
  const h = harness({ [merge]: ['1,000 logs: 4 entries', '1,000 logs: 6 entries'] });
  const conn = fakeConnection();
  const handlers = new Set<(p: TableChangedParams) => void>();
  const onTableChanged = (f: (p: TableChangedParams) => void) => { handlers.add(f); return { dispose: () => handlers.delete(f) }; };
  const tableChanged = (tableId: string) => { for (const f of handlers) f({ tableId, version: 2, rows: 6, total: 6, reading: false, reset: false }); };
  let front: { tableId: string | undefined; subject: string | undefined } = { tableId: 't1', subject: merge };
  refreshOnFileInfoChanged(conn.source, () => merge, h.r);
  const sub = refreshOnTableChanged(onTableChanged, () => front, h.r);
  h.r.refresh(merge);
  await settle();
  assert.equal(h.events.at(-1), `show ${merge}: 1,000 logs: 4 entries`);
  conn.send(Notifications.fileInfoChanged.method, { uri: uris[0]! });
  tableChanged('t2');
  await settle();
  assert.equal(h.asked.length, 1, 'a log\'s fileInfo news and another table\'s change ask nothing');
  tableChanged('t1');
  await settle();
  assert.deepEqual(h.asked, [merge, merge], 'one ask for the whole merge');
  assert.equal(h.events.at(-1), `show ${merge}: 1,000 logs: 6 entries`);
  // A single log's table follows its log's fileInfoChanged: its table's change asks nothing more.
  front = { tableId: 't3', subject: 'file:///a.log' };
  tableChanged('t3');
  await settle();
  assert.equal(h.asked.length, 2);
  sub.dispose();
  assert.equal(handlers.size, 0, 'disposed with the extension');
});
