// A merge of a collected device folder (DEVICE2, India: CcmExec.log writes bias -330) with logs that
// write no offset, beside it and in its Panther subfolder. The banner offers the device folder's
// offset (not cmlog.defaultOffset, which is global); once cmlog.folderOffsets holds it, the open merge
// orders again in UTC (subfolder included) and its banner says how the logs were placed, with no offer
// left: a merge of one machine, whose one offer was taken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TableNotifications, TableRequests, type TableChangedParams } from '../../server/src/protocol';
import { fileUri, TestClient } from '../support/lspClient';

const CCM = '<![LOG[Install failed]LOG]!><time="08:00:03.000-330" date="01-15-2024" component="CcmExec" context="" type="3" thread="1" file="">\r\n';
const CBS = '2024-01-15 08:00:00, Info                  CBS    Starting TrustedInstaller\r\n' +
  '2024-01-15 08:00:01, Error                 CBS    Failed to resolve package [HRESULT = 0x800f0922]\r\n';
const DISM = '2024-01-15 08:00:02, Info                  DISM   DISM Provider Store: PID=1 Getting the collection of providers\r\n';

test('merge of a device folder: the banner offers its offset; set, the open merge orders again in UTC and says so', async () => {
  const ws = mkdtempSync(path.join(tmpdir(), 'cmlog-mo-'));
  const device = path.join(ws, 'DEVICE2');
  mkdirSync(path.join(device, 'Panther'), { recursive: true });
  writeFileSync(path.join(device, 'CcmExec.log'), CCM);
  writeFileSync(path.join(device, 'CBS.log'), CBS);
  writeFileSync(path.join(device, 'Panther', 'DISM.log'), DISM);
  const client = await TestClient.start({}, { folder: ws });
  const changed: TableChangedParams[] = [];
  client.connection.onNotification(TableNotifications.changed, (p) => changed.push(p));
  try {
    await client.until(() => client.indexed, 'the index');
    const [ccm, cbs, dism] = [path.join(device, 'CcmExec.log'), path.join(device, 'CBS.log'), path.join(device, 'Panther', 'DISM.log')].map(fileUri);
    const table = (await client.connection.sendRequest(TableRequests.open, { uris: [ccm, cbs, dism] }))!;
    assert.deepEqual(table.notes, ['CBS.log, DISM.log: offset unknown: placed last'], 'no advice to set the global cmlog.defaultOffset');
    assert.deepEqual(table.offers, [{ text: "DEVICE2's CcmExec.log writes UTC+05:30", uri: cbs }], 'one offer for the device folder, its subfolder included');
    const messages = async () => (await client.connection.sendRequest(TableRequests.rows, { tableId: table.tableId, start: 0, count: 10 }))!.items;
    assert.deepEqual((await messages()).map((r) => r.utc === null), [false, true, true, true]);

    // What the banner's button writes (client/src/folderOffset.ts): the device folder, relative to the workspace folder.
    client.folderSettings.set(fileUri(ws), { folderOffsets: { DEVICE2: -330 } });
    await client.settingsChanged();
    await client.until(() => changed.some((c) => c.tableId === table.tableId && c.reset && c.banner?.notes.some((n) => n.includes('folderOffsets'))), 'the merge ordered again');
    const last = changed.filter((c) => c.tableId === table.tableId && c.banner).at(-1)!;
    assert.deepEqual(last.banner!.notes, ['CBS.log, DISM.log: no offset written: placed with UTC+05:30 (cmlog.folderOffsets)']);
    // Said as none (not left out): a page merging the banner into what it holds drops the offer taken.
    assert.deepEqual(last.banner!.offers, [], 'nothing left to offer');
    const rows = await messages();
    // 08:00:00, :01 and :02 at UTC+05:30 are 02:30:00-02 UTC; CcmExec's 08:00:03-330 is 02:30:03.
    assert.deepEqual(rows.map((r) => [r.source, r.utc === null ? null : new Date(r.utc).toISOString().slice(11, 19)]),
      [[1, '02:30:00'], [1, '02:30:01'], [2, '02:30:02'], [0, '02:30:03']]);
  } finally {
    await client.stop().catch(() => client.proc.kill());
  }
});
