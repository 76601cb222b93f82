// `--rule ID=LEVEL` with an id no rule has: the error says which ids there are, or the one meant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleSettings } from '../../server/src/cli/check';
import { rules } from '../../server/src/rules';

const message = (value: string) => {
  try { ruleSettings(value); } catch (e) { return (e as Error).message; }
  return assert.fail(`${value} was accepted`);
};

test('an unknown rule id lists the rule ids', () => {
  const m = message('nosuch=off');
  assert.match(m, /^unknown rule 'nosuch': the rules are /);
  for (const r of rules) assert.ok(m.includes(r.id), `${r.id} is not listed`);
  assert.match(m, /user:ID for your own/);
});

test('a mistyped rule id names the nearest one', () => {
  assert.equal(message('msi-action-faild=off'), "unknown rule 'msi-action-faild': did you mean 'msi-action-failed'?");
  assert.equal(message('Truncated-Records=error'), "unknown rule 'Truncated-Records': did you mean 'truncated-record'?");
});

test('a very long unknown id is compared with nothing, and still refused', () => {
  assert.match(message('x'.repeat(100_000) + '=off'), /the rules are /);
});
