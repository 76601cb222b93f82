// Every public sample log in test/fixtures/corpus (origin and licence there), with the format, encoding and counts checked by eye.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { LogFile } from '../../server/src/logFile';
import { Severity } from '../../server/src/model';
import { assertCoverage, lineCountOf } from '../support/model';

const CORPUS = path.resolve(__dirname, '../fixtures/corpus');

// [format, encoding, entries, unparsed spans, truncated entries]
const expected: Record<string, [string, string, number, number, number]> = {
  'cbs/clean/CBS.log': ['cbs', 'utf-8', 2, 0, 0],
  'ccm/clean/basic.log': ['ccm', 'utf-8', 3, 0, 0],
  'ccm/malformed/broken_timestamp.log': ['ccm', 'utf-8', 4, 0, 0],
  'ccm/malformed/truncated.log': ['ccm', 'utf-8', 3, 0, 1],
  'dism/clean/dism.log': ['cbs', 'utf-8', 2, 0, 0],
  'ime/multiline/HealthScripts.log': ['ccm', 'utf-8', 2, 0, 0],
  'ime/sparse/ClientHealth.log': ['ccm', 'utf-8', 3, 0, 1],
  'intune-portal-windows-logs-v12-0-0-encoding-utf16le/Log_1.log': ['portal', 'utf-16le', 2, 0, 0],
  'intune-portal-windows-logs-v12-0-0-encoding-utf8-bom/Log_1.log': ['portal', 'utf-8-bom', 2, 0, 0],
  'intune_device_inventory/clean/InventoryAdaptor.log_': ['inventory', 'utf-8', 2, 0, 0],
  'plain/unstructured.txt': ['plain', 'utf-8', 0, 1, 0],
  'psadt/clean/Deploy-Application.log': ['psadt', 'utf-8', 2, 0, 0],
  'simple/clean/basic.log': ['sms', 'utf-8', 3, 0, 0],
  'timeline/scenario_logs_only/agent.log': ['ccm', 'utf-8', 4, 0, 0],
  'timeline/scenario_logs_only/network.log': ['ccm', 'utf-8', 4, 0, 0],
  'timeline/scenario_multiple_failures/AgentExecutor.log': ['ccm', 'utf-8', 4, 0, 0],
  'timeline/scenario_multiple_failures/IntuneManagementExtension.log': ['ccm', 'utf-8', 4, 0, 0],
  'timeline/scenario_win32app_failure/AgentExecutor.log': ['ccm', 'utf-8', 5, 0, 0],
  'timeline/scenario_win32app_failure/IntuneManagementExtension.log': ['ccm', 'utf-8', 3, 0, 0],
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

test('every corpus log is listed here (a new sample must be checked by eye)', () => {
  const files = walk(CORPUS).map((p) => path.relative(CORPUS, p).split(path.sep).join('/')).filter((p) => !/^(SOURCE\.md|LICENSE)$/.test(p));
  assert.deepEqual(files.sort(), Object.keys(expected).sort());
});

for (const [rel, [format, encoding, entries, spans, truncated]] of Object.entries(expected)) {
  test(`corpus ${rel}`, () => {
    const bytes = readFileSync(path.join(CORPUS, rel));
    const log = LogFile.fromBytes(bytes);
    assertCoverage(log);
    assert.equal(log.format, format);
    assert.equal(log.encoding, encoding);
    assert.equal(log.entryCount, entries);
    assert.equal(log.spans.count, spans);
    assert.equal(log.byteLength, bytes.length);
    assert.equal(log.lineCount, lineCountOf(log.text()));
    let cut = 0;
    for (let i = 0; i < log.entryCount; i++) if (log.entry(i).truncated) cut++;
    assert.equal(cut, truncated);
  });
}

test('corpus details: multi-line IME record, 7-digit fractions, unpadded dates, bad time fields', () => {
  const hs = LogFile.fromBytes(readFileSync(path.join(CORPUS, 'ime/multiline/HealthScripts.log')));
  const e = hs.entry(1);
  assert.equal(e.line, 1);
  assert.equal(e.endLine, 16);
  assert.equal(e.severity, Severity.Error);
  assert.match(e.message, /^\[HS\] err output = Downloaded profile payload is not valid JSON\.\r?\nAt C:/);
  assert.equal(e.dateText, '3-12-2026');
  assert.equal(e.wall, Date.UTC(2026, 2, 12, 11, 16, 42) + 332.2734);
  assert.equal(e.utc, null);

  const bt = LogFile.fromBytes(readFileSync(path.join(CORPUS, 'ccm/malformed/broken_timestamp.log')));
  assert.deepEqual([0, 1, 2, 3].map((i) => bt.entry(i).wall === null), [false, true, true, false]);

  const le = LogFile.fromBytes(readFileSync(path.join(CORPUS, 'intune-portal-windows-logs-v12-0-0-encoding-utf16le/Log_1.log')));
  assert.match(le.text(), /resumé/);
});
