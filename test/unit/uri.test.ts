// URIs are spelled as VS Code spells them (vscode-uri), so a log indexed from disk and the same
// log opened in the editor are one log; names come from one baseName that reads URIs and paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LogDocuments } from '../../server/src/features/documents';
import { WorkspaceLogs } from '../../server/src/features/workspaceLogs';
import { baseName, folderOf, innermostFolder, toPath, toUri } from '../../server/src/uri';

const rec = (msg: string) => `<![LOG[${msg}]LOG]!><time="08:00:00.000+000" date="3-15-2026" component="C" context="" type="1" thread="1" file="">\r\n`;
const POSIX = path.sep === '/';

test('a path becomes the URI VS Code sends for it, and back', { skip: !POSIX }, () => {
  // What vscode.Uri.file(p).toString() gives (VS Code's own uri.ts encodes every reserved character).
  assert.equal(toUri('/logs/CcmExec (1).log'), 'file:///logs/CcmExec%20%281%29.log');
  assert.equal(toUri('/logs/a#b[1]@x,y;z=w&q$!.log'), 'file:///logs/a%23b%5B1%5D%40x%2Cy%3Bz%3Dw%26q%24%21.log');
  for (const p of ['/logs/CcmExec (1).log', '/l/ä ö.log', '/l/Logs\\c.log', '/l/100%.log']) assert.equal(toPath(toUri(p)), p);
  assert.equal(toPath('file:///logs/CcmExec%20(1).log'), '/logs/CcmExec (1).log', 'either spelling reads back');
  assert.equal(toPath('untitled:Untitled-1'), null);
  assert.equal(toPath('cmlog-merged:/Merged.cmlogmerged'), null);
});

test('a log indexed from disk and opened in the editor is one log', { skip: !POSIX }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-uri-'));
  const file = path.join(dir, 'CcmExec (1).log');
  writeFileSync(file, rec('from disk'));
  const documents = new LogDocuments(() => ({}));
  const logs = new WorkspaceLogs(documents);
  await logs.indexFolders([dir], { parse: {} });
  // VS Code's spelling of the file's URI.
  const uri = `${'file://'}${dir.split('/').map(encodeURIComponent).join('/')}/CcmExec%20%281%29.log`;
  documents.didOpen({ textDocument: { uri, languageId: 'cmlog', version: 1, text: rec('from disk') + rec('typed in the editor') } });
  assert.deepEqual(logs.all().map((l) => l.key), [uri]);
  assert.equal(logs.get(uri)?.log.entryCount, 2, 'the open document stands for the file');
});

test('baseName reads URIs (decoded, without query) and paths of either separator', () => {
  assert.equal(baseName('file:///x/a%20b.log'), 'a b.log');
  assert.equal(baseName('file:///c%3A/x/CcmExec.log'), 'CcmExec.log');
  assert.equal(baseName('cmlog-merged:/Merged x.cmlogmerged?{"uris":["file:///a/b.log"]}'), 'Merged x.cmlogmerged');
  assert.equal(baseName('C:\\Windows\\CCM\\Logs\\CcmExec.log'), 'CcmExec.log');
  assert.equal(baseName('/var/log/x.log/'), 'x.log');
  assert.equal(baseName('x.log'), 'x.log');
});

test('folderOf and innermostFolder', () => {
  assert.equal(folderOf('file:///a/b/x.log'), 'file:///a/b');
  assert.equal(folderOf('C:\\a\\x.log'), 'C:\\a');
  assert.equal(folderOf('x.log'), '');
  const folders = [{ path: path.join(path.sep, 'ws') }, { path: path.join(path.sep, 'ws', 'inner') }];
  assert.equal(innermostFolder(folders, path.join(path.sep, 'ws', 'inner', 'x.log')), 1);
  assert.equal(innermostFolder(folders, path.join(path.sep, 'ws', 'x.log')), 0);
  assert.equal(innermostFolder(folders, path.join(path.sep, 'wsx', 'x.log')), -1);
  assert.equal(innermostFolder(folders, null), -1);
});
