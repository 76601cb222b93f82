// Text output never sends a terminal what a log or a file name contains raw: no escape sequence,
// no C1 control, no bidi override or zero-width character, and no line feed or tab that could
// forge an output line. JSON output is escaped too (C1, bidi and U+2028/9 included). Runs the
// built dist/cli.js on hostile file names made in a temporary folder and on hostile log text.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const POSIX = process.platform !== 'win32';

const made: string[] = [];
after(() => { for (const dir of made) rmSync(dir, { recursive: true, force: true }); });

function cmlog(args: string[], cwd = ROOT) {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Everything hostile to a terminal: ESC sequences, BEL, C1 (CSI, OSC, DCS), bidi, zero-width, TAB, separators. */
const NASTY = '\u001b[2J\u0007\u009b6n\u009d0;x\u0007\u0090q\u202egol.exe\u200b\u2066\t\u2028\u2029\u00ad\ufeff';
// Anything a terminal acts on, except the line feeds that end our own lines.

const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const raw = (s: string) => UNSAFE.test(s.replace(/\n/g, ''));

const ATTRS = (date = '3-15-2026', component = 'C', time = '08:00:00.000+000') =>
  `<time="${time}" date="${date}" component="${component}" context="" type="1" thread="1" file="">`;
const rec = (msg: string, attrs = ATTRS()) => `<![LOG[${msg}]LOG]!>${attrs}\n`;

function dir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'cmlog-term-'));
  made.push(d);
  return d;
}

