// Logs the user keeps out of search (`search.exclude`) are not indexed: not read, no problems.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileUri, TestClient } from '../support/lspClient';

const SAMPLES = path.resolve(__dirname, '../../samples');
const AGENT = 'SiteServer/SMS_AZUREAD_DISCOVERY_AGENT.log';
let ws: string;
let client: TestClient;

before(async () => {
  ws = mkdtempSync(path.join(tmpdir(), 'cmlog-search-exclude-'));
  cpSync(SAMPLES, path.join(ws, 'kept'), { recursive: true });
  cpSync(SAMPLES, path.join(ws, 'archive'), { recursive: true });
  client = await TestClient.start({}, { folder: ws, searchExclude: { archive: true } });
});
after(async () => {
  if (client) await client.stop().catch(() => client.proc.kill());
  rmSync(ws, { recursive: true, force: true });
});

test('a search.exclude\'d log gets no diagnostics; the same log elsewhere does', async () => {
  await client.until(() => client.logs.some((l) => l.startsWith('indexed ')), 'the indexing summary');
  const kept = await client.waitForDiagnostics(fileUri(path.join(ws, 'kept', AGENT)), (d) => d.length > 0);
  assert.ok(kept.some((d) => d.code === 'aad-tenant-missing'));
  // Validation of the whole index is done once the kept copy has its problems: the excluded copy has none.
  const excluded = [...client.diagnostics.keys()].filter((uri) => uri.startsWith(fileUri(path.join(ws, 'archive'))));
  assert.deepEqual(excluded, []);
  // Nine logs in samples/: the copy under archive/ is not read at all.
  const summary = /^indexed (\d+) logs/.exec(client.logs.find((l) => l.startsWith('indexed '))!);
  assert.equal(Number(summary?.[1]), 9, client.logs.join('\n'));
});
