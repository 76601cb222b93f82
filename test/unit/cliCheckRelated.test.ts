// `cmlog check --format json`: a finding's related locations are part of the contract, as
// `related: [{ path, line, message }]` (1-based lines), so a script sees one problem per story.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

test('check --format json: related locations of the group sync story, and [] when there are none', () => {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', 'samples/SiteServer'], { cwd: ROOT, encoding: 'utf8' });
  const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: { path: string; line: number; code: string; related: { path: string; line: number; message: string }[] }[] };
  const story = diagnostics.filter((d) => d.code === 'aad-tenant-missing' && d.path.endsWith('SMS_AZUREAD_DISCOVERY_AGENT.log'));
  assert.equal(story.length, 1);
  // The 16 repeats are one related location, at the first of them, as in the Problems panel.
  const repeats = story[0]!.related.filter((x) => x.path === story[0]!.path).map((x) => [x.line, x.message.split(',', 2).join(',')]);
  assert.deepEqual(repeats, [[19, 'The same error 16 more times, lines 19-169']]);
  assert.ok(story[0]!.related.some((x) => x.path.endsWith('MP_RegistrationManager.log') && x.line >= 1 && x.message.length > 0));
  assert.ok(diagnostics.every((d) => Array.isArray(d.related)));
});
