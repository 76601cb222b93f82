// The scanner's optimised code survives from one log to the next when scans run from the event
// loop, as a server's and `npm run bench`'s all do. It depends on the scanner object it ran with:
// once that was collected, V8 threw the code away ("weak objects") and every log's scan started
// unoptimised again, 20-25 % slower (see lastScanners in scan.ts). A child process scans logs of
// both kinds of source in turn, a collection between each, with V8's deopt trace on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { LogFile } from '../../server/src/logFile';

const CHILD = 'CMLOG_SCAN_DEOPT_CHILD';

/** The scanner's methods that ran hot in these logs and lost their code before (the trace names them). */
const SCANNER = ['run', 'ccmRecord', 'legacyLine', 'unparsedLine', 'formatLine', 'continueRecord', 'nameId', 'findNl', 'lineBreakAt', 'absorbBlank', 'readAttributes', 'keywords'];

function logs(): { bytes: Buffer; text: string }[] {
  const pad = (n: number) => String(n).padStart(2, '0');
  const ccm: string[] = [], sms: string[] = [], cbs: string[] = [];
  for (let k = 0; k < 20_000; k++) {
    const t = `${pad(8 + (k % 10))}:${pad(k % 60)}:${pad((k * 7) % 60)}`;
    ccm.push(`<![LOG[Evaluating rule ${k} of policy ${k % 13}]LOG]!><time="${t}.000+420" date="01-15-2024" component="Comp${k % 7}" context="" type="1" thread="${k % 5}" file="">\r\n`);
    sms.push(`Evaluating rule ${k} $$<Comp${k % 7}><01-15-2024 ${t}.000+420><thread=${k % 5} (0x${k % 5})>\r\n`);
    cbs.push(`2024-01-15 ${t}, Info                  CBS    Session ${k} of package ${k % 9}\r\n${k % 20 === 0 ? '    more of it\r\n' : ''}`);
  }
  // As bytes (an ASCII log) and as a string with characters past Latin-1 (a decoded UTF-16 log).
  return [ccm, sms, cbs].map((lines) => ({ bytes: Buffer.from(lines.join(''), 'latin1'), text: lines.join('') + 'Komponente \u4e2d\r\n' }));
}

/** Deoptimised on purpose in the child: the trace must show it, or an empty trace would pass. */
function probe(x: number): number {
  return x * 2;
}

/**
 * Loses its code the way the scanner did, in the child: a method's loop compiled while it runs
 * (on-stack replacement) depends on the object it runs on, which the next collection finds dead.
 * The trace must say so, or a count of none would pass whatever V8 printed.
 */
class WeakProbe {
  n = 0;
  constructor(private readonly bytes: Uint8Array) {}
  probeLines(): number {
    const b = this.bytes;
    for (let i = 0; i < b.length; i++) if (b[i] === 10) this.n++;
    return this.n;
  }
}

if (process.env[CHILD]) {
  new Function('f', '%PrepareFunctionForOptimization(f); f(1); f(2); %OptimizeFunctionOnNextCall(f); f(3);')(probe);
  probe('not a number' as unknown as number);
  const all = logs();
  // From the event loop, as the server's scans run (a scan in a script's first turn kept its code).
  setImmediate(() => {
    const gc = (globalThis as { gc?: () => void }).gc!;
    const lines = Buffer.from('abc\n'.repeat(500_000));
    for (let k = 0; k < 6; k++) {
      gc();
      new WeakProbe(lines).probeLines();
    }
    for (let round = 0; round < 4; round++) {
      for (const { bytes, text } of all) {
        gc();
        LogFile.fromBytes(bytes);
        gc();
        LogFile.fromText(text);
      }
    }
  });
} else {
  test('scans of logs from the event loop, bytes and strings in turn, keep the scanner\'s optimised code', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', '--trace-deopt', '--allow-natives-syntax', __filename], {
      env: { ...process.env, [CHILD]: '1' }, encoding: 'utf8', maxBuffer: 1 << 28,
    });
    assert.equal(r.status, 0, r.stderr.slice(0, 2000));
    assert.match(r.stdout, /deoptimizing [^\n]*<JSFunction probe/, 'the trace shows the probe\'s deopt');
    assert.match(r.stdout, /<SharedFunctionInfo probeLines>\)[^\n]*reason: weak objects/, 'the trace shows code thrown away for a dead object');
    const lost = [...r.stdout.matchAll(/<SharedFunctionInfo (\w+)>\)[^\n]*reason: weak objects/g)].map((m) => m[1]!).filter((name) => SCANNER.includes(name));
    // Compiles run in the background: allow the odd one, never one per log (24 scans here; the
    // code before lost its scanner code on most of them, over 60 times in all).
    assert.ok(lost.length <= 4, `the scanner's code thrown away ${lost.length} times: ${lost.join(', ')}`);
  });
}
