// The "Tests" section, checked over the whole built-in catalog: every rule fires on a fixture
// under test/fixtures/rules, next to healthy records it leaves alone; and the real corpus
// (test/fixtures/corpus) gives no false error or warning from any rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { LogFile } from '../../server/src/logFile';
import type { Finding } from '../../server/src/model';
import { rules, runRules, type LogInput } from '../../server/src/rules';

const ROOT = path.resolve(__dirname, '../..');
const walk = (dir: string): string[] => readdirSync(dir).sort().flatMap((n) => {
  const p = path.join(dir, n);
  return statSync(p).isDirectory() ? walk(p) : [p];
});
const logsUnder = (rel: string): LogInput[] => walk(path.join(ROOT, rel))
  .filter((f) => !/\.(md|txt|json)$/i.test(f) && path.basename(f) !== 'LICENSE')
  .map((f) => ({ key: path.relative(ROOT, f).split(path.sep).join('/'), name: path.basename(f), log: LogFile.fromBytes(readFileSync(f)) }));

/** Every finding of the built-in catalog, each log read with the logs of its folder as context. */
function allFindings(inputs: LogInput[]): { input: LogInput; finding: Finding }[] {
  return inputs.flatMap((input) => {
    const context = { logs: inputs.filter((o) => path.posix.dirname(o.key) === path.posix.dirname(input.key)) };
    return runRules(input, context).findings.map((finding) => ({ input, finding }));
  });
}

test('every built-in rule fires on a fixture, and each such fixture holds healthy records the rule leaves quiet', () => {
  const found = allFindings(logsUnder('test/fixtures/rules'));
  for (const rule of rules) {
    const mine = found.filter((x) => x.finding.ruleId === rule.id);
    assert.ok(mine.length > 0, `${rule.id}: no fixture under test/fixtures/rules makes it fire`);
    const byFile = new Map<LogInput, Set<number>>();
    for (const { input, finding } of mine) {
      const lines = byFile.get(input) ?? new Set<number>();
      for (let l = finding.line; l <= finding.endLine; l++) lines.add(l);
      for (const r of finding.related ?? []) if (r.file === input.key) lines.add(r.line);
      byFile.set(input, lines);
    }
    for (const [input, flagged] of byFile) {
      let quiet = 0;
      for (let i = 0; i < input.log.entryCount; i++) if (!flagged.has(input.log.line(i))) quiet++;
      assert.ok(quiet > 0, `${rule.id}: ${input.key} has no healthy neighbour (every record is flagged)`);
    }
  }
});

test('the real corpus gives no false error or warning from any rule: only its two cut-off records, as information', () => {
  const inputs = logsUnder('test/fixtures/corpus');
  assert.ok(inputs.length >= 10);
  const got = allFindings(inputs).map(({ input, finding }) => `${finding.severity} ${input.key}:${finding.line + 1} ${finding.ruleId}`);
  assert.deepEqual(got, [
    'information test/fixtures/corpus/ccm/malformed/truncated.log:2 truncated-record',
    'information test/fixtures/corpus/ime/sparse/ClientHealth.log:4 truncated-record',
  ]);
});
