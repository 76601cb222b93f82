// Markdown of our rule explanations as plain text (SARIF's `text` beside its `markdown`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plainOfMarkdown } from '../../server/src/explain/plainMarkdown';

test('code spans become their quoted text; bold marks and escapes go', () => {
  assert.equal(plainOfMarkdown('smsts.log says (`Failed to run the action: <step>.` with `(Error: <code>)`).'),
    'smsts.log says ("Failed to run the action: <step>." with "(Error: <code>)").');
  assert.equal(plainOfMarkdown('the 5-minute **delta** syncs'), 'the 5-minute delta syncs');
  assert.equal(plainOfMarkdown('a literal \\* and \\`'), 'a literal * and `');
  assert.equal(plainOfMarkdown('``a ` b``'), '"a ` b"', 'a longer fence holds a backtick');
  assert.equal(plainOfMarkdown('`` `x` ``'), '"`x`"', 'one space each side is the fence\'s');
});

test('what is not Markdown stays as written', () => {
  assert.equal(plainOfMarkdown('remove leftover *.ipi files; C:\\Windows\\ccmsetup'), 'remove leftover *.ipi files; C:\\Windows\\ccmsetup');
  assert.equal(plainOfMarkdown('an unclosed ` backtick, and ``two``` runs'), 'an unclosed ` backtick, and ``two``` runs');
});

test('many runs that close nothing: linear, not a search to the end from each', () => {
  // Runs of 1, 2, ... 1500 backticks, none closed: a search from each opener reads ~10^9 characters.
  const parts: string[] = [];
  for (let n = 1; n <= 1500; n++) parts.push('`'.repeat(n));
  const text = parts.join('x');
  const t0 = performance.now();
  assert.equal(plainOfMarkdown(text), text);
  assert.ok(performance.now() - t0 < 1000, `${performance.now() - t0} ms`);
});
