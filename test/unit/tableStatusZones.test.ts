// A merge's status counts the distinct offsets its records are placed with: a log placed with its
// folder's offset is not a zone of its own beside the logs that write that offset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import { FacetCache } from '../../server/src/table/facets';
import { tableStatus } from '../../server/src/features/tableStatus';
import { TableView, type TableLogSource } from '../../server/src/table/view';
import { mergeStatusText } from '../../client/src/statusText';

const ccm = (bias: string) => `<![LOG[Service running]LOG]!><time="10:00:00.000${bias}" date="1-15-2024" component="CcmExec" context="" type="1" thread="1" file="">\n`;
const CBS = '2024-01-15 08:00:00, Info                  CBS    Starting TrustedInstaller\n';
const PORTAL = '2024-01-15T15:20:01.1000000Z  INFO      Event       None        0    1a2b3c4d-0001-4000-8000-000000000001  12-0-0  [Sync] Starting\n';

test('merge status: one machine\'s logs at UTC-05:00 (written or taken for the folder) and UTC are two zones', () => {
  const logs: [string, string, number | null][] = [
    ['CcmExec.log', ccm('+300'), null], ['AppEnforce.log', ccm('+300'), null],
    ['CBS.log', CBS, 300], ['dism.log', CBS, 300], ['CompanyPortal_Log_1.log', PORTAL, null],
  ];
  const sources = logs.map(([name, text, def]) => {
    const model = LogFile.fromText(text, { defaultOffset: def });
    return { key: `file:///PC1/${name}`, name, model, log: () => model, reading: () => false } as TableLogSource;
  });
  const view = new TableView(sources);
  const cache = new FacetCache(view);
  const byFolder = (key: string) => (key.includes('CBS') || key.includes('dism') ? { offset: 300, byFolder: true } : { offset: null, byFolder: false });
  const status = tableStatus(view, cache.perLog(), logs.map(([n]) => n), byFolder);
  assert.equal(status.zoneCount, 2, `zones: ${status.zones.join(' | ')}`);
  assert.match(mergeStatusText(status)!.text, / · 2 zones$/);
  // The tooltip still says how each log got its offset.
  assert.match(mergeStatusText(status)!.tooltip, /CBS\.log: .*UTC-05:00 \(folder\)/);
});
