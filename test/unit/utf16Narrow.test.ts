// UTF-16 logs (MSI's verbose logs mostly) are narrowed to one byte a character as they are read: text
// of ASCII characters only is kept as those bytes, like an ASCII UTF-8 file (one piece however long,
// half the memory of a string), and every other text reads exactly as the Encoding Standard's UTF-16
// decoder (TextDecoder) reads it, lone surrogates as U+FFFD, in either byte order and at any alignment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import fc from 'fast-check';
import { LogFile } from '../../server/src/logFile';
import { codeUnits, LOOP_NARROWING } from '../../server/src/parse/decode';
import { narrowUtf16Le } from '../../server/src/parse/kernel';
import { assertCoverage, snapshot } from '../support/model';

const msiLine = (i: number) => `MSI (s) (7C:2C) [13:45:${String(i % 60).padStart(2, '0')}:123]: Doing action: Step${i}\r\n`;
const BANNER = '=== Verbose logging started: 1/17/2023  13:45:00  Build type: SHIP UNICODE 5.00.10011.00  Calling process: C:\\Windows\\system32\\msiexec.exe ===\r\n';

function utf16(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  return order === 'le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), le]) : Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
}

/** The text's parts as the model keeps them: 'bytes' or 'string' with their lengths. */
const kept = (log: LogFile) => log.toData().data.chunks.map((p) => (p instanceof Uint8Array ? `bytes ${p.length}` : typeof p === 'string' ? `string ${p.length}` : 'other'));

test('an ASCII UTF-16 log is kept as one piece of bytes, and reads as its UTF-8 twin', () => {
  const lines = [BANNER];
  for (let i = 0; i < 400; i++) lines.push(msiLine(i));
  const text = lines.join('');
  for (const order of ['le', 'be'] as const) {
    // Pieces of 4 KB: a string would be decoded in about 9 of them.
    const log = LogFile.fromBytes(utf16(text, order), {}, { piece: 4096 });
    assert.equal(log.encoding, order === 'le' ? 'utf-16le' : 'utf-16be');
    assert.deepEqual(kept(log), [`bytes ${text.length}`], order);
    assert.equal(log.text(), text);
    assertCoverage(log);
    assert.equal(log.format, 'msi');
    const twin = LogFile.fromBytes(Buffer.from(text, 'utf8'));
    assert.deepEqual({ ...snapshot(log), encoding: '', byteLength: 0 }, { ...snapshot(twin), encoding: '', byteLength: 0 }, order);
  }
});

test('a UTF-16 log with one character past ASCII is a string, read as TextDecoder reads it', () => {
  for (const odd of ['é', '€', '😀']) {
    const text = BANNER + msiLine(1) + msiLine(2).replace('Step2', `Step2 ${odd}`) + msiLine(3);
    const log = LogFile.fromBytes(utf16(text, 'le'));
    assert.equal(log.text(), text, odd);
    assert.deepEqual(kept(log), [`string ${text.length}`], odd);
    assert.equal(log.entryCount, 4, odd);
  }
});

/** Code units of every kind: ASCII, Latin-1, wider, paired and lone surrogates, line breaks, NUL. */
const unit = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.constantFrom(0x0a, 0x0d, 0x00, 0x09),
  fc.integer({ min: 0x80, max: 0xff }),
  fc.integer({ min: 0x100, max: 0xd7ff }),
  fc.integer({ min: 0xd800, max: 0xdfff }),
  fc.integer({ min: 0xe000, max: 0xffff }),
);

test('any UTF-16 text reads as TextDecoder reads it, in either order, in pieces, at an odd address', () => {
  fc.assert(fc.property(
    fc.array(fc.oneof({ weight: 4, arbitrary: fc.constant(0x41) }, unit), { maxLength: 300 }),
    fc.constantFrom('le' as const, 'be' as const),
    fc.boolean(),
    fc.integer({ min: 2, max: 64 }),
    (units, order, odd, piece) => {
      const le = Buffer.from(Uint16Array.from(units).buffer);
      const body = order === 'le' ? le : Buffer.from(le).swap16();
      const bom = order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
      const file = Buffer.concat([Buffer.from(odd ? [0x00, ...bom] : bom), body]);
      const bytes = odd ? file.subarray(1) : file;
      const want = new TextDecoder(order === 'le' ? 'utf-16le' : 'utf-16be').decode(bytes);
      // A high surrogate that ends the file waits for its pair.
      const last = units[units.length - 1];
      const expected = last >= 0xd800 && last <= 0xdbff ? want.slice(0, -1) : want;
      const log = LogFile.fromBytes(bytes, {}, { piece: piece * 2 });
      assert.equal(log.text(), expected);
      assertCoverage(log);
    },
  ), { numRuns: 400 });
});

/** What the readers are given for each code unit: the unit, or 255 above 255. */
const reference = (units: number[]) => Uint8Array.from(units, (u) => (u > 255 ? 255 : u));

test('the kernel narrows code units as the readers take them (above 255: 255, 0x8000 and up too), any count, after longer work', () => {
  fc.assert(fc.property(fc.array(unit, { maxLength: 70_000 }), fc.array(unit, { maxLength: 40 }), (long, short) => {
    for (const units of [long, short]) {
      // From bytes (a UTF-16LE file) and from a string (text the editor decoded), by the kernel and
      // by the loops the extension's bundle has in its place.
      const bytes = Buffer.from(Uint16Array.from(units).buffer);
      const text = String.fromCharCode(...units.slice(0, 30_000));
      for (const [le, str] of [[narrowUtf16Le, codeUnits], [LOOP_NARROWING.le, (t: string) => { const o = new Uint8Array(t.length); LOOP_NARROWING.string(t, o); return o; }]] as const) {
        const out = new Uint8Array(units.length);
        const or = le(bytes, units.length, out);
        assert.deepEqual(out, reference(units));
        assert.equal(or, units.reduce((a, u) => a | u, 0));
        assert.deepEqual(new Uint8Array(str(text)), reference(units.slice(0, 30_000)));
      }
    }
  }), { numRuns: 30 });
});

test('a process that reads logs narrows with the kernel, not the loops (the scanner loads it)', () => {
  // In a process of its own: this file imports the kernel itself.
  const script = `import { narrowing, LOOP_NARROWING } from './server/src/parse/decode.ts';
await import('./server/src/logFile.ts');
process.stdout.write(String(narrowing.le !== LOOP_NARROWING.le && narrowing.string !== LOOP_NARROWING.string));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' });
  assert.equal(out, 'true');
});
