// The folder's offer is a machine's bias: only records that write one (CMTrace, legacy) speak for
// it, never records stamped in UTC (Company Portal's `Z`); two offsets an hour apart are a DST
// change, more apart are two zones, said as such.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import { Timeline } from '../../server/src/workspace/timeline';
import { folderOffer } from '../../server/src/features/folderOffset';
import { offerText } from '../../server/src/explain/offerText';

const ccm = (time: string, date: string, bias: string) =>
  `<![LOG[Service running]LOG]!><time="${time}.000${bias}" date="${date}" component="CcmExec" context="" type="1" thread="1" file="">\n`;
const PORTAL = '2020-02-23T15:20:01.1000000Z  INFO      Event       None        0    1a2b3c4d-0001-4000-8000-000000000001  12-0-0  [Sync] Starting app install\n';
const CBS = '2024-01-15 08:00:00, Info                  CBS    Starting TrustedInstaller\n';
const input = (key: string, text: string) => ({ key, name: key.slice(key.lastIndexOf('/') + 1), log: LogFile.fromText(text) });
const PC1 = 'file:///c/logs/PC1/';
const cbs = input(`${PC1}CBS.log`, CBS);

test('folderOffer: Company Portal\'s UTC stamps are no machine\'s bias: not another zone beside CcmExec.log\'s', () => {
  const portal = input(`${PC1}CompanyPortal_Log_1.log`, PORTAL);
  assert.equal(portal.log.writtenOffset(0), 0, 'the record is placed by its Z');
  const tl = new Timeline([input(`${PC1}CcmExec.log`, ccm('10:00:00', '01-15-2024', '+300')), portal, cbs]);
  const offer = folderOffer(tl, cbs)!;
  assert.deepEqual(offer, { offset: 300, zone: 'UTC-05:00', source: 'CcmExec.log' });
  assert.equal(offerText(offer), 'CcmExec.log of this folder says UTC-05:00');
});

test('folderOffer: a folder whose only logs with offsets write UTC is offered nothing', () => {
  const tl = new Timeline([input(`${PC1}CompanyPortal_Log_1.log`, PORTAL), cbs]);
  assert.equal(folderOffer(tl, cbs), null);
});

test('offer text: two offsets an hour apart are a DST change; further apart, two zones named', () => {
  const dst = new Timeline([input(`${PC1}CcmExec.log`, ccm('10:00:00', '03-09-2024', '+360') + ccm('10:00:00', '03-11-2024', '+300')), cbs]);
  assert.equal(offerText(folderOffer(dst, cbs)!), 'CcmExec.log of this folder says UTC-05:00 (also UTC-06:00: a DST change)');
  const two = new Timeline([input(`${PC1}CcmExec.log`, ccm('10:00:00', '03-09-2024', '+420') + ccm('10:00:00', '03-11-2024', '+300')), cbs]);
  assert.equal(offerText(folderOffer(two, cbs)!), 'CcmExec.log of this folder says UTC-05:00 (logs of this folder write two zones: UTC-05:00 and UTC-07:00)');
});
