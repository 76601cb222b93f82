// The generated table of Windows error names (scripts/generate-error-codes.ts), the hand-written
// meanings that sit on top of it, and the forms `lookup` accepts.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { HEADER_DIR, readHeaders, tableText, TABLE_FILE } from '../../scripts/generate-error-codes';
import { errorCodeText, explainErrorCode } from '../../server/src/explain/errorCode';
import { headerName, headerNameCount } from '../../server/src/knowledge/errorCodeNames';
import { codeFamily, describeErrorCode, formatHex, HRESULT_CODES, parseErrorCode, WIN32_CODES } from '../../server/src/knowledge/errorCodes';

const headersInstalled = existsSync(path.join(HEADER_DIR, 'winerror.h'));

test('the committed table is what scripts/generate-error-codes.ts writes from the MinGW-w64 headers', {
  skip: headersInstalled ? false : `${HEADER_DIR} is missing: apt-get install mingw-w64-common to check the table (CI installs it)`,
}, () => {
  assert.equal(readFileSync(TABLE_FILE, 'utf8'), tableText(readHeaders()), 'out of date: node --import tsx scripts/generate-error-codes.ts');
});

test('header names: thousands of values from every header, decoded from the compact table', () => {
  assert.ok(headerNameCount() >= 5000, String(headerNameCount()));
  const expected: [number, string][] = [
    [5, 'ERROR_ACCESS_DENIED'], [1603, 'ERROR_INSTALL_FAILURE'], [0x80070005, 'E_ACCESSDENIED'],
    [0x80244022, 'WU_E_PT_HTTP_STATUS_SERVICE_UNAVAIL'], [0x80190194, 'BG_E_HTTP_ERROR_404'],
    [12002, 'ERROR_WINHTTP_TIMEOUT'], [0x80041001, 'WBEM_E_FAILED'], [0xc0000005, 'STATUS_ACCESS_VIOLATION'],
    [0x80005000, 'E_ADS_BAD_PATHNAME'], [2102, 'NERR_NetNotStarted'], [0x800b0109, 'CERT_E_UNTRUSTEDROOT'],
  ];
  for (const [v, name] of expected) assert.equal(headerName(v), name, formatHex(v));
  // HRESULT / NTSTATUS values below 0x10000 (S_OK, S_FALSE, STATUS_WAIT_0) must not hide Win32 codes.
  assert.equal(headerName(0), 'ERROR_SUCCESS');
  assert.equal(headerName(1), 'ERROR_INVALID_FUNCTION');
  assert.equal(headerName(0x12345678), undefined);
});

test('hand-written names agree with the headers (a typo in a value would show here)', () => {
  for (const e of HRESULT_CODES) if (e.name !== undefined && headerName(e.value) !== undefined) assert.equal(e.name, headerName(e.value), formatHex(e.value));
  for (const e of WIN32_CODES) if (headerName(e.code) !== undefined) assert.equal(e.name, headerName(e.code), String(e.code));
});

test('the codes of issue #16 are known, with a meaning and a source', () => {
  for (const v of [0x87d00324, 0x87d00607, 0x80244022, 0x87d0027e, 0x80180026]) {
    const d = describeErrorCode(v);
    assert.equal(d.known, true, formatHex(v));
    assert.match(d.source ?? '', /Microsoft Learn/, formatHex(v));
  }
  assert.match(describeErrorCode(0x87d00324).meaning!, /not detected after installation/);
  assert.equal(describeErrorCode(0x80244022).name, 'WU_E_PT_HTTP_STATUS_SERVICE_UNAVAIL');
  // 0x8007xxxx wraps WinHTTP's 12xxx: 0x80072EE2 = 12002.
  assert.equal(describeErrorCode(0x80072ee2).name, 'ERROR_WINHTTP_TIMEOUT');
});

test('a value with a header name but no written meaning shows the name, not "Unknown", and claims no meaning', () => {
  const md = explainErrorCode('0xC0000005')!;
  assert.match(md, /\*\*STATUS_ACCESS_VIOLATION\*\*: no meaning is written/);
  assert.doesNotMatch(md, /\*\*Unknown\*\*/);
  const d = describeErrorCode(0xc0000005);
  assert.equal(d.known, false);
  assert.equal(d.meaning, undefined);
  // An N-bit value is named after the NTSTATUS it maps: 0xD0000022 = STATUS_ACCESS_DENIED (0xC0000022).
  assert.match(errorCodeText(0xd0000022), /STATUS_ACCESS_DENIED: no meaning is written/);
  assert.match(errorCodeText(0x80071770), /ERROR_ENCRYPTION_FAILED/);
});

test('BITS 0x8019xxxx carries an HTTP status', () => {
  const d = describeErrorCode(0x80190194);
  assert.equal(d.name, 'BG_E_HTTP_ERROR_404');
  assert.match(d.meaning!, /HTTP status 404 \(not found/);
  assert.match(describeErrorCode(0x80190195).meaning!, /HTTP status 405 \(method not allowed/);
  assert.equal(describeErrorCode(0x80190001).meaning, undefined, 'not an HTTP status');
});

test('parseErrorCode: hex, unsigned and signed decimal, Win32 decimal and HRESULT_FROM_WIN32', () => {
  assert.equal(parseErrorCode('0x87D00324'), 0x87d00324);
  assert.equal(parseErrorCode('2278556452'), 0x87d00324);
  assert.equal(parseErrorCode('-2016410844'), 0x87d00324);
  assert.equal(parseErrorCode('5'), 5);
  assert.equal(parseErrorCode('HRESULT_FROM_WIN32(5)'), 0x80070005);
  assert.equal(parseErrorCode(' hresult_from_win32( 0x643 ) '), 0x80070643);
  assert.equal(parseErrorCode('HRESULT_FROM_WIN32(12002)'), 0x80072ee2);
  // The macro passes zero and values that already are failure HRESULTs unchanged.
  assert.equal(parseErrorCode('HRESULT_FROM_WIN32(0)'), 0);
  assert.equal(parseErrorCode('HRESULT_FROM_WIN32(0x80070005)'), 0x80070005);
  for (const bad of ['HRESULT_FROM_WIN32()', 'HRESULT_FROM_WIN32(x)', 'HRESULT_FROM_WIN32((5))', 'HRESULT_FROM_WIN32(5']) assert.equal(parseErrorCode(bad), undefined, bad);
});

test('an undescribed code of a product\'s range says whose it is and which neighbours are described; others stay unknown alone', () => {
  const text = errorCodeText(0x87d00215);
  assert.match(text, /Unknown: no source/);
  assert.match(text, /Codes 0x87D0xxxx are the Configuration Manager client's own errors; no source here describes this one \(described of that range: 0x87D0027E, 0x87D00324, 0x87D00607 and \d+ more\)\./);
  assert.match(explainErrorCode('0x87D00215')!, /\*\*Unknown\*\*: .*\n\nCodes 0x87D0xxxx are the Configuration Manager client's/);
  assert.match(errorCodeText(0x87d1ffff), /Codes 0x87D1xxxx are Intune app installation errors/);
  // A described code has its own meaning, no family line; a code outside the ranges none.
  assert.doesNotMatch(errorCodeText(0x87d00324), /Codes 0x87D0xxxx/);
  assert.doesNotMatch(errorCodeText(0x87e00001), /Codes 0x/);
  // Every range is backed by codes whose sources describe them.
  for (const v of [0x87d00000, 0x87d10000, 0xc7d10000]) assert.ok(codeFamily(v)!.described.length > 0, formatHex(v));
});
