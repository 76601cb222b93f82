// `cmlog check` on a folder from a broken machine: files that cannot be read, broken links, link
// loops, binaries named .log, a 10 MB single-line log, and log text (and file names) made of
// Markdown, HTML, `command:` URIs and terminal escapes. Each problem is reported on stderr, the
// rest is checked, the exit code is 2; hostile text is kept intact in JSON and never reaches the
// terminal raw in text output. Runs the built dist/cli.js.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const POSIX = process.platform !== 'win32';
/** A file every open() succeeds on and every read() fails on (EIO), even for root. */
const READ_FAILS = '/proc/self/mem';
const HAS_READ_FAILS = POSIX && existsSync(READ_FAILS);

const made: string[] = [];
after(() => { for (const dir of made) rmSync(dir, { recursive: true, force: true }); });

/** A fresh temporary folder, removed when the tests end. */
function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

function cmlog(args: string[], timeout = 60_000) {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr, timedOut: r.signal !== null };
}

const ATTRS = '<time="08:00:00.000+000" date="3-15-2026" component="C" context="" type="1" thread="1" file="">';
const rec = (msg: string) => `<![LOG[${msg}]LOG]!>${ATTRS}\r\n`;
const sync = (msg: string, time: string) => `${msg}  $$<SMS_CLOUD_USERSYNC><09-15-2014 ${time}+420><thread=4321 (0x10E1)>\r\n`;

/** A user name as the connector logs it (no white space, no `;`), made of everything hostile. */
const HOSTILE_USER = '\u001b[31m[x](command:workbench.action.terminal.new)<img_src=x_onerror=alert(1)>\u0007\u001b[2J\u009b6n@contoso.com';
/** A file name with a terminal escape, a Markdown link to a command URI and HTML. */
const HOSTILE_NAME = '\u001b[31mred[x](command:evil)<b>.log';
const TEN_MB = 10 * 1024 * 1024;

/** Control characters that must not reach a terminal raw (line feeds and tabs may). */

const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

interface Hostile {
  dir: string;
  /** Names in `dir` expected on stderr, with what the message must say. */
  problems: [string, RegExp][];
  /** Paths expected among the checked files. */
  logs: string[];
}

function hostileFolder(): Hostile {
  const dir = tempDir('cmlog-hostile-');
  const problems: [string, RegExp][] = [];
  const logs: string[] = [];
  const log = (rel: string, content: string | Buffer) => { writeFileSync(path.join(dir, rel), content); logs.push(path.join(dir, rel)); };

  log('good.log', rec('fine') + '<![LOG[cut off\r\n' + rec('after'));
  log('empty.log', '');
  mkdirSync(path.join(dir, 'folder.log'));
  log(path.join('folder.log', 'inner.log'), rec('in a folder named like a log'));
  // One line of 10 MB, no line break at all.
  log('huge.log', `<![LOG[${'x'.repeat(TEN_MB)}]LOG]!>${ATTRS}`);
  log('CloudUserSync.log', sync('Starting user delta sync, raise failure status messages = True', '02:04:05.928') +
    sync(`Failed to add user ${HOSTILE_USER}; reason UserNotFound`, '08:59:11.397'));
  if (POSIX) log(HOSTILE_NAME, '<![LOG[cut off in a file with a hostile name\n');

  writeFileSync(path.join(dir, 'image.log'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00]));
  problems.push(['image.log', /binary file/]);
  const exe = Buffer.alloc(512);
  exe.write('MZ\x90\x00\x03', 'latin1');
  exe.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  writeFileSync(path.join(dir, 'setup.log'), exe);
  problems.push(['setup.log', /binary file/]);
  if (POSIX) {
    symlinkSync(path.join(dir, 'gone.log'), path.join(dir, 'broken.log'));
    problems.push(['broken.log', /broken symbolic link/]);
    symlinkSync(path.join(dir, 'loop-b.log'), path.join(dir, 'loop-a.log'));
    symlinkSync(path.join(dir, 'loop-a.log'), path.join(dir, 'loop-b.log'));
    problems.push(['loop-a.log', /symbolic link loop|broken symbolic link/], ['loop-b.log', /symbolic link loop|broken symbolic link/]);
  }
  if (HAS_READ_FAILS) {
    symlinkSync(READ_FAILS, path.join(dir, 'unreadable.log'));
    problems.push(['unreadable.log', /EIO|i\/o error/i]);
  }
  return { dir, problems, logs };
}

const escapeRe = (s: string) => s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

/** stderr says `cmlog: PATH: reason` once for each problem, and nothing else. */
function assertProblems(err: string, h: Hostile): void {
  const lines = err.split('\n').filter((l) => l.length > 0);
  for (const [name, reason] of h.problems) {
    const mine = lines.filter((l) => l.startsWith(`cmlog: ${path.join(h.dir, name)}: `));
    assert.equal(mine.length, 1, `${name} is reported once on stderr:\n${err}`);
    assert.match(mine[0], reason, `${name}: ${mine[0]}`);
  }
  assert.equal(lines.length, h.problems.length, `one line per problem, nothing else:\n${err}`);
}

