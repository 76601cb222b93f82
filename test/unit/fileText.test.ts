// Text read back from the file (FileText) equals the text decoded when the log was parsed, in
// every encoding and across checkpoint windows; a changed file is never misread (issue #15).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, utimesSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { LogFile } from '../../server/src/logFile';
import { FileText, keepOnDisk } from '../../server/src/workspace/fileText';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const opts = { seed: 20241515, numRuns: RUNS };

const dir = mkdtempSync(path.join(os.tmpdir(), 'cmlog-filetext-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const rec = (msg: string) => `<![LOG[${msg}]LOG]!><time="10:20:30.000+000" date="02-23-2020" component="C" context="" type="1" thread="1" file="">`;
const piece = fc.constantFrom('a', 'line', '\r\n', '\n', '\r', 'é', '€', '😀', '漢字', '\ud800', '\udc00', '\0', '\0'.repeat(40), ' $$<Comp><02-23-2020 10:20:30.000+000><thread=1 (0x1)>', rec('x'), rec('multi\r\nline é'), '<![LOG[');
const text = fc.array(piece, { maxLength: 80 }).map((a) => a.join(''));

function encode(t: string, enc: string, junk: number[]): Buffer {
  switch (enc) {
    case 'utf8': return Buffer.from(t, 'utf8');
    case 'utf8bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]);
    case 'utf16le': return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]);
    case 'utf16be': return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()]);
    // Windows-1252: bytes that are not UTF-8 (high bytes alone) mixed into ASCII.
    default: return Buffer.concat([Buffer.from(t.replace(/[^\x00-\x7f]/g, '?'), 'latin1'), Buffer.from(junk.map((b) => b | 0x80)), Buffer.from('tail\r\n')]);
  }
}

/** A log parsed from `bytes` (as the index does, in small pieces), then made to read its text from the file. */
function onDisk(bytes: Buffer, window: number): { log: LogFile; whole: LogFile; text: FileText; file: string } {
  const file = path.join(dir, `t${n++}.log`);
  writeFileSync(file, bytes);
  const whole = LogFile.fromBytes(bytes);
  const log = LogFile.fromBytes(bytes, {}, { piece: 7 });
  const st = statSync(file);
  const text = FileText.create(file, log.encoding, log.bomLength, { ino: st.ino, dev: st.dev, size: log.byteLength, mtimeMs: st.mtimeMs }, window);
  keepOnDisk(log, text);
  return { log, whole, text, file };
}

test('text read back from the file equals the decoded text: every encoding, NUL runs, CR-only, across windows', () => {
  const enc = fc.constantFrom('utf8', 'utf8bom', 'utf16le', 'utf16be', 'cp1252');
  fc.assert(fc.property(text, enc, fc.array(fc.integer({ min: 0, max: 127 }), { maxLength: 5 }), fc.integer({ min: 1, max: 40 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 }), (t, e, junk, window, ranges) => {
    const { log, whole } = onDisk(encode(t, e, junk), window);
    assert.equal(log.heldChars, 0);
    assert.equal(log.encoding, whole.encoding);
    assert.equal(log.length, whole.length);
    assert.equal(log.text(), whole.text());
    for (const [x, y] of ranges) {
      const a = x % (log.length + 1), b = y % (log.length + 1);
      assert.equal(log.text(Math.min(a, b), Math.max(a, b)), whole.text(Math.min(a, b), Math.max(a, b)));
    }
    assert.equal(log.entryCount, whole.entryCount);
    for (let i = 0; i < log.entryCount; i++) assert.deepEqual(log.entry(i), whole.entry(i));
  }), opts);
});

test('a log read back from disk takes appends as one held in memory does, and hands them over too', () => {
  fc.assert(fc.property(text, text, fc.integer({ min: 1, max: 40 }), (t, more, window) => {
    const { log, file } = onDisk(Buffer.from(t, 'utf8'), window);
    const added = Buffer.from(more, 'utf8');
    appendFileSync(file, added);
    const ok = log.appendBytes(added);
    const whole = LogFile.fromBytes(Buffer.concat([Buffer.from(t, 'utf8'), added]));
    if (!ok) return; // too short to append to: the index parses the file again
    // As the index does after an append: the file it reads from now has the new size and time.
    const text = log.textSource as FileText, st = statSync(file);
    text.expect = { ino: st.ino, dev: st.dev, size: st.size, mtimeMs: st.mtimeMs };
    keepOnDisk(log, text);
    assert.equal(log.heldChars, 0);
    assert.equal(log.text(), whole.text());
    for (let i = 0; i < log.entryCount; i++) assert.equal(log.message(i), whole.message(i));
  }), opts);
});

test('a file rewritten or truncated under the log is never misread: U+FFFD, and onStale once', () => {
  const body = Array.from({ length: 50 }, (_, k) => rec(`message ${k}`) + '\r\n').join('');
  for (const change of ['rewrite', 'truncate']) {
    const { log, file, text } = onDisk(Buffer.from(body), 64);
    let stale = 0;
    text.onStale = () => { stale++; };
    assert.equal(log.message(3), 'message 3');
    const other = change === 'rewrite' ? body.replace(/message/g, 'MESSAGE') : body.slice(0, 100);
    writeFileSync(file, other);
    // Same size and same modification time cannot be told apart from the same file: make the time differ.
    const later = new Date(statSync(file).mtimeMs + 5000);
    utimesSync(file, later, later);
    const m = log.message(40);
    assert.ok(!m.includes('MESSAGE') && !m.includes('message'), `${change}: read ${JSON.stringify(m)}`);
    assert.match(m, /^\ufffd+$/);
    assert.equal(log.message(41).includes('message'), false);
    assert.equal(stale, 1, change);
  }
});

test('a few characters of a window not cached are read as just their bytes where the window is one width, and read right in every encoding', () => {
  const t = rec('ascii only here') + '\r\n' + rec('café € 😀 漢字') + '\r\n' + rec('tail') + '\r\n';
  for (const e of ['utf8', 'utf8bom', 'utf16le', 'utf16be', 'cp1252']) {
    const bytes = encode(t, e, [1, 2]);
    const whole = LogFile.fromBytes(bytes);
    // Each within one window of 16 characters (and the last across two).
    for (const [a, b] of [[0, 1], [3, 9], [20, 30], [66, 75], [100, 104], [whole.length - 3, whole.length], [60, 70]]) {
      // A model whose windows are all on disk and none cached: each read is its first.
      const { log, text } = onDisk(bytes, 16);
      assert.equal(log.text(a, b), whole.text(a, b), `${e} [${a}, ${b})`);
      // Read again: their bytes again (nothing cached); a third read in a row there is a run of reads:
      // the window is read whole and cached.
      for (const [time, more] of [['again', 1], ['a third time', 1], ['a fourth time', 0]] as const) {
        const reads = text.diskReads;
        assert.equal(log.text(a, b), whole.text(a, b), `${e} [${a}, ${b}) ${time}`);
        if (e === 'utf16le' && b <= 16) assert.equal(text.diskReads - reads, more, `${e} [${a}, ${b}) ${time}: ${more} read`);
      }
    }
  }
});
