// Decoding never makes one string of a whole file: Windows-1252, non-ASCII UTF-8 and UTF-16 are
// decoded in bounded pieces (DECODE_PIECE, lowered here so a test needs no 560 MB file), and the
// model read in pieces is the model of the whole text. And a UTF-8 byte-order mark is stripped
// before the rest is judged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LogFile } from '../../server/src/logFile';
import { readLog } from '../../server/src/workspace/readLog';
import { assertCoverage, snapshot } from '../support/model';

const ATTRS = '<time="08:00:00.000+000" date="3-15-2026" component="C" context="" type="1" thread="1">';
const rec = (msg: string) => `<![LOG[${msg}]LOG]!>${ATTRS}\r\n`;
const PIECE = 4096;

/** Runs `f` (awaited) and returns the longest string any TextDecoder, or Buffer's toString from UTF-16, made meanwhile (UTF-16 is decoded by the latter). */
async function longestDecode<T>(f: () => T | Promise<T>): Promise<{ result: T; longest: number }> {
  const original = TextDecoder.prototype.decode;
  const toString = Buffer.prototype.toString;
  let longest = 0;
  type Decode = typeof original;
  TextDecoder.prototype.decode = function (this: InstanceType<typeof TextDecoder>, ...args: Parameters<Decode>) {
    const s = original.apply(this, args);
    longest = Math.max(longest, s.length);
    return s;
  };
  Buffer.prototype.toString = function (this: Buffer, ...args: Parameters<typeof toString>) {
    const s = toString.apply(this, args);
    if (args[0] === 'utf16le' || args[0] === 'ucs2') longest = Math.max(longest, s.length);
    return s;
  };
  try {
    return { result: await f(), longest };
  } finally {
    TextDecoder.prototype.decode = original;
    Buffer.prototype.toString = toString;
  }
}

/** About 10 pieces of records, with `odd` (a character not in ASCII) in every message. */
function textOf(odd: string): string {
  const parts: string[] = [];
  for (let i = 0; parts.length * 60 < 10 * PIECE; i++) parts.push(rec(`record ${i} ${odd}`));
  return parts.join('');
}

const cases: [string, Buffer, string][] = [
  ['windows-1252', Buffer.from(textOf('café'), 'latin1'), textOf('café')],
  ['utf-8', Buffer.from(textOf('café €'), 'utf8'), textOf('café €')],
  ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(textOf('café 😀'), 'utf16le')]), textOf('café 😀')],
];

test('a file is decoded in pieces, never whole, and read as the whole text', async () => {
  for (const [encoding, bytes, text] of cases) {
    const { result: log, longest } = await longestDecode(() => LogFile.fromBytes(bytes, {}, { piece: PIECE }));
    assert.ok(longest <= PIECE, `${encoding}: a decode made ${longest} characters`);
    assert.equal(log.encoding, encoding);
    assertCoverage(log);
    const whole = LogFile.fromText(text);
    assert.deepEqual({ ...snapshot(log), encoding: '', byteLength: 0 }, { ...snapshot(whole), encoding: '', byteLength: 0 }, encoding);
  }
});

test('appended bytes are decoded in pieces too', async () => {
  for (const [encoding, bytes] of cases) {
    const log = LogFile.fromBytes(bytes.subarray(0, 100), {}, { piece: PIECE });
    const { result: ok, longest } = await longestDecode(() => log.appendBytes(bytes.subarray(100), PIECE));
    assert.ok(ok);
    assert.ok(longest <= PIECE, `${encoding}: a decode made ${longest} characters`);
    assert.deepEqual(snapshot(log), snapshot(LogFile.fromBytes(bytes)), encoding);
  }
});

test('a file read from disk that stops being UTF-8 late is read again in pieces as Windows-1252', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-pieces-'));
  const file = path.join(dir, 'late.log');
  const ascii = textOf('cafe');
  // Valid (ASCII) for several pieces, then one byte that is not UTF-8.
  const bytes = Buffer.concat([Buffer.from(ascii, 'latin1'), Buffer.from(rec('caf\xe9'), 'latin1')]);
  writeFileSync(file, bytes);
  const { result: log, longest } = await longestDecode(() => readLog(file, {}, PIECE, PIECE)); // read in pieces, not whole
  assert.ok(longest <= PIECE, `a decode made ${longest} characters`);
  assert.equal(log.encoding, 'windows-1252');
  assert.deepEqual(snapshot(log), snapshot(LogFile.fromBytes(bytes)));
  assert.equal(log.entry(log.entryCount - 1).message, 'café');
});

test('a UTF-8 byte-order mark, then a byte that is not UTF-8: the mark is stripped, the first record read', () => {
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rec('first') + rec('caf\xe9'), 'latin1')]);
  const log = LogFile.fromBytes(bytes);
  assertCoverage(log);
  assert.equal(log.encoding, 'windows-1252');
  assert.equal(log.bomLength, 3);
  assert.ok(!log.text().startsWith('ï»¿'), 'the mark is not text');
  assert.equal(log.entryCount, 2);
  assert.equal(log.entry(0).message, 'first');
  assert.equal(log.entry(1).message, 'café');
  assert.equal(log.unparsedSpans().length, 0);
});