test('check --format json on a hostile folder: problems on stderr, the rest checked, exit 2, text intact', { timeout: 120_000 }, () => {
  const h = hostileFolder();
  const r = cmlog(['check', '--format', 'json', h.dir]);
  assert.equal(r.timedOut, false, 'cmlog check did not finish');
  assert.equal(r.code, 2, r.err);
  assertProblems(r.err, h);

  // JSON escapes C0 controls (ESC, BEL, NUL); C1 ones (U+009B CSI) are valid JSON as they are.

  assert.doesNotMatch(r.out, /[\u0000-\u0009\u000b-\u001f]/, 'JSON output escapes control characters');
  const json = JSON.parse(r.out);
  const files = new Map<string, { entries: number; bytes: number }>(json.files.map((f: { path: string }) => [f.path, f]));
  assert.deepEqual([...files.keys()].sort(), [...h.logs].sort(), 'every readable log is checked');
  assert.equal(files.get(path.join(h.dir, 'huge.log'))!.entries, 1);
  assert.ok(files.get(path.join(h.dir, 'huge.log'))!.bytes > TEN_MB);

  // Nothing in the folder is skipped silently: each name is a checked log, a reported problem or a folder.
  const reported = new Set(h.problems.map(([n]) => n));
  for (const name of readdirSync(h.dir)) {
    assert.ok(files.has(path.join(h.dir, name)) || reported.has(name) || name === 'folder.log', `${JSON.stringify(name)} neither checked nor reported`);
  }

  const codes = json.diagnostics.map((d: { path: string; code: string }) => `${path.relative(h.dir, d.path)} ${d.code}`).sort();
  assert.deepEqual(codes, ['CloudUserSync.log user-not-found', 'good.log truncated-record', ...(POSIX ? [`${HOSTILE_NAME} truncated-record`] : [])].sort());
  const unf = json.diagnostics.find((d: { code: string }) => d.code === 'user-not-found');
  assert.equal(unf.data.user, HOSTILE_USER, 'the user name from the log, exactly');
  assert.ok(unf.message.startsWith(HOSTILE_USER + ' '), unf.message);
});

test('check text output on a hostile folder: the same problems and exit code, Markdown and HTML as written', { timeout: 120_000 }, () => {
  const h = hostileFolder();
  const r = cmlog(['check', h.dir]);
  assert.equal(r.timedOut, false);
  assert.equal(r.code, 2, r.err);
  assertProblems(r.err, h);
  assert.match(r.out, new RegExp(`^${escapeRe(path.join(h.dir, 'good.log'))}:2: information truncated-record: `, 'm'));
  assert.match(r.out, /\[x\]\(command:workbench\.action\.terminal\.new\)<img_src=x_onerror=alert\(1\)>/);
  assert.match(r.out.trim().split('\n').at(-1)!, new RegExp(`^${h.logs.length} files, \\d+ entries \\(`));
});

test('check text output shows control characters of log text and file names as text, never raw', {
  timeout: 120_000,

}, () => {
  const h = hostileFolder();
  if (POSIX) symlinkSync(path.join(h.dir, 'gone'), path.join(h.dir, `\u001b[2Jbroken${HOSTILE_NAME}`));
  const r = cmlog(['check', h.dir]);
  assert.equal(r.code, 2);
  assert.doesNotMatch(r.out, RAW_CONTROL, `stdout: ${JSON.stringify(r.out.slice(0, 400))}`);
  assert.doesNotMatch(r.err, RAW_CONTROL, `stderr: ${JSON.stringify(r.err.slice(0, 400))}`);
  // Shown, not dropped: each escape is visible in some spelled-out form.
  const visibleEsc = /\\x1b|\\u001b|\\e|\^\[|␛/i;
  const userLine = r.out.split('\n').find((l) => l.includes('user-not-found'))!;
  assert.match(userLine, visibleEsc);
  assert.match(userLine, new RegExp(escapeRe('[x](command:workbench.action.terminal.new)<img_src=x_onerror=alert(1)>')));
  if (POSIX) assert.match(r.err, new RegExp(`${visibleEsc.source}.*broken`, 'i'));
});

test('a FIFO named .log is reported, in a folder and when named, and never hangs the check', {
  skip: !POSIX,
  timeout: 60_000,

}, () => {
  const dir = tempDir('cmlog-fifo-');
  writeFileSync(path.join(dir, 'good.log'), rec('fine'));
  const fifo = path.join(dir, 'pipe.log');
  if (spawnSync('mkfifo', [fifo]).status !== 0) return;
  const inFolder = cmlog(['check', '--format', 'json', dir], 10_000);
  assert.equal(inFolder.timedOut, false);
  assert.equal(inFolder.code, 2, `FIFO in a folder: ${inFolder.err}`);
  assert.match(inFolder.err, /pipe\.log: /);
  assert.equal(JSON.parse(inFolder.out).files.length, 1);
  const named = cmlog(['check', fifo, path.join(dir, 'good.log')], 5_000);
  assert.equal(named.timedOut, false, '`cmlog check pipe.log` hangs');
  assert.equal(named.code, 2);
  assert.match(named.err, /pipe\.log: /);
});

test('symbolic link loops: a link to an ancestor folder is followed once, and loops are called loops', {
  skip: !POSIX,
  timeout: 60_000,

}, () => {
  const dir = tempDir('cmlog-loop-');
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'a.log'), rec('fine'));
  symlinkSync('..', path.join(dir, 'sub', 'up'));
  symlinkSync(path.join(dir, 'loop-b.log'), path.join(dir, 'loop-a.log'));
  symlinkSync(path.join(dir, 'loop-a.log'), path.join(dir, 'loop-b.log'));
  const r = cmlog(['check', '--format', 'json', dir]);
  assert.equal(r.timedOut, false);
  assert.equal(JSON.parse(r.out).files.length, 1, `a.log is checked once: ${JSON.parse(r.out).files.length} times`);
  assert.match(r.err, /loop-a\.log: symbolic link loop/);
  assert.ok(r.err.split('\n').filter((l) => l.includes('loop-b.log')).length === 1, r.err.slice(0, 2000));
});
