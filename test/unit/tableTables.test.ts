// Open tables: a log read from disk in pieces answers its first rows while still being read;
// a paused table withholds its notifications until resumed; closing frees; the count is capped.
// A merge's banner is made again only when its logs were read again or re-timed; its labels once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LogFile } from '../../server/src/logFile';
import type { TableChangedParams } from '../../server/src/protocol';
import { DiskLogSource } from '../../server/src/table/diskSource';
import { Tables } from '../../server/src/table/tables';
import type { TableLogSource } from '../../server/src/table/view';

const cm = (msg: string) => `<![LOG[${msg}]LOG]!><time="10:00:00.000+000" date="1-1-2020" component="C" context="" type="1" thread="1" file="">\r\n`;

async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

test('a log read from disk in pieces: first rows while reading, then every byte, with notifications', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-table-'));
  const file = path.join(dir, 'Big.log');
  let text = '';
  for (let i = 0; i < 2000; i++) text += cm(`m${i}`);
  writeFileSync(file, text);
  const sent: TableChangedParams[] = [];
  const tables = new Tables((p) => sent.push(p));
  let disk: DiskLogSource | undefined;
  // Pieces of 4 KB: the first rows exist before the whole file is read.
  const t = tables.create((refresh) => [disk = new DiskLogSource('file:///Big.log', 'Big.log', file, {}, refresh, 4096)]);
  await until('the first piece', () => t.view.rowCount > 0);
  assert.equal(t.view.reading, true);
  assert.ok(t.view.rowCount < 2000);
  await disk!.done;
  assert.equal(disk!.failure, undefined);
  assert.equal(t.view.rowCount, 2000);
  assert.equal(t.view.reading, false);
  assert.ok(sent.length > 2, 'rows arrived by notifications');
  assert.ok(sent.every((p) => !p.reset), 'growth is appended, never a reset');
  assert.deepEqual(sent.at(-1), { tableId: t.id, version: t.view.version, rows: 2000, total: 2000, reading: false, reset: false });
  assert.equal(t.view.page(1999, 1, undefined, () => 0).items[0].message, 'm1999');
  assert.equal(t.view.model(0)!.length, text.length, 'every byte read');
});

test('paused tables withhold notifications until resumed; close and the cap free tables', () => {
  const sent: TableChangedParams[] = [];
  const tables = new Tables((p) => sent.push(p), 2);
  const model = LogFile.fromText(cm('a'));
  const source: TableLogSource = { key: 'file:///A.log', name: 'A.log', log: () => model, reading: () => false };
  const t = tables.create(() => [source]);
  t.setFollow(false);
  model.appendText(cm('b'));
  tables.changed(['file:///A.log']);
  tables.changed(['file:///other.log']);
  assert.equal(sent.length, 0);
  assert.equal(t.view.rowCount, 2, 'the view itself is up to date');
  t.setFollow(true);
  assert.deepEqual(sent, [{ tableId: t.id, version: t.view.version, rows: 2, total: 2, reading: false, reset: false }]);

  const second = tables.create(() => [source]);
  const third = tables.create(() => [source]);
  assert.equal(tables.size, 2);
  assert.equal(tables.get(t.id), undefined, 'the oldest table went');
  tables.close(second.id);
  assert.equal(tables.get(second.id), undefined);
  tables.closeAll();
  assert.equal(tables.size, 0);
  assert.equal(tables.get(third.id), undefined);
});

test('new parse options: a log the table reads from disk is re-timed, and a merge orders again and says its banner', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-table-'));
  const file = path.join(dir, 'CBS.log');
  writeFileSync(file, '2020-01-01 09:30:00, Info                  CBS    one\r\n');
  const sent: TableChangedParams[] = [];
  const tables = new Tables((p) => sent.push(p), undefined, { banner: () => ({ sources: [], notes: ['said again'], offers: [] }) });
  const held = LogFile.fromText(cm('held'));
  let disk: DiskLogSource | undefined;
  const t = tables.create((refresh) => [{ key: 'file:///A.log', name: 'A.log', log: () => held, reading: () => false },
    disk = new DiskLogSource('file:///CBS.log', 'CBS.log', file, {}, refresh)]);
  await disk!.done;
  await until('the read', () => t.view.total === 2);
  assert.equal(t.view.columns(1).utc, null, 'no offset: placed last');
  sent.length = 0;
  tables.retime(() => ({ defaultOffset: 0 }))();
  assert.equal(t.view.columns(0).utc, Date.UTC(2020, 0, 1, 9, 30), 'read with the offset now: first');
  assert.deepEqual(sent.map((p) => [p.reset, p.banner?.notes]), [[true, ['said again']]]);
});

