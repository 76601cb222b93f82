// Views that mix logs of several machines name the machine (`DEVICE1 › CloudUserSync.log`): every
// device writes the same file names, so a bare name reads like another device's log or the log
// itself. A view of one machine keeps the bare name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile, type LogInput } from '../../server/src/logFile';
import { codeLenses, lensDefaults } from '../../server/src/features/codeLens';
import { relatedAnswer, relatedNearest } from '../../server/src/features/relatedNearest';
import { logLabels, severalMachines } from '../../server/src/explain/logLabel';
import { tableDetail } from '../../server/src/table/detail';
import { exportRows } from '../../server/src/table/text';
import { TableView } from '../../server/src/table/view';
import { Timeline } from '../../server/src/workspace/timeline';
import { rules } from '../../server/src/rules';
import { baseName } from '../../server/src/uri';

const rec = (msg: string, time: string, type = 1) =>
  `<![LOG[${msg}]LOG]!><time="${time}+000" date="03-04-2024" component="C" context="" type="${type}" thread="1" file="">`;
const input = (path: string, lines: string[]): LogInput => ({ key: `file:///cases/${path}`, name: baseName(path), log: LogFile.fromText(lines.join('\r\n')) });
/** The machine as table/machine.ts finds it under the folder /cases: its top-level folder. */
const machineOf = (key: string) => key.slice('file:///cases/'.length).split('/')[0];

const dev3 = input('DEVICE3/CloudUserSync.log', [rec('Failed', '10:00:00.000', 3)]);
const dev1 = input('DEVICE1/CloudUserSync.log', [rec('near', '10:00:00.753')]);
const dev3b = input('DEVICE3/CcmExec.log', [rec('near', '10:00:00.753')]);

test('labels: the machine only when the logs span several', () => {
  assert.deepEqual(logLabels([{ name: 'a.log', machine: 'PC1' }, { name: 'a.log', machine: 'PC2' }]), ['PC1 › a.log', 'PC2 › a.log']);
  assert.deepEqual(logLabels([{ name: 'a.log', machine: 'PC1' }, { name: 'b.log', machine: 'PC1' }]), ['a.log', 'b.log']);
  assert.equal(severalMachines([]), false);
  assert.equal(severalMachines(['x', 'x', 'y']), true);
});

test('a lens whose nearest log is another machine\'s names that machine; the same machine\'s, the bare name', () => {
  const title = (logs: LogInput[]) => codeLenses(dev3.key, dev3.log, [], new Timeline(logs), lensDefaults, false, rules, machineOf)[0]?.command?.title;
  assert.equal(title([dev3, dev1]), '⇄ 1 entry in 1 other log within ±5 s · nearest +0.753 s DEVICE1 › CloudUserSync.log');
  assert.equal(title([dev3, dev3b]), '⇄ 1 entry in 1 other log within ±5 s · nearest +0.753 s CcmExec.log');
});

test('the lens\'s list names another machine\'s logs with their machine, the anchor\'s own by name (as the lens)', () => {
  const answer = (logs: LogInput[]) => relatedAnswer(dev3.key, relatedNearest(new Timeline(logs), dev3.key, 0, 5000), 5, baseName, machineOf);
  assert.deepEqual(answer([dev3, dev1, dev3b]).locations.map((l) => l.name).sort(), ['CcmExec.log', 'DEVICE1 › CloudUserSync.log']);
  assert.deepEqual(answer([dev3, dev3b]).locations.map((l) => l.name), ['CcmExec.log']);
});

test('the detail\'s same-moment list names another machine\'s log', () => {
  const view = new TableView([{ key: dev3.key, name: dev3.name, log: () => dev3.log, reading: () => false }]);
  const detail = (near: LogInput) => tableDetail(view, 0, {
    findingsOf: () => [], rulesOf: () => rules, placedByFolder: () => false, machineOf,
    related: (key, entry, limit) => relatedNearest(new Timeline([dev3, near]), key, entry, 5000, limit).related,
  })!.sameMoment.map((m) => m.name);
  assert.deepEqual(detail(dev1), ['DEVICE1 › CloudUserSync.log']);
  assert.deepEqual(detail(dev3b), ['CcmExec.log']);
  // Both at once: this record's machine by bare name, as the lens and its list name it.
  const both = tableDetail(view, 0, {
    findingsOf: () => [], rulesOf: () => rules, placedByFolder: () => false, machineOf,
    related: (key, entry, limit) => relatedNearest(new Timeline([dev3, dev1, dev3b]), key, entry, 5000, limit).related,
  })!.sameMoment.map((m) => m.name).sort();
  assert.deepEqual(both, ['CcmExec.log', 'DEVICE1 › CloudUserSync.log']);
});

test('"Open rows as text" names each row\'s log as the table does', () => {
  const src = (l: LogInput) => ({ key: l.key, name: l.name, log: () => l.log, reading: () => false });
  const view = new TableView([src(dev3), src(dev1)]);
  const text = exportRows(view, undefined, logLabels([dev3, dev1].map((l) => ({ name: l.name, machine: machineOf(l.key) })))).text;
  assert.match(text, /^\S+ {2}DEVICE3 › CloudUserSync\.log {2}/);
  assert.match(text.split('\n')[1], /^\S+ {2}DEVICE1 › CloudUserSync\.log {2}/);
});
