// Hostile input for the parser: random bytes, random mixes of valid and broken records (CMTrace
// and legacy), `<![LOG[` nested thousands deep, unclosed records, megabyte-long lines, NUL bytes,
// invalid UTF-8, lone UTF-16 surrogates (in UTF-16 files and in editor text), CR/LF/CRLF mixes.
// For each: no exception, entries and unparsed spans tile the text exactly, the decoded text
// accounts for every byte, every entry materialises, and appending in random pieces gives the
// model of parsing at once.
//
// Fixed seed by default; `npm run fuzz` sets FUZZ_RUNS (and FUZZ_SEED to explore other cases).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LogFile } from '../../server/src/logFile';
import type { ParseOptions } from '../../server/src/model';
import { appendBytesInPieces, appendTextInPieces, assertCoverage, lineCountOf, lineStartsOf, snapshot } from '../support/model';
import { prng } from '../../bench/generate';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 7031977);
const opts = (numRuns = RUNS) => ({ seed: SEED, numRuns: Math.max(1, Math.round(numRuns)) });

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

/** 0-based line of a character offset. */
function lineAt(starts: number[], offset: number): number {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Everything a reader of the model can ask, asked of every entry and span; nothing may throw. */
function checkModel(log: LogFile): void {
  assertCoverage(log);
  const text = log.text();
  assert.equal(text.length, log.length);
  assert.equal(log.lineCount, lineCountOf(text));
  const starts = lineStartsOf(text);
  void log.format;
  for (let i = 0; i < log.entryCount; i++) {
    const e = log.entry(i);
    assert.equal(e.index, i);
    assert.equal(e.start, log.table.start[i]);
    assert.equal(e.end, log.table.end[i]);
    assert.equal(e.line, lineAt(starts, e.start), `line of entry ${i}`);
    assert.ok(e.endLine >= e.line && e.endLine < log.lineCount, `endLine ${e.endLine} of entry ${i} (line ${e.line}, ${log.lineCount} lines)`);
    assert.ok(e.endLine <= lineAt(starts, Math.max(e.start, e.end - 1)), `endLine of entry ${i} past its record`);
    assert.equal(log.message(i), e.message);
    assert.equal(log.endLine(i), e.endLine);
    assert.ok(text.slice(e.start, e.end).includes(e.message), `message of entry ${i} is not in its record`);
    assert.ok(log.entryAtLine(e.line) >= i);
    assert.ok(e.wall === null || Number.isFinite(e.wall));
    assert.ok(e.utc === null || Number.isFinite(e.utc));
    JSON.stringify(e);
  }
  for (const s of log.unparsedSpans()) {
    assert.ok(s.end > s.start);
    assert.equal(s.line, lineAt(starts, s.start), `line of span at ${s.start}`);
  }
}

/** The decoded text, the byte-order mark and the held-back bytes account for every byte. */
function checkBytes(bytes: Uint8Array, log: LogFile): void {
  assert.equal(log.byteLength, bytes.length);
  assert.ok(log.pendingBytes >= 0 && log.pendingBytes <= 3, `pending ${log.pendingBytes}`);
  const text = log.text();
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + log.bomLength, bytes.length - log.bomLength - log.pendingBytes);
  switch (log.encoding) {
    case 'utf-8': case 'utf-8-bom':
      assert.ok(Buffer.from(text, 'utf8').equals(body), 'UTF-8 text does not re-encode to the bytes');
      break;
    case 'windows-1252':
      // A UTF-8 byte-order mark is stripped before the rest is found not to be UTF-8.
      assert.equal(log.pendingBytes, 0);
      assert.equal(log.bomLength, bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);
      assert.equal(log.bomLength + text.length, bytes.length, 'one character per byte');
      break;
    case 'utf-16le': case 'utf-16be':
      assert.equal(log.bomLength, 2);
      assert.equal(2 + 2 * text.length + log.pendingBytes, bytes.length, 'one character per code unit');
      break;
    default:
      assert.fail(`unknown encoding ${log.encoding}`);
  }
}

function parseBytes(bytes: Uint8Array): LogFile {
  const log = LogFile.fromBytes(bytes);
  checkModel(log);
  checkBytes(bytes, log);
  return log;
}

