// Property-based tests of the parser (fixed seed; `npm run fuzz` runs many more cases).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LogFile } from '../../server/src/logFile';
import { keywordProgress, keywordSeverityAt, KW_NONE } from '../../server/src/parse/severity';
import { formatWall, isoUtc } from '../../server/src/parse/time';
import { keywordRule } from '../support/keywordRule';
import { appendBytesInPieces, appendTextInPieces, assertCoverage, assertSameAsWhole, lineCountOf, snapshot } from '../support/model';
import { codeUnits } from '../../server/src/parse/decode';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20141914);
const opts = { seed: SEED, numRuns: RUNS };

const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
const offset = fc.oneof(fc.constant(''), fc.integer({ min: -720, max: 840 }).map((n) => (n < 0 ? `${n}` : `+${n}`)), fc.constantFrom('+-240', '+abc', '+'));
const time = fc.tuple(two, two, two, fc.constantFrom('.123', '.1234567', '', '.'), offset).map(([h, m, s, f, o]) => `${h}:${m}:${s}${f}${o}`);
const date = fc.tuple(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 1999, max: 2030 })).map(([m, d, y]) => `${m}-${d}-${y}`);
const words = fc.stringOf(fc.constantFrom('a', 'b', ' ', 'error', 'warn', 'fail', '\n', '\r\n', '"', '<', '>', '$', 'é', '<![LOG[', ']LOG]!>', '$$<'), { maxLength: 40 });
const ccmRecord = fc.tuple(words, time, date, fc.constantFrom('0', '1', '2', '3', '', '9'), fc.constantFrom('', ' file="a.cpp:1"'))
  .map(([m, t, d, ty, f]) => `<![LOG[${m}]LOG]!><time="${t}" date="${d}" component="Comp" context="" type="${ty}" thread="12"${f}>`);
const smsRecord = fc.tuple(words.map((w) => w.replace(/[\r\n]/g, '')), fc.constantFrom('', ' ', '  '), date, time, fc.constantFrom('', '<thread=4321 (0x10E1)>'))
  .map(([m, sp, d, t, th]) => `${m}${sp}$$<SMS_X><${d} ${t}>${th}`);
const broken = fc.oneof(words, ccmRecord.map((r) => r.slice(0, r.length >> 1)), fc.constant('<![LOG['), fc.constant(''));
const logText = fc.array(fc.tuple(fc.oneof(ccmRecord, smsRecord, broken), fc.constantFrom('\n', '\r\n', '', '\n\n')).map(([r, e]) => r + e), { maxLength: 30 }).map((a) => a.join(''));
/** Bytes of a log in one of the encodings, sometimes with invalid bytes mixed in. */
const logBytes = fc.tuple(logText, fc.constantFrom('utf8', 'utf8bom', 'utf16le', 'latin1'), fc.boolean()).map(([t, enc, junk]) => {
  const body = enc === 'utf16le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])
    : enc === 'utf8bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')])
    : Buffer.from(t, enc === 'latin1' ? 'latin1' : 'utf8');
  return junk ? Buffer.concat([body, Buffer.from([0xc3, 0x28, 0xff, 0x00])]) : body;
});

test('any byte sequence parses without throwing and with exact coverage', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
    const log = LogFile.fromBytes(bytes);
    assertCoverage(log);
    assert.equal(log.lineCount, lineCountOf(log.text()));
  }), opts);
});

test('any mix of valid and broken records: exact coverage, lines agree with the text', () => {
  fc.assert(fc.property(logText, (text) => {
    const log = LogFile.fromText(text);
    assertCoverage(log);
    assert.equal(log.lineCount, lineCountOf(text));
    for (let i = 0; i < log.entryCount; i++) {
      const e = log.entry(i);
      assert.equal(lineCountOf(text.slice(0, e.start)) - 1, e.line);
      assert.ok(e.endLine >= e.line);
    }
  }), opts);
});

test('appending bytes in pieces gives exactly the model of parsing them at once', () => {
  fc.assert(fc.property(logBytes, fc.array(fc.nat(), { maxLength: 6 }), (bytes, cuts) => {
    assertSameAsWhole(appendBytesInPieces(bytes, cuts), LogFile.fromBytes(bytes));
  }), opts);
});

