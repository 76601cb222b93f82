// Every exit status of `cmlog` is documented where people look: --help and the README.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

test('--help names exit statuses 0, 1, 2 and 3 (internal error)', () => {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
  const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout;
  const status = help.slice(help.indexOf('exit status:'));
  for (const re of [/\b0 no errors/, /\b1 errors found/, /\b2 usage error/, /\b3 internal error/]) assert.match(status, re);
});

test('the README\'s command-line section documents exit status 3', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## The command line');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  assert.match(section, /Exit status: 0 [^]*, 1 [^]*, 2 [^]*, 3 [^]*internal error/);
});
