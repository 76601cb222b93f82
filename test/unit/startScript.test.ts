// `npm start` builds, then checks the samples. The samples hold errors on purpose, so check's exit 1
// counts as success; a failed build, a usage error (2) or an internal error (3) must fail. The
// script from package.json runs under sh with stand-ins for npm and node that exit as told.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const START: string = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.start;

function start(build: number, check: number): { code: number | null; ran: string } {
  const bin = mkdtempSync(path.join(tmpdir(), 'cmlog-start-'));
  try {
    const log = path.join(bin, 'ran');
    for (const [name, code] of [['npm', build], ['node', check]] as const) {
      writeFileSync(path.join(bin, name), `#!/bin/sh\necho ${name} >> '${log}'\nexit ${code}\n`);
      chmodSync(path.join(bin, name), 0o755);
    }
    const r = spawnSync('sh', ['-c', START], { cwd: ROOT, env: { ...process.env, PATH: `${bin}:${process.env.PATH}` }, encoding: 'utf8' });
    let ran = '';
    try { ran = readFileSync(log, 'utf8').trim().split('\n').join(' '); } catch { /* nothing ran */ }
    return { code: r.status, ran };
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
}

test('npm start: a failed build fails, and check is not run', { skip: process.platform === 'win32' }, () => {
  for (const code of [1, 2]) assert.deepEqual(start(code, 0), { code, ran: 'npm' }, `build exits ${code}`);
});

test('npm start: check finding errors (1) or none (0) succeeds; 2 and 3 fail with their code', { skip: process.platform === 'win32' }, () => {
  assert.deepEqual(start(0, 0), { code: 0, ran: 'npm node' });
  assert.deepEqual(start(0, 1), { code: 0, ran: 'npm node' });
  assert.deepEqual(start(0, 2), { code: 2, ran: 'npm node' });
  assert.deepEqual(start(0, 3), { code: 3, ran: 'npm node' });
});
