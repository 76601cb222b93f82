// Every cmlog setting is checked as package.json declares it; a bad value falls back to its default
// with one message naming the setting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaults, validate } from '../../server/src/features/settings';

test('valid settings are taken as they are, without a message', () => {
  const said: string[] = [];
  const good = { defaultOffset: -300, folderOffsets: { PC01: 420 }, offsetConvention: 'utc-offset', rules: { 'user-not-found': 'error', 'x': 'off' }, problems: { scope: 'openFiles' }, include: ['**/a/**'], codeLens: { enabled: false, windowSeconds: 0.5, severities: ['information'], maxPerFile: 0 }, inlayHints: { enabled: false, component: true, thread: true } };
  assert.deepEqual(validate(good, (m) => said.push(m)), {
    defaultOffset: -300, folderOffsets: { PC01: 420 }, offsetConvention: 'utc-offset', rules: { 'user-not-found': 'error', 'x': 'off' }, problemsScope: 'openFiles', include: ['**/a/**'],
    codeLens: { enabled: false, windowSeconds: 0.5, severities: ['information'], maxPerFile: 0 },
    inlayHints: { enabled: false, component: true, thread: true },
  });
  assert.deepEqual(validate(undefined, (m) => said.push(m)), defaults);
  assert.deepEqual(validate({ defaultOffset: null }, (m) => said.push(m)), defaults);
  assert.deepEqual(said, []);
});

test('each bad value falls back to its default and is named once', () => {
  const said: string[] = [];
  const bad = {
    defaultOffset: 1e6, offsetConvention: 'sideways', rules: { 'truncated-record': 'loud', 'user-not-found': 3, 'aad-token-failure': 'hint' },
    problems: { scope: 'all' }, include: ['**/x', 7], codeLens: { enabled: 'yes', windowSeconds: -1, severities: ['fatal'], maxPerFile: '9' },
  };
  const s = validate(bad, (m) => said.push(m));
  assert.deepEqual(s, { ...defaults, rules: { 'aad-token-failure': 'hint' } });
  const names = ['defaultOffset', 'offsetConvention', 'rules.truncated-record', 'rules.user-not-found', 'problems.scope', 'include', 'codeLens.enabled', 'codeLens.windowSeconds', 'codeLens.severities', 'codeLens.maxPerFile'];
  assert.deepEqual(said.map((m) => /^cmlog\.(\S+):/.exec(m)?.[1]).sort(), names.sort(), said.join('\n'));
  assert.deepEqual(validate({ rules: 'loud' }, () => undefined).rules, {});
  assert.deepEqual(validate([1], () => undefined), defaults);
});

test('a bad value is quoted as JSON, cut short: settings are untrusted text', () => {
  const said: string[] = [];
  validate({ offsetConvention: '\u001b[31m' + 'x'.repeat(500) }, (m) => said.push(m));
  assert.equal(said.length, 1);
  assert.doesNotMatch(said[0], /\u001b/);
  assert.ok(said[0].length < 200, said[0]);
});
