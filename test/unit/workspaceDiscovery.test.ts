// Finding a workspace's logs costs what its logs cost: files are chosen by name, only those are
// opened, each log is read once, and excluded or git-ignored ones are never opened.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { globMatcher } from '../../server/src/workspace/globs';
import { IgnoreFiles, parseIgnore } from '../../server/src/workspace/ignoreFiles';

const rec = (msg: string, sec: number) =>
  `<![LOG[${msg}]LOG]!><time="10:20:${String(sec % 60).padStart(2, '0')}.000+300" date="02-23-2020" component="Test" context="" type="1" thread="1" file="">\r\n`;

async function tempFolder(t: TestContext): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cmlog-discover-'));
  t.after(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Counts the files opened through fs.promises.open (what discovery and the index use) and the bytes read from each. */
function countReads(t: TestContext): { opens: Map<string, number>; bytes: Map<string, number> } {
  const opens = new Map<string, number>(), bytes = new Map<string, number>();
  const original = fs.open;
  const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  fs.open = (async (file: string, ...rest: unknown[]) => {
    const key = path.resolve(String(file));
    add(opens, key, 1);
    const fh = await (original as (...a: unknown[]) => Promise<fs.FileHandle>)(file, ...rest);
    const read = fh.read.bind(fh), readFile = fh.readFile.bind(fh);
    fh.read = (async (...a: unknown[]) => { const r = await (read as (...x: unknown[]) => Promise<{ bytesRead: number }>)(...a); add(bytes, key, r.bytesRead); return r; }) as typeof fh.read;
    fh.readFile = (async (...a: unknown[]) => { const r = await (readFile as (...x: unknown[]) => Promise<Buffer>)(...a); add(bytes, key, r.length); return r; }) as typeof fh.readFile;
    return fh;
  }) as typeof fs.open;
  t.after(() => { fs.open = original; });
  return { opens, bytes };
}

test('discovery: 3,000 source files and two logs cost the logs, each read once; excluded and git-ignored logs are not opened', async (t) => {
  const dir = await tempFolder(t);
  for (let f = 0; f < 30; f++) {
    const sub = path.join(dir, 'src', `mod${f}`);
    await fs.mkdir(sub, { recursive: true });
    await Promise.all(Array.from({ length: 100 }, (_, k) => fs.writeFile(path.join(sub, `file${k}.ts`), `export const x${k} = ${k};\n`)));
  }
  const logs = [path.join(dir, 'Logs', 'ccmexec.log'), path.join(dir, 'Logs', 'ccmexec-20240101-120000.log')];
  await fs.mkdir(path.join(dir, 'Logs'));
  for (const [k, file] of logs.entries()) await fs.writeFile(file, rec(`record ${k}`, k).repeat(50));
  // Left out by a files.exclude / search.exclude glob, by .gitignore, and re-included by a negation.
  const excluded = path.join(dir, 'excluded', 'old.log');
  const ignored = [path.join(dir, 'build', 'out.log'), path.join(dir, 'Logs', 'debug.log'), path.join(dir, 'src', 'mod0', 'npm.log')];
  const kept = path.join(dir, 'src', 'mod1', 'keep.log');
  for (const file of [excluded, ...ignored, kept]) {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, rec('left out?', 9));
  }
  await fs.writeFile(path.join(dir, '.gitignore'), '# build output\n/build/\ndebug.log\n');
  await fs.writeFile(path.join(dir, 'src', '.gitignore'), '*.log\n!mod1/keep.log\n');

  const { opens, bytes } = countReads(t);
  const index = new WorkspaceIndex({ folders: [dir], exclude: globMatcher(['**/excluded'], [dir]) });
  await index.build();

  assert.equal([...opens.keys()].filter((f) => f.endsWith('.ts')).length, 0, 'no source file is opened');
  assert.deepEqual(index.logs().map((l) => l.key), [...logs, kept].sort());
  const gitignores = [path.join(dir, '.gitignore'), path.join(dir, 'src', '.gitignore')];
  const opened = [...opens.keys()].filter((f) => !gitignores.includes(f)).sort();
  assert.deepEqual(opened, [...logs, kept].sort(), 'only the logs are opened');
  for (const file of [...logs, kept]) {
    const size = (await fs.stat(file)).size;
    // Read once: the whole file, and the last bytes again to know where an append must continue.
    assert.ok(bytes.get(file)! <= size + 64, `${path.basename(file)}: ${bytes.get(file)} bytes read of ${size}`);
  }
});

test('discovery: a file named by include is read whatever its name, and kept only when it is a ConfigMgr log', async (t) => {
  const dir = await tempFolder(t);
  await fs.writeFile(path.join(dir, 'trace.txt'), rec('a CMTrace log named .txt', 1));
  await fs.writeFile(path.join(dir, 'notes.txt'), 'just notes\n');
  await fs.writeFile(path.join(dir, 'a.log'), rec('not named by include', 2));
  await fs.writeFile(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 4, 5, 6, 7, 8]));
  const index = new WorkspaceIndex({ folders: [dir], include: globMatcher(['**/*.txt'], [dir]) });
  await index.build();
  assert.deepEqual(index.logs().map((l) => path.basename(l.key)), ['trace.txt']);
  assert.deepEqual(index.problems.map((p) => [path.basename(p.path), p.reason]), [['image.txt', 'binary file, not a log: skipped']]);
});

test('ignore files: anchored and unanchored lines, folders only, negation, inner files after outer ones', async (t) => {
  const dir = await tempFolder(t);
  await fs.mkdir(path.join(dir, 'a', 'b'), { recursive: true });
  await fs.writeFile(path.join(dir, '.gitignore'), '\\#hash.log\n/top.log\n*.tmp.log\nlogs/\nx/y.log\n');
  await fs.writeFile(path.join(dir, 'a', '.gitignore'), '!keep.tmp.log\n');
  const ig = new IgnoreFiles();
  await ig.load(dir);
  await ig.load(path.join(dir, 'a'));
  const at = (rel: string) => path.join(dir, ...rel.split('/'));
  assert.ok(ig.ignores(at('top.log'), false));
  assert.ok(!ig.ignores(at('a/top.log'), false), 'a leading slash anchors to the folder of the file');
  assert.ok(ig.ignores(at('a/b/c.tmp.log'), false), 'no slash: any depth');
  assert.ok(!ig.ignores(at('a/keep.tmp.log'), false), 'an inner negation re-includes');
  assert.ok(ig.ignores(at('a/b/logs'), true) && !ig.ignores(at('a/b/logs'), false), 'a trailing slash: folders only');
  assert.ok(ig.ignores(at('x/y.log'), false) && !ig.ignores(at('a/x/y.log'), false), 'a middle slash anchors too');
  assert.ok(ig.ignores(at('#hash.log'), false), 'an escaped # is a name, not a comment');
  assert.deepEqual(parseIgnore('# comment\n\n   \n'), []);
});
