// The server on a workspace folder (a copy of samples/): problems of logs that are not open,
// hovers, code actions, code lenses across time zones, related entries, live
// appends on disk, and a server that survives a throwing rule and a throwing request.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CodeActionRequest, CodeLensRequest, type CodeLens, DidChangeWatchedFilesNotification, FileChangeType, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { fileUri, TestClient } from '../support/lspClient';

const SAMPLES = path.resolve(__dirname, '../../samples');
let ws: string;
let client: TestClient;
const uri = (rel: string) => fileUri(path.join(ws, rel));
const read = (rel: string) => readFileSync(path.join(ws, rel), 'latin1');

before(async () => {
  ws = mkdtempSync(path.join(tmpdir(), 'cmlog-ws-'));
  cpSync(SAMPLES, ws, { recursive: true });
  client = await TestClient.start({}, { folder: ws, hooks: { faults: ['throwing-rule'] } });
});
after(async () => { if (client) await client.stop().catch(() => client.proc.kill()); });

test('problems of every indexed log arrive without opening them (scope: workspace)', async () => {
  await client.until(() => client.indexed, 'indexing to end');
  // Parsed off the request loop: every indexed log came from the worker thread.
  await client.until(() => client.logs.some((l) => l.startsWith('indexed ')), 'the indexing summary');
  const summary = /^indexed (\d+) logs; (\d+) whole-file parses on the worker thread/.exec(client.logs.find((l) => l.startsWith('indexed '))!);
  assert.ok(summary && +summary[1] > 0, client.logs.join('\n'));
  assert.equal(summary[2], summary[1]);
  const group = await client.waitForDiagnostics(uri('SiteServer/SMS_AZUREAD_DISCOVERY_AGENT.log'), (d) => d.length > 0);
  // 17 identical errors are one problem, the 16 repeats one of its related locations.
  const tenant = group.filter((d) => d.code === 'aad-tenant-missing' && d.severity === 1);
  assert.equal(tenant.length, 1);
  assert.deepEqual(tenant[0]!.relatedInformation?.filter((r) => r.location.uri === uri('SiteServer/SMS_AZUREAD_DISCOVERY_AGENT.log'))
    .map((r) => [r.location.range.start.line + 1, r.message.split(',', 2).join(',')]), [[19, 'The same error 16 more times, lines 19-169']]);
  const lo = await client.waitForDiagnostics(uri('SiteServer/CloudUserSync.lo_'), (d) => d.length > 0);
  const scott = lo.find((d) => d.message.startsWith('scott@contoso.com'))!;
  assert.equal(scott.code, 'user-not-found');
  assert.equal((scott.data as { status: string }).status, 'resolved');
  // The related information points into the other file of the rotated pair.
  assert.ok(scott.relatedInformation?.some((r) => r.location.uri === uri('SiteServer/CloudUserSync.log')));
});

test('a throwing rule is logged once and hides no other problem', async () => {
  const errors = client.logs.filter((l) => l.includes('injected rule failure'));
  assert.equal(errors.length, 1, errors.join('\n'));
  const setup = await client.waitForDiagnostics(uri('Client/ccmsetup.log'), (d) => d.length > 0);
  assert.equal(setup.filter((d) => d.code === 'aad-token-failure').length, 2);
});

test('hover on a UserNotFound line: the 24-hour rule with the due time in log time and UTC', async () => {
  const text = read('SiteServer/CloudUserSync.lo_');
  await client.open(uri('SiteServer/CloudUserSync.lo_'), text);
  const line = text.split(/\r?\n/).findIndex((l) => l.startsWith('Failed to add user scott@contoso.com; reason UserNotFound'));
  const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('SiteServer/CloudUserSync.lo_') }, position: { line, character: 5 } });
  const md = (h!.contents as MarkupContent).value;
  assert.match(md, /24-hour/);
  assert.match(md, /2014-09-15 10:23:54/);
  assert.match(md, /\| Full sync due \(first failure \+ 24 h\) \| 2014-09-15 10:23:54\.442 \| 2014-09-15 17:23:54\.442 \|/);
  assert.match(md, /SMS Executive/);
});

