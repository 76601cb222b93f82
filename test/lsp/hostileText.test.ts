// Text from logs and file names reaching the user through the server: the Outline and the Problems
// panel show control characters as escapes; positions outside a document answer nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DocumentSymbolRequest, HoverRequest, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../support/lspClient';

// Every character that must not reach the user raw (server/src/explain/controlChars.ts).

const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/;
const cm = (msg: string, comp: string, type: string, time = '08:00:01.000+000') =>
  `<![LOG[${msg}]LOG]!><time="${time}" date="3-15-2026" component="${comp}" context="" type="${type}" thread="1" file="">`;

let client: TestClient;
before(async () => { client = await TestClient.start(); });
after(async () => { if (client) await client.stop().catch(() => client.proc.kill()); });

test('outline: component and message names show ESC, BEL and U+202E as escapes', async () => {
  const uri = 'file:///h/CcmExec.log';
  await client.open(uri, [cm('Failed \u0007 to \u001b[31mconnect\u202e', 'Ccm\u001bExec\u202e', '3'), cm('Low\u0085 disk', 'Policy\u0007Agent', '2')].join('\r\n') + '\r\n');
  const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
  assert.deepEqual(symbols.map((s) => [s.name, s.children?.map((c) => c.name)]), [
    ['Ccm\\x1bExec\\u202e', ['Failed \\x07 to \\x1b[31mconnect\\u202e']],
    ['Policy\\x07Agent', ['Low\\x85 disk']],
  ]);
});

test('problems: a UPN with ESC, BEL and U+202E is quoted with visible escapes', async () => {
  const upn = 'pra\u001b[31mdeep\u0007\u202emoc.osotnoc@contoso.com';
  const text = readFileSync(path.resolve(__dirname, '../fixtures/rules/fails-again/CloudUserSync.log'), 'latin1').replaceAll('pradeep@contoso.com', upn);
  const uri = 'file:///h/CloudUserSync.log';
  await client.open(uri, text);
  const d = await client.waitForDiagnostics(uri, (ds) => ds.filter((x) => x.code === 'user-not-found').length === 2);
  for (const x of d.filter((y) => y.code === 'user-not-found')) {
    for (const m of [x.message, ...(x.relatedInformation ?? []).map((r) => r.message)]) {
      assert.doesNotMatch(m, RAW_CONTROL, m);
      assert.ok(m.includes('pra\\x1b[31mdeep\\x07\\u202emoc.osotnoc@contoso.com'), m);
    }
  }
});

test('hover outside the document (far past the end, negative) answers nothing', async () => {
  const uri = 'file:///h/Edges.log';
  // Cut-off records first and last, the text ending inside the last: both ends of the text hover.
  const last = '<![LOG[Failed 0x80070002 cut off';
  await client.open(uri, ['<![LOG[first cut off', cm('Failed 0x80070005', 'A', '3'), last].join('\r\n'));
  await client.waitForDiagnostics(uri, (d) => d.filter((x) => x.code === 'truncated-record').length === 2);
  const at = (line: number, character: number) => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  assert.ok(await at(0, 0), 'the first character hovers');
  assert.ok(await at(2, last.length), 'the last character hovers');
  for (const [line, character] of [[1e9, 0], [3, 0], [-1, -5], [0, -1], [-1, 3], [0.5, 0]]) assert.equal(await at(line, character), null, `${line}, ${character}`);
});

test('related entries of an entry the log does not have: nothing, and no failure logged', async () => {
  const uri = 'file:///h/Edges.log';
  for (const entryIndex of [1e9, -1, 0.5]) {
    const r = await client.connection.sendRequest('cmlog/related', { uri, entryIndex }) as { locations: unknown[] };
    assert.deepEqual(r.locations, []);
  }
  assert.ok(await client.connection.sendRequest('cmlog/related', { uri, entryIndex: 1 }), 'a real entry still answers');
  assert.deepEqual(client.logs.filter((l) => l.includes('related failed')), []);
});
