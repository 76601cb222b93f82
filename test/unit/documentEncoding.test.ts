// An open document's file encoding is read off the server's thread (documentEncoding.ts): the
// read answers a promise, a file that is gone or not a file is the editor's UTF-8 text (never a
// rejection), and a model parsed before the read settles takes the file's encoding when it does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { documentEncoding } from '../../server/src/features/documentEncoding';
import { LogDocuments } from '../../server/src/features/documents';
import type { Encoding } from '../../server/src/model';

const MSI = 'MSI (c) (A4:B8) [08:00:00:001]: Resetting cached policy values\r\n';

function tempDir(t: { after: (f: () => void) => void }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-docenc-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('the file is read asynchronously: a promise of its byte-order mark\'s encoding', async (t) => {
  const file = path.join(tempDir(t), 'MSI3c2d1.LOG');
  writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MSI, 'utf16le')]));
  const read = documentEncoding(file, undefined);
  assert.ok(read instanceof Promise, 'the read must not block the caller');
  assert.equal(await read, 'utf-16le');
  assert.equal(await documentEncoding(file, 'windows-1252'), 'windows-1252', 'the index read every byte: its answer wins');
});

test('a file removed before its read, a folder, or no file: UTF-8, resolved, never a rejection', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'gone.log');
  writeFileSync(file, Buffer.from([0xff, 0xfe]));
  const read = documentEncoding(file, undefined);
  rmSync(file); // before or during the read: either way the answer is the editor's text
  assert.ok(['utf-8', 'utf-16le'].includes(await read));
  assert.equal(await documentEncoding(file, undefined), 'utf-8');
  assert.equal(await documentEncoding(dir, undefined), 'utf-8');
  assert.equal(await documentEncoding(null, undefined), 'utf-8');
});

function deferred(): { promise: Promise<Encoding>; resolve: (e: Encoding) => void; reject: (e: Error) => void } {
  let resolve!: (e: Encoding) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<Encoding>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

test('a model parsed before the read settles takes the file\'s encoding once it does; the wait is what fileInfo awaits', async () => {
  const reads: ReturnType<typeof deferred>[] = [];
  const documents = new LogDocuments(() => ({}), () => { const d = deferred(); reads.push(d); return d.promise; });
  const uri = 'file:///logs/MSI3c2d1.LOG';
  const open = documents.didOpen({ textDocument: { uri, languageId: 'cmlog', version: 1, text: MSI } });
  assert.equal(open.log.encoding, 'utf-8', 'the editor\'s text until the file is read');
  const parses = documents.parses;
  reads[0]!.resolve('utf-16le');
  await documents.encodingKnown(uri);
  assert.equal(open.log.encoding, 'utf-16le');
  assert.equal(documents.parses, parses, 'the label changes, the text is not parsed again');
});

test('a read that fails leaves UTF-8; a read for a closed document never touches its reopened one', async () => {
  const reads: ReturnType<typeof deferred>[] = [];
  const documents = new LogDocuments(() => ({}), () => { const d = deferred(); reads.push(d); return d.promise; });
  const uri = 'file:///logs/CcmExec.log';
  const params = { textDocument: { uri, languageId: 'cmlog', version: 1, text: MSI } };
  documents.didOpen(params);
  reads[0]!.reject(new Error('EIO'));
  await documents.encodingKnown(uri);
  assert.equal(documents.get(uri)!.log.encoding, 'utf-8');

  // Closed while its read is under way, opened again: the late first read is not the new one's.
  documents.didClose(uri);
  documents.didOpen(params);
  documents.didClose(uri);
  const reopened = documents.didOpen(params);
  reads[2]!.resolve('windows-1252');
  await documents.encodingKnown(uri);
  reads[1]!.resolve('utf-16le');
  await reads[1]!.promise; // the entry's own handler, registered first, has run
  assert.equal(reopened.log.encoding, 'windows-1252');
  assert.equal(await Promise.race([documents.encodingKnown('file:///never/opened.log').then(() => 'settled'), new Promise((r) => setImmediate(() => r('pending')))]), 'settled');
});
