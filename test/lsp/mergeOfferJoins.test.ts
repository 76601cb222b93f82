// A merge of logs that write no offset (CBS, DISM) is open when a log that writes one (CcmExec.log)
// joins their folder: the folder's offer comes from every indexed log of the folder, not only the
// merge's, so the merge's banner offers it at once (none of the merge's own logs changed), and a
// later reset (an append to CBS.log) does not bring back a banner made before it joined.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { TableNotifications, TableRequests, type TableChangedParams } from '../../server/src/protocol';
import { fileUri, TestClient } from '../support/lspClient';

const CCM = '<![LOG[Install failed]LOG]!><time="08:00:03.000-330" date="01-15-2024" component="CcmExec" context="" type="3" thread="1" file="">\r\n';
const CBS = '2024-01-15 08:00:00, Info                  CBS    Starting TrustedInstaller\r\n';
const CBS_MORE = '2024-01-15 08:00:05, Info                  CBS    Ending TrustedInstaller\r\n';
const DISM = '2024-01-15 08:00:02, Info                  DISM   DISM Provider Store: PID=1 Getting the collection of providers\r\n';

test('a log writing an offset joins the folder of an open merge: its banner offers the offset at once, and after a reset', async () => {
  const device = mkdtempSync(path.join(tmpdir(), 'cmlog-moj-'));
  writeFileSync(path.join(device, 'CBS.log'), CBS);
  writeFileSync(path.join(device, 'DISM.log'), DISM);
  const client = await TestClient.start({}, { folder: device });
  const changed: TableChangedParams[] = [];
  client.connection.onNotification(TableNotifications.changed, (p) => changed.push(p));
  const watched = (file: string, type: FileChangeType) =>
    client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(path.join(device, file)), type }] });
  try {
    await client.until(() => client.indexed, 'the index');
    const [cbs, dism] = ['CBS.log', 'DISM.log'].map((f) => fileUri(path.join(device, f)));
    const table = (await client.connection.sendRequest(TableRequests.open, { uris: [cbs, dism] }))!;
    assert.deepEqual(table.offers, [], 'no log of the folder writes an offset yet');
    const banners = () => changed.filter((c) => c.tableId === table.tableId && c.banner);
    const offered = (c: TableChangedParams) => c.banner!.offers.length === 1 && c.banner!.offers[0].uri === cbs && c.banner!.offers[0].text.endsWith("'s CcmExec.log writes UTC+05:30");

    writeFileSync(path.join(device, 'CcmExec.log'), CCM);
    await watched('CcmExec.log', FileChangeType.Created);
    await client.until(() => banners().some(offered), 'the merge offering the offset CcmExec.log writes, its own logs unchanged');
    assert.ok(banners().every((c) => !c.reset), 'said without a reset: the rows did not change');

    // An append to CBS.log (no offset: placed last) resets the merge; the banner the page holds last still offers it.
    appendFileSync(path.join(device, 'CBS.log'), CBS_MORE);
    await watched('CBS.log', FileChangeType.Changed);
    await client.until(() => changed.some((c) => c.tableId === table.tableId && c.reset && c.rows === 3), 'the reset after the append');
    assert.ok(offered(banners().at(-1)!), 'the last banner said offers the offset');
  } finally {
    await client.stop().catch(() => client.proc.kill());
  }
});
