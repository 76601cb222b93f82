// What the CLI's outputs call each severity comes from severity.ts, the one place for severity
// knowledge: every record and finding severity has its OpenTelemetry pair and SARIF level there,
// and `cmlog export` / `check --format sarif` write exactly those.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { problemRow, writeEntries, lineWriter } from '../../server/src/cli/export';
import { sarifWriter } from '../../server/src/cli/sarif';
import { LogFile } from '../../server/src/logFile';
import { Writable } from 'node:stream';
import { findingSeverities, otelFindingSeverity, otelRecordSeverity, sarifLevel, type FindingSeverity } from '../../server/src/severity';

const ccm = (msg: string, type: number) =>
  `<![LOG[${msg}]LOG]!><time="08:00:00.000+000" date="3-15-2026" component="C" context="" type="${type}" thread="1" file="">\r\n`;

test('the tables: OpenTelemetry SeverityText/Number and SARIF levels, as the outputs have always written them', () => {
  assert.deepEqual([0, 1, 2, 3].map((s) => otelRecordSeverity[s as 0 | 1 | 2 | 3]), [['INFO', 9], ['INFO', 9], ['WARN', 13], ['ERROR', 17]]);
  assert.deepEqual(findingSeverities.map((s) => otelFindingSeverity[s]), [['ERROR', 17], ['WARN', 13], ['INFO', 9], ['DEBUG', 5]]);
  assert.deepEqual(findingSeverities.map((s) => sarifLevel[s]), ['error', 'warning', 'note', 'note']);
});

test('export rows and SARIF results use the tables for every severity', async () => {
  const log = LogFile.fromText([0, 1, 2, 3].map((t) => ccm(`type ${t}`, t)).join(''));
  let text = '';
  const w = lineWriter(new Writable({ write(c, _e, done) { text += String(c); done(); } }));
  await writeEntries(w, { key: 'a.log', name: 'a.log', log });
  await w.flush();
  const rows = text.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(rows.map((r) => [r.severity_text, r.severity_number]), [0, 1, 2, 3].map((s) => [...otelRecordSeverity[s as 0 | 1 | 2 | 3]]));

  const finding = (severity: FindingSeverity) => ({ ruleId: 'r', severity, file: 'a.log', line: 0, endLine: 0, message: 'm' });
  for (const s of findingSeverities) {
    const row = JSON.parse(problemRow({ key: 'a.log', name: 'a.log', log }, finding(s)));
    assert.deepEqual([row.severity_text, row.severity_number], [...otelFindingSeverity[s]], s);
  }
  const out: string[] = [];
  const sarif = sarifWriter({ out: (x) => out.push(x), err: () => {} }, []);
  for (const s of findingSeverities) sarif.result(finding(s));
  sarif.end([], true);
  const doc = JSON.parse(out.join('\n'));
  assert.deepEqual(doc.runs[0].results.map((r: { level: string }) => r.level), findingSeverities.map((s) => sarifLevel[s]));
});
