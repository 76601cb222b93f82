// File names with a backslash (Windows-made zips unpacked elsewhere) are file names: the CLI and
// the server's URI -> path -> index lookup read them as written; `\` is a separator only when no
// file has the name as written. (The CLI test needs `npm run build` first.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LogDocuments } from '../../server/src/features/documents';
import { WorkspaceLogs } from '../../server/src/features/workspaceLogs';
import { toUri } from '../../server/src/uri';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const rec = (msg: string) => `<![LOG[${msg}]LOG]!><time="08:00:00.000+000" date="3-15-2026" component="C" context="" type="3" thread="1">\r\n`;
const POSIX = path.sep === '/';

function folder(): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-bs-'));
  const file = path.join(dir, 'Logs\\ccmexec.log');
  writeFileSync(file, rec('failed with a backslash in the file name'));
  return { dir, file };
}

test('cmlog check reads a file whose name holds a backslash', { skip: !POSIX }, () => {
  const { file } = folder();
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', file], { cwd: ROOT, encoding: 'utf8' });
  assert.notEqual(r.status, 2, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.equal(json.files.length, 1);
  assert.equal(json.files[0].entries, 1);
});

test('the server finds an indexed log whose name holds a backslash by its URI', { skip: !POSIX }, async () => {
  const { dir, file } = folder();
  const logs = new WorkspaceLogs(new LogDocuments(() => ({})));
  await logs.indexFolders([dir], { parse: {} });
  const uri = toUri(file);
  assert.ok(logs.isIndexed(uri), uri);
  assert.equal(logs.get(uri)?.log.entryCount, 1);
});