test('code actions on aad-tenant-missing copy the two SQL checks', async () => {
  const u = uri('SiteServer/SMS_AZUREAD_DISCOVERY_AGENT.log');
  const diags = await client.waitForDiagnostics(u, (d) => d.length > 0);
  const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: diags[0].range, context: { diagnostics: [diags[0]] } });
  const commands = (actions ?? []).map((a) => ('command' in a && a.command && typeof a.command === 'object' ? a.command : (a as { command: { command: string; arguments: string[] } }).command));
  assert.equal(commands.length, 2);
  for (const c of commands) assert.equal(c!.command, 'cmlog.copyToClipboard');
  const sql = commands.map((c) => String(c!.arguments![0]));
  assert.ok(sql.some((s) => /from sites where ISNULL\(reporttosite, N''\) = N''/.test(s)));
  assert.ok(sql.some((s) => /from clientkeydata where isnull\(isrevoked, 0\) = 0 and agenttype=0 and \(AADDeviceID is not null\)/.test(s)));
});

test('code lenses line up a client log (US Eastern) with the MP log (CET) in UTC', async () => {
  const rel = 'Client/ClientIDManagerStartup.log';
  await client.open(uri(rel), read(rel));
  // Its records are all information: by default they get no lens; the setting widens that.
  assert.deepEqual(await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uri(rel) } }), []);
  client.settings = { codeLens: { severities: ['error', 'warning', 'information'] } };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  // The new settings arrive asynchronously: ask again until the lenses appear (bounded).
  let lenses: CodeLens[] = [];
  for (const deadline = Date.now() + 10_000; lenses.length === 0; await new Promise((r) => setTimeout(r, 50))) {
    lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uri(rel) } })) ?? [];
    if (Date.now() > deadline) throw new Error('no lenses after the settings change');
  }
  const linked = lenses.filter((l) => /^⇄ \d+ entr(y|ies) in \d+ other logs? within ±5 s/.test(l.command!.title));
  assert.ok(linked.length > 0, lenses.map((l) => l.command?.title).join('\n'));
  type Related = { locations: { uri: string; deltaMs: number }[]; unknownOffsetLogs: string[] };
  const answers: [string, Related][] = [];
  for (const lens of linked) {
    const [lensUri, entryIndex] = lens.command!.arguments as [string, number];
    answers.push([lensUri, await client.connection.sendRequest('cmlog/related', { uri: lensUri, entryIndex }) as Related]);
  }
  for (const [lensUri, r] of answers) {
    assert.ok(r.locations.every((l) => l.uri !== lensUri), 'never the anchor\'s own file');
    const deltas = r.locations.map((l) => Math.abs(l.deltaMs));
    assert.deepEqual(deltas, [...deltas].sort((a, b) => a - b), 'nearest first');
  }
  // 10:20:10.348 at +300 (UTC-5) and 16:20:11.425 at -060 (UTC+1) are 1.077 s apart in UTC.
  const mp = answers.flatMap(([, r]) => r.locations).filter((l) => l.uri.endsWith('MP_RegistrationManager.log'));
  assert.ok(mp.some((l) => l.deltaMs === 1077), JSON.stringify(mp));
  const related = answers[0][1];
  assert.ok(related.unknownOffsetLogs.some((u) => u.endsWith('IntuneManagementExtension.log')), 'the IME log has no offset and says so');
});

test('live log on disk: an append is read and re-validated', async () => {
  const rel = 'SiteServer/SMS_AZUREAD_DISCOVERY_AGENT.log';
  const u = uri(rel);
  const repeats = (d: { code?: string | number; message: string }[]) => d.find((x) => x.code === 'aad-tenant-missing')?.message.match(/Logged (\d+) times/)?.[1];
  assert.equal(repeats(await client.waitForDiagnostics(u, (d) => d.length > 0)), '17');
  appendFileSync(path.join(ws, rel), 'No device objects are populated and therefore not being added to an Azure AD group.  $$<SMS_AZUREAD_DISCOVERY_AGENT><02-23-2020 17:07:35.123-060><thread=1322 (0x52A)>\r\n');
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: u, type: FileChangeType.Changed }] });
  // The same error once more: the same one problem, one repeat more (17:07:35 is within its story).
  const after = await client.waitForDiagnostics(u, (d) => repeats(d) === '18');
  assert.equal(after.filter((d) => d.code === 'aad-tenant-missing').length, 1);
});

