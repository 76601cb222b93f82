// The signature table (#16): every row fires on its fixture (written from the documented strings)
// exactly where expected, the healthy neighbours in the same logs stay quiet, the real corpus gives
// no error from a signature, captures are escaped in hovers, and one log is scanned once for all rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { LogFile } from '../../server/src/logFile';
import type { Finding } from '../../server/src/model';
import { rules, runRules, type LogInput } from '../../server/src/rules';
import { describeErrorCode } from '../../server/src/knowledge/errorCodes';
import { SIGNATURES } from '../../server/src/rules/signatureTable';
import { signatureRules, type SignatureData, type SignatureRow } from '../../server/src/rules/signatures';

const ROOT = path.resolve(__dirname, '../..');
const FIX = 'test/fixtures/rules/signatures';
const IDS = new Set(SIGNATURES.map((r) => r.id));

function load(rel: string, name = path.basename(rel)): LogInput {
  return { key: rel, name, log: LogFile.fromBytes(readFileSync(path.join(ROOT, rel))) };
}
function files(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).sort().flatMap((n) => {
    const rel = `${dir}/${n}`;
    return statSync(path.join(ROOT, rel)).isDirectory() ? files(rel) : [rel];
  });
}
function signatureFindings(l: LogInput): Finding[] {
  const { findings, failures } = runRules(l, { logs: [l] });
  assert.deepEqual(failures, []);
  return findings.filter((f) => IDS.has(f.ruleId));
}
const brief = (fs: Finding[]) => fs.map((f) => `${f.line + 1} ${f.ruleId}`);

/** Per fixture: `line ruleId` of every expected finding (1-based lines); every other line is healthy. */
const EXPECTED: Record<string, string[]> = {
  'appenforce/AppEnforce.log': ['8 app-install-failed', '10 app-install-failed', '11 app-not-detected'],
  'appenforce/AppDiscovery.log': ['3 app-not-discovered'],
  'ccmsetup/ccmsetup.log': ['2 ccmsetup-no-bits', '3 ccmsetup-failed', '5 ccmsetup-msi-failed', '6 ccmsetup-failed', '7 ccmsetup-reboot-required'],
  'wuahandler/WUAHandler.log': ['2 update-scan-failed', '3 update-scan-failed', '4 update-scan-failed', '5 update-server-policy-override'],
  'download/UpdatesHandler.log': ['1 update-download-failed'],
  'download/CIDownloader.log': ['1 content-not-found'],
  'download/ContentTransferManager.log': ['2 content-empty-location'],
  'download/DataTransferService.log': ['1 content-transfer-http-error', '2 content-transfer-http-error', '3 content-transfer-http-error'],
  'ccmhttp/CcmMessaging.log': ['2 ccmhttp-error', '3 cmg-request-refused', '4 ccmhttp-error', '5 cmg-request-refused'],
  'registration/ClientIDManagerStartup.log': ['1 client-registration-loop', '2 client-registration-failed'],
  'registration/healthy/ClientIDManagerStartup.log': [],
  'siteserver/distmgr.log': ['2 package-content-not-arrived'],
  'siteserver/PkgXferMgr.log': ['1 package-transfer-failed', '2 package-transfer-failed'],
  'siteserver/wsyncmgr.log': ['2 wsus-sync-failed'],
  'siteserver/WCM.log': ['2 wsus-config-http-error'],
  'pxe/SMSPXE.log': ['4 pxe-not-serviced'],
  'pxe/CoManagementHandler.log': ['2 comanagement-enroll-failed'],
  'msi/MSI3c2d1.LOG': ['10 msi-action-failed', '14 msi-install-failed'],
  'msi/healthy/install.log': [],
  'cbs/CBS.log': ['5 cbs-source-missing', '8 cbs-source-missing'],
  'cbs/dism.log': ['2 cbs-source-missing'],
  'windowsupdate/WindowsUpdate.log': ['2 windows-update-failed', '6 windows-update-failed'],
  'psadt/Contoso_App_1.0_Install.log': ['3 psadt-failed'],
  'psadt/Contoso_App_1.0_PSAppDeployToolkit_Install.log': ['2 psadt-failed'],
  'portal/Log_1.log': ['2 company-portal-install-failed'],
  'portal/IntuneMDMDaemon.log': ['2 company-portal-install-failed'],
};

