// What a newcomer types first: `cmlog --version`, `cmlog help check`, `cmlog check --help`, and a
// wrong option. Each command says its own usage and exit statuses. Runs the built dist/cli.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const NAMES = ['check', 'related', 'timeline', 'lookup', 'export'];

function cmlog(args: string[]) {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { out: r.stdout, err: r.stderr, code: r.status };
}

test('--version prints the version of package.json', () => {
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(cmlog(['--version']), { out: `cmlog ${version}\n`, err: '', code: 0 });
});

test('help COMMAND and COMMAND --help print that command\'s help alone, with its exit statuses', () => {
  for (const name of NAMES) {
    const help = cmlog(['help', name]);
    assert.equal(help.code, 0);
    assert.ok(help.out.startsWith(`usage: cmlog ${name} `), help.out);
    for (const other of NAMES) if (other !== name) assert.doesNotMatch(help.out, new RegExp(`^\\s*(usage: cmlog )?${other} \\[`, 'm'), `${name}'s help shows ${other}`);
    assert.match(help.out, /exit status: 0 [^]*\b2 usage error[^]*\b3 internal error/);
    assert.deepEqual(cmlog([name, '--help']), help);
    assert.deepEqual(cmlog([name, '-h']), help);
  }
  // Only check's exit status says anything about errors found: the others are not a verdict.
  assert.match(cmlog(['help', 'check']).out, /\b1 errors found/);
  for (const name of ['related', 'timeline', 'lookup', 'export']) assert.doesNotMatch(cmlog(['help', name]).out, /\b1 /);
  assert.match(cmlog(['help', 'export']).out, /errors in the logs do not count/);
  assert.match(cmlog(['help', 'check']).out, /--offset-convention/);
  assert.doesNotMatch(cmlog(['help', 'lookup']).out, /--offset-convention/, 'lookup reads no logs');
});

test('--help lists each command\'s exit statuses under its name', () => {
  const out = cmlog(['--help']).out;
  const status = out.slice(out.indexOf('exit status:'));
  for (const name of NAMES) assert.match(status, new RegExp(`^  ${name} +0 `, 'm'));
  assert.match(status, /^ {2}any +3 internal error/m);
});

test('a path that cannot be read exits 2 for every command that reads logs, never 0', () => {
  for (const args of [['check'], ['export'], ['timeline'], ['related', 'samples/nope.log:1'], ['check', '--format', 'json'], ['timeline', '--format', 'json']]) {
    const r = cmlog([...args, 'samples/nope.log']);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, /^cmlog: samples\/nope\.log: no such file or folder$/m);
  }
  // Beside a path that can be read: that one is still done, and the status is still 2.
  const r = cmlog(['timeline', 'samples/nope.log', 'samples/SiteServer/CCM_STS.log']);
  assert.equal(r.code, 2);
  assert.match(r.out, /CCM_STS\.log:1 /);
  assert.equal(cmlog(['check', 'samples/nope.log']).out, '', 'no summary when nothing could be read');
});

test('a usage error in a command shows that command\'s usage, not every command\'s', () => {
  const r = cmlog(['check', '--bogus', 'samples']);
  assert.equal(r.code, 2);
  assert.ok(r.err.startsWith("cmlog: unknown option '--bogus' (cmlog --help lists the options)\nusage: cmlog check "), r.err);
  assert.doesNotMatch(r.err, /cmlog timeline/);
  const unknown = cmlog(['help', 'bogus']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /^cmlog: unknown command 'bogus'\nusage: cmlog <command>/);
});

test('after `--` every argument is a path, even one spelled --help', () => {
  const r = cmlog(['timeline', '--', '--help']);
  assert.equal(r.code, 2, r.err);
  assert.doesNotMatch(r.out, /^usage:/m);
  assert.match(r.err, /--help/);
});
