// A lens or its list that leaves logs out for want of an offset says which: "3 logs without offset
// left out" alone leaves the reader to guess. The lens counts them (once per file), the list names them all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile, type LogInput } from '../../server/src/logFile';
import { codeLenses, lensDefaults } from '../../server/src/features/codeLens';
import { relatedAnswer, relatedNearest } from '../../server/src/features/relatedNearest';
import { leftOutNote } from '../../server/src/explain/logLabel';
import { Timeline } from '../../server/src/workspace/timeline';
import { rules } from '../../server/src/rules';
import { baseName } from '../../server/src/uri';
import { relatedItems, relatedTitle } from '../../client/src/relatedItems';

const rec = (msg: string, time: string, type = 1, bias = '+000') =>
  `<![LOG[${msg}]LOG]!><time="${time}${bias}" date="03-04-2024" component="C" context="" type="${type}" thread="1" file="">`;
const input = (path: string, lines: string[]): LogInput => ({ key: `file:///cases/${path}`, name: baseName(path), log: LogFile.fromText(lines.join('\r\n')) });
const machineOf = (key: string) => key.slice('file:///cases/'.length).split('/')[0];

const anchor = input('PC1/CcmExec.log', [rec('Failed', '10:00:00.000', 3)]);
const near = input('PC1/LocationServices.log', [rec('near', '10:00:01.000')]);
const noOffset = ['PC1/IntuneManagementExtension.log', 'PC2/AgentExecutor.log', 'PC2/HealthScripts.log'].map((p) => input(p, [rec('x', '10:00:00.500', 1, '')]));
const logs = [anchor, near, ...noOffset];

test('the note: a count, the first names, and how many more', () => {
  assert.equal(leftOutNote(1, ['a.log']), '1 log without offset left out: a.log');
  assert.equal(leftOutNote(3, ['a.log', 'b.log', 'c.log']), '3 logs without offset left out: a.log, b.log and 1 more');
  assert.equal(leftOutNote(0, []), '');
});

test('the lens counts the logs it left out (its list names them): a title stays short', () => {
  const [lens] = codeLenses(anchor.key, anchor.log, [], new Timeline(logs), lensDefaults, false, rules, machineOf);
  assert.equal(lens.command?.title, '⇄ 1 entry in 1 other log within ±5 s · nearest +1 s LocationServices.log · 3 logs without offset left out');
});

test('its list names every log left out, each a row that opens it, as the lens names them; the title says how many', () => {
  const answer = relatedAnswer(anchor.key, relatedNearest(new Timeline(logs), anchor.key, 0, 5000), 5, baseName, machineOf);
  assert.deepEqual(answer.unknownOffsetNames, ['IntuneManagementExtension.log', 'PC2 › AgentExecutor.log', 'PC2 › HealthScripts.log']);
  const items = relatedItems(answer);
  assert.deepEqual(items.map((i) => [i.label, !!i.separator, i.uri]), [
    ['+1 s  LocationServices.log', false, near.key],
    ['Left out: no offset, UTC unknown', true, ''],
    ['IntuneManagementExtension.log', false, noOffset[0].key],
    ['PC2 › AgentExecutor.log', false, noOffset[1].key],
    ['PC2 › HealthScripts.log', false, noOffset[2].key],
  ]);
  assert.equal(relatedTitle(answer), '1 entry in 1 other log within ±5 s · 3 logs without offset left out: IntuneManagementExtension.log, PC2 › AgentExecutor.log and 1 more');
});