test('log text in hovers is inert: links, command URIs, HTML and ANSI escapes show as text', async () => {
  const rel = 'hostile.log';
  const text = `<![LOG[Failed [click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> \u001b[31mred\u001b[0m https://evil.example/x 0x80070005]LOG]!><time="10:00:00.000+000" date="1-1-2020" component="X" context="" type="3" thread="1" file="">\r\n`;
  writeFileSync(path.join(ws, rel), text);
  await client.open(uri(rel), text);
  const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri(rel) }, position: { line: 0, character: text.indexOf('0x80070005') + 3 } });
  const md = (h!.contents as MarkupContent).value;
  // The one command link is the hover's own: the lookup of the parsed code, never log text.
  const links = [...md.matchAll(/\]\(command:([^?)\s]*)\??([^)\s]*)/g)].map((m) => [m[1], decodeURIComponent(m[2]!)]);
  assert.deepEqual(links, [['cmlog.lookupErrorCode', '["0x80070005"]']]);
  assert.doesNotMatch(md, /<img/);
  assert.doesNotMatch(md, /\u001b/);
  assert.match(md, /0x80070005/);
});

test('a throwing request is answered (empty) and the server keeps working', async () => {
  const other = await TestClient.start({}, { hooks: { faults: ['throwing-hover'] } });
  try {
    const u = 'file:///x/CcmExec.log';
    await other.open(u, '<![LOG[Failed 0x80070005]LOG]!><time="10:00:00.000+000" date="1-1-2020" component="X" context="" type="3" thread="1" file="">\r\n<![LOG[cut\r\n');
    const h = await other.connection.sendRequest(HoverRequest.type, { textDocument: { uri: u }, position: { line: 0, character: 10 } });
    assert.equal(h, null);
    await other.waitForDiagnostics(u, (d) => d.some((x) => x.code === 'truncated-record'));
    await other.until(() => other.logs.some((l) => l.includes('injected hover failure')), 'the failure to be logged');
  } finally {
    await other.stop().catch(() => other.proc.kill());
  }
});

test('a default offset change re-times every log without reading any again', async () => {
  type Related = { unknownOffsetLogs: string[] };
  const ask = () => client.connection.sendRequest('cmlog/related', { uri: uri('Client/ClientIDManagerStartup.log'), entryIndex: 0 }) as Promise<Related>;
  const ime = (r: Related) => r.unknownOffsetLogs.some((u) => u.endsWith('IntuneManagementExtension.log'));
  assert.ok(ime(await ask()), 'the IME log has no offset of its own');
  const summaries = client.logs.filter((l) => l.startsWith('indexed ')).length;
  client.settings = { ...client.settings, defaultOffset: 300 }; // the client logs' zone
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  for (const deadline = Date.now() + 10_000; ime(await ask()); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() > deadline) throw new Error('the IME log still has no UTC after the default offset was set');
  }
  assert.equal(client.logs.filter((l) => l.startsWith('indexed ')).length, summaries, 'no log was read again');
});

test('an include change re-indexes once: logs left out lose their problems, the others keep theirs', async () => {
  const setup = uri('Client/ccmsetup.log'), group = uri('SiteServer/SMS_AZUREAD_DISCOVERY_AGENT.log');
  await client.waitForDiagnostics(setup, (d) => d.length > 0);
  const before = (await client.waitForDiagnostics(group, (d) => d.length > 0)).filter((d) => d.code === 'aad-tenant-missing').length;
  // A record of the open client log whose lens links into the IME log (indexed, not open).
  type Related = { locations: { uri: string }[] };
  const anchor = uri('Client/ClientIDManagerStartup.log');
  const imeLinks = async (entryIndex: number) => ((await client.connection.sendRequest('cmlog/related', { uri: anchor, entryIndex })) as Related).locations.filter((l) => l.uri.endsWith('IntuneManagementExtension.log')).length;
  // With the default offset of the test before (the client's zone) and a window of a minute, the
  // client's second record (10:20:04) links to the IME log's first ones (10:20:12).
  client.settings = { ...client.settings, codeLens: { ...(client.settings.codeLens as object), windowSeconds: 60 } };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  for (const deadline = Date.now() + 10_000; await imeLinks(1) === 0; await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() > deadline) throw new Error('no link to the IME log within a minute');
  }
  client.settings = { ...client.settings, include: ['**/SiteServer/**'] };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await client.waitForDiagnostics(setup, (d) => d.length === 0);
  await client.until(() => client.logs.filter((l) => l.startsWith('indexed ')).length >= 2, 'the second indexing summary');
  const kept = await client.waitForDiagnostics(group, (d) => d.length > 0);
  assert.equal(kept.filter((d) => d.code === 'aad-tenant-missing').length, before);
  assert.equal(await imeLinks(1), 0, 'a log left out of the index leaves the timeline');
});
