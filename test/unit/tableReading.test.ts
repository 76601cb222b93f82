// A table over a log read from disk says when reading ends (`reading: false`) once, even when the
// end comes while the table is paused, and says nothing for refreshes that change nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { TableChangedParams } from '../../server/src/protocol';
import { DiskLogSource } from '../../server/src/table/diskSource';
import { Tables, type OpenTable } from '../../server/src/table/tables';
import type { TableLogSource } from '../../server/src/table/view';

const cm = (msg: string) => `<![LOG[${msg}]LOG]!><time="10:00:00.000+000" date="1-1-2020" component="C" context="" type="1" thread="1" file="">\r\n`;

test('reading from disk ends while paused: resuming says reading: false; an idle refresh says nothing', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cmlog-reading-')), 'Paused.log');
  let text = '';
  for (let i = 0; i < 50; i++) text += cm(`m${i}`);
  writeFileSync(file, text);
  const sent: TableChangedParams[] = [];
  // The page pauses as soon as every row has arrived, before the source says it is done reading.
  const tables = new Tables((p) => {
    sent.push(p);
    if (p.rows === 50 && p.reading) t.setFollow(false);
  });
  let disk: DiskLogSource | undefined;
  // Notifications come after the file is opened, when `t` is set.
  const t: OpenTable = tables.create((refresh) => [disk = new DiskLogSource('file:///Paused.log', 'Paused.log', file, {}, refresh)]);
  await disk!.done;
  assert.equal(t.view.reading, false);
  assert.equal(t.follow, false, 'paused while reading');
  assert.deepEqual(sent.map((p) => [p.rows, p.reading]), [[50, true]]);
  t.setFollow(true);
  assert.deepEqual(sent.at(-1), { tableId: t.id, version: t.view.version, rows: 50, total: 50, reading: false, reset: false });
  const n = sent.length;
  tables.changed(['file:///Paused.log']);
  t.setFollow(false);
  t.setFollow(true);
  assert.equal(sent.length, n, 'nothing changed: nothing sent');
});

test('a log that cannot be read is said at once, even while the table is paused, with the rows the page already has', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-reading-'));
  const sent: TableChangedParams[] = [];
  const tables = new Tables((p) => sent.push(p));
  let disk: DiskLogSource | undefined;
  // A folder named like a log: it opens, and reading it fails.
  const folder = path.join(dir, 'Folder.log');
  mkdirSync(folder);
  const t: OpenTable = tables.create((refresh) => [disk = new DiskLogSource('file:///Folder.log', 'Folder.log', folder, {}, refresh)]);
  t.setFollow(false);
  await disk!.done;
  assert.equal(sent.length, 1, 'one notification while paused');
  assert.deepEqual(sent[0], { tableId: t.id, version: t.view.version, rows: 0, total: 0, reading: false, reset: false, error: 'Folder.log: is a folder' });
  t.setFollow(true);
  assert.equal(sent.length, 1, 'nothing more to say on resuming');
});

test('a merge\'s read error is built once per change of its logs\' failures, not on every refresh', () => {
  // 1000 logs, five of them failed; a name read counts a build of the error line.
  let built = 0;
  const failures: (string | undefined)[] = Array.from({ length: 1000 }, (_, i) => (i % 200 === 7 ? 'no such file or folder' : undefined));
  const sources: TableLogSource[] = failures.map((_, i) => ({
    key: `file:///L${i}.log`,
    get name() { built++; return `L${i}.log`; },
    log: () => undefined,
    reading: () => false,
    get failure() { return failures[i]; },
  }));
  const sent: TableChangedParams[] = [];
  const tables = new Tables((p) => sent.push(p));
  const t = tables.create(() => sources);
  const first = t.view.error;
  assert.equal(first, 'L7.log: no such file or folder; L207.log: no such file or folder; L407.log: no such file or folder; and 2 more');
  const once = built;
  for (let i = 0; i < 50; i++) { tables.changed(['file:///L0.log']); assert.equal(t.view.error, first); }
  assert.equal(built, once, 'no failure changed: the line is not built again');
  failures[7] = undefined;
  tables.changed(['file:///L7.log']);
  assert.equal(t.view.error, 'L207.log: no such file or folder; L407.log: no such file or folder; L607.log: no such file or folder; and 1 more');
  assert.equal(sent.at(-1)?.error, t.view.error, 'the change is sent');
  assert.ok(built > once && built <= once + 3, `built once more (${built - once} names read)`);
});
