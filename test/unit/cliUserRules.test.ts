// `cmlog check` with the admin's own rules: `.cmlog/rules.json` in a folder given, `--rules FILE`,
// a bad file reported while the built-in rules still run, and a catastrophic pattern skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function cmlog(args: string[]) {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const rec = (msg: string) => `<![LOG[${msg}]LOG]!><time="08:00:00.000+000" date="3-15-2026" component="C" context="" type="1" thread="1" file="">\r\n`;

function workspace(rules: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-user-'));
  mkdirSync(path.join(dir, '.cmlog'));
  writeFileSync(path.join(dir, '.cmlog', 'rules.json'), typeof rules === 'string' ? rules : JSON.stringify(rules));
  writeFileSync(path.join(dir, 'AppEnforce.log'), rec('fine') + rec('Unmatched exit code (1603) is considered an execution failure.') + '<![LOG[cut off\r\n');
  return dir;
}
const exitRule = { id: 'exit', logs: 'appenforce.log', pattern: 'Unmatched exit code \\((\\d+)\\)', severity: 'error', message: 'Install failed with $1' };
const diagnostics = (out: string) => JSON.parse(out).diagnostics as { code: string; line: number; message: string }[];

test('check: .cmlog/rules.json in a folder given is run, with the user: prefix', () => {
  const dir = workspace({ rules: [exitRule] });
  const r = cmlog(['check', '--format', 'json', dir]);
  assert.equal(r.code, 1, r.err);
  const mine = diagnostics(r.out).filter((d) => d.code === 'user:exit');
  assert.deepEqual(mine.map((d) => [d.line, d.message]), [[2, 'Install failed with 1603']]);
});

test('check --rules FILE: rules from a file anywhere', () => {
  const dir = workspace({ rules: [] });
  const file = path.join(dir, 'mine.json');
  writeFileSync(file, JSON.stringify({ rules: [{ ...exitRule, id: 'other', severity: 'warning' }] }));
  const r = cmlog(['check', '--format', 'json', '--rules', file, dir]);
  assert.deepEqual(diagnostics(r.out).filter((d) => d.code.startsWith('user:')).map((d) => d.code), ['user:other']);
});

test('check: a bad rules file is reported on stderr (exit 2) and the built-in rules still run', () => {
  const dir = workspace('{ "rules": [ { "id": "x", "pattern": "(", "severity": "error", "message": "m" } ] }');
  const r = cmlog(['check', '--format', 'json', dir]);
  assert.equal(r.code, 2);
  assert.match(r.err, /rules\.json: rule 1 \("x"\): "pattern" is not a valid regular expression/);
  assert.ok(diagnostics(r.out).some((d) => d.code === 'truncated-record'), r.out);
});

test('check --format sarif: a bad rules file is one of the run\'s notifications, and the run is not called successful', () => {
  const dir = workspace('{ "rules": [ { "id": "x", "pattern": "(", "severity": "error", "message": "m" } ] }');
  const r = cmlog(['check', '--format', 'sarif', dir]);
  assert.equal(r.code, 2);
  const invocation = JSON.parse(r.out).runs[0].invocations[0];
  assert.equal(invocation.executionSuccessful, false);
  assert.ok(invocation.toolExecutionNotifications.some((n: { message: { text: string } }) => /"pattern" is not a valid regular expression/.test(n.message.text)), r.out);
});

test('check: a catastrophic pattern is skipped with a finding, never a hang', { timeout: 30_000 }, () => {
  const dir = workspace({ rules: [{ id: 'slow', pattern: '(a+)+$', severity: 'error', message: 'never' }] });
  writeFileSync(path.join(dir, 'long.log'), rec('a'.repeat(10_000) + 'b'));
  const r = cmlog(['check', '--format', 'json', dir]);
  const slow = diagnostics(r.out).filter((d) => d.code === 'user:slow');
  assert.equal(slow.length, 1, r.out);
  assert.match(slow[0]!.message, /was skipped in this file/);
});
