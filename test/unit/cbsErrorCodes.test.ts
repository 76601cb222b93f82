// CBS_E_* (servicing: CBS.log, DISM.log, features on demand) are in no MinGW-w64 header: the hover and
// `cmlog lookup` name them from the hand-written table, with a meaning and Microsoft's page, instead of
// "Unknown" while the log line beside the code says its name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeErrorCode, findErrorCodes } from '../../server/src/knowledge/errorCodes';
import { explainErrorCodeValue } from '../../server/src/explain/errorCode';

const CBS: [number, string, RegExp][] = [
  [0x800f0805, 'CBS_E_INVALID_PACKAGE', /package is not valid/],
  [0x800f081f, 'CBS_E_SOURCE_MISSING', /source .* not found/],
  [0x800f0831, 'CBS_E_STORE_CORRUPTION', /component store .* corrupted/],
  [0x800f0906, 'CBS_E_DOWNLOAD_FAILURE', /could not be downloaded/],
  [0x800f0907, 'CBS_E_GROUPPOLICY_DISALLOWED', /Group Policy/],
];

test('CBS_E_* codes are known by name, meaning and a Microsoft source', () => {
  for (const [value, name, meaning] of CBS) {
    const d = describeErrorCode(value);
    assert.equal(d.known, true, name);
    assert.equal(d.name, name);
    assert.match(d.meaning ?? '', meaning, name);
    assert.match(d.source ?? '', /microsoft\.com/i, name);
  }
});

test('the hover on the code of a CBS line names it, not "Unknown"', () => {
  const line = 'Failed to internally open package. [HRESULT = 0x800f0805 - CBS_E_INVALID_PACKAGE]';
  const [found] = findErrorCodes(line);
  assert.equal(found?.value, 0x800f0805);
  const md = explainErrorCodeValue(found!.value);
  assert.match(md, /CBS_E_INVALID_PACKAGE/);
  assert.doesNotMatch(md, /no source this extension trusts gives a name/);
});
