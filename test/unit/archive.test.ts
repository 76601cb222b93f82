// `cmlog` reads .zip collections as if unpacked: paths name the archive and the member, and what
// an archive must not do (escape it, bomb, hide behind encryption, be corrupt) is said and skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { check } from '../../server/src/cli/check';
import { related } from '../../server/src/cli/related';
import { listArchive, readArchiveLog, ARCHIVE_LIMITS } from '../../server/src/collections/archive';
import { machineOf } from '../../server/src/collections/machine';
import * as yauzl from 'yauzl';
import { zipBytes, type ZipMember } from '../support/zipBytes';

const rec = (msg: string, type = '1') =>
  `<![LOG[${msg}]LOG]!><time="08:00:00.000+000" date="3-15-2026" component="C" context="" type="${type}" thread="1" file="">\r\n`;

function collect(): { io: { out: (s: string) => void; err: (s: string) => void }; out: string[]; err: string[] } {
  const out: string[] = [], err: string[] = [];
  return { io: { out: (s) => out.push(s), err: (s) => err.push(s) }, out, err };
}

function tmp(): string {
  return mkdtempSync(path.join(tmpdir(), 'cmlog-zip-'));
}

async function checkJson(paths: string[]) {
  const c = collect();
  const code = await check(paths, { format: 'json', parse: {}, rules: {}, jobs: 1 }, c.io);
  return { code, json: JSON.parse(c.out.join('\n')), err: c.err.join('\n') };
}

test('logs inside a zip (and a zip inside it) are read as if unpacked, named archive!/member', async () => {
  const dir = tmp();
  const inner = zipBytes([{ name: 'IME/IntuneManagementExtension.log', data: rec('inner one') + rec('inner two') }]);
  writeFileSync(path.join(dir, 'PC042.zip'), zipBytes([
    { name: 'ccm/CcmExec.log', data: rec('hello') + rec('world', '3') },
    { name: 'ccm/stored.log', data: rec('stored'), method: 0 },
    { name: 'readme.txt', data: 'not a log' },
    { name: 'Diagnostics.zip', data: inner },
  ]));
  const { code, json, err } = await checkJson([dir]);
  assert.equal(code, 0, err);
  const rel = (p: string) => path.relative(dir, p).split(path.sep).join('/');
  const byPath = new Map(json.files.map((f: { path: string; entries: number }) => [rel(f.path), f.entries]));
  assert.deepEqual([...byPath.keys()].sort(), ['PC042.zip!/Diagnostics.zip!/IME/IntuneManagementExtension.log', 'PC042.zip!/ccm/CcmExec.log', 'PC042.zip!/ccm/stored.log']);
  assert.equal(byPath.get('PC042.zip!/ccm/CcmExec.log'), 2);
  assert.equal(byPath.get('PC042.zip!/Diagnostics.zip!/IME/IntuneManagementExtension.log'), 2);
  assert.equal(readdirSync(dir).length, 1, 'nothing unpacked to disk');
});