/** Bytes appended in pieces (with the documented fallback) give the model of the whole. */
function checkAppendBytes(bytes: Uint8Array, cuts: number[], whole = LogFile.fromBytes(bytes)): void {
  const log = appendBytesInPieces(bytes, cuts);
  checkModel(log);
  assert.deepEqual(snapshot(log), snapshot(whole));
}

/** Text appended in pieces (an editor document that grows) gives the model of the whole. */
function checkAppendText(text: string, cuts: number[], options: ParseOptions = {}, whole = LogFile.fromText(text, options)): void {
  const log = appendTextInPieces(text, cuts, options);
  checkModel(log);
  assert.deepEqual(snapshot(log), snapshot(whole));
}

function checkText(text: string, cuts: number[] = [], options: ParseOptions = {}): void {
  const log = LogFile.fromText(text, options);
  assert.equal(log.text(), text);
  checkModel(log);
  checkAppendText(text, cuts, options, log);
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

const ATTRS = '<time="08:00:00.000+000" date="3-15-2026" component="C" context="" type="1" thread="1" file="">';

/** Pieces of records, of legacy tails, of broken text and of awkward characters. */
const token = fc.constantFrom(
  '<![LOG[', ']LOG]!>', '<time="08:00:00.000+000"', '<time="', ' date="3-15-2026"', ' component="C"', ' context=""', ' type="1"', ' type="3"',
  ' type=""', ' thread="1"', ' file="a.cpp:1"', '>', '<', '"', '=', ' ', '\t', '$$<', '$$<C><01-01-2020 10:00:00.000+000>', '<thread=1 (0x1)>',
  '><', '\n', '\r\n', '\r', '\n\n', '\u0000', 'error', 'warn', 'failed', 'x', 'é', '\uFEFF', '\uD800', '\uDC00', '\uD83D\uDE00', '\u2028',
  '\u0085', '\u001b[31m', '[a](command:x)', '<b>',
);
const soup = fc.array(token, { maxLength: 60 }).map((a) => a.join(''));
const eol = fc.constantFrom('\n', '\r\n', '\r', '', '\n\n', '\r\r\n', '\n\r', '\r\n\r\n');

const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
const offset = fc.oneof(fc.constant(''), fc.integer({ min: -720, max: 840 }).map((n) => (n < 0 ? `${n}` : `+${n}`)), fc.constantFrom('+-240', '+abc', '+', '+99999'));
const time = fc.oneof(
  fc.tuple(two, two, two, fc.constantFrom('.123', '.1234567', '', '.'), offset).map(([h, m, s, f, o]) => `${h}:${m}:${s}${f}${o}`),
  fc.constantFrom('', ':', '99:99:99.999+999', '1:2:3', 'garbage'),
);
const date = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 10000 })).map(([m, d, y]) => `${m}-${d}-${y}`),
  fc.constantFrom('', '2-29-2021', '2-29-2024', '12-31-9999', '1/1/2020'),
);
const message = fc.oneof(soup, fc.string16bits({ maxLength: 30 }), fc.constantFrom('', 'Failed to add user a@b.c; reason UserNotFound'));

/** A CMTrace record: in ConfigMgr's attribute order (the fast path) or shuffled (the general reader). */
const ccmRecord = fc.tuple(message, time, date, fc.constantFrom('0', '1', '2', '3', '', '9', '33'), fc.constantFrom('', ' file="a.cpp:1"'), fc.boolean(), fc.constantFrom(' ', '  ', '\t'))
  .chain(([m, t, d, ty, f, ordered, sp]) => {
    const attrs = [`time="${t}"`, `date="${d}"`, 'component="Comp"', 'context=""', `type="${ty}"`, 'thread="12"'];
    const block = ordered ? fc.constant(attrs.join(' ')) : fc.shuffledSubarray(attrs).map((a) => a.join(sp));
    return block.map((b) => `<![LOG[${m}]LOG]!><${b}${f}>`);
  });
const smsRecord = fc.tuple(message.map((w) => w.replace(/[\r\n]/g, '')), fc.constantFrom('', ' ', '  '), date, time, fc.constantFrom('', '<thread=4321 (0x10E1)>', '<thread=x>', '<thread='))
  .map(([m, sp, d, t, th]) => `${m}${sp}$$<SMS_X><${d} ${t}>${th}`);
