// Start-up as VS Code runs it (the test client announces settings as vscode-languageclient does):
// the workspace is indexed once, each log parsed once, however often settings are announced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileUri, TestClient } from '../support/lspClient';

const SAMPLES = path.resolve(__dirname, '../../samples');
const SUMMARY = /^indexed (\d+) logs; (\d+) whole-file parses/;

test('start-up indexes once: one build, one whole-file parse per log', async () => {
  const ws = mkdtempSync(path.join(tmpdir(), 'cmlog-start-'));
  cpSync(SAMPLES, ws, { recursive: true });
  const client = await TestClient.start({}, { folder: ws });
  try {
    await client.until(() => client.logs.some((l) => SUMMARY.test(l)), 'the indexing summary');
    await client.waitForDiagnostics(fileUri(path.join(ws, 'SiteServer/SMS_AZUREAD_DISCOVERY_AGENT.log')), (d) => d.length > 0);
    // A round trip: every announcement sent before it has been handled.
    await client.connection.sendRequest('cmlog/fileInfo', { uri: 'file:///none.log' });
    await client.until(() => client.indexed, 'the indexing progress to end');
    const summaries = client.logs.filter((l) => SUMMARY.test(l));
    assert.equal(client.progressBegins, 1, `index builds:\n${client.logs.join('\n')}`);
    assert.equal(summaries.length, 1, summaries.join('\n'));
    const [, logs, parses] = SUMMARY.exec(summaries[0])!;
    assert.ok(+logs > 0);
    assert.equal(parses, logs, 'each log parsed once');
  } finally {
    await client.stop().catch(() => client.proc.kill());
  }
});
