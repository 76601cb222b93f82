// A rows answer is read against the highlight rules sent with its own request: its rule indexes
// become those rules' colour slots, and the rules it says cannot run are marked, all at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TableRow } from '../../server/src/protocol';
import { highlightRequest, markFailed, slotsOf, type HighlightRule } from '../../client/webview/highlightAnswer';

const rowsWith = (...highlight: number[]) => highlight.map((h) => ({ highlight: h }) as TableRow);

test('an answer to an older request is read against the rules sent with it, not the list as it is now', () => {
  const rules: HighlightRule[] = [{ regex: 'x(', slot: 0 }, { text: 'a', slot: 1 }, { regex: 'y[', slot: 2 }, { regex: 'z', slot: 3, error: 'bad', invalid: true }];
  const asked = highlightRequest(rules);
  assert.deepEqual(asked.highlights, [{ regex: 'x(' }, { text: 'a' }, { regex: 'y[' }], 'a rule marked as not working is not sent');
  // Meanwhile the first rule is removed: rule 1 of the answer is still the text rule (slot 1).
  rules.splice(0, 1);
  const items = rowsWith(1, -1, 2, 7);
  slotsOf(items, asked);
  assert.deepEqual(items.map((r) => r.highlight), [1, -1, 2, -1], 'an index past the list sent colours nothing');
  const said = markFailed(rules, [{ rule: 0, error: 'e0', invalid: true }, { rule: 2, error: 'e2', invalid: true }], asked);
  assert.equal(said, 'Highlight /y[/ is not working: e2', 'the removed rule is not said');
  assert.deepEqual(rules.map((r) => [r.regex ?? r.text, r.error ?? '']), [['a', ''], ['y[', 'e2'], ['z', 'bad']]);
});

test('every rule an answer says cannot run is marked at once and said once, with how many', () => {
  const rules: HighlightRule[] = [{ regex: 'x(', slot: 0 }, { text: 'a', slot: 1 }, { regex: '(a+)+$', slot: 2 }, { regex: 'y[', slot: 3 }];
  const asked = highlightRequest(rules);
  const said = markFailed(rules, [{ rule: 0, error: 'bad', invalid: true }, { rule: 2, error: 'slow' }, { rule: 3, error: 'bad too', invalid: true }], asked);
  assert.equal(said, '3 highlights are not working: /x(/: bad; /(a+)+$/: slow; /y[/: bad too');
  assert.deepEqual(rules.map((r) => [r.error ?? '', !!r.invalid]), [['bad', true], ['', false], ['slow', false], ['bad too', true]]);
  assert.deepEqual(highlightRequest(rules).highlights, [{ text: 'a' }], 'no longer sent');
  // Another page's answer to the same request names them again: nothing more is said.
  assert.equal(markFailed(rules, [{ rule: 0, error: 'bad', invalid: true }], asked), undefined);
});
