// The Outline: a group is a run of one component's consecutive errors and warnings, so no group's
// range holds another group's records (the breadcrumbs name the innermost symbol at the cursor).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol } from 'vscode-languageserver';
import { LogFile } from '../../server/src/logFile';
import { documentSymbols, RESULT_LIMIT } from '../../server/src/features/symbols';
import type { Finding } from '../../server/src/model';
import type { Rule } from '../../server/src/rules/types';

const rec = (msg: string, component: string, type: string, time = '08:00:01.000') =>
  `<![LOG[${msg}]LOG]!><time="${time}+000" date="03-15-2026" component="${component}" context="" type="${type}" thread="1" file="">`;

function outline(lines: string[], limit?: number): DocumentSymbol[] {
  const text = lines.join('\r\n') + '\r\n';
  return documentSymbols(TextDocument.create('file:///x.log', 'cmlog', 1, text), LogFile.fromText(text), undefined, limit);
}
const inside = (s: DocumentSymbol, line: number) => s.range.start.line <= line && line <= s.range.end.line;
const total = (groups: DocumentSymbol[]) => groups.reduce((n, g) => n + 1 + g.children!.length, 0);

test('a component B warning between two A errors: its line is in no A group, and B has its own group', () => {
  const groups = outline([rec('a1', 'A', '3'), rec('b1', 'B', '2'), rec('a2', 'A', '3')]);
  assert.deepEqual(groups.map((g) => [g.name, g.children!.map((c) => c.name)]), [['A', ['a1']], ['B', ['b1']], ['A', ['a2']]]);
  assert.deepEqual(groups.filter((g) => inside(g, 1)).map((g) => g.name), ['B']);
  // Groups follow one another: none holds another's record.
  for (let k = 1; k < groups.length; k++) assert.ok(groups[k - 1].range.end.line < groups[k].range.start.line);
});

test('a run keeps one component\'s records together across other components\' unflagged records; its detail is its time span', () => {
  const groups = outline([
    rec('a1', 'A', '3', '08:00:01.000'), rec('info', 'B', '1'), rec('a2', 'A', '2', '08:05:00.250'),
    rec('b1', 'B', '3', '09:00:00.000'),
  ]);
  assert.deepEqual(groups.map((g) => [g.name, g.children!.length, g.detail]), [
    ['A', 2, '2026-03-15 08:00:01.000 – 08:05:00.250'],
    ['B', 1, '2026-03-15 09:00:00.000'],
  ]);
  assert.deepEqual([groups[0].range.start.line, groups[0].range.end.line], [0, 2]);
});

test('the limit counts groups and records; a group opens only with room for a record', () => {
  const groups = outline([rec('a1', 'A', '3'), rec('a2', 'A', '3'), rec('b1', 'B', '3')], 3);
  assert.deepEqual(groups.map((g) => [g.name, g.children!.length]), [['A', 2]]);
  assert.deepEqual(outline([rec('a1', 'A', '3'), rec('b1', 'B', '3')], 3).map((g) => g.name), ['A']);
});

test('100,000 errors alternating between two components: the reply stays at RESULT_LIMIT symbols', () => {
  const lines: string[] = [];
  for (let k = 0; k < 100_000; k++) lines.push(rec(`e${k}`, k % 2 ? 'B' : 'A', '3'));
  const groups = outline(lines);
  assert.equal(total(groups), RESULT_LIMIT);
  assert.equal(groups.length, RESULT_LIMIT / 2);
  assert.deepEqual(groups.slice(0, 3).map((g) => [g.name, g.children![0].name]), [['A', 'e0'], ['B', 'e1'], ['A', 'e2']]);
});

const finding = (line: number, ruleId = 'r', severity: Finding['severity'] = 'warning'): Finding =>
  ({ ruleId, severity, file: 'x.log', line, endLine: line, message: 'm' });
const rule = (id: string, title: string) => ({ id, title }) as Rule;

test('problems follow the record groups in one "Problems" group, named by rule title (escaped) and line', () => {
  const lines = [rec('info', 'A', '1'), rec('a1', 'A', '3'), rec('info', 'A', '1')];
  const text = lines.join('\r\n') + '\r\n';
  const groups = documentSymbols(TextDocument.create('file:///x.log', 'cmlog', 1, text), LogFile.fromText(text), {
    findings: [finding(0, 'r'), finding(2, 'unknown-rule', 'error'), finding(99, 'r')],
    rules: [rule('r', 'Tenant\u001b missing')],
  });
  assert.deepEqual(groups.map((g) => g.name), ['A', 'Problems']);
  // A line the document no longer has (findings of an older version) is left out.
  assert.deepEqual(groups[1].children!.map((c) => [c.name, c.selectionRange.start.line]), [
    ['Tenant\\x1b missing (line 1)', 0], ['unknown-rule (line 3)', 2],
  ]);
  assert.deepEqual([groups[1].range.start.line, groups[1].range.end.line], [0, 2]);
});

test('100,000 problems and 100,000 errors: problems take at most half the limit, records the rest', () => {
  const lines: string[] = [];
  const findings: Finding[] = [];
  for (let k = 0; k < 100_000; k++) {
    lines.push(rec(`e${k}`, k % 2 ? 'B' : 'A', '3'));
    findings.push(finding(k));
  }
  const text = lines.join('\r\n') + '\r\n';
  const groups = documentSymbols(TextDocument.create('file:///x.log', 'cmlog', 1, text), LogFile.fromText(text), { findings, rules: [] });
  const problems = groups.at(-1)!;
  assert.equal(problems.name, 'Problems');
  assert.equal(1 + problems.children!.length, RESULT_LIMIT / 2);
  assert.equal(problems.detail, `${RESULT_LIMIT / 2 - 1} of 100000`);
  assert.equal(total(groups), RESULT_LIMIT);
});
