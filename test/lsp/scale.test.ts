// The server on a folder of many logs: work is counted (the server's test hook), never timed. An
// append re-validates only the logs that read the changed one; unchanged problems are not sent
// again; floods of findings are capped; edits that are not appends queue no whole parses.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DocumentSymbolRequest, FileChangeType, FoldingRangeRequest, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { fileUri, TestClient } from '../support/lspClient';

const SAMPLES = path.resolve(__dirname, '../../samples');
/** Plain logs added beside the samples' site server logs (their folder-mates before the fix). */
const BULK = 300;
const rec = (msg: string, time: string, type = '1', comp = 'Bulk') =>
  `<![LOG[${msg}]LOG]!><time="${time}+000" date="02-23-2020" component="${comp}" context="" type="${type}" thread="1" file="">\r\n`;

interface Stats { validated: number; published: number; parses: number; idle: boolean }
let ws: string;
let client: TestClient;
const uri = (rel: string) => fileUri(path.join(ws, rel));
const stats = () => client.connection.sendRequest('cmlog/test/stats') as Promise<Stats>;

/** Waits (bounded) until validation has run past `before` and nothing is pending; returns the stats. */
async function settled(before: Stats): Promise<Stats> {
  for (const deadline = Date.now() + 15_000; ; await new Promise((r) => setTimeout(r, 20))) {
    const s = await stats();
    if (s.validated > before.validated && s.idle) return s;
    if (Date.now() > deadline) throw new Error(`validation did not settle: ${JSON.stringify(s)}`);
  }
}

/** Appends to a log on disk and tells the server, as the client's file watcher does. */
async function appendOnDisk(rel: string, text: string): Promise<void> {
  appendFileSync(path.join(ws, rel), text);
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri(rel), type: FileChangeType.Changed }] });
}

before(async () => {
  ws = mkdtempSync(path.join(tmpdir(), 'cmlog-scale-'));
  cpSync(SAMPLES, ws, { recursive: true });
  for (let k = 0; k < BULK; k++) writeFileSync(path.join(ws, 'SiteServer', `Bulk${k}.log`), rec(`bulk log ${k} started`, '10:00:00.000'));
  client = await TestClient.start({}, { folder: ws, hooks: {} });
  await client.until(() => client.indexed, 'indexing to end', 30_000);
  await client.waitForDiagnostics(uri('SiteServer/SMS_AZUREAD_DISCOVERY_AGENT.log'), (d) => d.length > 0, 30_000);
  await client.until(() => client.logs.some((l) => l.startsWith('indexed ')), 'the indexing summary');
});
after(async () => { if (client) await client.stop().catch(() => client.proc.kill()); });

test('the first validation sends no diagnostics for the logs without problems', async () => {
  const s = await settled({ validated: 0 } as Stats);
  assert.ok(s.validated >= BULK, JSON.stringify(s));
  assert.ok(s.published < 20, `diagnostics sent ${s.published} times for ${s.validated} logs, most of them without problems`);
});

test('an append to a plain log re-validates that log only, and sends nothing when its problems are unchanged', async () => {
  const before = await stats();
  await appendOnDisk('SiteServer/Bulk7.log', rec('one more line', '10:00:01.000'));
  const after = await settled(before);
  assert.equal(after.validated - before.validated, 1, 'not its whole folder');
  assert.equal(after.published - before.published, 0);
});

test('an append to CloudUserSync.log re-validates it and its rotated copy (the .lo_)', async () => {
  const before = await stats();
  await appendOnDisk('SiteServer/CloudUserSync.log', 'Starting user delta sync\r\n');
  const after = await settled(before);
  assert.equal(after.validated - before.validated, 2);
});

test('an append to a client log re-validates the group sync log in another folder that quotes it', async () => {
  const group = uri('SiteServer/SMS_AZUREAD_DISCOVERY_AGENT.log');
  const failures = (d: { message: string }[]) => Number(/(\d+) Azure AD token failures?/.exec(d[0]?.message ?? '')?.[1]);
  const was = failures(await client.waitForDiagnostics(group, (d) => d.length > 0));
  assert.ok(was > 0);
  const before = await stats();
  await appendOnDisk('Client/ccmsetup.log', rec('Failed to get AAD token for the device', '10:12:09.000', '3', 'ccmsetup'));
  await client.waitForDiagnostics(group, (d) => failures(d) === was + 1);
  const after = await settled(before);
  assert.equal(after.validated - before.validated, 2, 'ccmsetup.log and the group sync log, nothing else');
});

test('a flood of findings: at most 1,000 per rule and file, then one that says how many more', async () => {
  const u = uri('Flood.log');
  const cut = 1500;
  await client.open(u, '<![LOG[cut off\r\n'.repeat(cut));
  const d = await client.waitForDiagnostics(u, (x) => x.length > 0);
  assert.equal(d.length, 1001);
  assert.ok(d.slice(0, 1000).every((x) => x.code === 'truncated-record' && !/more/.test(x.message)));
  assert.equal(d[1000].code, 'truncated-record');
  assert.match(d[1000].message, /^500 more truncated-record problems in this file from here on are not shown/);
  assert.equal(d[1000].range.start.line, 1000);
});

test('20 keystrokes in the middle of a log queue no 20 parses: the model is parsed when next needed', async () => {
  const u = uri('Typed.log');
  let text = '';
  for (let k = 0; k < 2000; k++) text += rec(`record ${k}`, '10:00:00.000', '3');
  const opened = await stats();
  await client.open(u, text);
  const before = await settled(opened);
  for (let k = 0; k < 20; k++) {
    const at = { line: 5, character: 10 + k };
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: u, version: 2 + k }, contentChanges: [{ range: { start: at, end: at }, text: 'x' }] });
  }
  const ranges = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: u } });
  assert.ok(Array.isArray(ranges));
  const after = await settled(before);
  assert.ok(after.parses - before.parses <= 2, `${after.parses - before.parses} parses for 20 keystrokes`);
});

test('outline and folding of a huge log are capped; folding honours the client\'s rangeLimit', async () => {
  let text = '';
  for (let k = 0; k < 6000; k++) text += rec(`Failed step ${k}\r\n   at Worker.Run()`, '10:00:00.000', '3', k % 2 ? 'A' : 'B');
  const u = uri('Huge.log');
  await client.open(u, text);
  const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: u } })) as DocumentSymbol[];
  // Groups count: alternating components make a group (a run) per record.
  assert.equal(symbols.reduce((n, g) => n + 1 + g.children!.length, 0), 5000);
  assert.equal(symbols.length, 2500);
  assert.equal(symbols[0].children![0].name, 'Failed step 0');
  assert.equal((await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: u } }))!.length, 5000);
  const limited = await TestClient.start({}, { textDocument: { foldingRange: { rangeLimit: 100 } } });
  try {
    await limited.open(u, text);
    const ranges = await limited.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: u } });
    assert.deepEqual(ranges!.slice(0, 2).map((r) => [r.startLine, r.endLine]), [[0, 1], [2, 3]]);
    assert.equal(ranges!.length, 100);
  } finally {
    await limited.stop().catch(() => limited.proc.kill());
  }
});
