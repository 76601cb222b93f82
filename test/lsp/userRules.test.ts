// The admin's own rules in the server: a folder's `.cmlog/rules.json` runs in a trusted workspace,
// never in an untrusted one until trust is granted, is read again when the file changes, and a
// bad file is shown on the file (what VS Code's JSON language does not mark already) while the built-in rules still run.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CodeLensRequest, DidChangeWatchedFilesNotification, FileChangeType, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { TableRequests } from '../../server/src/protocol';
import { fileUri, TestClient } from '../support/lspClient';

const rec = (msg: string) => `<![LOG[${msg}]LOG]!><time="08:00:00.000+000" date="3-15-2026" component="AppEnforce" context="" type="1" thread="1" file="">\r\n`;
const rule = (id: string) => ({ rules: [{ id, logs: 'AppEnforce.log', pattern: 'Unmatched exit code \\((\\d+)\\)', severity: 'error', message: 'Install failed with $1' }] });
const clients: TestClient[] = [];
after(async () => { for (const c of clients) await c.stop().catch(() => c.proc.kill()); });

function workspace(rules: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-userrules-'));
  mkdirSync(path.join(dir, '.cmlog'));
  writeFileSync(path.join(dir, '.cmlog', 'rules.json'), typeof rules === 'string' ? rules : JSON.stringify(rules));
  writeFileSync(path.join(dir, 'AppEnforce.log'), rec('fine') + rec('Unmatched exit code (1603) is considered an execution failure.') + '<![LOG[cut off\r\n');
  return dir;
}
async function start(dir: string, trusted: boolean | undefined): Promise<TestClient> {
  const c = await TestClient.start({}, { folder: dir, initializationOptions: trusted === undefined ? undefined : { trusted } });
  clients.push(c);
  await c.until(() => c.indexed, 'indexing to end');
  return c;
}
const codes = (d: { code?: string | number }[]) => d.map((x) => String(x.code)).sort();

test('trusted: the folder\'s rule finds its line, with the user: prefix and $1 filled in', async () => {
  const dir = workspace(rule('exit'));
  const c = await start(dir, true);
  const d = await c.waitForDiagnostics(fileUri(path.join(dir, 'AppEnforce.log')), (x) => x.some((y) => y.code === 'user:exit'));
  const mine = d.find((y) => y.code === 'user:exit')!;
  assert.equal(mine.range.start.line, 1);
  assert.equal(mine.message, 'Install failed with 1603');
  // Edited on disk: the watcher's event makes the server read the rules again.
  writeFileSync(path.join(dir, '.cmlog', 'rules.json'), JSON.stringify(rule('renamed')));
  await c.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(path.join(dir, '.cmlog', 'rules.json')), type: FileChangeType.Changed }] });
  const again = await c.waitForDiagnostics(fileUri(path.join(dir, 'AppEnforce.log')), (x) => x.some((y) => y.code === 'user:renamed'));
  assert.ok(!again.some((y) => y.code === 'user:exit'));
});

test('untrusted (or not said): no user-rule findings, the built-in ones still there; granting trust runs them', async () => {
  for (const trusted of [false, undefined]) {
    const dir = workspace(rule('exit'));
    const c = await start(dir, trusted);
    const log = fileUri(path.join(dir, 'AppEnforce.log'));
    const d = await c.waitForDiagnostics(log, (x) => x.length > 0);
    assert.deepEqual(codes(d), ['app-install-failed', 'truncated-record']);
    if (trusted === false) {
      await c.connection.sendNotification('cmlog/workspaceTrusted');
      const now = await c.waitForDiagnostics(log, (x) => x.some((y) => y.code === 'user:exit'));
      assert.deepEqual(codes(now), ['app-install-failed', 'truncated-record', 'user:exit']);
    }
  }
});

test('a rules file that is not JSON: VS Code\'s JSON language marks it, CMLog publishes nothing of its own on it; the built-in rules still run', async () => {
  const dir = workspace('{\n  "rules": [ { "id": "x", } ]\n}');
  const c = await start(dir, true);
  // The server publishes the file's problems once per read of it: that publication is empty.
  const rulesFile = fileUri(path.join(dir, '.cmlog', 'rules.json'));
  await c.until(() => c.diagnostics.has(rulesFile), 'the rules file\'s problems published');
  assert.deepEqual(c.diagnostics.get(rulesFile)!.diagnostics, []);
  const d = await c.waitForDiagnostics(fileUri(path.join(dir, 'AppEnforce.log')), (x) => x.length > 0);
  assert.deepEqual(codes(d), ['app-install-failed', 'truncated-record']);
});

test('a user rule\'s finding is explained from the folder\'s rules: hover, table detail', async () => {
  const withExplanation = { rules: [{ ...rule('exit').rules[0], explanation: 'Ask the packaging team about exit codes.' }] };
  const dir = workspace(withExplanation);
  const c = await start(dir, true);
  const log = fileUri(path.join(dir, 'AppEnforce.log'));
  const text = readFileSync(path.join(dir, 'AppEnforce.log'), 'utf8');
  await c.open(log, text);
  await c.waitForDiagnostics(log, (x) => x.some((y) => y.code === 'user:exit'));
  const h = await c.connection.sendRequest(HoverRequest.type, { textDocument: { uri: log }, position: { line: 1, character: 10 } });
  const md = (h!.contents as MarkupContent).value;
  assert.match(md, /Your rule exit/);
  assert.match(md, /Ask the packaging team about exit codes/);
  const t = (await c.connection.sendRequest(TableRequests.open, { uris: [log] }))!;
  const d = (await c.connection.sendRequest(TableRequests.detail, { tableId: t.tableId, row: 1 }))!;
  const mine = d.problems.find((p) => p.message === 'Install failed with 1603')!;
  assert.match(mine.markdown, /Ask the packaging team about exit codes/);
  // The lenses ask the same catalog (a user rule adds none: they still answer for the log).
  assert.ok(Array.isArray(await c.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: log } })));
});
