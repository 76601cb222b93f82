// Resilience: when the language server process dies, the client starts a new one and the features
// keep working. (Runs last: it kills the server the other suites use.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { pollUntil } from './helpers';

interface ServerHandle { isRunning(): boolean; _serverProcess?: { pid?: number } }

suite('CMLog Lens: resilience', () => {
  test('a killed language server is restarted and answers again', async () => {
    const ext = vscode.extensions.getExtension('cmlog-lens.cmlog-lens');
    assert.ok(ext, 'extension present');
    const api = (await ext.activate()) as { languageClient(): ServerHandle | undefined };
    const client = api.languageClient();
    assert.ok(client, 'the extension exports its language client');
    const before = await pollUntil(async () => client._serverProcess?.pid, (pid) => typeof pid === 'number' && client.isRunning(), 30_000, 100);
    assert.ok(before.ok, 'server process running');
    process.kill(before.value!, 'SIGKILL');
    const after = await pollUntil(async () => client._serverProcess?.pid, (pid) => typeof pid === 'number' && pid !== before.value && client.isRunning(), 30_000, 100);
    assert.ok(after.ok, `no new server process after the old one (${before.value}) was killed`);
    // The new server answers: a CMTrace log gets its outline again.
    const [uri] = await vscode.workspace.findFiles('**/Client/ccmsetup.log');
    await vscode.window.showTextDocument(uri);
    const symbols = await pollUntil(
      async () => (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [],
      (s) => s.length > 0, 30_000, 250);
    assert.ok(symbols.ok, 'the restarted server answers requests');
  });
});
