// el()'s attributes: a tooltip and an accessible name (which may hold log text or a file name) show
// control and format characters as escapes, as text does; the page's constant attributes (role,
// data-col...) are set as given, with no escaping pass per cell drawn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attrValue } from '../../client/webview/attrText';

const RLO = '\u202E';

test('title and aria-label show their format characters escaped', () => {
  for (const name of ['title', 'aria-label']) assert.ok(!attrValue(name, `evil${RLO}gol.exe`).includes(RLO), name);
});

test('the page\'s constant attributes are set as given', () => {
  for (const name of ['role', 'data-col', 'aria-hidden', 'type']) assert.equal(attrValue(name, `x${RLO}`), `x${RLO}`, name);
});
