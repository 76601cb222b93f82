// npm run bench's baseline (bench/util.ts decodeAndCount) decodes the text a 64 KB piece at a time:
// it must count every terminator, one split across two pieces once, in either encoding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeAndCount } from '../../bench/util';

test('the bench baseline counts terminators across its pieces exactly as in the whole text', () => {
  for (const [unit, term] of [['a]LOG]!>b', ']LOG]!>'], ['x$$<', '$$<'], ['l\n', '\n'], ['é€ ]LOG]!>', ']LOG]!>']]) {
    // Repetitions whose lengths put terminators across every place of a piece boundary.
    for (const rep of [1, 7_000, 9_363, 21_845, 40_000]) {
      const text = unit.repeat(rep);
      const want = text.split(term).length - 1;
      assert.equal(decodeAndCount(Buffer.from(text, 'utf8'), term), want, `${JSON.stringify(term)} x${rep} utf-8`);
      assert.equal(decodeAndCount(Buffer.from(text, 'utf16le'), term, 'utf-16le'), want, `${JSON.stringify(term)} x${rep} utf-16le`);
    }
  }
});
