// A table opened before the workspace is indexed (a merge restored with the window asks for its
// logs at once): read from disk at first, it shows and follows the server's model once the log is
// indexed. Read from disk alone, it stayed as it was, "Live", whatever was appended.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { TableNotifications, TableRequests, type TableChangedParams } from '../../server/src/protocol';
import { fileUri, startWithHeldIndex } from '../support/lspClient';

const cm = (msg: string) => `<![LOG[${msg}]LOG]!><time="08:00:00.000+000" date="3-15-2026" component="Late" context="" type="3" thread="1" file="">\r\n`;

test('a merge opened before the index is built follows its logs once they are indexed', async (t) => {
  const { client, ws, release } = await startWithHeldIndex(t, 'cmlog-table-early-');
  const changed: TableChangedParams[] = [];
  client.connection.onNotification(TableNotifications.changed, (p) => changed.push(p));
  const files = ['Client/ccmsetup.log', 'SiteServer/MP_RegistrationManager.log'].map((rel) => path.join(ws, rel));
  const table = (await client.connection.sendRequest(TableRequests.open, { uris: files.map(fileUri) }))!;
  assert.equal(client.indexed, false, 'opened before the index');
  const rowsNow = async () => (await client.connection.sendRequest(TableRequests.rows, { tableId: table.tableId, start: 0, count: 0 })).rows;
  /** Polls (bounded) until `ok` holds for the table's row count; returns it. */
  const rowsWhen = async (ok: (n: number) => boolean, what: string): Promise<number> => {
    const deadline = Date.now() + 15_000;
    for (let n = await rowsNow(); ; n = await rowsNow()) {
      if (ok(n)) return n;
      if (Date.now() > deadline) throw new Error(`${what}: the table has ${n} rows`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const before = await rowsWhen((n) => n > 0 && changed.some((c) => c.tableId === table.tableId && !c.reading), 'read from disk before the index');

  release();
  await client.until(() => client.indexed, 'the index built');
  appendFileSync(files[0], cm('appended after the index'));
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(files[0]), type: FileChangeType.Changed }] });
  await rowsWhen((n) => n === before + 1, `the appended row (${before} before)`);
  const found = await client.connection.sendRequest(TableRequests.find, { tableId: table.tableId, from: 0, direction: 'next', text: 'appended after the index' });
  assert.notEqual(found.row, null, 'Find reaches the appended row');
});
