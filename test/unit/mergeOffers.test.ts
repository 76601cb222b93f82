// A merge banner's offers name the folder whose logs write the offset; every collected device has a
// Client folder, so in a merge of several machines the folder is named with its machine, as the table
// names logs ("DEVICE1 › Client"); the machine's own folder and a merge of one machine keep the bare name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeOffers } from '../../server/src/table/sourceNote';
import type { FolderOffer } from '../../server/src/protocol';

const LAST = 'offset unknown: placed last';
const adal: FolderOffer = { offset: 300, zone: 'UTC-05:00', source: 'ADALOperationProvider.log' };
const ccm: FolderOffer = { offset: -330, zone: 'UTC+05:30', source: 'CcmExec.log', from: 'file:///ws/DEVICE2', fromName: 'DEVICE2' };
const logs = [
  { key: 'file:///ws/DEVICE1/Client/IntuneManagementExtension.log', note: LAST, offer: adal, machine: 'DEVICE1' },
  { key: 'file:///ws/DEVICE2/Panther/setupact.log', note: LAST, offer: ccm, machine: 'DEVICE2' },
];

test('several machines: an offer names its folder with its machine; the machine\'s own folder is named once', () => {
  assert.deepEqual(mergeOffers(logs).map((o) => o.text), [
    "DEVICE1 › Client's ADALOperationProvider.log writes UTC-05:00",
    "DEVICE2's CcmExec.log writes UTC+05:30",
  ]);
});

test('one machine: the folder\'s bare name', () => {
  assert.deepEqual(mergeOffers(logs.slice(0, 1)).map((o) => o.text), ["Client's ADALOperationProvider.log writes UTC-05:00"]);
});
