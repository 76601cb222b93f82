// PSADT's own exit codes (60001: an error in the deployment script) are knowledge in one place: `cmlog
// lookup`, the code hover on `exit code [60001]` and the psadt-failed finding all say them, beside the
// Windows reading of the same number; the Windows/MSI codes keep their own meaning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lookupCommand } from '../../server/src/cli/lookup';
import { hoverMarkdown } from '../../server/src/explain';
import { explainErrorCode, psadtExitCodeText } from '../../server/src/explain/errorCode';
import { describePsadtExitCode, PSADT_AUTHOR_RANGES, PSADT_EXIT_CODES, PSADT_OWN_RANGE } from '../../server/src/knowledge/psadtExitCodes';
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

test('describePsadtExitCode: a listed code, else the toolkit\'s range or the author\'s, and nothing past their edges', () => {
  for (const e of PSADT_EXIT_CODES) assert.equal(describePsadtExitCode(e.code), e, String(e.code));
  assert.match(describePsadtExitCode(60001)!.meaning, /error in the deployment script/);
  for (const n of [60000, 60500, 68999]) assert.match(describePsadtExitCode(n)!.meaning, /reserves for its own codes.*lists no meaning/, String(n));
  for (const n of [69000, 69999, 70000, 79999]) assert.match(describePsadtExitCode(n)!.meaning, /script author's own codes/, String(n));
  for (const n of [59999, 80000, 1603, 5, 0]) assert.equal(describePsadtExitCode(n), undefined, String(n));
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
  assert.deepEqual(json.psadtExitCode, { code: 60001, owner: 'toolkit', meaning: p.meaning, source: p.source });
  assert.equal(json.alternatives[0].readAs, 'hex');
  assert.equal(json.alternatives[0].psadtExitCode, null, 'the hex reading 0x60001 is no PSADT code');
});

test('lookup 70000 / 69001 / 60500 says whose code it is as its meaning does: the author\'s, not the toolkit\'s', async () => {
  for (const [input, whose, not] of [['70000', /a code of the deployment script's author/, /toolkit's own/], ['69001', /a code of the deployment script's author/, /toolkit's own/],
    ['60500', /one of the toolkit's own codes/, /script's author,/]] as const) {
    const out = (await lookup(input)).out;
    const at = out.indexOf(`As the exit code of a PowerShell App Deployment Toolkit (PSADT) deployment, ${input} `);
    assert.ok(at >= 0, out);
    const said = out.slice(at);
    assert.match(said, whose, input);
    assert.doesNotMatch(said, not, input);
    assert.ok(said.includes(describePsadtExitCode(Number(input))!.meaning), input);
  }
  // The plain text is the explain module's, beside its Markdown: lookup says exactly it.
  assert.ok((await lookup('70000')).out.includes(psadtExitCodeText(70000)!));
  assert.equal(psadtExitCodeText(1603), null);
});

test('lookup of a Windows or MSI code says nothing of PSADT; 1722 keeps its MSI meaning', async () => {
  for (const input of ['1603', '0x80070643', '5']) {
    assert.doesNotMatch((await lookup(input)).out, /PSADT/, input);
    assert.equal(JSON.parse((await lookup('--format', 'json', input)).out).psadtExitCode, null, input);
  }
  assert.match((await lookup('1722')).out, /Windows Installer message 1722/);
});

test('the hover on `exit code [60001]` in a PSADT log says the toolkit\'s meaning, first, and no "unknown" Windows reading', () => {
  const text = v4(0, 'Open-ADTSession', 'Info', 'Session opened') +
    v4(1, 'Close-ADTSession', 'Error', '[Contoso App 1.0] install completed with exit code [60001].') +
    v4(2, 'Start-ADTMsiProcess', 'Error', 'Execution failed with exit code [1603].');
  const input: LogInput = { key: 'k', name: 'Contoso_App_1.0_Install.log', log: LogFile.fromText(text) };
  const md = hoverMarkdown(input, { logs: [input] }, text.indexOf('60001') + 2, [], undefined, 'cmlog.lookupErrorCode')!;
  assert.ok(md, 'a hover on the code');
  assert.match(md, /^\*\*As a PSADT exit code 60001\*\*/);
  assert.ok(md.includes(describePsadtExitCode(60001)!.meaning));
  // No Windows source names 60001: its "Unknown" beside the toolkit's meaning read as a contradiction.
  assert.doesNotMatch(md, /Unknown|0x0000EA61/);
  // Looked up as written, in decimal, so the lookup says the toolkit's meaning too.
  assert.match(md, /\[Look up 60001\]\(command:cmlog\.lookupErrorCode\?%5B%2260001%22%5D/);
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

/** The psadt-failed findings of a v4 log whose session ends with each of `codes`. */
function psadtFindings(...codes: number[]): Finding<SignatureData>[] {
  const text = v4(0, 'Open-ADTSession', 'Info', 'Session opened') +
    codes.map((n, k) => v4(k + 1, 'Close-ADTSession', 'Error', `[Contoso App 1.0] install completed with exit code [${n}].`)).join('');
  const input: LogInput = { key: 'k', name: 'Contoso_App_1.0_Install.log', log: LogFile.fromText(text) };
  return runRules(input, { logs: [input] }).findings.filter((f) => f.ruleId === 'psadt-failed') as Finding<SignatureData>[];
}

test('psadt-failed says the range of an unlisted toolkit or author code, as the hover and lookup do, one finding per code', () => {
  const fs = psadtFindings(60500, 69001, 70000);
  assert.deepEqual(fs.map((f) => f.data!.fields.exitCode), ['60500', '69001', '70000']);
  for (const f of fs) {
    const meaning = describePsadtExitCode(Number(f.data!.fields.exitCode))!.meaning;
    assert.equal(f.data!.meaning, meaning);
    assert.ok(f.message.includes(meaning), f.message);
  }
});

test('psadt-failed says "PSADT" once, and a toolkit code\'s meaning without the hex form of a Windows code', () => {
  const [f] = psadtFindings(60008);
  assert.equal(f!.message.match(/PSADT/g)?.length, 1, f!.message);
  assert.doesNotMatch(f!.message, /0x0000EA68/);
  assert.equal(f!.data!.code, undefined, 'the hover says no Windows code beside the toolkit\'s meaning');
  // An installer's code keeps its Windows form and meaning.
  const [msi] = psadtFindings(1603);
  assert.match(msi!.message, /^PSADT: completed with exit code \[1603\] \(0x00000643: /);
  assert.equal(msi!.data!.code, '0x00000643');
});

test('psadt-failed\'s explanation writes the toolkit\'s ranges from the knowledge', () => {
  const rule = rules.find((r) => r.id === 'psadt-failed')!;
  for (const r of [PSADT_OWN_RANGE, ...PSADT_AUTHOR_RANGES]) assert.ok(rule.explanation!.includes(`${r.first}-${r.last}`), `${r.first}-${r.last}`);
});

test('"Look Up Error Code" in the editor says a decimal number\'s PSADT and MSI meanings, as `cmlog lookup` does', () => {
  const psadt = explainErrorCode('60001')!;
  assert.match(psadt, /As a PSADT exit code 60001/);
  assert.ok(psadt.includes(describePsadtExitCode(60001)!.meaning));
  const msi = explainErrorCode('1722')!;
  assert.match(msi, /ERROR_|1722/);
  assert.match(msi, /As Windows Installer message 1722/);
  // Written in hexadecimal it is a Windows code only.
  assert.doesNotMatch(explainErrorCode('0xEA61')!, /PSADT/);
  assert.doesNotMatch(explainErrorCode('0x6BA')!, /Windows Installer message/);
});