test('NUL runs (padding) anywhere, in any encoding: exact coverage, and appended in pieces == parsed whole', () => {
  const padded = fc.tuple(logBytes, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 200 })), { minLength: 1, maxLength: 4 })).map(([b, runs]) => {
    let out = Buffer.from(b);
    for (const [k, n] of runs) {
      const i = 2 + (k % (out.length + 1)); // after a byte-order mark, whatever the encoding
      out = Buffer.concat([out.subarray(0, i), Buffer.alloc(n), out.subarray(i)]);
    }
    return out;
  });
  fc.assert(fc.property(padded, fc.array(fc.nat(), { maxLength: 6 }), (bytes, cuts) => {
    const whole = LogFile.fromBytes(bytes);
    assertCoverage(whole);
    assertSameAsWhole(appendBytesInPieces(bytes, cuts), whole);
    const { data, transfer } = whole.toData();
    assert.deepEqual(snapshot(LogFile.fromData(structuredClone(data, { transfer }))), snapshot(LogFile.fromBytes(bytes)));
  }), opts);
});

test('a model posted to another thread (toData, structured clone with transfer, fromData) is the same model and takes appends alike', () => {
  fc.assert(fc.property(logBytes, fc.nat(), (bytes, cut) => {
    const p = cut % (bytes.length + 1);
    const head = bytes.subarray(0, p);
    const whole = LogFile.fromBytes(bytes);
    const { data, transfer } = LogFile.fromBytes(head).toData();
    const moved = LogFile.fromData(structuredClone(data, { transfer }));
    assert.deepEqual(snapshot(moved), snapshot(LogFile.fromBytes(head)));
    if (!moved.appendBytes(bytes.subarray(p))) return; // the caller re-reads the file then
    assertCoverage(moved);
    assert.deepEqual(snapshot(moved), snapshot(whole));
  }), opts);
});

/** A long ASCII log tiled from `samples` up to `size` characters: scans of it cross many windows (see Source). */
function longAscii(samples: string[], size: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let k = 0; n < size; k++) {
    const s = samples[k % samples.length].replace(/[^\x00-\x7f]/g, '?') || '\n';
    parts.push(s);
    n += s.length;
  }
  return parts.join('');
}

test('ASCII read as bytes (scanned without one big string) gives the model of the same text as a string, also in appended pieces', () => {
  fc.assert(fc.property(fc.array(logText, { minLength: 1, maxLength: 6 }), fc.integer({ min: 70_000, max: 300_000 }), fc.array(fc.nat(), { maxLength: 4 }), (samples, size, cuts) => {
    const text = longAscii(samples, size);
    const bytes = Buffer.from(text, 'latin1');
    const expected = { ...snapshot(LogFile.fromText(text)), byteLength: bytes.length };
    const whole = LogFile.fromBytes(bytes);
    assertCoverage(whole);
    assert.deepEqual(snapshot(whole), expected);
    assert.deepEqual(snapshot(appendBytesInPieces(bytes, cuts)), expected);
  }), { ...opts, numRuns: Math.max(10, Math.floor(RUNS / 15)) });
});

test('appending text in pieces (an editor document that grows) equals parsing at once', () => {
  fc.assert(fc.property(logText, fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
    assertSameAsWhole(appendTextInPieces(text, cuts), LogFile.fromText(text));
  }), opts);
});

