// The encoding an open log reports (fileInfo: the status bar's tooltip) is its file's, not the
// editor's decoded text's: VS Code hands the server text, so the server takes the encoding from the
// index's model of the file (which read all its bytes) or, for a file the index has not read, from
// the file's first bytes when the document opens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileUri, TestClient } from '../support/lspClient';
import { ENCODING_HEAD } from '../../server/src/features/documentEncoding';
import { Requests, type FileInfo } from '../../server/src/protocol';

const MSI = '=== Verbose logging started: 3/15/2026  8:00:00  Build type: SHIP UNICODE 5.00.10011.00  Calling process: C:\\Windows\\system32\\msiexec.exe ===\r\n'
  + 'MSI (c) (A4:B8) [08:00:00:001]: Resetting cached policy values\r\n'
  + 'MSI (c) (A4:B8) [08:00:00:002]: Machine policy value \'Debug\' is 0\r\n';
const cm = (msg: string, second: number) =>
  `<![LOG[${msg}]LOG]!><time="08:00:${String(second % 60).padStart(2, '0')}.000+000" date="3-15-2026" component="CcmExec" context="" type="1" thread="100" file="">\r\n`;

function tempDir(t: { after: (f: () => void) => void }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-encoding-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('an open UTF-16LE MSI log outside the workspace reports utf-16le (its byte-order mark), not utf-8', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'MSI3c2d1.LOG');
  writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MSI, 'utf16le')]));
  const client = await TestClient.start({});
  t.after(() => client.stop().catch(() => client.proc.kill()));
  const uri = fileUri(file);
  await client.open(uri, MSI); // what VS Code decoded
  const info = (await client.connection.sendRequest(Requests.fileInfo, { uri })) as FileInfo;
  assert.equal(info.format, 'msi');
  assert.equal(info.encoding, 'utf-16le');
});

test('an open indexed log reports the encoding the index read: Windows-1252 past a first stretch of ASCII', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'CcmExec.log');
  // More ASCII than any look at the file's start reads, then one Windows-1252 byte (é): only a
  // reader of every byte (the index) knows the file is not UTF-8.
  const ascii = Array.from({ length: 1200 }, (_, k) => cm(`Service heartbeat ${k}`, k)).join('');
  assert.ok(ascii.length > 2 * ENCODING_HEAD);
  const text = ascii + cm('Caf\u00e9 policy applied', 1);
  writeFileSync(file, Buffer.from(text, 'latin1'));
  const client = await TestClient.start({}, { folder: dir });
  t.after(() => client.stop().catch(() => client.proc.kill()));
  await client.until(() => client.indexed, 'the index is built');
  const uri = fileUri(file);
  await client.open(uri, text);
  const info = (await client.connection.sendRequest(Requests.fileInfo, { uri })) as FileInfo;
  assert.equal(info.entries, 1201);
  assert.equal(info.encoding, 'windows-1252');
});

test('an open log whose file is gone is read as the editor\'s UTF-8 text, and the server answers on', async (t) => {
  const dir = tempDir(t);
  const client = await TestClient.start({});
  t.after(() => client.stop().catch(() => client.proc.kill()));
  const uri = fileUri(path.join(dir, 'removed.log'));
  await client.open(uri, MSI);
  const info = (await client.connection.sendRequest(Requests.fileInfo, { uri })) as FileInfo;
  assert.equal(info.encoding, 'utf-8');
  assert.equal(info.format, 'msi');
});
