// Test hooks come from the runtime the entry point passes to startServer, never from the
// environment: the shipped dist/server.js has no stats request and injects no fault, whatever is
// set; the test entry (TestClient `hooks`) has both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../support/lspClient';

const TEXT = '<![LOG[Failed 0x80070005]LOG]!><time="10:00:00.000+000" date="1-1-2020" component="X" context="" type="3" thread="1" file="">\r\n';
const U = 'file:///x/CcmExec.log';
/** The switches the server once read from its environment. */
const OLD_SWITCHES = { CMLOG_TEST_HOOKS: '1', CMLOG_FAULT_INJECTION: 'throwing-hover,throwing-rule' };

test('the shipped server reads no test switch from the environment', async () => {
  const client = await TestClient.start({}, { env: OLD_SWITCHES });
  try {
    await assert.rejects(client.connection.sendRequest('cmlog/test/stats'), /Unhandled method cmlog\/test\/stats/);
    await client.open(U, TEXT);
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: U }, position: { line: 0, character: 18 } });
    assert.ok(h, 'the hover is answered: no fault injected');
    assert.ok(!client.logs.some((l) => l.includes('injected')), client.logs.join('\n'));
  } finally {
    await client.stop().catch(() => client.proc.kill());
  }
});

test('the test entry answers the stats request', async () => {
  const client = await TestClient.start({}, { hooks: {} });
  try {
    await client.open(U, TEXT + '<![LOG[cut off\r\n');
    await client.waitForDiagnostics(U, (d) => d.some((x) => x.code === 'truncated-record'));
    const stats = await client.connection.sendRequest('cmlog/test/stats') as { validated: number; parses: number };
    assert.ok(stats.validated >= 1 && stats.parses >= 1, JSON.stringify(stats));
  } finally {
    await client.stop().catch(() => client.proc.kill());
  }
});
