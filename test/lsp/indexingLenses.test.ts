// Code lenses asked for before the workspace index is built: they say the logs are still being
// indexed (not "no other log within ±5 s", which would be false), and the server asks the client
// to refresh them once the index is built. The test client holds the start of indexing (its
// answer to window/workDoneProgress/create) so the order is certain, with no timing involved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CodeLensRequest, type CodeLens } from 'vscode-languageserver-protocol/node';
import { fileUri, startWithHeldIndex } from '../support/lspClient';

test('lenses before the index is built say it is being indexed, and are refreshed once it is', async (t) => {
  const { client, ws, release } = await startWithHeldIndex(t, 'cmlog-lens-', { lensRefresh: true });
  const file = path.join(ws, 'Client/ccmsetup.log');
  const uri = fileUri(file);
  await client.open(uri, readFileSync(file, 'latin1'));
  const titles = async () => ((await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? []).map((l: CodeLens) => l.command!.title);

  const before = await titles();
  assert.ok(before.length > 0, 'lenses are offered while indexing');
  assert.ok(before.every((x) => x === '⇄ logs of the workspace still being indexed…'), before.join('\n'));
  assert.equal(client.indexed, false, 'the index was not built meanwhile');

  const refreshes = client.lensRefreshes;
  release();
  await client.until(() => client.indexed && client.lensRefreshes > refreshes, 'a lens refresh after the index is built');
  const after = await titles();
  assert.ok(after.some((x) => /^⇄ \d+ entr(y|ies) in \d+ other logs? within ±5 s/.test(x)), after.join('\n'));
  assert.ok(after.every((x) => !/being indexed/.test(x)), after.join('\n'));
});
