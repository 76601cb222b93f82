// The offers' version (hooks.offersVersion) brings the workspace's indexed logs up to date each time
// it is read: a change of the offsets other logs write reads it once to decide, and once more after
// the banner is made (making it syncs the timeline: the count after is the one kept).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import { Tables } from '../../server/src/table/tables';

const cm = (msg: string) => `<![LOG[${msg}]LOG]!><time="10:00:00.000+000" date="1-1-2020" component="C" context="" type="1" thread="1" file="">\r\n`;

test('a change of the offsets other logs write reads their version once before the banner is made again, once after', () => {
  let version = 0, reads = 0, made = 0;
  const tables = new Tables(() => undefined, undefined, {
    banner: () => { made++; return { sources: [], notes: [], offers: [] }; },
    offersVersion: () => { reads++; return version; },
  });
  const a = LogFile.fromText(cm('a')), b = LogFile.fromText(cm('b'));
  const t = tables.create(() => [{ key: 'file:///d/A.log', name: 'A.log', log: () => a, reading: () => false },
    { key: 'file:///d/B.log', name: 'B.log', log: () => b, reading: () => false }]);
  t.banner();
  reads = 0;
  tables.offersChanged();
  assert.deepEqual({ reads, made }, { reads: 1, made: 1 }, 'unchanged: read once, not made');
  version++;
  reads = 0;
  tables.offersChanged();
  assert.deepEqual({ reads, made }, { reads: 2, made: 2 }, 'changed: read to decide and after making it');
});
