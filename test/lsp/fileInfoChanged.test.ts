// cmlog/fileInfoChanged over real LSP: the server tells the client that an open log's status bar
// facts may have changed after a parse, a re-parse or an append, even when no diagnostic changes
// (a live log growing by records no rule turns into a problem), and after a first parse that waited
// for a slow index (longer than the client's bounded polling). Only for logs the client has open;
// a burst of appends gives a few notifications, not one per append.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileUri, startWithHeldIndex, TestClient } from '../support/lspClient';
import { Notifications, Requests, type FileInfo } from '../../server/src/protocol';

const rec = (msg: string, second: number, type: string) =>
  `<![LOG[${msg}]LOG]!><time="08:00:${String(second % 60).padStart(2, '0')}.000+000" date="3-15-2026" component="CcmExec" context="" type="${type}" thread="100" file="">\r\n`;

function collect(client: TestClient): string[] {
  const got: string[] = [];
  client.connection.onNotification(Notifications.fileInfoChanged, (p) => got.push(p.uri));
  return got;
}

/** Waits (bounded) until the server's validation is idle: every notification it sends for what was sent is out. */
async function untilIdle(client: TestClient): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!((await client.connection.sendRequest('cmlog/test/stats')) as { idle: boolean }).idle) {
    if (Date.now() > deadline) throw new Error('validation still busy');
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('an append that adds no problem is announced, and fileInfo then counts the new records', async (t) => {
  const client = await TestClient.start({}, { hooks: {} });
  t.after(() => client.stop().catch(() => client.proc.kill()));
  const got = collect(client);
  const uri = 'file:///logs/CcmExec.log';
  await client.open(uri, rec('Starting', 0, '1') + rec('Failed to connect', 1, '3'));
  await client.until(() => got.includes(uri), 'a notification after the first parse');
  const before = (await client.connection.sendRequest(Requests.fileInfo, { uri })) as FileInfo;
  assert.equal(before.entries, 2);
  const published = client.diagnostics.get(uri);

  const seen = got.length;
  await client.append(uri, 2, 0, rec('Still running', 2, '1') + rec('Failed to connect again', 3, '3'));
  await client.until(() => got.length > seen, 'a notification after the append');
  assert.ok(got.slice(seen).every((u) => u === uri));
  const after = (await client.connection.sendRequest(Requests.fileInfo, { uri })) as FileInfo;
  assert.deepEqual([after.entries, after.errors], [4, before.errors + 1]);
  // The point of the notification: no diagnostics event would have told the client.
  assert.equal(client.diagnostics.get(uri), published, 'no diagnostics were sent for the append');

  // A fast-growing log: a burst of appends is announced a few times, not once per append.
  const burst = got.length;
  const appends = 100;
  for (let k = 0; k < appends; k++) await client.append(uri, 4 + k, 0, rec(`tick ${k}`, 4 + k, '1'));
  await client.until(() => got.length > burst, 'a notification after the burst');
  await untilIdle(client);
  assert.equal(((await client.connection.sendRequest(Requests.fileInfo, { uri })) as FileInfo).entries, 4 + appends);
  assert.ok(got.length - burst < appends / 5, `${got.length - burst} notifications for ${appends} appends`);
});

test('a log opened while the index is built is announced once its first parse is validated; indexed logs not open are not', async (t) => {
  const { client, ws, release } = await startWithHeldIndex(t, 'cmlog-fileinfo-');
  const got = collect(client);
  const file = path.join(ws, 'Client/ccmsetup.log');
  const uri = fileUri(file);
  await client.open(uri, readFileSync(file, 'latin1'));
  // The index (and so the first validation) waits for the client: the status bar's polling may be over by then.
  await client.connection.sendRequest(Requests.fileInfo, { uri });
  assert.equal(client.indexed, false);

  release();
  await client.until(() => client.indexed && got.includes(uri), 'a notification once the index is built and the log validated');
  // Every indexed log was validated (workspace scope), but only the open one is announced.
  await client.until(() => client.diagnostics.size > 1, 'diagnostics of indexed logs');
  assert.deepEqual([...new Set(got)], [uri]);
});
