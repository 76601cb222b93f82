// A pattern the table cannot use is refused in one sentence: what is wrong, not V8's message
// repeating "invalid regular expression" and the pattern in JavaScript's /.../i.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { userRegex } from '../../server/src/table/userRegex';

const errorOf = (source: string, caseSensitive?: boolean) => {
  const r = userRegex(source, caseSensitive);
  assert.ok('error' in r, `'${source}' should be refused`);
  return r.error;
};

test('a syntax error says what is wrong once, without the /.../i wrapping', () => {
  assert.equal(errorOf('['), 'invalid regular expression: unterminated character class');
  assert.equal(errorOf('x{2,1}', true), 'invalid regular expression: numbers out of order in {} quantifier');
});

test('a pattern that itself holds "/i: " is cut after the wrapping, not inside the pattern', () => {
  assert.equal(errorOf('a/i: b['), 'invalid regular expression: unterminated character class');
});

test('a usable pattern is not refused', () => {
  assert.deepEqual(userRegex('^(start|done)$', false), { source: '^(start|done)$', flags: 'i' });
});