test('every fixture is listed with its expected findings, and every row has one', () => {
  assert.deepEqual(files(FIX).map((f) => f.slice(FIX.length + 1)).sort(), Object.keys(EXPECTED).sort());
  const fired = new Set(Object.values(EXPECTED).flat().map((e) => e.split(' ')[1]));
  assert.deepEqual(SIGNATURES.map((r) => r.id).filter((id) => !fired.has(id)), []);
});

for (const [rel, want] of Object.entries(EXPECTED)) {
  test(`signatures on ${rel}: the failures, and nothing on the healthy lines`, () => {
    const l = load(`${FIX}/${rel}`);
    assert.ok(l.log.entryCount >= 3, 'the fixture parsed into records');
    assert.deepEqual(brief(signatureFindings(l)), want);
  });
}

test('the findings carry the captures and the meaning of the code', () => {
  const byLine = (rel: string) => new Map(signatureFindings(load(`${FIX}/${rel}`)).map((f) => [f.line + 1, f as Finding<SignatureData>]));
  const app = byLine('appenforce/AppEnforce.log');
  assert.equal(app.get(8)!.data!.fields.exitCode, '1603');
  assert.match(app.get(8)!.message, /1603.*fatal error during installation/);
  assert.match(app.get(10)!.message, /another installation was in progress/);
  const scan = byLine('wuahandler/WUAHandler.log');
  assert.equal(scan.get(2)!.data!.code, '0x80244022');
  assert.match(scan.get(2)!.message, /WsusPool application pool/);
  assert.match(scan.get(4)!.message, /timeout/);
  assert.equal(scan.get(5)!.data!.fields.server, 'http://wsus.contoso.com:8530');
  const http = byLine('ccmhttp/CcmMessaging.log');
  assert.match(http.get(3)!.message, /403 CMGConnector_Clientcertificaterequired.*client authentication certificate/);
  assert.match(http.get(4)!.message, /TLS handshake failed/);
  const co = byLine('pxe/CoManagementHandler.log');
  assert.match(co.get(2)!.message, /0x80180026: MDM enrolment is blocked on the device, for example by a Group Policy/);
  // A code the row does not know gets the error-code knowledge's words.
  const reg = byLine('registration/ClientIDManagerStartup.log');
  assert.equal(reg.get(2)!.data!.code, '0x80071770');
  const loop = reg.get(1)!;
  assert.equal(loop.data!.count, 3);
  assert.deepEqual(loop.related!.map((r) => r.line + 1), [4, 6]);
});

test('rotated copies (.lo_, dated history) are read like the live log', () => {
  for (const name of ['AppEnforce.lo_', 'AppEnforce-20260115-101500.log']) {
    assert.deepEqual(brief(signatureFindings(load(`${FIX}/appenforce/AppEnforce.log`, name))), EXPECTED['appenforce/AppEnforce.log'], name);
  }
  assert.deepEqual(signatureFindings(load(`${FIX}/appenforce/AppEnforce.log`, 'Other.log')), [], 'another log name is not read');
});

test('a legacy site server log is also found by its component, whatever its file name', () => {
  assert.deepEqual(brief(signatureFindings(load(`${FIX}/siteserver/distmgr.log`, 'renamed.txt'))), ['2 package-content-not-arrived']);
});

