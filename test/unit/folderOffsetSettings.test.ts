// cmlog.folderOffsets: per collected folder, before cmlog.defaultOffset; keys relative to their workspace folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { fetchSettings, placementOf, SettingsState, validate } from '../../server/src/features/settings';
import { folderOffsetsWith } from '../../client/src/folderOffsetKey';

const ROOT = path.resolve('/case');
const connection = (window: unknown, folder: unknown) => ({
  // Per scope: cmlog, files.exclude, search.exclude (settings.ts SECTIONS).
  workspace: { getConfiguration: async () => [window, {}, {}, folder, {}, {}] },
}) as unknown as Connection;

test('folderOffsets: validated like defaultOffset (a bad value is said and left out)', () => {
  const warnings: string[] = [];
  const s = validate({ folderOffsets: { 'PC01': 420, 'PC02': 'x', 'PC03': 99999 } }, (m) => warnings.push(m));
  assert.deepEqual(s.folderOffsets, { PC01: 420 });
  assert.equal(warnings.length, 2);
  assert.match(warnings[0], /cmlog\.folderOffsets\.PC02: "x" is not a number/);
});

test('folderOffsets: a folder\'s relative keys resolve against it; its logs are placed with them before defaultOffset, others not', async () => {
  const fetched = await fetchSettings(connection({}, { defaultOffset: 300, folderOffsets: { 'collected/PC01': 420 } }), true, [{ path: ROOT, uri: 'file:///case' }], () => undefined);
  const folder = fetched.folders[0].scoped.settings;
  const inPc01 = path.join(ROOT, 'collected', 'PC01', 'CBS.log');
  assert.deepEqual(placementOf(folder, inPc01), { offset: 420, byFolder: true });
  // Another machine's folder, and the folder above PC01: the default.
  assert.deepEqual(placementOf(folder, path.join(ROOT, 'collected', 'PC02', 'CBS.log')), { offset: 300, byFolder: false });
  assert.deepEqual(placementOf(folder, path.join(ROOT, 'collected', 'CBS.log')), { offset: 300, byFolder: false });

  const state = new SettingsState(() => undefined);
  await state.load(connection({}, { defaultOffset: 300, folderOffsets: { 'collected/PC01': 420 } }), true, [{ path: ROOT, uri: 'file:///case' }]);
  assert.equal(state.parseOptions(inPc01).defaultOffset, 420);
  assert.equal(state.parseOptions(path.join(ROOT, 'other.log')).defaultOffset, 300);
});

test('folderOffsetsWith: the command adds the folder, relative to its workspace folder, keeping the others', () => {
  const pc01 = path.join(ROOT, 'collected', 'PC01');
  assert.deepEqual(folderOffsetsWith({ other: 60 }, ROOT, pc01, 420), { key: path.join('collected', 'PC01'), value: { other: 60, [path.join('collected', 'PC01')]: 420 } });
  assert.deepEqual(folderOffsetsWith(undefined, ROOT, ROOT, -60), { key: '.', value: { '.': -60 } });
  assert.deepEqual(folderOffsetsWith(undefined, null, pc01, 420), { key: pc01, value: { [pc01]: 420 } });
});

test('folderOffsets: a device folder\'s entry covers the logs of its subfolders; the nearest folder with an entry wins', async () => {
  const offsets = { 'collected/PC01': 420, 'collected/PC01/Panther/Other': 60 };
  const fetched = await fetchSettings(connection({}, { defaultOffset: 300, folderOffsets: offsets }), true, [{ path: ROOT, uri: 'file:///case' }], () => undefined);
  const folder = fetched.folders[0].scoped.settings;
  const pc01 = path.join(ROOT, 'collected', 'PC01');
  // The folder whose entry it is, when above the log's own: the hover names it.
  assert.deepEqual(placementOf(folder, path.join(pc01, 'Panther', 'setupact.log')), { offset: 420, byFolder: true, above: pc01 });
  assert.deepEqual(placementOf(folder, path.join(pc01, 'CCM', 'Logs', 'x', 'deep.log')), { offset: 420, byFolder: true, above: pc01 });
  assert.deepEqual(placementOf(folder, path.join(pc01, 'Panther', 'Other', 'setuperr.log')), { offset: 60, byFolder: true });
  // A folder whose name only begins like PC01's is another folder.
  assert.deepEqual(placementOf(folder, path.join(ROOT, 'collected', 'PC012', 'CBS.log')), { offset: 300, byFolder: false });
  assert.deepEqual(placementOf(folder, null), { offset: 300, byFolder: false });
});
