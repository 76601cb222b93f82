// What cmlog says about a wrong command line: the rejected value named, what is wanted said, in
// cmlog's own voice (lower case, like its other messages), with a hint where to look.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs, UsageError } from '../../server/src/cli/args';
import { ruleSettings } from '../../server/src/cli/check';
import { positiveInt } from '../../server/src/cli/timeline';

const messageOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof UsageError, `a usage error, not ${String(e)}`);
    return e.message;
  }
  assert.fail('no usage error');
};

test('--rule ID=LEVEL with a wrong level names the level it rejects', () => {
  assert.equal(messageOf(() => ruleSettings('user-not-found=loud')),
    "--rule user-not-found=loud: 'loud' must be one of off, error, warning, information, hint");
  assert.match(messageOf(() => ruleSettings('user-not-found')), /^--rule user-not-found: give a level, user-not-found=LEVEL/);
  assert.deepEqual(ruleSettings('user-not-found=off'), { 'user-not-found': 'off' });
});

test('an unknown option is said in lower case, with where the options are listed', () => {
  assert.equal(messageOf(() => parseArgs(['--bogus', 'x'], ['format'], [])), "unknown option '--bogus' (cmlog --help lists the options)");
  assert.equal(messageOf(() => parseArgs(['-q'], ['format'], [])), "unknown option '-q' (cmlog --help lists the options)");
  assert.match(messageOf(() => parseArgs(['--format'], ['format'], [])), /^option '--format <value>' argument missing$/);
});

test('--limit says the bound it takes and the value it got', () => {
  for (const bad of ['-1', '0', 'ten', '1.5']) {
    assert.equal(messageOf(() => positiveInt(bad, 'limit')), `--limit takes a whole number of 1 or more (not '${bad}')`);
  }
  assert.equal(positiveInt('1', 'limit'), 1);
  assert.equal(positiveInt('999999999', 'limit'), 999_999_999);
});
