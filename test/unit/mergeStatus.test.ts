// The status bar item over a merge (client/src/mergeStatus.ts): its logs named as the table names
// them, and a big merge asks the server about a bounded number of logs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FileInfo } from '../../server/src/protocol';
import { mergeStatus } from '../../client/src/mergeStatus';
import { MERGE_ASKED_MAX, statusSubject } from '../../client/src/statusRefresh';

const info: FileInfo = { format: 'ccm', encoding: 'utf-8', entries: 10, errors: 1, warnings: 2, timeZone: 'UTC-05:00', zone: 'UTC-05:00' };

test('a merge of two machines\' CcmExec.log names each with its machine, as the table does', async () => {
  const uris = ['file:///c/DEVICE1/CcmExec.log', 'file:///c/DEVICE2/CcmExec.log'];
  const labels = new Map([[uris[0]!, 'DEVICE1 › CcmExec.log'], [uris[1]!, 'DEVICE2 › CcmExec.log']]);
  const s = (await mergeStatus(statusSubject(undefined, uris)!, (u) => labels.get(u)!, async () => info))!;
  const names = s.tooltip.split('\n').slice(1).map((l) => l.slice(0, l.indexOf(':')));
  assert.deepEqual(names, ['DEVICE1 › CcmExec.log', 'DEVICE2 › CcmExec.log']);
  assert.equal(s.text, '$(circle-filled) 2 $(triangle-up) 4 · merge of 2 logs · CMTrace · UTC-05:00');
});

test('a merge of 1,000 logs asks the server about the first few only, and says the rest were not counted', async () => {
  const uris = Array.from({ length: 1000 }, (_, i) => `file:///logs/m${i}.log`);
  const asked: string[] = [];
  const s = (await mergeStatus(statusSubject(undefined, uris)!, (u) => u.slice(13), async (u) => { asked.push(u); return info; }))!;
  assert.deepEqual(asked, uris.slice(0, MERGE_ASKED_MAX));
  assert.ok(MERGE_ASKED_MAX < 100);
  const n = MERGE_ASKED_MAX;
  assert.equal(s.text, `$(circle-filled) ${n} $(triangle-up) ${2 * n} · merge of 1,000 logs (${n} counted) · CMTrace · UTC-05:00`);
  assert.match(s.tooltip, new RegExp(`^CMLog Lens: merge of 1,000 logs \\(${n} counted\\): .*; the other ${(1000 - n).toLocaleString('en-US')} not asked\\n`));
  // A log that fails is said unread, the others still counted.
  const partial = (await mergeStatus(statusSubject(undefined, uris.slice(0, 2))!, (u) => u, async (u) => { if (u.endsWith('m0.log')) throw new Error('gone'); return info; }))!;
  assert.match(partial.tooltip, /; 1 not read by the server/);
});
