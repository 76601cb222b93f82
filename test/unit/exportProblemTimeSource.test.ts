// `export`'s problem rows say where their timestamp came from, as its entry rows do
// (cmlog.time_source written / assumed / unknown, with the assumed offset and the convention).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { problemRow, type ExportTarget } from '../../server/src/cli/export';
import { LogFile } from '../../server/src/logFile';
import { runRules } from '../../server/src/rules';

const FIX = path.resolve(__dirname, '../fixtures/rules/signatures');

/** The problem rows of a fixture, parsed as `cmlog export` would with `options`. */
function problems(rel: string, options: Parameters<typeof LogFile.fromBytes>[1] = {}) {
  const name = path.basename(rel);
  const target: ExportTarget = { key: rel, name, log: LogFile.fromBytes(readFileSync(path.join(FIX, rel)), { fileName: name, ...options }) };
  const { findings } = runRules(target, { logs: [target] });
  assert.ok(findings.length > 0, `${rel} has a finding`);
  return findings.map((f) => JSON.parse(problemRow(target, f)) as { timestamp: string | null; observed_wall_clock: string | null; attributes: Record<string, unknown> });
}
const source = (a: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(a).filter(([k]) => ['cmlog.time_source', 'cmlog.assumed_offset', 'cmlog.offset_convention'].includes(k)));

test('a problem in a log that writes its offset: written, with the convention, and its UTC timestamp', () => {
  // PSADT's log (by its name): a .NET UTC offset, 09:00:02.200-300 is 14:00:02.200 UTC (UTC = local - offset).
  const [p] = problems('psadt/Contoso_App_1.0_PSAppDeployToolkit_Install.log');
  assert.equal(p!.attributes['cmlog.kind'], 'problem');
  assert.deepEqual(source(p!.attributes), { 'cmlog.time_source': 'written', 'cmlog.offset_convention': 'utc-offset' });
  assert.equal(p!.timestamp, '2026-07-29T14:00:02.200Z');
});

test('a problem in a log with no offset: unknown and no timestamp; with --default-offset: assumed, with the offset', () => {
  const [p] = problems('psadt/Contoso_App_1.0_Install.log');
  assert.deepEqual(source(p!.attributes), { 'cmlog.time_source': 'unknown' });
  assert.equal(p!.timestamp, null);
  assert.equal(p!.observed_wall_clock, '2026-07-29T09:02:01.200');
  const [q] = problems('psadt/Contoso_App_1.0_Install.log', { defaultOffset: 300 });
  assert.deepEqual(source(q!.attributes), { 'cmlog.time_source': 'assumed', 'cmlog.assumed_offset': 300, 'cmlog.offset_convention': 'bias' });
  assert.equal(q!.timestamp, '2026-07-29T14:02:01.200Z');
});

test('a problem in a log stamped in UTC (Company Portal): written, whatever default offset is given', () => {
  for (const options of [{}, { defaultOffset: 300 }]) {
    const [p] = problems('portal/Log_1.log', options);
    assert.equal(p!.attributes['cmlog.time_source'], 'written');
    assert.equal(p!.attributes['cmlog.assumed_offset'], undefined);
    assert.equal(p!.timestamp, '2026-05-04T15:01:00.100Z');
  }
});