test('captured log text is escaped in the hover; the action copies the row\'s own text only', () => {
  const hostile = '[evil](command:x) <img src=y> `tick`';
  const text = `<![LOG[CcmSetup failed with error code 0x80004005]LOG]!><time="10:00:00.000+000" date="01-15-2026" component="ccmsetup" context="" type="3" thread="1" file="">\r\n` +
    `<![LOG[Sync failed: ${hostile}]LOG]!><time="10:00:01.000+000" date="01-15-2026" component="x" context="" type="3" thread="1" file="">\r\n`;
  const l: LogInput = { key: 'k', name: 'wsyncmgr.log', log: LogFile.fromText(text) };
  const f = signatureFindings(l).find((x) => x.ruleId === 'wsus-sync-failed')!;
  const rule = rules.find((r) => r.id === 'wsus-sync-failed')!;
  const md = rule.explain!(f);
  const span = '`` [evil](command:x) <img src=y> `tick` ``';
  assert.ok(md.includes(`- reason: ${span}`), 'the capture is shown as a code span');
  const outside = md.split(span).join('');
  assert.ok(!outside.includes('](command:') && !outside.includes('<img'), md);
  assert.ok(md.includes('**What to do:**'));
  assert.deepEqual(rule.actions!(f).map((a) => a.copy), [SIGNATURES.find((r) => r.id === 'wsus-sync-failed')!.remedy]);
});

test('one pass over a log serves every row; a log that grows is scanned again', () => {
  let reads = 0;
  const rows: SignatureRow[] = [
    { id: 'a', title: 'a', severity: 'error', logs: ['x.log'], pattern: /^alpha/i, message: 'a', explanation: '', remedy: '', sources: [] },
    { id: 'b', title: 'b', severity: 'error', logs: ['x.log'], pattern: /^beta/i, message: 'b', explanation: '', remedy: '', sources: [] },
  ];
  const [a, b] = signatureRules(rows);
  const line = (m: string) => `<![LOG[${m}]LOG]!><time="10:00:00.000+000" date="01-15-2026" component="c" context="" type="1" thread="1" file="">\r\n`;
  const log = LogFile.fromText(line('alpha') + line('beta') + line('gamma'));
  const counted = new Proxy(log, { get: (t, p) => (p === 'messageStart' ? (reads++, t.messageStart.bind(t)) : Reflect.get(t, p, t)) }) as LogFile;
  const target: LogInput = { key: 'x', name: 'x.log', log: counted };
  assert.equal(a!.check(target, { logs: [] }).length, 1);
  assert.equal(b!.check(target, { logs: [] }).length, 1);
  assert.equal(reads, 3, 'each record read once for both rows');
  log.appendText(line('beta'));
  assert.equal(b!.check(target, { logs: [] }).length, 2, 'the appended record is seen');
  assert.equal(reads, 7);
});

test('the engine refuses a row it could not run safely', () => {
  const row: SignatureRow = { id: 'z', title: 'z', severity: 'error', logs: ['x.log'], pattern: /^z/, message: '', explanation: '', remedy: '', sources: [] };
  assert.throws(() => signatureRules([row]), /case-insensitive/);
  assert.throws(() => signatureRules([{ ...row, pattern: /^z/gi }]), /global/);
  assert.throws(() => signatureRules([{ ...row, pattern: /^z/i, logs: [] }]), /names no log/);
});

test('the real corpus gives no error from a signature', () => {
  const corpus = files('test/fixtures/corpus').filter((f) => !/\.(md|txt)$/i.test(f) && !f.endsWith('LICENSE'));
  assert.ok(corpus.length >= 10);
  const errors = corpus.flatMap((rel) => signatureFindings(load(rel)).filter((f) => f.severity === 'error').map((f) => `${rel}:${f.line + 1} ${f.ruleId}`));
  assert.deepEqual(errors, []);
});

test('signatures: the co-management sources are the pages that document its codes (checked against Microsoft Learn)', () => {
  const row = SIGNATURES.find((r) => r.id === 'comanagement-enroll-failed')!;
  assert.deepEqual(row.sources.map((s) => s.split(' ')[0]), [
    'https://learn.microsoft.com/troubleshoot/mem/intune/comanage-configmgr/troubleshoot-co-management-auto-enrolling',
    'https://learn.microsoft.com/windows/win32/mdmreg/mdm-registration-constants',
  ]);
  assert.match(describeErrorCode(0x80180026).source ?? '', /mdmreg\/mdm-registration-constants/);
  assert.match(describeErrorCode(0x8018002a).source ?? '', /comanage-configmgr\/troubleshoot-co-management-auto-enrolling/);
});
