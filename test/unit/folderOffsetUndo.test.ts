// Taking a folder's offer writes cmlog.folderOffsets; its notification's Undo puts the setting back
// as it was (the key's old value, or nothing at all: no empty object left in the folder's settings).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { saveFolderOffset, type OffsetsScope } from '../../client/src/folderOffsetSave';
import { offsetSetMessage } from '../../client/src/folderOffsetAnswer';

const ROOT = path.resolve('/tour-ws');
const scope = (initial?: Record<string, number>) => {
  const s = { value: initial, writes: 0 } as { value: Record<string, number> | undefined; writes: number };
  const port: OffsetsScope = { read: () => s.value, write: async (v) => { s.value = v; s.writes++; } };
  return { s, port };
};

test('undo of a first entry removes the setting, not leaving {}', async () => {
  const { s, port } = scope();
  const { key, undo } = await saveFolderOffset(port, ROOT, path.join(ROOT, 'PC1'), 300);
  assert.equal(key, 'PC1');
  assert.deepEqual(s.value, { PC1: 300 });
  await undo();
  assert.equal(s.value, undefined);
});

test('undo puts back the key\'s old value and keeps what else was set meanwhile', async () => {
  const { s, port } = scope({ PC1: 420, MAC1: 60 });
  const { undo } = await saveFolderOffset(port, ROOT, path.join(ROOT, 'PC1'), 300);
  assert.deepEqual(s.value, { PC1: 300, MAC1: 60 });
  s.value = { ...s.value!, PC2: 0 };
  await undo();
  assert.deepEqual(s.value, { PC1: 420, MAC1: 60, PC2: 0 });
});

test('the confirmation is short (not cut in a notification) and says where it was saved', () => {
  const m = offsetSetMessage('PC1', 'UTC-05:00', 'PC1/.vscode/settings.json');
  assert.equal(m, 'CMLog Lens: PC1 now read as UTC-05:00 (saved in PC1/.vscode/settings.json).');
  assert.ok(offsetSetMessage('x'.repeat(500), 'UTC-05:00', 'y'.repeat(500)).length <= 140);
});