test('unsafe member names, encryption, bombs and corrupt archives are reported and skipped, never followed', async () => {
  const dir = tmp();
  mkdirSync(path.join(dir, 'in'));
  const members: ZipMember[] = [
    { name: 'good.log', data: rec('fine') },
    { name: '../../escape.log', data: rec('x') },
    { name: '/etc/abs.log', data: rec('x') },
    { name: 'C:/Windows/drive.log', data: rec('x') },
    { name: '..\\..\\back.log', data: rec('x') },
    { name: 'secret.log', data: rec('x'), flags: 1 },
    // Declares less than it inflates to: caught as it inflates.
    { name: 'liar.log', data: rec('y'.repeat(5000)), declaredSize: 100 },
    // 8 MB of one byte: a ratio no log has.
    { name: 'bomb.log', data: Buffer.alloc(8 << 20, 0x41) },
  ];
  writeFileSync(path.join(dir, 'in', 'PC1.zip'), zipBytes(members));
  writeFileSync(path.join(dir, 'in', 'broken.zip'), Buffer.from('PK\x03\x04 this is not really a zip archive at all'));
  const { code, json, err } = await checkJson([path.join(dir, 'in')]);
  assert.equal(code, 2, 'skipped members are problems: exit 2');
  const files = json.files.map((f: { path: string }) => path.basename(f.path));
  assert.deepEqual(files, ['good.log']);
  for (const name of ['../../escape.log', '/etc/abs.log', 'C:/Windows/drive.log', '../../back.log']) {
    assert.match(err, new RegExp(`PC1\\.zip!/${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: unsafe member name`), name);
  }
  assert.match(err, /secret\.log: encrypted member: skipped/);
  assert.match(err, /bomb\.log: compression ratio over 1000:1/);
  assert.match(err, /liar\.log: .*(too many bytes|larger than declared)/);
  assert.match(err, /broken\.zip: not a readable zip archive/);
  // In the JSON too, for scripts.
  const skipped = json.skipped.map((s: { path: string }) => path.basename(s.path));
  for (const n of ['escape.log', 'secret.log', 'bomb.log', 'liar.log', 'broken.zip']) assert.ok(skipped.includes(n), n);
  assert.equal(readdirSync(dir).length, 1, 'nothing written beside the archive');
});

test('a cap on the total an archive unpacks to; nested archives one level deep only', async () => {
  const dir = tmp();
  const file = path.join(dir, 'big.zip');
  writeFileSync(file, zipBytes([{ name: 'a.log', data: rec('a'.repeat(2000)) }, { name: 'b.log', data: rec('b'.repeat(2000)) }]));
  const capped = await listArchive(file, 'big.zip', { ...ARCHIVE_LIMITS, maxTotal: 3000 });
  assert.deepEqual(capped.logs.map((c) => c[0].name), ['a.log']);
  assert.match(capped.problems[0].reason, /unpacks to more than 3000 bytes/);
  const deepest = zipBytes([{ name: 'x.log', data: rec('x') }]);
  writeFileSync(file, zipBytes([{ name: 'l1.zip', data: zipBytes([{ name: 'l2.zip', data: deepest }, { name: 'y.log', data: rec('y') }]) }]));
  const nested = await listArchive(file, 'big.zip');
  assert.deepEqual(nested.logs.map((c) => c.map((m) => m.name).join('!/')), ['l1.zip!/y.log']);
  assert.equal(nested.problems[0].path, 'big.zip!/l1.zip!/l2.zip');
  const log = await readArchiveLog(file, nested.logs[0]);
  assert.equal(log.entryCount, 1);
});

test('machineOf: the outermost archive, else the top-level folder under the named one', () => {
  assert.equal(machineOf('cases/PC042.zip!/ccm/CcmExec.log'), 'PC042');
  assert.equal(machineOf('Case.ZIP!/PC7.zip!/x.log'), 'Case');
  assert.equal(machineOf('coll/PC1/ccm/x.log', 'coll'), 'PC1');
  assert.equal(machineOf('coll/x.log', 'coll'), 'coll');
  assert.equal(machineOf('elsewhere/x.log', 'coll'), null);
  assert.equal(machineOf('coll/PC1/x.log'), null);
});

test('related FILE:LINE takes a member path as check prints it; its folder in the archive is the default PATH', async () => {
  const dir = tmp();
  writeFileSync(path.join(dir, 'PC9.zip'), zipBytes([
    { name: 'ccm/a.log', data: rec('anchor') },
    { name: 'ccm/b.log', data: rec('neighbour') },
    { name: 'other/c.log', data: rec('elsewhere') },
  ]));
  const c = collect();
  const code = await related(path.join(dir, 'PC9.zip!/ccm/a.log'), 1, [], { windowMs: 5000, includeSelf: false, format: 'json', parse: {} }, c.io);
  assert.equal(code, 0, c.err.join('\n'));
  const json = JSON.parse(c.out.join('\n'));
  assert.equal(path.basename(json.anchor.path), 'a.log');
  assert.deepEqual(json.related.map((r: { path: string; message: string }) => [path.relative(dir, r.path).split(path.sep).join('/'), r.message]), [['PC9.zip!/ccm/b.log', 'neighbour']]);
});

