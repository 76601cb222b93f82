// The signatures of the logs found by their content (CBS/DISM, WindowsUpdate.log, PSADT, Company
// Portal, the macOS agent): each names the failure and its code's meaning, stays quiet on the
// harmless lines of the same log (CBS writes many `Failed ...` lines about probes), and gives one
// finding per code per file with the count, however many times the log repeats it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LogFile } from '../../server/src/logFile';
import type { Finding } from '../../server/src/model';
import { rules, runRules, type LogInput } from '../../server/src/rules';
import { MAX_CODES, type SignatureData } from '../../server/src/rules/signatures';

const FIX = path.resolve(__dirname, '../fixtures/rules/signatures');
const IDS = new Set(['cbs-source-missing', 'windows-update-failed', 'psadt-failed', 'company-portal-install-failed']);

function findings(log: LogFile, name: string): Finding<SignatureData>[] {
  const l: LogInput = { key: name, name, log };
  const { findings: all, failures } = runRules(l, { logs: [l] });
  assert.deepEqual(failures, []);
  return all.filter((f) => IDS.has(f.ruleId)) as Finding<SignatureData>[];
}
const fixture = (rel: string, name = path.basename(rel)) => findings(LogFile.fromBytes(readFileSync(path.join(FIX, rel))), name);
const cbsLine = (s: number, level: string, text: string) => `2026-01-15 10:00:${String(s % 60).padStart(2, '0')}, ${level.padEnd(22)}CBS    ${text}\r\n`;

test('cbs-source-missing: CBS_E_SOURCE_MISSING once per code with its count and the remedy; harmless CBS failures stay quiet', () => {
  const fs = fixture('cbs/CBS.log');
  assert.deepEqual(fs.map((f) => [f.line + 1, f.data!.code, f.data!.count]), [[5, '0x800F081F', 3], [8, '0x800F0906', 1]]);
  assert.match(fs[0]!.message, /CBS_E_SOURCE_MISSING/);
  assert.match(fs[1]!.message, /CBS_E_DOWNLOAD_FAILURE/);
  assert.deepEqual(fs[0]!.related!.map((r) => r.line + 1), [6, 7]);
  const dism = fixture('cbs/dism.log');
  assert.deepEqual(dism.map((f) => [f.line + 1, f.data!.code]), [[2, '0x800F081F']]);
  // The same CBS.log under a rotated name (CbsPersist_*.log) is found by its component.
  assert.equal(fixture('cbs/CBS.log', 'CbsPersist_20260115100000.log').length, 2);
  const quiet = cbsLine(1, 'Info', 'Failed to internally open package. [HRESULT = 0x800f0805 - CBS_E_INVALID_PACKAGE]') +
    cbsLine(2, 'Info', 'Failed to get session package state [HRESULT = 0x80070490 - ERROR_NOT_FOUND]') +
    cbsLine(3, 'Info', 'Exec: Processing complete, Session: 1_2, Package: Foo [HRESULT = 0x0 - S_OK]');
  assert.deepEqual(findings(LogFile.fromText(quiet), 'CBS.log'), []);
});

test('cbs-source-missing: 0x800F0907 (policy) is found; the remedy names /Source, /LimitAccess and the Group Policy', () => {
  const fs = findings(LogFile.fromText(cbsLine(1, 'Info', 'Starting') + cbsLine(2, 'Error', 'Failed to download payload [HRESULT = 0x800f0907 - CBS_E_GROUPPOLICY_DISALLOWED]')), 'CBS.log');
  assert.deepEqual(fs.map((f) => f.data!.code), ['0x800F0907']);
  const rule = runRulesCatalog('cbs-source-missing');
  assert.match(rule.explanation, /\/Source:/);
  assert.match(rule.explanation, /\/LimitAccess/);
  assert.match(rule.explanation, /Specify settings for optional component installation and component repair/);
  assert.match(rule.explanation, /WSUS/);
});

test('one finding per code per file, bounded: many codes make at most MAX_CODES + 1 findings, and every match is counted', () => {
  let text = cbsLine(0, 'Info', 'Starting');
  const n = 3000;
  // One code said thousands of times: one finding. Then more distinct codes than the bound (WindowsUpdate.log).
  for (let i = 0; i < n; i++) text += cbsLine(i, 'Error', 'Failed to perform operation.  [HRESULT = 0x800f081f - CBS_E_SOURCE_MISSING]');
  const fs = findings(LogFile.fromText(text), 'CBS.log');
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.data!.count, n);
  assert.ok(fs[0]!.related!.length <= 50, 'the related list is bounded');
  let wu = '';
  for (let i = 0; i < 200; i++) wu += `2026/01/15 10:22:59.1234567 3696  8172  ComApi          * END * Search ClientId = UpdateOrchestrator failed 0x8024${(0x1000 + i).toString(16)}\r\n`;
  wu += '2026/01/15 10:23:00.0000001 1200  4404  DownloadManager Download job completed\r\n';
  const many = findings(LogFile.fromText(wu), 'WindowsUpdate.log');
  assert.equal(many.length, MAX_CODES + 1);
  assert.equal(many.reduce((s, f) => s + f.data!.count!, 0), 200);
});

test('windows-update-failed: a failed search, download or install with the code\'s WU_E_ name; successes stay quiet', () => {
  const fs = fixture('windowsupdate/WindowsUpdate.log');
  assert.deepEqual(fs.map((f) => [f.line + 1, f.data!.code, f.data!.count]), [[2, '0x80240438', 2], [6, '0x80070643', 1]]);
  assert.match(fs[0]!.message, /WU_E_PT_ENDPOINT_UNREACHABLE/);
  assert.deepEqual(fs[0]!.related!.map((r) => r.line + 1), [5]);
  // Found by its format too: a decoded log saved under another name.
  assert.equal(fixture('windowsupdate/WindowsUpdate.log', 'wu-2026-01-15.log').length, 2);
});

test('psadt-failed: v4 and v3 failures with the MSI code\'s meaning; 0 and 3010 are successes', () => {
  const v4 = fixture('psadt/Contoso_App_1.0_Install.log');
  assert.deepEqual(v4.map((f) => [f.line + 1, f.data!.fields.exitCode, f.data!.count]), [[3, '1603', 2]]);
  assert.match(v4[0]!.message, /fatal error during installation/);
  const v3 = fixture('psadt/Contoso_App_1.0_PSAppDeployToolkit_Install.log');
  assert.deepEqual(v3.map((f) => [f.line + 1, f.data!.fields.exitCode]), [[2, '1618']]);
  assert.match(v3[0]!.message, /another installation was in progress/);
});

test('company-portal-install-failed: Company Portal\'s HRESULT and the macOS agent\'s Install failed; other lines stay quiet', () => {
  const portal = fixture('portal/Log_1.log');
  assert.deepEqual(portal.map((f) => [f.line + 1, f.data!.code]), [[2, '0x80070643']]);
  assert.match(portal[0]!.message, /ERROR_INSTALL_FAILURE/);
  const mac = fixture('portal/IntuneMDMDaemon.log');
  assert.deepEqual(mac.map((f) => f.line + 1), [2]);
  assert.equal(mac[0]!.data!.code, undefined, 'a macOS status is not read as a Windows code');
});

function runRulesCatalog(id: string) { return rules.find((r) => r.id === id)!; }
