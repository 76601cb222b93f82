// "Look Up Error Code" with nothing selected offers the code the cursor is in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeAtCursor } from '../../client/src/codeAtCursor';
import { parseErrorCode } from '../../server/src/knowledge/errorCodes';

/** The line with `|` where the cursor is. */
const at = (marked: string) => codeAtCursor(marked.replace('|', ''), marked.indexOf('|'));

test('the code the cursor is in, at its start, inside or at its end', () => {
  assert.equal(at('Execution failed with exit code [6|0001].'), '60001');
  assert.equal(at('Execution failed with exit code [|60001].'), '60001');
  assert.equal(at('Execution failed with exit code [60001|].'), '60001');
  assert.equal(at('Install failed: 0x8007|0005, access denied'), '0x80070005');
  assert.equal(at('hr=|0x87D00324'), '0x87D00324');
  assert.equal(at('returned -214702|4891'), '-2147024891');
  for (const code of ['60001', '0x80070005', '-2147024891']) assert.notEqual(parseErrorCode(code), undefined, code);
});

test('nothing when the cursor is not in a code, or the digits are part of a longer word', () => {
  assert.equal(at('Install |failed with 1603'), undefined);
  assert.equal(at('{6F9619FF-8B86-D011-B42D-00C04F|C964FF}'), undefined);
  assert.equal(at('C:\\Windows\\ccmcache\\a|b12\\setup.exe'), undefined);
  assert.equal(at('build 1|9045x'), undefined);
  assert.equal(at('|'), undefined);
  // A time, date or version under the cursor.
  assert.equal(at('<time="0|8:00:00.000+000" date="01-15-2024"'), undefined);
  assert.equal(at('date="01-1|5-2024"'), undefined);
  assert.equal(at('build 10.0.19|045'), undefined);
  // A code at the end of a sentence, or negative, still is one.
  assert.equal(at('failed with 160|3.'), '1603');
});

test('a long line is looked at only near the cursor', () => {
  const line = '0x80070005 ' + 'x'.repeat(1_000_000) + ' 1603';
  assert.equal(codeAtCursor(line, line.length - 2), '1603');
  assert.equal(codeAtCursor(line, 500_000), undefined);
});
