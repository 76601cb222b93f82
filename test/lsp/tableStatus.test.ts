// cmlog/table/status over real LSP: one request answers the status bar's summary of a merge of many
// logs (more than the 20 the item used to ask about one by one): counts equal the sum of each log's
// fileInfo, formats and zones said once, names bounded; a log of it growing changes the answer,
// and the table's own change notification says when to ask.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Requests, TABLE_STATUS_NAMED, TableNotifications, TableRequests, type TableChangedParams } from '../../server/src/protocol';
import { fileUri, TestClient } from '../support/lspClient';

const LOGS_PER_MACHINE = 13;
let ws: string;
let client: TestClient;
const changed: TableChangedParams[] = [];
const cm = (msg: string, type: number, bias = '+000') => `<![LOG[${msg}]LOG]!><time="08:00:00.000${bias}" date="3-15-2026" component="C" context="" type="${type}" thread="1" file="">\r\n`;
const sms = (msg: string) => `${msg} $$<Comp><03-15-2026 08:00:00.000+000><thread=1 (0x1)>\r\n`;

before(async () => {
  ws = mkdtempSync(path.join(tmpdir(), 'cmlog-tstatus-'));
  for (const machine of ['DEVICE1', 'DEVICE2']) {
    mkdirSync(path.join(ws, machine));
    for (let i = 0; i < LOGS_PER_MACHINE; i++) {
      // Each log its own mix: i % 4 errors, i % 3 warnings, an information record; one in the legacy format, one in UTC+01:00.
      const lines = [cm('info', 1, i === 5 ? '-060' : '+000')];
      for (let k = 0; k < i % 4; k++) lines.push(cm(`error ${k}`, 3));
      for (let k = 0; k < i % 3; k++) lines.push(cm(`warning ${k}`, 2));
      writeFileSync(path.join(ws, machine, `m${i}.log`), i === 7 ? sms('legacy') : lines.join(''));
    }
  }
  client = await TestClient.start({}, { folders: [path.join(ws, 'DEVICE1'), path.join(ws, 'DEVICE2')] });
  client.connection.onNotification(TableNotifications.changed, (p) => changed.push(p));
  await client.until(() => client.indexed, 'indexing to end');
});
after(async () => { if (client) await client.stop().catch(() => client.proc.kill()); });

test('a merge of 26 logs: one status request sums every log\'s records, says formats and zones once, names a bounded few', async () => {
  const files = ['DEVICE1', 'DEVICE2'].flatMap((m) => Array.from({ length: LOGS_PER_MACHINE }, (_, i) => path.join(ws, m, `m${i}.log`)));
  const uris = files.map(fileUri);
  const t = (await client.connection.sendRequest(TableRequests.open, { uris }))!;
  const status = (await client.connection.sendRequest(TableRequests.status, { tableId: t.tableId }))!;
  // Each log's own facts, as the single log's item asks them.
  const infos = await Promise.all(uris.map((uri) => client.connection.sendRequest(Requests.fileInfo, { uri })));
  assert.ok(infos.every((i) => i !== null), 'every log held');
  const sum = (f: (i: NonNullable<(typeof infos)[number]>) => number) => infos.reduce((n, i) => n + f(i!), 0);
  assert.deepEqual([status.logs, status.read], [26, 26]);
  assert.deepEqual([status.entries, status.errors, status.warnings], [sum((i) => i.entries), sum((i) => i.errors), sum((i) => i.warnings)]);
  assert.ok(status.errors > 0 && status.warnings > 0);
  assert.deepEqual(status.formats.sort(), ['CMTrace', 'legacy SMS'].sort());
  assert.equal(status.formatCount, 2);
  // Distinct offsets, not each log's way of saying them (one log writes both: not a third zone).
  assert.deepEqual(new Set(status.zones), new Set(['UTC+00:00', 'UTC+01:00']));
  assert.equal(status.zoneCount, 2, 'UTC+00:00 and the one log in UTC+01:00');
  assert.equal(status.zoneCount, status.zones.length);
  assert.equal(status.named.length, TABLE_STATUS_NAMED, 'names bounded');
  assert.deepEqual(status.named.map((n) => n.label), t.sources.slice(0, TABLE_STATUS_NAMED).map((s) => s.label));
  assert.deepEqual(status.named.map((n) => [n.errors, n.warnings, n.zone]), infos.slice(0, TABLE_STATUS_NAMED).map((i) => [i!.errors, i!.warnings, i!.zone]));
  assert.equal(await client.connection.sendRequest(TableRequests.status, { tableId: 'nope' }), null);

  // A log of the merge grows (open in the editor): the table notifies, and the status then counts the new error.
  const grown = uris[0]!, text = readFileSync(files[0]!, 'utf8');
  await client.open(grown, text);
  const seen = changed.length;
  await client.append(grown, text.split('\n').length - 1, 0, cm('late error', 3));
  await client.until(() => changed.slice(seen).some((c) => c.tableId === t.tableId), 'the table\'s change notified');
  const after = (await client.connection.sendRequest(TableRequests.status, { tableId: t.tableId }))!;
  assert.deepEqual([after.entries, after.errors], [status.entries + 1, status.errors + 1]);
});
