// The rules' own code is compiled once per thread and kept (#18: `cmlog check --jobs N` pays V8's
// compiling again in every worker thread, so code thrown away and compiled again costs each of them).
// A child process checks a few generated logs with V8's deopt trace on; no deoptimisation may be at a
// position in server/src/rules/ (code inlined from elsewhere, e.g. LogFile, is not the rules' to fix).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { LogFile } from '../../server/src/logFile';
import { runRules, type LogInput } from '../../server/src/rules';

const CHILD = 'CMLOG_RULE_DEOPT_CHILD';

/** A CMTrace log of `n` records: mostly the connector's 5-minute cycles, other components between, and a record cut off near the end. */
function log(n: number, seed: number): string {
  const parts: string[] = [];
  const rec = (msg: string, comp: string, k: number) => {
    const s = (k * 7) % 60, m = Math.floor(k / 60) % 60, h = 8 + (Math.floor(k / 3600) % 12);
    const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.000+420`;
    return `<![LOG[${msg}]LOG]!><time="${time}" date="01-15-2024" component="${comp}" context="" type="1" thread="1" file="">`;
  };
  for (let k = 0; k < n; k++) {
    const u = `user${(k + seed) % 50}@contoso.com`;
    switch (k % 6) {
      case 0: parts.push(rec('Starting user delta sync, raise failure status messages = True', 'CloudUserSync', k)); break;
      case 1: parts.push(rec(`NotifyAccountAddition - SCCM user to add = ${u}`, 'CloudUserSync', k)); break;
      case 2: parts.push(rec(`Failed to add user ${u}; reason UserNotFound`, 'CloudUserSync', k)); break;
      case 3: parts.push(rec('Total received users to add from SCCM = 1, Total Successfully added users to Cloud = 0', 'CloudUserSync', k)); break;
      default: parts.push(rec(`Evaluating rule ${k} of policy ${seed}`, 'PolicyAgent', k));
    }
    if (k === n - 10) parts.push('<![LOG[cut off here');
  }
  return parts.join('\r\n') + '\r\n';
}

/** Deoptimised on purpose in the child: the trace must show it, or an empty trace would pass. */
function probe(x: number): number {
  return x * 2;
}

if (process.env[CHILD]) {
  new Function('f', '%PrepareFunctionForOptimization(f); f(1); f(2); %OptimizeFunctionOnNextCall(f); f(3);')(probe);
  probe('not a number' as unknown as number);
  // Several logs, one after the other, as a check thread gets them.
  for (let s = 0; s < 6; s++) {
    const input: LogInput = { key: `d${s}/Log${s}.log`, name: `Log${s}.log`, log: LogFile.fromText(log(30_000, s)) };
    runRules(input, { logs: [input] });
  }
} else {
  test('rules: checking several logs deoptimises none of the rules\' own code', () => {
    // Compiled on the child's own thread: with compiles in the background, when optimised code is
    // installed depends on the machine's load, and with it which records run in which code (the
    // test failed under the whole suite's load and passed alone).
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--trace-deopt-verbose', '--no-concurrent-recompilation', '--no-concurrent-osr', '--allow-natives-syntax', __filename], {
      env: { ...process.env, [CHILD]: '1' }, encoding: 'utf8', maxBuffer: 1 << 28,
    });
    assert.equal(r.status, 0, r.stderr.slice(0, 2000));
    const at = [...r.stdout.matchAll(/;;; deoptimize at <([^>]*)>/g)].map((m) => m[1]!);
    assert.ok(at.some((p) => p.includes('ruleDeopt.test.ts')), `the trace shows the probe's deopt:\n${at.join('\n')}`);
    // Line 2 of a module tsx compiled is its import/export helpers (`get: () => from[key]`, one
    // getter code for every name imported): they deopt when a new name passes through them, by the
    // order V8 happens to see names. The shipped bundles have no such getters: not the rules' code.
    const inRules = at.filter((p) => /server[/\\]src[/\\]rules[/\\]/.test(p) && !/\.ts:2:\d+$/.test(p));
    assert.deepEqual(inRules, [], `deoptimised in the rules:\n${inRules.join('\n')}`);
  });
}
