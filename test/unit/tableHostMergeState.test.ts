// A merge tab restored after a window reload takes its logs from the page's saved state, which a
// page showing untrusted log text wrote: only file URIs of logs, each once, bounded, are kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_MERGE_LOGS, mergeTitle, savedMergeUris, stillFiles } from '../../client/src/table/mergeState';

test('the saved logs of a merge: file URIs named like logs, in order, each once', () => {
  const state = { columns: {}, uris: ['file:///w/SiteServer/MP_RegistrationManager.log', 'file:///w/Client/ccmsetup.log', 'file:///w/Client/ccmsetup.log', 'file:///w/SiteServer/CloudUserSync.lo_'] };
  assert.deepEqual(savedMergeUris(state), ['file:///w/SiteServer/MP_RegistrationManager.log', 'file:///w/Client/ccmsetup.log', 'file:///w/SiteServer/CloudUserSync.lo_']);
  assert.deepEqual(savedMergeUris({ uris: ['file:///c%3A/Windows/CCM/Logs/CAS.log'] }), ['file:///c%3A/Windows/CCM/Logs/CAS.log']);
});

test('a log on a share (a UNC path: the file URI has a host) is kept; the name check still applies', () => {
  assert.deepEqual(savedMergeUris({ uris: ['file://server/share/Windows/CCM/Logs/CAS.log', 'file://server/share/x/id_rsa', 'file://server/share/x/a.log.txt'] }),
    ['file://server/share/Windows/CCM/Logs/CAS.log']);
});

test('anything else in the state is dropped: not a log, not a file, not a string, too long, no list', () => {
  const bad = ['file:///home/u/.ssh/id_rsa', 'file:///etc/passwd', 'https://example.com/x.log', 'command:workbench.action.x?%5B%5D.log',
    'untitled:a.log', 'file:///w/folder.log/', 42, null, { uri: 'file:///a.log' }, `file:///${'a'.repeat(5000)}.log`, 'file:///%E0%A4%A.log'];
  assert.deepEqual(savedMergeUris({ uris: bad }), []);
  for (const s of [undefined, null, 'file:///a.log', [], { uris: 'file:///a.log' }, { uris: { 0: 'file:///a.log' } }]) assert.deepEqual(savedMergeUris(s), []);
});

test('a saved list is read only up to the merge limit', () => {
  const uris = Array.from({ length: MAX_MERGE_LOGS + 500 }, (_, i) => `file:///w/L${i}.log`);
  const kept = savedMergeUris({ uris });
  assert.equal(kept.length, MAX_MERGE_LOGS);
  assert.equal(kept.at(-1), `file:///w/L${MAX_MERGE_LOGS - 1}.log`);
});

test('a merge tab\'s title', () => {
  assert.equal(mergeTitle(['CAS.log']), 'CAS.log');
  assert.equal(mergeTitle(['CAS.log', 'ccmsetup.log']), 'Merged 2 logs');
});

test('a restored merge checks its logs together (bounded), keeps those still files, in order', async () => {
  let inFlight = 0;
  let most = 0;
  const isFile = async (n: number) => {
    inFlight++;
    most = Math.max(most, inFlight);
    await new Promise<void>((resolve) => setImmediate(resolve));
    inFlight--;
    if (n === 7) throw new Error('EACCES');
    return n % 3 !== 0;
  };
  const items = Array.from({ length: 100 }, (_, i) => i);
  const kept = await stillFiles(items, isFile, 8);
  assert.deepEqual(kept, items.filter((n) => n % 3 !== 0 && n !== 7));
  assert.equal(most, 8, 'eight stats at a time, not one after another nor all 100');
  assert.deepEqual(await stillFiles([], isFile), []);
});
