// A `--default-offset FOLDER=MINUTES` whose folder holds no log read places nothing: every command
// that reads logs says so (a typo would otherwise be silent), not only timeline and related.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, '../../dist/cli.js');

test('check and export say a FOLDER= offset that places nothing, and still place the folder that matches', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-offset-typo-'));
  mkdirSync(path.join(dir, 'DEV1'));
  writeFileSync(path.join(dir, 'DEV1', 'CBS.log'), '2024-01-15 08:00:00, Info                  CBS    Starting\r\n');
  for (const command of ['check', 'export']) {
    const r = spawnSync(process.execPath, [CLI, command, '--default-offset', 'DEV9=300', '--default-offset', 'DEV1=300', 'DEV1'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, `${command}: ${r.stderr}`);
    assert.match(r.stderr, /DEV9=300.*placed nothing: no log read is under DEV9/, command);
    assert.doesNotMatch(r.stderr, /DEV1=300.*placed nothing/, command);
  }
});
