// Settings as VS Code gives them: per workspace folder for "resource" settings, and validated
// (a bad value falls back to its default and is reported once).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileUri, TestClient } from '../support/lspClient';

const rec = (msg: string, time: string, type: string) =>
  `<![LOG[${msg}]LOG]!><time="${time}" date="3-15-2026" component="CcmExec" context="" type="${type}" thread="100" file="">`;
/** A log with one cut-off record (the truncated-record rule's finding). */
const CUT = [rec('Starting', '08:00:00.000+000', '1'), '<![LOG[cut off record', rec('Done', '08:00:03.000+000', '1')].join('\r\n') + '\r\n';

function folderWithLog(root: string, name: string): string {
  const dir = path.join(root, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'CcmExec.log'), CUT);
  return dir;
}

test('a bad cmlog.rules value: diagnostics keep the rule\'s severity, and the output says so once', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'cmlog-set-'));
  const ws = folderWithLog(root, 'ws');
  const client = await TestClient.start({ rules: { 'truncated-record': 'loud' } }, { folder: ws });
  try {
    const u = fileUri(path.join(ws, 'CcmExec.log'));
    const diags = await client.waitForDiagnostics(u, (d) => d.length > 0);
    assert.deepEqual(diags.map((d) => [d.code, d.severity]), [['truncated-record', 3]]);
    await client.settingsChanged(); // announced again (twice: two listeners): still one message
    await client.connection.sendRequest('cmlog/fileInfo', { uri: u });
    await client.until(() => client.progressBegins === 1 && client.indexed, 'the index');
    const said = client.logs.filter((l) => l.includes('cmlog.rules.truncated-record'));
    assert.equal(said.length, 1, client.logs.join('\n'));
    assert.match(said[0], /"loud" is not one of off, error, warning, information, hint/);
  } finally {
    await client.stop().catch(() => client.proc.kill());
  }
});

test('resource settings are read per folder: each folder\'s logs follow their own rules', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'cmlog-set-'));
  const quiet = folderWithLog(root, 'quiet'), loud = folderWithLog(root, 'loud');
  const client = await TestClient.start({}, { hooks: {}, folders: [quiet, loud], folderSettings: { [quiet]: { rules: { 'truncated-record': 'off' } }, [loud]: { rules: { 'truncated-record': 'error' } } } });
  try {
    const loudDiags = await client.waitForDiagnostics(fileUri(path.join(loud, 'CcmExec.log')), (d) => d.length > 0);
    assert.deepEqual(loudDiags.map((d) => [d.code, d.severity]), [['truncated-record', 1]]);
    // Both logs validated and nothing pending: a log without problems is sent nothing (or an empty list).
    for (const deadline = Date.now() + 15_000; ; await new Promise((r) => setTimeout(r, 20))) {
      const s = await client.connection.sendRequest('cmlog/test/stats') as { validated: number; idle: boolean };
      if (s.validated >= 2 && s.idle) break;
      assert.ok(Date.now() < deadline, `validation did not settle: ${JSON.stringify(s)}`);
    }
    assert.deepEqual(client.diagnostics.get(fileUri(path.join(quiet, 'CcmExec.log')))?.diagnostics ?? [], []);
  } finally {
    await client.stop().catch(() => client.proc.kill());
  }
});