/** Records cut anywhere, unclosed, nested, or with a broken attribute block. */
const broken = fc.oneof(
  fc.tuple(fc.oneof(ccmRecord, smsRecord), fc.nat()).map(([r, k]) => r.slice(0, k % (r.length + 1))),
  ccmRecord.map((r) => r.replace(/"/, '')),
  ccmRecord.map((r) => r.replace('>', '')),
  fc.tuple(fc.integer({ min: 2, max: 30 }), message).map(([k, m]) => '<![LOG['.repeat(k) + m),
  fc.tuple(fc.integer({ min: 2, max: 30 }), ccmRecord).map(([k, r]) => '<![LOG['.repeat(k) + r),
  fc.constantFrom('<![LOG[', ']LOG]!>', '$$<', '<![LOG[]LOG]!>', '<![LOG[]LOG]!><>', `<![LOG[x]LOG]!>${ATTRS}${ATTRS}`),
  soup,
);
const logText = fc.array(fc.tuple(fc.oneof(ccmRecord, smsRecord, broken), eol).map(([r, e]) => r + e), { maxLength: 40 }).map((a) => a.join(''));
const parseOptions = fc.record({
  defaultOffset: fc.oneof(fc.constant(null), fc.integer({ min: -900, max: 900 })),
  offsetConvention: fc.constantFrom('bias' as const, 'utc-offset' as const),
});

/** Byte sequences that are not UTF-8. */
const badUtf8 = fc.constantFrom(
  [0xff], [0xfe], [0x80], [0xbf], [0xc0, 0xaf], [0xc1, 0xbf], [0xc3], [0xc3, 0x28], [0xe2, 0x82], [0xe2, 0x28, 0xa1], [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf], [0xf0, 0x82, 0x82, 0xac], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x00],
);
/** Lone surrogates and other odd code units, as UTF-16LE bytes. */
const badUtf16le = fc.constantFrom([0x00, 0xd8], [0xff, 0xdb], [0x00, 0xdc], [0xff, 0xdf], [0x3d, 0xd8, 0x3d, 0xd8], [0x00, 0xdc, 0x00, 0xd8], [0x00, 0x00], [0x0a], [0xfe, 0xff]);
const encodings = ['utf8', 'utf8bom', 'utf16le', 'utf16be', 'latin1'] as const;

function encode(text: string, enc: (typeof encodings)[number]): Buffer {
  switch (enc) {
    case 'utf8': return Buffer.from(text, 'utf8');
    case 'utf8bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le': return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'latin1': return Buffer.from(text, 'latin1');
  }
}

/** Bytes inserted at positions (numbers taken modulo the length as it grows). */
function insertAll(bytes: Buffer, inserts: [number, number[]][]): Buffer {
  let out = bytes;
  for (const [at, b] of inserts) {
    const k = at % (out.length + 1);
    out = Buffer.concat([out.subarray(0, k), Buffer.from(b), out.subarray(k)]);
  }
  return out;
}

/** A log in one of the encodings, with invalid sequences inserted (UTF-16: lone surrogates, odd bytes). */
const logBytes = fc.tuple(logText, fc.constantFrom(...encodings), fc.array(fc.tuple(fc.nat(), fc.oneof(badUtf8, badUtf16le)), { maxLength: 4 }))
  .map(([t, enc, inserts]) => {
    const bytes = encode(t, enc);
    // Keep the byte-order mark in front: what comes after it is what the test is about.
    const bom = enc === 'utf8bom' ? 3 : enc === 'utf16le' || enc === 'utf16be' ? 2 : 0;
    return Buffer.concat([bytes.subarray(0, bom), insertAll(bytes.subarray(bom), inserts)]);
  });
/** Bytes drawn mostly from the ones that matter to the decoder and the scanner. */
const interestingBytes = fc.array(fc.oneof(
  fc.integer({ min: 0, max: 255 }),
  fc.constantFrom(0x00, 0x0a, 0x0d, 0x3c, 0x3e, 0x22, 0x24, 0x5b, 0x5d, 0x80, 0xbf, 0xc3, 0xd8, 0xdc, 0xe2, 0xed, 0xef, 0xbb, 0xf0, 0xfe, 0xff),
), { maxLength: 800 }).map((a) => Buffer.from(a));

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

test('random bytes: no exception, every byte accounted for, appends agree', () => {
  fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 800 }), interestingBytes), fc.array(fc.nat(), { maxLength: 6 }), (bytes, cuts) => {
    checkAppendBytes(bytes, cuts, parseBytes(bytes));
  }), opts());
});

