// task-sequence-failure on fixtures written from smsts.log's documented strings (test/fixtures/rules/README.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LogFile } from '../../server/src/logFile';
import { rules, runRules, type LogInput } from '../../server/src/rules';
import { taskSequenceFailure, TASK_SEQUENCE_FAILURE, type TaskSequenceFailureData } from '../../server/src/rules/taskSequence';

const ROOT = path.resolve(__dirname, '../..');
const load = (rel: string, name = path.basename(rel)): LogInput =>
  ({ key: rel, name, log: LogFile.fromBytes(readFileSync(path.join(ROOT, rel))) });
const FAILED = 'test/fixtures/rules/task-sequence/smsts-20240314-100503.log';

test('task-sequence-failure: one problem for the failed step, naming the step and the error with its meaning; the abort lines are related', () => {
  const log = load(FAILED);
  const found = taskSequenceFailure.check(log, { logs: [log] });
  assert.equal(found.length, 1);
  const f = found[0]!;
  assert.equal(f.line, 3);
  assert.equal(f.endLine, 4);
  assert.equal(f.severity, 'error');
  assert.match(f.message, /step "Install Contoso Agent" failed with 0x80004005 \(E_FAIL/);
  assert.match(f.message, /Unspecified error/);
  assert.match(f.message, /group \(Install Applications\) was aborted/);
  assert.deepEqual(f.data as TaskSequenceFailureData, { step: 'Install Contoso Agent', code: '0x80004005', group: 'Install Applications' });
  assert.deepEqual(f.related?.map((r) => r.line), [5, 6, 7, 8]);
});

test('task-sequence-failure: is in the catalog and runs on smsts.log under any of its names', () => {
  assert.ok(rules.some((r) => r.id === TASK_SEQUENCE_FAILURE));
  for (const name of ['smsts.log', 'SMSTS.LOG', 'smsts-20240314-100503.log', 'smsts.lo_']) {
    const { findings } = runRules(load(FAILED, name), { logs: [] });
    assert.equal(findings.filter((f) => f.ruleId === TASK_SEQUENCE_FAILURE).length, 1, name);
  }
  const other = runRules(load(FAILED, 'AppEnforce.log'), { logs: [] }).findings;
  assert.equal(other.filter((f) => f.ruleId === TASK_SEQUENCE_FAILURE).length, 0);
});

test('task-sequence-failure: successful steps stay quiet', () => {
  const log = load('test/fixtures/rules/task-sequence-healthy/smsts.log');
  assert.deepEqual(taskSequenceFailure.check(log, { logs: [log] }), []);
});

test('task-sequence-failure: the engine failure alone (step line cut off) is one problem, its other lines related', () => {
  const rec = (m: string, t: string) => `<![LOG[${m}]LOG]!><time="10:05:0${t}.000+000" date="03-14-2024" component="TSManager" context="" type="3" thread="1" file="">\n`;
  const text = rec('Task Sequence Engine failed! Code: enExecutionFail', '1') + rec('Task sequence execution failed with error code 80070002', '2') +
    rec('Task Sequence Engine failed! Code: enExecutionFail', '3');
  const input: LogInput = { key: 'smsts.log', name: 'smsts.log', log: LogFile.fromBytes(Buffer.from(text)) };
  const found = taskSequenceFailure.check(input, { logs: [] });
  assert.equal(found.length, 2, 'the line after the run\'s last word starts a new story');
  assert.equal(found[0]!.line, 0);
  assert.match(found[0]!.message, /0x80070002/);
  assert.deepEqual(found[0]!.related?.map((r) => r.line), [1]);
});

test('task-sequence-failure: its hover explains the finding: the step, the error decoded, the aborted group, where the cause is', () => {
  const log = load(FAILED);
  const [f] = taskSequenceFailure.check(log, { logs: [log] });
  assert.ok(taskSequenceFailure.explain, 'the rule owns its hover');
  const md = taskSequenceFailure.explain!(f!);
  assert.match(md, /\*\*Task sequence step failed\*\*/);
  assert.match(md, /The step `Install Contoso Agent` failed/);
  assert.match(md, /Error: 0x80004005 \\\(E\\_FAIL/);
  assert.match(md, /group `Install Applications` was aborted/);
  assert.match(md, /lines just before the failed step/);
  // Without the step line it says so, and log text stays inert.
  const bare = taskSequenceFailure.explain!({ ...f!, data: { step: null, code: null, group: '*x* `y`' } });
  assert.match(bare, /line naming the step is not in this log/);
  assert.match(bare, /group `` \*x\* `y` `` was aborted/);
});
