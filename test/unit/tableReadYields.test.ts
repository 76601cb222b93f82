// A log read from disk in pieces lets the requests that came while a piece was parsed be answered
// before the next piece is parsed: the table's first rows reach the page while the rest is read.
// A request's answer takes a few turns of the event loop (vscode-jsonrpc queues the message on an
// immediate, runs it, then queues the answer's write on another); modelled here as a chain of
// immediates started when a piece is told.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DiskLogSource } from '../../server/src/table/diskSource';

const cm = (i: number) => `<![LOG[record ${i} ${'x'.repeat(200)}]LOG]!><time="10:00:00.000+000" date="1-1-2020" component="C" context="" type="1" thread="1" file="">\r\n`;

test('a request made when a piece is told is answered before the next piece is parsed', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cmlog-yields-')), 'Big.log');
  const parts: string[] = [];
  for (let i = 0; i < 8000; i++) parts.push(cm(i));
  writeFileSync(file, parts.join(''));
  const events: string[] = [];
  let pieces = 0;
  const told = () => {
    // Told from the read, never before the source is made (the file is opened first).
    if (!disk.reading()) return;
    const k = ++pieces;
    events.push(`piece ${k}`);
    // Read, queued, answered, written: three turns.
    setImmediate(() => setImmediate(() => setImmediate(() => events.push(`answered ${k}`))));
  };
  const disk: DiskLogSource = new DiskLogSource('file:///Big.log', 'Big.log', file, {}, told, 64 * 1024);
  await disk.done;
  assert.ok(pieces > 10, `read in pieces (${pieces})`);
  for (let k = 1; k < pieces; k++) {
    assert.ok(events.indexOf(`answered ${k}`) < events.indexOf(`piece ${k + 1}`), `the request made at piece ${k} was answered before piece ${k + 1}: ${events.slice(0, 12).join(', ')}`);
  }
});
