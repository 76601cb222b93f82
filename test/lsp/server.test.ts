// The built server over real LSP: initialize, open, diagnostics, semantic tokens, folding,
// symbols, a live append, custom requests, shutdown and exit.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentSymbolRequest, FoldingRangeRequest, InlayHintRequest, SemanticTokensRequest, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../support/lspClient';

const rec = (msg: string, time: string, type: string, comp = 'CcmExec') =>
  `<![LOG[${msg}]LOG]!><time="${time}" date="3-15-2026" component="${comp}" context="" type="${type}" thread="100" file="">`;
const TEXT = [
  rec('Starting CcmExec service', '08:00:00.000+000', '1'),
  rec('Failed to connect\r\n   at Worker.Run()\r\n   at Thread.Start()', '08:00:01.000+000', '3'),
  rec('Low disk space', '08:00:02.000+000', '2', 'PolicyAgent'),
  '<![LOG[cut off record',
  rec('Install complete', '08:00:03.000+000', '0'),
].join('\r\n') + '\r\n';
const URI = 'file:///logs/CcmExec.log';

let client: TestClient;
before(async () => { client = await TestClient.start(); });
after(async () => { if (client) await client.stop().catch(() => client.proc.kill()); });

test('open: parse findings arrive as diagnostics on the right line', async () => {
  await client.open(URI, TEXT);
  const diags = await client.waitForDiagnostics(URI, (d) => d.length > 0);
  assert.deepEqual(diags.map((d) => [d.code, d.range.start.line, d.severity]), [['truncated-record', 5, 3]]);
  assert.equal(diags[0].source, 'CMLog Lens');
});

test('semantic tokens colour error, warning and success messages on every line of the record', async () => {
  const tokens = (await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: URI } }))!;
  const decoded: [number, number, number, number][] = [];
  let line = 0, char = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [dl, dc, len, type] = tokens.data.slice(i, i + 5);
    line += dl;
    char = dl === 0 ? char + dc : dc;
    decoded.push([line, char, len, type]);
  }
  const types = new Map<number, number[]>();
  for (const [l, , , t] of decoded) types.set(t, [...(types.get(t) ?? []), l]);
  assert.deepEqual(types.get(2), [1, 2, 3], 'error record spans lines 1-3');
  assert.deepEqual(types.get(1), [4], 'warning');
  assert.deepEqual(types.get(0), [6], 'success');
  // Only the message part is coloured: the attribute block keeps its TextMate colours.
  const warn = decoded.find(([l]) => l === 4)!;
  assert.equal(warn[2], rec('Low disk space', '08:00:02.000+000', '2', 'PolicyAgent').indexOf(']LOG]!>') + ']LOG]!>'.length);
});

test('folding ranges cover the multi-line record', async () => {
  const ranges = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: URI } });
  assert.deepEqual(ranges?.map((r) => [r.startLine, r.endLine]), [[1, 3]]);
});

test('document symbols list errors and warnings grouped by component, then the file\'s problems', async () => {
  const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } })) as DocumentSymbol[];
  assert.deepEqual(symbols.map((s) => [s.name, s.children?.map((c) => c.name)]), [
    ['CcmExec', ['Failed to connect']],
    ['PolicyAgent', ['Low disk space']],
    ['Problems', ['CMTrace record cut off (line 6)']],
  ]);
  assert.match(symbols[0].children![0].detail!, /^error · 2026-03-15 08:00:01/);
});

test('inlay hints show each record\'s time at its start, for the lines asked', async () => {
  const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: URI }, range: { start: { line: 1, character: 0 }, end: { line: 4, character: 0 } } });
  assert.deepEqual(hints?.map((h) => [h.position.line, h.position.character, h.label]), [[1, 0, '08:00:01.000+000'], [4, 0, '08:00:02.000+000']]);
});

