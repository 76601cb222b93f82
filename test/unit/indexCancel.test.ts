// A newer indexing cancels the build under way: its remaining files are not read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { LogDocuments } from '../../server/src/features/documents';
import { WorkspaceLogs } from '../../server/src/features/workspaceLogs';
import { readLog } from '../../server/src/workspace/readLog';

const SAMPLES = path.resolve(__dirname, '../../samples');

test('a superseded index build stops reading files', async () => {
  const logs = new WorkspaceLogs(new LogDocuments(() => ({})));
  let firstReads = 0, secondReads = 0;
  let release!: () => void;
  const gate = new Promise<void>((r) => { release = r; });
  let started!: () => void;
  const firstStarted = new Promise<void>((r) => { started = r; });
  const first = logs.indexFolders([SAMPLES], {
    parse: {},
    readLog: async (file, options) => { firstReads++; started(); await gate; return readLog(file, options); },
  });
  await firstStarted; // the first build is reading its first file
  const second = logs.indexFolders([SAMPLES], { parse: {}, readLog: (file, options) => { secondReads++; return readLog(file, options); } });
  release();
  await Promise.all([first, second]);
  assert.ok(secondReads > 1, `the newer build read every log (${secondReads})`);
  assert.equal(logs.indexedCount, secondReads);
  assert.equal(firstReads, 1, 'the superseded build read no file after the one under way');
});