test('the UTC of a record is its wall clock plus its bias (and minus it under the .NET convention)', () => {
  const record = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: -999, max: 999 }), fc.boolean());
  fc.assert(fc.property(record, ([h, m, mo, d, bias, sms]) => {
    const t = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:07.250${bias < 0 ? bias : '+' + bias}`;
    const text = sms ? `x  $$<C><${mo}-${d}-2021 ${t}><thread=1 (0x1)>\n` : `<![LOG[x]LOG]!><time="${t}" date="${mo}-${d}-2021" component="C" context="" type="1" thread="1" file="">\n`;
    const wall = Date.UTC(2021, mo - 1, d, h, m, 7, 250);
    // A bias lies in [-840, +720] (UTC+14 to UTC-12); a .NET UTC offset in [-720, +840].
    assert.equal(LogFile.fromText(text).entry(0).utc, bias >= -840 && bias <= 720 ? wall + bias * 60_000 : null);
    assert.equal(LogFile.fromText(text, { offsetConvention: 'utc-offset' }).entry(0).utc, bias >= -720 && bias <= 840 ? wall - bias * 60_000 : null);
  }), opts);
});

// For a record still being written, the scanner runs the keyword rule on character codes and
// carries the search on from one append to the next: both must agree with the rule.
const keywordish = fc.stringOf(fc.constantFrom('a', ' ', '_', '9', 'é', '\u212a', 'warn', 'WARN', 'fail', 'FaIl', 'failed', 'fails', 'failover', 'ed', 'S', 'error', 'Exception', 'critical', 'fatal', 'fa', 'il', 'warnfail', 'erro', 'fai', 'war', 'fata', 'critica', 'exceptio', 'faile', 'e', 'r', 'l', 'n', 'd', 's', 'w', 'c'), { maxLength: 12 });
const around = fc.constantFrom('', '[', 'x', '_', ' ', '\n', '$$<', 'r', 'l', 'n', 'd', 's');
const codesOf = (s: string) => codeUnits(s);

test('keywords read from the character codes of a message in a text: the same severity as the rule on the message', () => {
  fc.assert(fc.property(around, keywordish, around, (before, m, after) => {
    const codes = codesOf(before + m + after);
    assert.equal(keywordSeverityAt(codes, KW_NONE, before.length, before.length + m.length, false), keywordRule(m), JSON.stringify(m));
  }), opts);
});

test('the keyword search through a message that runs to the end of the text resumes to the same severity', () => {
  fc.assert(fc.property(keywordish, keywordish, fc.nat({ max: 20 }), (m1, m2, pad) => {
    // The message starts after `[`; the search is carried up to 15 characters before the end.
    const head = '[' + ' '.repeat(pad) + m1 + 'x'.repeat(16);
    const text = head + m2 + ']';
    const p = keywordProgress(codesOf(head), KW_NONE, 1, head.length - 15, false);
    assert.equal(keywordSeverityAt(codesOf(text), p.kind, p.from, text.length - 1, true), keywordRule(text.slice(1, -1)));
  }), opts);
});

// A long last line with no line break yet is resumed near its end (scan mode 'line'): whatever
// pieces it arrives in, and whether it ends as a legacy line, a broken one or plain text.
const longLine = fc.tuple(
  fc.constantFrom('', 'first line\n', '<![LOG[m]LOG]!><time="10:00:00.000+000" date="01-01-2020" component="C" context="" type="1" thread="1">\n'),
  fc.array(keywordish, { maxLength: 40 }), fc.nat(200), fc.array(keywordish, { maxLength: 40 }),
  fc.constantFrom('', '$$<C><01-01-2020 10:00:00.000+000><thread=1 (0x1)>', ' $$<C><01-01-2020 10:00:00.000+000>', ' $$<C><bad', '$$<', 'fail'),
  fc.constantFrom('', '\n', '\r\n', '\nnext warn $$<C><01-01-2020 10:00:00.000+000>\n', '\n<![LOG[x'),
).map(([before, a, pad, b, tail, after]) => `${before}${a.join(' ')}${' '.repeat(260 + pad)}${b.join(' ')}${tail}${after}`);

test('a long line written in pieces (no line break yet) parses as it does at once', () => {
  fc.assert(fc.property(longLine, fc.array(fc.nat(), { maxLength: 12 }), (text, cuts) => {
    assertSameAsWhole(appendTextInPieces(text, cuts), LogFile.fromText(text));
  }), opts);
});


test('times are spelled as Date.toISOString spells them (formatWall and isoUtc count the calendar themselves)', () => {
  fc.assert(fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), fc.constantFrom(0, 0.5), (ms, frac) => {
    const iso = new Date(ms).toISOString();
    assert.equal(isoUtc(ms + frac), iso);
    assert.equal(formatWall(ms + frac), iso.replace('T', ' ').replace('Z', ''));
  }), opts);
});