test('inlay hints: none on the MSI lines, which start with their time; a CMTrace record among them keeps its own', async () => {
  // Another folder: a log in /logs would offer its offset to CcmExec.log there (status bar test).
  const uri = 'file:///msi/MSI3a4b1.log';
  const text = '=== Verbose logging started: 1/17/2023  20:49:40  Build type: SHIP UNICODE 5.00.10011.00  Calling process: C:\\Windows\\system32\\msiexec.exe ===\r\n'
    + 'MSI (c) (E4:AC) [20:49:41:123]: Resetting cached policy values\r\nAction start 20:49:41: CA_Register.\r\n'
    + rec('from a CMTrace writer', '20:49:42.000+000', '1') + '\r\n';
  await client.open(uri, text);
  const ask = () => client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } } });
  let hints = await ask();
  // The document is parsed once the CMTrace record's hint is there (unknown documents answer empty).
  for (let tries = 0; tries < 250 && !hints?.length; tries++) {
    await new Promise((r) => setTimeout(r, 20));
    hints = await ask();
  }
  assert.deepEqual(hints?.map((h) => [h.position.line, h.label]), [[3, '20:49:42.000+000']]);
});

test('next error / warning record: the line of the record, wrapping', async () => {
  const step = (line: number, severity: string, direction: string) => client.connection.sendRequest('cmlog/stepToRecord', { uri: URI, line, severity, direction });
  assert.deepEqual(await step(0, 'error', 'next'), { line: 1, wrapped: false });
  assert.deepEqual(await step(2, 'warning', 'next'), { line: 4, wrapped: false });
  assert.deepEqual(await step(4, 'warning', 'next'), { line: 4, wrapped: true });
  assert.equal(await step(-1, 'error', 'next'), null);
});

test('markup ranges: the records\' markers on the lines asked for, for the client to dim', async () => {
  const ranges = await client.connection.sendRequest('cmlog/markupRanges', { uri: URI, startLine: 4, endLine: 4 }) as { line: number; start: number; end: number }[];
  const line = TEXT.split('\r\n')[4];
  assert.deepEqual(ranges.map((r) => line.slice(r.start, r.end)), ['<![LOG[', line.slice(line.indexOf(']LOG]!>'))]);
  assert.deepEqual(await client.connection.sendRequest('cmlog/markupRanges', { uri: URI, startLine: 3, endLine: 1 }), []);
});

test('status bar facts: counts, format, time zone and what the log is', async () => {
  const info = await client.connection.sendRequest('cmlog/fileInfo', { uri: URI }) as Record<string, unknown>;
  assert.deepEqual(info, {
    format: 'ccm', encoding: 'utf-8', entries: 5, errors: 1, warnings: 1, timeZone: 'UTC+00:00; 1 records: no offset (UTC unknown)',
    // The status bar's few words, and why the folder offset command has nothing to take.
    zone: 'UTC+00:00; no offset', noOffer: 'noneInFolder',
    // A known log says what it is (knowledge/logFiles.ts), for the status bar's tooltip.
    about: 'CcmExec.log: Client and SMS Agent Host service activity. (Configuration Manager client)',
  });
  const ranges = await client.connection.sendRequest('cmlog/severityRanges', { uri: URI });
  assert.deepEqual(ranges, { errors: [{ start: 1, end: 3 }], warnings: [{ start: 4, end: 4 }] });
});

test('a live append updates the diagnostics of the new version', async () => {
  const version = await client.append(URI, 7, 0, '<![LOG[another cut off\r\n' + rec('after', '08:00:04.000+000', '1') + '\r\n');
  const diags = await client.waitForDiagnostics(URI, (_d, v) => v === version);
  assert.deepEqual(diags.map((d) => [d.code, d.range.start.line]), [['truncated-record', 5], ['truncated-record', 7]]);
});

test('rules can be switched off by settings', async () => {
  client.settings = { rules: { 'truncated-record': 'off' } };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await client.waitForDiagnostics(URI, (d) => d.length === 0);
  client.settings = {};
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await client.waitForDiagnostics(URI, (d) => d.length === 2);
});

test('requests on unknown documents answer empty, never fail', async () => {
  const ranges = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: 'file:///nope.log' } });
  assert.deepEqual(ranges, []);
  assert.equal(await client.connection.sendRequest('cmlog/fileInfo', { uri: 'file:///nope.log' }), null);
});

test('shutdown and exit end the process cleanly', async () => {
  const code = await client.stop();
  assert.equal(code, 0);
  client = undefined as unknown as TestClient;
});