test('random bytes behind a byte-order mark (UTF-8, UTF-16LE, UTF-16BE)', () => {
  const bom = fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]);
  fc.assert(fc.property(bom, fc.oneof(fc.uint8Array({ maxLength: 800 }), interestingBytes), fc.array(fc.nat(), { maxLength: 6 }), (b, body, cuts) => {
    const bytes = Buffer.concat([Buffer.from(b), body]);
    checkAppendBytes(bytes, cuts, parseBytes(bytes));
  }), opts());
});

test('random mixes of valid and broken records, any line ends, as editor text', () => {
  fc.assert(fc.property(logText, fc.array(fc.nat(), { maxLength: 6 }), parseOptions, (text, cuts, options) => {
    checkText(text, cuts, options);
  }), opts());
});

test('random mixes of valid and broken records in every encoding, with invalid bytes and lone surrogates', () => {
  fc.assert(fc.property(logBytes, fc.array(fc.nat(), { maxLength: 6 }), (bytes, cuts) => {
    checkAppendBytes(bytes, cuts, parseBytes(bytes));
  }), opts());
});

test('lone surrogates and NULs in editor text (JS strings that no decoder would produce)', () => {
  const units = fc.array(fc.oneof(token, fc.string16bits({ maxLength: 8 }), fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u0000')), { maxLength: 80 }).map((a) => a.join(''));
  fc.assert(fc.property(units, fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
    checkText(text, cuts);
  }), opts());
});

test('UTF-16LE logs with lone surrogates cut at every kind of byte boundary', () => {
  const surrogate = fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D\uDE00', '\uDE00\uD83D');
  const text = fc.array(fc.oneof(fc.tuple(fc.oneof(ccmRecord, smsRecord, broken), eol).map(([r, e]) => r + e), surrogate), { maxLength: 20 }).map((a) => a.join(''));
  fc.assert(fc.property(text, fc.boolean(), fc.array(fc.nat(), { maxLength: 8 }), (t, oddTail, cuts) => {
    const bytes = Buffer.concat([encode(t, 'utf16le'), Buffer.from(oddTail ? [0x41] : [])]);
    const log = parseBytes(bytes);
    assert.equal(log.encoding, 'utf-16le');
    // What the decoder shows instead of each lone surrogate.
    assert.equal(log.text().length, t.length - (t.endsWith('\uD800') || t.endsWith('\uDBFF') || t.endsWith('\uD83D') ? 1 : 0));
    checkAppendBytes(bytes, cuts, log);
  }), opts());
});

test('line ends in any mix of CR, LF and CRLF', () => {
  const piece = fc.oneof(ccmRecord, smsRecord, fc.constantFrom('', 'x', '<![LOG[', ']LOG]!>', '<![LOG[a'));
  const text = fc.array(fc.tuple(piece, fc.array(fc.constantFrom('\r', '\n', '\r\n', '\n\r'), { minLength: 1, maxLength: 4 })).map(([p, e]) => p + e.join('')), { maxLength: 30 }).map((a) => a.join(''));
  fc.assert(fc.property(text, fc.array(fc.nat(), { maxLength: 6 }), (t, cuts) => {
    checkText(t, cuts);
    checkAppendBytes(Buffer.from(t), cuts);
  }), opts());
});

test('<![LOG[ nested thousands deep: on one line, one per line, closed or not', () => {
  const shape = fc.record({
    depth: fc.integer({ min: 1000, max: 5000 }),
    sep: fc.constantFrom('', '\n', '\r\n', ' ', 'a'),
    inner: fc.constantFrom('', 'error', ']LOG]!>', ']LOG]!>' + ATTRS, ']LOG]!>' + ATTRS + '\n'),
    closes: fc.constantFrom(0, 1, -1),
    tail: fc.constantFrom('', ATTRS, ATTRS + '\n', '\n', 'x $$<C><01-01-2020 10:00:00.000+000>'),
  });
  fc.assert(fc.property(shape, fc.array(fc.nat(), { maxLength: 4 }), ({ depth, sep, inner, closes, tail }, cuts) => {
    // closes: none, as many as opens, or one for every other open.
    const close = closes === 0 ? '' : ']LOG]!>'.repeat(closes > 0 ? depth : depth >> 1);
    const text = (OPEN + inner + sep).repeat(depth) + close + tail;
    checkText(text, cuts);
  }), opts(RUNS / 10));
});

const OPEN = '<![LOG[';

test('nested and unclosed records: fixed shapes', () => {
  const d = 5000;
  const shapes = [
    OPEN.repeat(d),
    (OPEN + '\n').repeat(d),
    (OPEN + '\r\n').repeat(d),
    OPEN.repeat(d) + ']LOG]!>'.repeat(d) + ATTRS,
    OPEN.repeat(d) + 'x]LOG]!>' + ATTRS + '\n' + 'after\n',
    (OPEN + 'a]LOG]!><time="').repeat(d),
    ('<![LOG[<![LOG[a]LOG]!>]LOG]!>' + ATTRS + '\n').repeat(d / 10),
    OPEN + 'never closed\n' + 'plain line\n'.repeat(d),
    (OPEN + 'x\n').repeat(d) + ']LOG]!>' + ATTRS,
    ']LOG]!>'.repeat(d) + OPEN,
    '$$<'.repeat(d) + '\n' + '$$<C><'.repeat(d),
  ];
  const rnd = prng(SEED);
  for (const text of shapes) checkText(text, [0, 1, 2].map(() => Math.floor(rnd() * (text.length + 1))));
});

test('megabyte-long lines', () => {
  const MB = 1024 * 1024;
  const rnd = prng(SEED ^ 0x5eed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const noBreak = ['<![LOG[', ']LOG]!>', '$$<', '<time="', '"', '>', '<', ' ', 'error', 'x', 'é', '\u0000', '\uD800', '=', '\r'];
  let soupLine = '';
  while (soupLine.length < MB) soupLine += pick(noBreak);
  const cases: [string, string][] = [
    ['a record whose message is 1 MB', `${OPEN}${'m'.repeat(MB)}]LOG]!>${ATTRS}\r\n${OPEN}next]LOG]!>${ATTRS}\r\n`],
    ['1 MB of record fragments with no line break', soupLine],
    ['a 1 MB legacy line', 'warn '.repeat(MB / 5) + '$$<C><01-01-2020 10:00:00.000+000><thread=1 (0x1)>\n'],
    ['an attribute block 1 MB long that never closes', `${OPEN}m]LOG]!><${'a="b" '.repeat(MB / 6)}`],
    ['1 MB of records separated by CR only', `${OPEN}x]LOG]!>${ATTRS}\r`.repeat(MB / 110)],
  ];
  for (const [name, text] of cases) {
    const cuts = [0, 1, 2, 3].map(() => Math.floor(rnd() * (text.length + 1)));
    try {
      checkText(text, cuts);
      checkAppendBytes(Buffer.from(text, 'utf8'), cuts.map((c) => c * 2), parseBytes(Buffer.from(text, 'utf8')));
    } catch (e) {
      (e as Error).message = `${name}: ${(e as Error).message}`;
      throw e;
    }
  }
  // And one in UTF-16LE, with a lone surrogate in the middle of the line.
  const utf16 = encode(`${OPEN}${'m'.repeat(MB / 2)}\uD800${'m'.repeat(MB / 2)}]LOG]!>${ATTRS}`, 'utf16le');
  checkAppendBytes(utf16, [3, MB + 1, MB + 2], parseBytes(utf16));
});

test('NUL bytes everywhere', () => {
  // Single NULs and runs around the padding threshold (NUL_RUN: 32), anywhere.
  const withNuls = fc.tuple(logText, fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 80 }))), { maxLength: 20 })).map(([t, at]) => {
    let s = t;
    for (const [k, n] of at) { const i = k % (s.length + 1); s = s.slice(0, i) + '\u0000'.repeat(n) + s.slice(i); }
    return s;
  });
  fc.assert(fc.property(withNuls, fc.array(fc.nat(), { maxLength: 6 }), (t, cuts) => {
    checkText(t, cuts);
    const bytes = Buffer.from(t, 'utf8');
    checkAppendBytes(bytes, cuts, parseBytes(bytes));
  }), opts(RUNS / 2));
  checkText('\u0000'.repeat(100_000));
  parseBytes(Buffer.alloc(100_000));
});