test('a zip inside a zip is inflated once for all its members, not once per member; a changed archive is read anew', async () => {
  const dir = tmp();
  const file = path.join(dir, 'Case.zip');
  const many = (tag: string, method: 0 | 8 = 8) => zipBytes(Array.from({ length: 40 }, (_, i) => ({ name: `IME/log${i}.log`, data: rec(`${tag} ${i}`), method })));
  const inner = many('first');
  writeFileSync(file, zipBytes([{ name: 'top.log', data: rec('top') }, { name: 'Diagnostics.zip', data: inner }]));
  // Every inflation of the inner archive is a read stream opened on its member of the outer one.
  const proto = yauzl.ZipFile.prototype as unknown as { openReadStream: (entry: yauzl.Entry, ...rest: unknown[]) => void };
  const original = proto.openReadStream;
  let inflations = 0;
  proto.openReadStream = function (this: yauzl.ZipFile, entry: yauzl.Entry, ...rest: unknown[]) {
    if (typeof entry === 'object' && entry.uncompressedSize === inner.length) inflations++;
    return original.call(this, entry, ...rest);
  };
  try {
    const { code, json, err } = await checkJson([dir]);
    assert.equal(code, 0, err);
    assert.equal(json.files.length, 41);
    assert.ok(json.files.every((f: { entries: number }) => f.entries === 1));
    assert.equal(inflations, 1, 'listed and read from one inflation');
  } finally {
    proto.openReadStream = original;
  }
  // The same archive name and size, other content (the file rewritten on disk, stored so that its
  // size stays the same; a later modification time): not served from the kept copy.
  const stored = (tag: string) => zipBytes([{ name: 'top.log', data: rec('top'), method: 0 }, { name: 'Diagnostics.zip', data: many(tag, 0), method: 0 }]);
  writeFileSync(file, stored('first'));
  const listing = await listArchive(file, 'Case.zip');
  assert.equal((await readArchiveLog(file, listing.logs.find((c) => c.at(-1)!.name === 'IME/log7.log')!)).message(0), 'first 7');
  const size = statSync(file).size;
  writeFileSync(file, stored('secnd'));
  assert.equal(statSync(file).size, size, 'the same size: only the time tells them apart');
  utimesSync(file, new Date(), new Date(Date.now() + 2000));
  const again = await listArchive(file, 'Case.zip');
  assert.equal((await readArchiveLog(file, again.logs.find((c) => c.at(-1)!.name === 'IME/log7.log')!)).message(0), 'secnd 7');
});

test('inside a nested archive too: unsafe names, bombs, lying sizes and a corrupt inner archive are reported and skipped', async () => {
  const dir = tmp();
  const inner = zipBytes([
    { name: 'good.log', data: rec('fine') },
    { name: '../../escape.log', data: rec('x') },
    { name: 'bomb.log', data: Buffer.alloc(8 << 20, 0x41) },
    { name: 'liar.log', data: rec('y'.repeat(5000)), declaredSize: 100 },
  ]);
  writeFileSync(path.join(dir, 'PC1.zip'), zipBytes([{ name: 'Diag.zip', data: inner }, { name: 'Broken.zip', data: Buffer.from('PK\x03\x04 not really a zip archive') }]));
  const { code, json, err } = await checkJson([dir]);
  assert.equal(code, 2);
  assert.deepEqual(json.files.map((f: { path: string }) => path.relative(dir, f.path).split(path.sep).join('/')), ['PC1.zip!/Diag.zip!/good.log']);
  assert.match(err, /PC1\.zip!\/Diag\.zip!\/\.\.\/\.\.\/escape\.log: unsafe member name/);
  assert.match(err, /PC1\.zip!\/Diag\.zip!\/bomb\.log: compression ratio over 1000:1/);
  assert.match(err, /PC1\.zip!\/Diag\.zip!\/liar\.log: .*larger than declared/);
  assert.match(err, /PC1\.zip!\/Broken\.zip: not a readable zip archive/);
  assert.equal(readdirSync(dir).length, 1, 'nothing unpacked to disk');
});
