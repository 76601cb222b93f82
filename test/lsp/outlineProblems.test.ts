// The Outline of a log whose records are all information but whose problems are in the Problems
// panel: the problems are its symbols ("No editor symbols" before), named by rule title and line.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DocumentSymbolRequest, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../support/lspClient';
import { rules } from '../../server/src/rules';

const SAMPLE = path.resolve(__dirname, '../../samples/SiteServer/MP_RegistrationManager.log');
const URI = 'file:///outline/SiteServer/MP_RegistrationManager.log';

let client: TestClient;
before(async () => { client = await TestClient.start(); });
after(async () => { if (client) await client.stop().catch(() => client.proc.kill()); });

test('MP_RegistrationManager.log: its aad-tenant-missing warnings are the Outline\'s "Problems", by title and line', async () => {
  await client.open(URI, readFileSync(SAMPLE, 'utf8'));
  const diags = await client.waitForDiagnostics(URI, (d) => d.some((x) => x.code === 'aad-tenant-missing'));
  const warnings = diags.filter((d) => d.code === 'aad-tenant-missing');
  assert.equal(warnings.length, 5, 'the sample\'s five registrations without a tenant');
  const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } })) as DocumentSymbol[];
  const problems = symbols.find((s) => s.name === 'Problems');
  assert.ok(problems, `a Problems group among ${JSON.stringify(symbols.map((s) => s.name))}`);
  const title = rules.find((r) => r.id === 'aad-tenant-missing')!.title;
  // One symbol per problem the Problems panel shows, on its line, named by its rule's title and line.
  assert.deepEqual(
    problems.children!.map((c) => [c.name, c.selectionRange.start.line]),
    diags.map((d) => [`${rules.find((r) => r.id === d.code)!.title} (line ${d.range.start.line + 1})`, d.range.start.line]),
  );
  assert.ok(problems.children!.some((c) => c.name.startsWith(title)));
  for (const c of problems.children!) {
    assert.ok(problems.range.start.line <= c.range.start.line && c.range.end.line <= problems.range.end.line, 'the group holds its problems');
  }
});
