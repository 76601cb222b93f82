// The admin's own rules (.cmlog/rules.json): validation messages, matching with $1..$9, and the
// time budget that turns a catastrophic pattern into a "skipped" finding instead of a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import { runRules, type LogInput } from '../../server/src/rules';
import { relativeMatcher } from '../../server/src/workspace/globs';
import { fillMessage, parseUserRules, userRules, type UserRuleData } from '../../server/src/rules/userRules';

const cm = (msg: string, comp = 'AppEnforce') =>
  `<![LOG[${msg}]LOG]!><time="10:00:00.000+000" date="01-02-2026" component="${comp}" context="" type="1" thread="1" file="">\r\n`;
const input = (name: string, text: string): LogInput => ({ key: `/logs/${name}`, name, log: LogFile.fromText(text) });
// Log names are matched case-insensitively (Windows names).
const names = (glob: string) => relativeMatcher(glob, true);
const spec = (over: Record<string, unknown> = {}) => JSON.stringify({ rules: [{ id: 'exit', logs: 'AppEnforce*.log', pattern: 'exit code \\((\\d+)\\) is (\\w+)', severity: 'error', message: 'Exit $1 ($2)', explanation: 'why', ...over }] });

test('user rules: a valid file gives prefixed rules whose messages use the groups', () => {
  const { specs, problems } = parseUserRules(spec(), 'rules.json');
  assert.deepEqual(problems, []);
  const [rule] = userRules(specs, 'rules.json', names);
  assert.equal(rule!.id, 'user:exit');
  const log = input('AppEnforce.log', cm('Hello') + cm('Unmatched EXIT CODE (1603) is considered an execution failure.'));
  const { findings } = runRules(log, { logs: [log] }, {}, [rule!]);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.line, 1);
  assert.equal(findings[0]!.message, 'Exit 1603 (considered)');
  assert.equal(findings[0]!.severity, 'error');
  // The glob is on the file name: another log is not read.
  assert.deepEqual(runRules(input('ccmsetup.log', cm('exit code (1) is x')), { logs: [] }, {}, [rule!]).findings, []);
  assert.equal(fillMessage('$1 costs $$5, $9', ['a']), 'a costs $5, ');
});

test('user rules: bad JSON is reported with its line and column', () => {
  const { specs, problems } = parseUserRules('{\n  "rules": [\n    { "id": "x", }\n  ]\n}', 'rules.json');
  assert.equal(specs.length, 0);
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /^rules\.json: not valid JSON at line 3, column 18: Expected/);
});

test('user rules: bad regex, unknown field, missing field and bad severity each say so; the valid rules stay', () => {
  const text = JSON.stringify({ rules: [
    { id: 'a', pattern: '(', severity: 'error', message: 'm' },
    { id: 'b', pattern: 'x', severity: 'error', message: 'm', colour: 'red' },
    { id: 'c', severity: 'error', message: 'm' },
    { id: 'd', pattern: 'x', severity: 'fatal', message: 'm' },
    { id: 'ok', pattern: 'x', severity: 'hint', message: 'm' },
  ], extra: 1 });
  const { specs, problems } = parseUserRules(text, 'f');
  assert.deepEqual(specs.map((s) => s.id), ['ok']);
  assert.equal(specs[0]!.logs, '*.log');
  const all = problems.join('\n');
  assert.match(all, /f: unknown field "extra"/);
  assert.match(all, /rule 1 \("a"\): "pattern" is not a valid regular expression/);
  assert.match(all, /rule 2 \("b"\): unknown field "colour"/);
  assert.match(all, /rule 3 \("c"\): missing field "pattern"/);
  assert.match(all, /rule 4 \("d"\): "severity" must be error, warning, information or hint, got "fatal"/);
});

test('user rules: a catastrophic pattern is skipped after its budget with a finding that says so, and the next rule still runs', { timeout: 20_000 }, () => {
  const { specs } = parseUserRules(JSON.stringify({ rules: [
    { id: 'slow', pattern: '(a+)+$', severity: 'error', message: 'never' },
    { id: 'fast', pattern: '^(a)a', severity: 'warning', message: 'found $1' },
  ] }), 'rules.json');
  const catalog = userRules(specs, 'rules.json', names, 300);
  const log = input('x.log', cm('a'.repeat(5000) + 'b'));
  const started = Date.now();
  const { findings } = runRules(log, { logs: [log] }, {}, catalog);
  assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
  const slow = findings.find((f) => f.ruleId === 'user:slow');
  assert.equal((slow?.data as UserRuleData).skipped, 'timeout');
  assert.match(slow!.message, /was skipped in this file: its pattern ran longer than 300 ms/);
  assert.deepEqual(findings.filter((f) => f.ruleId === 'user:fast').map((f) => f.message), ['found a']);
});

test('user rules: a pattern that throws as it runs (the regex stack overflows on a long line) is reported, and the process lives on', { timeout: 30_000 }, () => {
  const { specs } = parseUserRules(JSON.stringify({ rules: [
    { id: 'deep', pattern: '^(a|b)*c', severity: 'error', message: 'never' },
    { id: 'fast', pattern: '^(a)b', severity: 'warning', message: 'found $1' },
  ] }), 'rules.json');
  // A budget long enough that only the throw, not the clock, can end the first rule here.
  const catalog = userRules(specs, 'rules.json', names, 20_000);
  const log = input('x.log', cm('ab'.repeat(3_000_000)));
  const { findings } = runRules(log, { logs: [log] }, {}, catalog);
  const deep = findings.find((f) => f.ruleId === 'user:deep');
  assert.equal((deep?.data as UserRuleData).skipped, 'error', JSON.stringify(deep));
  assert.match(deep!.message, /was skipped in this file: its pattern failed as it ran/);
  assert.deepEqual(findings.filter((f) => f.ruleId === 'user:fast').map((f) => f.message), ['found a']);
});

test('user rules: a refused pattern is not run again on the same unchanged file; the refusal is reported once, and changed content runs again', { timeout: 30_000 }, () => {
  const { specs } = parseUserRules(JSON.stringify({ rules: [{ id: 'memo', pattern: '(a+)+$', severity: 'error', message: 'never' }] }), 'rules.json');
  const budget = 1500;
  const [rule] = userRules(specs, 'rules.json', names, budget);
  const text = cm('a'.repeat(5000) + 'b');
  const timed = (log: LogInput) => {
    const started = Date.now();
    const findings = rule!.check(log, { logs: [log] });
    return { findings, ms: Date.now() - started };
  };
  const first = timed(input('memo.log', text));
  assert.ok(first.ms >= budget, `the first run spends the budget (${first.ms} ms)`);
  assert.equal(first.findings.length, 1);
  assert.equal((first.findings[0]!.data as UserRuleData).skipped, 'timeout');
  // The same content again (a new parse of it, as a re-validation makes): no budget spent, the same one finding.
  const again = timed(input('memo.log', text));
  assert.ok(again.ms < budget / 3, `a re-validation of the same content took ${again.ms} ms`);
  assert.deepEqual(again.findings, first.findings);
  // Content that changed is run again (and refused again, at the cost of the budget).
  const changed = timed(input('memo.log', text + cm('a'.repeat(5000) + 'c')));
  assert.ok(changed.ms >= budget, `changed content is run again (${changed.ms} ms)`);
  assert.equal((changed.findings[0]!.data as UserRuleData).skipped, 'timeout');
});
