// `cmlog check` as a script would use it: the built dist/cli.js, its JSON contract and exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, symlinkSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function cmlog(args: string[], cwd = ROOT) {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const rec = (msg: string, type = '1') =>
  `<![LOG[${msg}]LOG]!><time="08:00:00.000+000" date="3-15-2026" component="C" context="" type="${type}" thread="1" file="">\r\n`;

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-cli-'));
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'sub', 'a.log'), rec('fine') + '<![LOG[cut off\r\n' + rec('after'));
  writeFileSync(path.join(dir, 'history-20240101-120000.log'), rec('old'));
  writeFileSync(path.join(dir, 'rotated.lo_'), 'x  $$<C><01-01-2020 10:00:00.000+000><thread=1 (0x1)>\n');
  writeFileSync(path.join(dir, 'notes.txt'), 'just words\n');
  writeFileSync(path.join(dir, 'renamed.txt'), rec('a CMTrace log with another name'));
  return dir;
}

test('check --format json: the files and diagnostics contract', () => {
  const dir = folder();
  const r = cmlog(['check', '--format', 'json', dir]);
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out);
  const files = json.files.map((f: { path: string }) => path.relative(dir, f.path)).sort();
  assert.deepEqual(files, ['history-20240101-120000.log', 'renamed.txt', 'rotated.lo_', path.join('sub', 'a.log')].sort());
  const a = json.files.find((f: { path: string }) => f.path.endsWith('a.log'));
  assert.deepEqual(Object.keys(a).sort(), ['bytes', 'encoding', 'entries', 'errorRecords', 'format', 'path', 'unparsed', 'unparsedSpans']);
  assert.deepEqual([a.format, a.encoding, a.entries, a.unparsedSpans], ['ccm', 'utf-8', 3, 0]);
  assert.equal(json.files.find((f: { path: string }) => f.path.endsWith('rotated.lo_')).format, 'sms');
  assert.deepEqual(json.diagnostics.map((d: Record<string, unknown>) => [path.basename(d.path as string), d.line, d.endLine, d.severity, d.code]), [
    ['a.log', 2, 2, 'information', 'truncated-record'],
  ]);
  assert.ok('data' in json.diagnostics[0] && 'message' in json.diagnostics[0]);
});

test('check text output reads like a compiler, with a summary line', () => {
  const dir = folder();
  const r = cmlog(['check', path.join(dir, 'sub')], dir);
  assert.equal(r.code, 0);
  const lines = r.out.trim().split('\n');
  assert.match(lines[0], /^sub\/a\.log:2: information truncated-record: /);
  assert.match(lines.at(-1)!, /^1 file, 3 entries \(0 error records\), 0 unparsed spans; problems found: 0 errors, 0 warnings, 1 information$/);
});

test('Windows-style relative paths work', () => {
  const r = cmlog(['check', '--format', 'json', 'samples\\SiteServer\\MP_RegistrationManager.log']);
  assert.notEqual(r.code, 2, r.err);
  assert.equal(JSON.parse(r.out).files[0].path, 'samples/SiteServer/MP_RegistrationManager.log');
});

test('unreadable paths: reported on stderr, the rest still checked, exit 2', () => {
  const dir = folder();
  symlinkSync(path.join(dir, 'gone.log'), path.join(dir, 'broken.log'));
  writeFileSync(path.join(dir, 'binary.log'), Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]));
  const r = cmlog(['check', '--format', 'json', dir, path.join(dir, 'missing.log')]);
  assert.equal(r.code, 2);
  assert.match(r.err, /broken\.log: broken symbolic link/);
  assert.match(r.err, /binary\.log: binary file/);
  assert.match(r.err, /missing\.log: no such file or folder/);
  assert.equal(JSON.parse(r.out).files.length, 4, 'the readable logs are still checked');
});

test('usage errors exit 2 with the reason', () => {
  for (const args of [[], ['check'], ['check', '--format', 'xml', '.'], ['check', '--bogus', '.'], ['frobnicate'], ['check', '--default-offset', 'abc', '.'], ['check', '--rule', 'no-such-rule=off', '.']]) {
    const r = cmlog(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
  }
  assert.match(cmlog(['check', '--format', 'xml', '.']).err, /--format must be one of text, json/);
});

test('--rule turns a rule off; errors make the exit code 1', () => {
  const dir = folder();
  const off = cmlog(['check', '--format', 'json', '--rule', 'truncated-record=off', dir]);
  assert.deepEqual(JSON.parse(off.out).diagnostics, []);
  const err = cmlog(['check', '--rule', 'truncated-record=error', dir]);
  assert.equal(err.code, 1);
  assert.match(err.out, /error truncated-record/);
});

test('--default-offset and --offset-convention reach the parser', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-cli-'));
  writeFileSync(path.join(dir, 'ime.log'), '<![LOG[x]LOG]!><time="10:00:00.1234567" date="3-15-2026" component="IME" context="" type="1" thread="1" file="">\n');
  // Visible through `check` only once a rule reports times; here the flags must at least be accepted.
  assert.equal(cmlog(['check', '--default-offset', '300', '--offset-convention', 'utc-offset', dir]).code, 0);
  assert.equal(cmlog(['check', '--offset-convention', 'local', dir]).code, 2);
});

test('folder links that loop are walked once, not forever', () => {
  const dir = folder();
  symlinkSync('..', path.join(dir, 'sub', 'up'));
  symlinkSync(path.join(dir, 'sub'), path.join(dir, 'sub', 'self'));
  const r = cmlog(['check', '--format', 'json', dir]);
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).files.length, 4);
});
