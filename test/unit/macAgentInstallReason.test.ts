// company-portal-install-failed on the macOS agent's log: the line's own reason is in the finding
// (the Windows lines keep their HRESULT and its meaning), bounded, and escaped where it is shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { hoverMarkdown } from '../../server/src/explain';
import { LogFile } from '../../server/src/logFile';
import type { Finding } from '../../server/src/model';
import { runRules, type LogInput } from '../../server/src/rules';
import type { SignatureData } from '../../server/src/rules/signatures';

const FIX = path.resolve(__dirname, '../fixtures/rules/signatures/portal');
const mac = (ms: number, level: string, text: string) =>
  `2026-05-04 16:27:${String(50 + ms).padStart(2, '0')}:288 | IntuneMDM-Daemon | ${level} | 89007856 | AppInstall | ${text}\n`;

function found(input: LogInput): Finding<SignatureData>[] {
  return runRules(input, { logs: [input] }).findings.filter((f) => f.ruleId === 'company-portal-install-failed') as Finding<SignatureData>[];
}
const input = (name: string, text: string): LogInput => ({ key: name, name, log: LogFile.fromText(text) });

test('the macOS agent\'s reason is in the finding; the Windows HRESULT line is said as before', () => {
  const m = found({ key: 'm', name: 'IntuneMDMDaemon.log', log: LogFile.fromBytes(readFileSync(path.join(FIX, 'IntuneMDMDaemon.log'))) });
  assert.deepEqual(m.map((f) => f.message), ['An app install failed: package not signed']);
  assert.equal(m[0]!.data!.fields.reason, 'package not signed');
  const w = found({ key: 'w', name: 'Log_1.log', log: LogFile.fromBytes(readFileSync(path.join(FIX, 'Log_1.log'))) });
  assert.match(w[0]!.message, /^An app install failed \(0x80070643: /);
  assert.equal(w[0]!.data!.fields.reason, undefined);
});

test('a line without a reason says no empty one; a long reason is clipped', () => {
  for (const line of ['Install failed', 'Install failed:   ']) {
    const bare = found(input('IntuneMDMDaemon.log', mac(0, 'I', 'Starting install of com.contoso.app') + mac(1, 'E', line)));
    assert.deepEqual(bare.map((f) => f.message), ['An app install failed'], line);
  }
  const long = found(input('IntuneMDMDaemon.log', mac(0, 'I', 'Starting') + mac(1, 'E', `Install failed: ${'x'.repeat(5000)}`)));
  assert.equal(long.length, 1);
  assert.ok(long[0]!.message.length < 260, String(long[0]!.message.length));
  assert.ok(long[0]!.message.endsWith('…'));
});

test('a hostile reason is escaped in the hover', () => {
  const text = mac(0, 'I', 'Starting') + mac(1, 'E', 'Install failed: [evil](command:x) <img src=y>');
  const l = input('IntuneMDMDaemon.log', text);
  const fs = found(l);
  assert.equal(fs[0]!.data!.fields.reason, '[evil](command:x) <img src=y>');
  const md = hoverMarkdown(l, { logs: [l] }, text.indexOf('Install failed') + 2, fs)!;
  const span = '`[evil](command:x) <img src=y>`';
  assert.ok(md.includes(`- reason: ${span}`), md);
  const outside = md.split(span).join('');
  assert.ok(!outside.includes('](command:') && !outside.includes('<img'), md);
});
