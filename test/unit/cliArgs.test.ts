// The command line's arguments (node:util parseArgs underneath): negative numbers are values, both
// as the value of an option (`--default-offset -60`, as the help writes it) and as a positional
// (`lookup -2147024891`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs, UsageError } from '../../server/src/cli/args';

test('a negative number after an option that takes a value is its value', () => {
  const a = parseArgs(['--default-offset', '-60', 'x.log'], ['default-offset'], []);
  assert.equal(a.options.get('default-offset'), '-60');
  assert.deepEqual(a.positional, ['x.log']);
  assert.equal(parseArgs(['--default-offset=-60', 'x.log'], ['default-offset'], []).options.get('default-offset'), '-60');
});

test('a negative number elsewhere is a positional; a flag before it does not take it', () => {
  assert.deepEqual(parseArgs(['-2147024891'], ['format'], []).positional, ['-2147024891']);
  const a = parseArgs(['--include-self', '-5', 'f.log'], ['window'], ['include-self']);
  assert.equal(a.options.get('include-self'), true);
  // (Negative numbers come after the other positionals: no command takes both.)
  assert.deepEqual(a.positional, ['f.log', '-5']);
});

test('unknown options are usage errors', () => {
  assert.throws(() => parseArgs(['--bogus'], [], []), UsageError);
});
