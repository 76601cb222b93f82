// PSADT's own exit codes (60001: an error in the deployment script) are knowledge in one place: `cmlog
// lookup`, the code hover on `exit code [60001]` and the psadt-failed finding all say them, beside the
// Windows reading of the same number; the Windows/MSI codes keep their own meaning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lookupCommand } from '../../server/src/cli/lookup';
import { hoverMarkdown } from '../../server/src/explain';
import { describePsadtExitCode, PSADT_EXIT_CODES } from '../../server/src/knowledge/psadtExitCodes';
import { LogFile } from '../../server/src/logFile';
import { runRules, rules, type LogInput } from '../../server/src/rules';
import type { SignatureData } from '../../server/src/rules/signatures';
import type { Finding } from '../../server/src/model';

async function lookup(...argv: string[]) {
  const out: string[] = [];
  const code = await lookupCommand.run(argv, { out: (s) => out.push(s), err: () => {} });
  return { code, out: out.join('\n') };
}

const v4 = (s: number, component: string, level: string, text: string) =>
  `[2026-07-29 09:00:${String(s).padStart(2, '0')}.100] [Install] [${component}] [${level}] :: ${text}\r\n`;

test('the list is the documented one: 60001-60013, each with the toolkit\'s documentation as source', () => {
  assert.deepEqual(PSADT_EXIT_CODES.map((e) => e.code), Array.from({ length: 13 }, (_, i) => 60001 + i));
  for (const e of PSADT_EXIT_CODES) assert.match(e.source, /psappdeploytoolkit\.com\/docs\/reference\/exit-codes/);
  assert.match(describePsadtExitCode(60001)!.meaning, /error in the deployment script/);
  assert.match(describePsadtExitCode(60500)!.meaning, /reserves for its own codes.*lists no meaning/);
  assert.match(describePsadtExitCode(69001)!.meaning, /script author's own codes/);
  for (const n of [1603, 59999, 80000, 5]) assert.equal(describePsadtExitCode(n), undefined, String(n));
});

test('lookup 60001: the Windows reading and the PSADT meaning, each said where it applies', async () => {
  const p = describePsadtExitCode(60001)!;
  for (const input of ['60001', '+60001']) {
    const r = await lookup(input);
    assert.equal(r.code, 0);
    assert.match(r.out, /Error code 0x0000EA61/);
    const at = r.out.indexOf('As the exit code of a PowerShell App Deployment Toolkit (PSADT) deployment, 60001');
    assert.ok(at >= 0, r.out);
    assert.ok(r.out.slice(at).includes(p.meaning));
    assert.ok(r.out.slice(at).includes('psappdeploytoolkit.com'));
  }
  const json = JSON.parse((await lookup('--format', 'json', '60001')).out);
  assert.equal(json.readAs, 'decimal');
  assert.deepEqual(json.psadtExitCode, { code: 60001, meaning: p.meaning, source: p.source });
  assert.equal(json.alternatives[0].readAs, 'hex');
  assert.equal(json.alternatives[0].psadtExitCode, null, 'the hex reading 0x60001 is no PSADT code');
});

test('lookup of a Windows or MSI code says nothing of PSADT; 1722 keeps its MSI meaning', async () => {
  for (const input of ['1603', '0x80070643', '5']) {
    assert.doesNotMatch((await lookup(input)).out, /PSADT/, input);
    assert.equal(JSON.parse((await lookup('--format', 'json', input)).out).psadtExitCode, null, input);
  }
  assert.match((await lookup('1722')).out, /Windows Installer message 1722/);
});

test('the hover on `exit code [60001]` in a PSADT log says the Windows reading and the toolkit\'s meaning', () => {
  const text = v4(0, 'Open-ADTSession', 'Info', 'Session opened') +
    v4(1, 'Close-ADTSession', 'Error', '[Contoso App 1.0] install completed with exit code [60001].') +
    v4(2, 'Start-ADTMsiProcess', 'Error', 'Execution failed with exit code [1603].');
  const input: LogInput = { key: 'k', name: 'Contoso_App_1.0_Install.log', log: LogFile.fromText(text) };
  const md = hoverMarkdown(input, { logs: [input] }, text.indexOf('60001') + 2, [])!;
  assert.ok(md, 'a hover on the code');
  assert.match(md, /Error code 0x0000EA61/);
  assert.match(md, /As a PSADT exit code 60001/);
  assert.ok(md.includes(describePsadtExitCode(60001)!.meaning));
  // An installer's code in the same brackets is the Windows code alone.
  const msi = hoverMarkdown(input, { logs: [input] }, text.indexOf('1603') + 1, [])!;
  assert.match(msi, /ERROR_INSTALL_FAILURE/);
  assert.doesNotMatch(msi, /PSADT/);
});

test('psadt-failed takes the toolkit\'s meaning from the knowledge, not text of its own', () => {
  const text = v4(0, 'Open-ADTSession', 'Info', 'Session opened') +
    v4(1, 'Close-ADTSession', 'Error', '[Contoso App 1.0] install completed with exit code [60008].');
  const input: LogInput = { key: 'k', name: 'Contoso_App_1.0_Install.log', log: LogFile.fromText(text) };
  const fs = runRules(input, { logs: [input] }).findings.filter((f) => f.ruleId === 'psadt-failed') as Finding<SignatureData>[];
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.data!.fields.exitCode, '60008');
  assert.ok(fs[0]!.message.includes(describePsadtExitCode(60008)!.meaning), fs[0]!.message);
  const rule = rules.find((r) => r.id === 'psadt-failed')!;
  assert.doesNotMatch(rule.explanation ?? '', /60001: an error/, 'no meaning written twice');
});
