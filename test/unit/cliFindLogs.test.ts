// findLogs: what a command line's paths name (a folder, an archive, an archive in a folder, a plain
// file, a part of an archive as `A.zip!/dir`, a missing path), each path read once.
import { mock, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { findLogs } from '../../server/src/cli/load';
import { zipBytes } from '../support/zipBytes';

const rec = (msg: string) => `<![LOG[${msg}]LOG]!><time="08:00:00.000+000" date="3-15-2026" component="C" context="" type="1" thread="1" file="">\r\n`;

function fixture(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-find-'));
  mkdirSync(path.join(dir, 'coll', 'PC1', 'ccm'), { recursive: true });
  writeFileSync(path.join(dir, 'coll', 'PC1', 'ccm', 'a.log'), rec('a'));
  writeFileSync(path.join(dir, 'coll', 'PC2.zip'), zipBytes([{ name: 'ccm/b.log', data: rec('b') }, { name: 'ccm/c.log', data: rec('c') }, { name: 'other/d.log', data: rec('d') }]));
  writeFileSync(path.join(dir, 'Solo.zip'), zipBytes([{ name: 'e.log', data: rec('e') }]));
  writeFileSync(path.join(dir, 'single.log'), rec('f'));
  return dir;
}

async function found(dir: string, paths: string[]) {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const f = await findLogs(paths);
    return { ...f, sources: f.sources.map((s) => [s.key, s.machine, s.group]).sort() };
  } finally {
    process.chdir(cwd);
  }
}

test('a folder (an archive in it read too), an archive, a plain file, and a missing path', async () => {
  const dir = fixture();
  const f = await found(dir, ['coll', 'Solo.zip', 'single.log', 'nope']);
  assert.deepEqual(f.sources, [
    ['Solo.zip!/e.log', 'Solo', 'Solo.zip'],
    ['coll/PC1/ccm/a.log', 'PC1', ''],
    ['coll/PC2.zip!/ccm/b.log', 'PC2', 'coll/PC2.zip'],
    ['coll/PC2.zip!/ccm/c.log', 'PC2', 'coll/PC2.zip'],
    ['coll/PC2.zip!/other/d.log', 'PC2', 'coll/PC2.zip'],
    ['single.log', null, ''],
  ]);
  assert.deepEqual(f.problems.map((p) => path.basename(p.path)), ['nope']);
});

test('parts of an archive as cmlog prints them: a folder and a member of it; the whole archive when also named', async () => {
  const dir = fixture();
  const parts = await found(dir, ['coll/PC2.zip!/ccm/', 'coll/PC2.zip!/other/d.log']);
  assert.deepEqual(parts.sources.map((s) => s[0]), ['coll/PC2.zip!/ccm/b.log', 'coll/PC2.zip!/ccm/c.log', 'coll/PC2.zip!/other/d.log']);
  assert.deepEqual(parts.problems, []);
  const one = await found(dir, ['coll/PC2.zip!/ccm/c.log']);
  assert.deepEqual(one.sources.map((s) => s[0]), ['coll/PC2.zip!/ccm/c.log']);
  const whole = await found(dir, ['coll/PC2.zip!/other', 'coll/PC2.zip']);
  assert.equal(whole.sources.length, 3);
  const missing = await found(dir, ['coll/PC2.zip!/nothing/here.log']);
  assert.deepEqual([missing.sources, missing.problems], [[], []]);
});

test('each path is looked up once, however many parts of an archive are named', async () => {
  const dir = fixture();
  const wanted = ['coll/PC2.zip!/ccm/b.log', 'coll/PC2.zip!/ccm/c.log', 'coll/PC2.zip!/other/d.log'];
  const original = fs.existsSync;
  const asked: string[] = [];
  // On the module object load.ts calls through (CommonJS), to count its look-ups of a path.
  const spy = mock.method(fs, 'existsSync', (p: fs.PathLike) => { if (String(p).includes('!/')) asked.push(String(p)); return original(p); });
  try {
    const f = await found(dir, wanted);
    assert.equal(f.sources.length, 3);
  } finally {
    spy.mock.restore();
  }
  assert.deepEqual(asked, wanted);
});