test('new parse options on a merge of an indexed log and one read from disk: rebuilt and its banner said once', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-table-'));
  const file = path.join(dir, 'CBS.log');
  writeFileSync(file, '2020-01-01 09:30:00, Info                  CBS    one\r\n');
  const sent: TableChangedParams[] = [];
  let banners = 0;
  const tables = new Tables((p) => sent.push(p), undefined, { banner: () => { banners++; return { sources: [], notes: [], offers: [] }; } });
  const held = LogFile.fromText('2020-01-01 09:00:00, Info                  CBS    held\r\n');
  let disk: DiskLogSource | undefined;
  const t = tables.create((refresh) => [{ key: 'file:///A.log', name: 'A.log', log: () => held, reading: () => false },
    disk = new DiskLogSource('file:///CBS.log', 'CBS.log', file, {}, refresh)]);
  await disk!.done;
  await until('the read', () => t.view.total === 2);
  sent.length = 0;
  banners = 0;
  // As handlers/configuration.ts does it: the tables' own logs, then the index's (which says they changed), then the rest.
  const after = tables.retime(() => ({ defaultOffset: 0 }));
  held.setOptions({ defaultOffset: 0 });
  tables.changed(['file:///A.log']);
  after();
  assert.deepEqual(sent.map((p) => p.reset), [true]);
  assert.equal(banners, 1);
  assert.deepEqual([t.view.columns(0).utc, t.view.columns(1).utc], [Date.UTC(2020, 0, 1, 9), Date.UTC(2020, 0, 1, 9, 30)], 'both read with the offset');
  // Options that change nothing: no refresh at all.
  tables.retime(() => ({ defaultOffset: 0 }))();
  assert.equal(sent.length, 1);
});

test('a merge reset by its followed logs: the banner is made again only when a log was read again or re-timed', () => {
  const sent: TableChangedParams[] = [];
  let banners = 0;
  const tables = new Tables((p) => sent.push(p), undefined, { banner: () => ({ sources: [], notes: [`banner ${++banners}`], offers: [] }) });
  const at = (t: string, msg: string) => cm(msg).replace('10:00:00.000', t);
  const a = { model: LogFile.fromText(at('10:00:00.000', 'a1')) }, b = LogFile.fromText(at('10:00:05.000', 'b1'));
  const t = tables.create(() => [{ key: 'file:///A.log', name: 'A.log', log: () => a.model, reading: () => false },
    { key: 'file:///B.log', name: 'B.log', log: () => b, reading: () => false }]);
  assert.deepEqual(t.banner()?.banner.notes, ['banner 1'], 'made at open');
  // Entries of A older than B's last: the merge orders again (a reset), its logs as they were.
  for (const s of ['10:00:01.000', '10:00:02.000', '10:00:03.000']) {
    a.model.appendText(at(s, 'a'));
    tables.changed(['file:///A.log']);
  }
  assert.deepEqual(sent.map((p) => [p.reset, p.banner]), [[true, undefined], [true, undefined], [true, undefined]], 'the page keeps the banner it has');
  assert.equal(banners, 1, 'not made again');
  assert.deepEqual(t.banner(), { banner: { sources: [], notes: ['banner 1'], offers: [] }, fresh: false });
  // Re-timed: made again and said.
  sent.length = 0;
  b.setOptions({ defaultOffset: 60 });
  tables.changed(['file:///B.log']);
  assert.deepEqual(sent.map((p) => [p.reset, p.banner?.notes]), [[true, ['banner 2']]]);
  // Read again (another model): made again and said.
  sent.length = 0;
  a.model = LogFile.fromText(at('10:00:00.000', 'a again'));
  tables.changed(['file:///A.log']);
  assert.deepEqual(sent.map((p) => [p.reset, p.banner?.notes]), [[true, ['banner 3']]]);
  // New offset settings that re-time none of its logs: made again at its next reset.
  tables.retime(() => ({}))();
  sent.length = 0;
  a.model.appendText(at('09:00:00.000', 'a older'));
  tables.changed(['file:///A.log']);
  assert.deepEqual(sent.map((p) => [p.reset, p.banner?.notes]), [[true, ['banner 4']]]);
});

test('labels of a table are made once, however often copies, exports and the status ask', () => {
  let made = 0;
  const tables = new Tables(() => undefined, undefined, { labels: (t) => { made++; return t.sources.map((s) => `M › ${s.name}`); } });
  const model = LogFile.fromText(cm('a'));
  const t = tables.create(() => [{ key: 'file:///A.log', name: 'A.log', log: () => model, reading: () => false },
    { key: 'file:///B.log', name: 'B.log', log: () => model, reading: () => false }]);
  for (let i = 0; i < 3; i++) assert.deepEqual(t.labels, ['M › A.log', 'M › B.log']);
  model.appendText(cm('b'));
  tables.changed(['file:///A.log']);
  assert.deepEqual(t.labels, ['M › A.log', 'M › B.log']);
  assert.equal(made, 1);
});