test('check: a file name with a line feed cannot forge a finding line; nothing hostile reaches the terminal', { skip: !POSIX }, () => {
  const d = dir();
  const forged = `x.log:1: error user-not-found: forged\nreal${NASTY}.log`;
  writeFileSync(path.join(d, forged), rec('fine') + '<![LOG[cut off\n' + rec('after'));
  writeFileSync(path.join(d, `msg${NASTY}.log`), '<![LOG[cut' + NASTY + '\n' + rec('after'));
  const missing = path.join(d, `gone\n${NASTY}.log`);
  const r = cmlog(['check', d, missing]);
  assert.equal(r.code, 2, r.err);
  assert.ok(!raw(r.out), `stdout: ${JSON.stringify(r.out)}`);
  assert.ok(!raw(r.err), `stderr: ${JSON.stringify(r.err)}`);
  const lines = r.out.trimEnd().split('\n');
  assert.equal(lines.length, 3, `two findings and the summary, nothing forged: ${JSON.stringify(lines)}`);
  assert.ok(lines.every((l) => !/^x\.log:1: error/.test(l)), JSON.stringify(lines));
  assert.ok(lines.slice(0, 2).every((l) => / information truncated-record: /.test(l)));
  // Shown, not dropped: the escapes are spelled out.
  assert.match(r.out, /\\x0aREAL|\\x0areal/i);
  assert.match(r.out, /\\x1b\[2J\\x07\\x9b6n\\x9d0;x\\x07\\x90q\\u202egol\.exe\\u200b\\u2066\\x09\\u2028\\u2029\\xad\\ufeff/);
  assert.equal(r.err.trimEnd().split('\n').length, 1, `one problem line: ${JSON.stringify(r.err)}`);
  assert.match(r.err, /gone\\x0a/);
});

test('check --format json: C1, bidi, zero-width and U+2028/9 escaped, the text intact when parsed', { skip: !POSIX }, () => {
  const d = dir();
  const name = `j${NASTY}.log`;
  writeFileSync(path.join(d, name), '<![LOG[cut' + NASTY + '\n' + rec('after'));
  const r = cmlog(['check', '--format', 'json', d]);
  assert.equal(r.code, 0, r.err);
  assert.ok(!raw(r.out), `stdout: ${JSON.stringify(r.out)}`);
  const json = JSON.parse(r.out);
  assert.equal(path.basename(json.files[0].path), name);
  assert.equal(path.basename(json.diagnostics[0].path), name);
});

test('timeline: file names, wall-clock attributes, components and messages are escaped, text and JSON', { skip: !POSIX }, () => {
  const d = dir();
  writeFileSync(path.join(d, `t\n${NASTY}.log`), rec(`message${NASTY}`, ATTRS(`3-15-2026${NASTY}`, `Comp${NASTY}`)) + rec('plain', ATTRS('3-15-2026', 'C', `08:00:01.000${NASTY}`)));
  // No offset: the note on stderr names the file.
  writeFileSync(path.join(d, `n\n${NASTY}.log`), rec('no offset', ATTRS('3-15-2026', 'C', '08:00:02.000')));
  const text = cmlog(['timeline', d]);
  assert.equal(text.code, 0, text.err);
  assert.ok(!raw(text.out), `stdout: ${JSON.stringify(text.out)}`);
  assert.ok(!raw(text.err), `stderr: ${JSON.stringify(text.err)}`);
  assert.equal(text.out.trimEnd().split('\n').length, 3, JSON.stringify(text.out));
  // Both logs have a record without an offset (the hostile time text hides t's): one note for their folder.
  assert.equal(text.err.trimEnd().split('\n').length, 1, JSON.stringify(text.err));
  assert.match(text.err, /2 entries of 2 logs with no offset/);
  const json = cmlog(['timeline', '--format', 'json', d]);
  assert.ok(!raw(json.out), `stdout: ${JSON.stringify(json.out)}`);
  const parsed = JSON.parse(json.out);
  assert.ok(parsed.entries.some((e: { component: string }) => e.component === `Comp${NASTY}`));
  assert.ok(parsed.offsetUnknown.some((k: string) => k.endsWith(`n\n${NASTY}.log`)));
});

test('related: file names and notes are escaped, text and JSON', { skip: !POSIX }, () => {
  const d = dir();
  const anchor = path.join(d, `a\n${NASTY}.log`);
  writeFileSync(anchor, rec('anchor'));
  writeFileSync(path.join(d, `b\n${NASTY}.log`), rec(`near${NASTY}`, ATTRS('3-15-2026', 'C', '08:00:01.000+000')));
  writeFileSync(path.join(d, `c\n${NASTY}.log`), rec('no offset', ATTRS('3-15-2026', 'C', '08:00:01.000')));
  const text = cmlog(['related', `${anchor}:1`, d]);
  assert.equal(text.code, 0, text.err);
  assert.ok(!raw(text.out), `stdout: ${JSON.stringify(text.out)}`);
  assert.ok(!raw(text.err), `stderr: ${JSON.stringify(text.err)}`);
  assert.equal(text.out.trimEnd().split('\n').length, 1, JSON.stringify(text.out));
  assert.equal(text.err.trimEnd().split('\n').length, 1, JSON.stringify(text.err));
  const json = cmlog(['related', `${anchor}:1`, '--format', 'json', d]);
  assert.ok(!raw(json.out), `stdout: ${JSON.stringify(json.out)}`);
  assert.equal(JSON.parse(json.out).related[0].message, `near${NASTY}`);
  // A FILE:LINE past the end: the message names the file.
  const past = cmlog(['related', `${anchor}:9`, d]);
  assert.equal(past.code, 2);
  assert.ok(!raw(past.err), `stderr: ${JSON.stringify(past.err)}`);
  assert.equal(past.err.trimEnd().split('\n').length, 1, JSON.stringify(past.err));
});

test('lookup and usage errors: the argument is escaped on stderr and in JSON', () => {
  const bad = cmlog(['lookup', `0x5\n${NASTY}`]);
  assert.equal(bad.code, 2);
  assert.ok(!raw(bad.err), `stderr: ${JSON.stringify(bad.err)}`);
  const unknown = cmlog([`frob\n${NASTY}`]);
  assert.equal(unknown.code, 2);
  assert.ok(!raw(unknown.err), `stderr: ${JSON.stringify(unknown.err)}`);
  assert.match(unknown.err, /^cmlog: unknown command 'frob\\x0a/);
  // Surrounding white space (U+2028/9 among it) is trimmed from the code, but `input` echoes it.
  const json = cmlog(['lookup', '--format', 'json', '\u20280x80070005\u2029']);
  assert.equal(json.code, 0, json.err);
  assert.ok(!raw(json.out), `stdout: ${JSON.stringify(json.out)}`);
  assert.equal(JSON.parse(json.out).input, '\u20280x80070005\u2029');
});
