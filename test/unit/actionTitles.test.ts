// Every title the extension shows for a code action or a command is in Title Case, as VS Code's own
// are ("Look Up Error 0x80070005", "Go to Next Error Record"): each rule's actions, the lookup the
// code actions add, and the commands package.json contributes. After a colon comes the named thing
// itself ("Copy SQL: Is the Azure AD tenant onboarded?"), which keeps its own case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CodeActionParams } from 'vscode-languageserver';
import { codeActions } from '../../server/src/features/codeActions';
import type { Finding } from '../../server/src/model';
import { rules, type Rule } from '../../server/src/rules';

/** Words that stay lower case inside a Title Case title (articles, conjunctions, short prepositions). */
const MINOR = new Set(['a', 'an', 'the', 'and', 'or', 'nor', 'but', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'to', 'with']);

/** The words of `title` (before any colon) that break Title Case. */
function offCase(title: string): string[] {
  const words = title.split(':')[0]!.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  return words.filter((w, k) => {
    const lower = w.toLowerCase();
    if (k > 0 && k < words.length - 1 && MINOR.has(lower)) return w !== lower;
    return !/^\p{Lu}/u.test(w);
  });
}

test('the case rule: sentence case and a capitalised small word are caught', () => {
  assert.deepEqual(offCase('Copy what to do'), ['what', 'do']);
  assert.deepEqual(offCase('Go To Line'), ['To']);
  assert.deepEqual(offCase('Look Up Error 0x80070005'), []);
  assert.deepEqual(offCase('Copy SQL: Is the tenant onboarded?'), []);
});

const finding = (ruleId: string): Finding => ({ ruleId, severity: 'error', file: '/logs/x.log', line: 0, endLine: 0, message: 'Install failed with 0x80070005' });

test('every rule\'s code actions, and the error code lookup, are titled in Title Case', () => {
  const titles: string[] = [];
  for (const rule of rules as readonly Rule[]) for (const a of rule.actions?.(finding(rule.id)) ?? []) titles.push(a.title);
  assert.ok(titles.length > 0, 'the catalog offers actions');
  const withActions = rules.find((r) => r.actions)!;
  const d = { code: withActions.id, message: '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
  const params: CodeActionParams = { textDocument: { uri: 'file:///logs/x.log' }, range: d.range, context: { diagnostics: [d] } };
  const offered = codeActions(params, [finding(withActions.id)], rules).map((a) => a.title);
  assert.ok(offered.some((t) => t.startsWith('Look Up Error')), 'the lookup is among them');
  for (const title of new Set([...titles, ...offered])) assert.deepEqual(offCase(title), [], title);
});

test('every command package.json contributes is titled in Title Case', () => {
  const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { contributes: { commands: { title: string }[] } };
  assert.ok(pkg.contributes.commands.length > 0);
  for (const { title } of pkg.contributes.commands) assert.deepEqual(offCase(title), [], title);
});
