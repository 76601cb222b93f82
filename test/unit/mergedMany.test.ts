// The editor's merged view over counts that grow with the input: many logs in one view (no
// Math.max(...widths) over them), and many records on one source line (no array copied per record).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildMerged, mergedDiagnostics } from '../../server/src/features/merged';
import type { WorkspaceLogs } from '../../server/src/features/workspaceLogs';
import { LogFile } from '../../server/src/logFile';
import type { Finding } from '../../server/src/model';
import { Timeline } from '../../server/src/workspace/timeline';

const ATTRS = '<time="08:00:00.000+000" date="3-15-2026" component="C" context="" type="1" thread="1" file="">';

test('a merged view of 150,000 logs (past the ~120,000 arguments a spread can take): no stack overflow, capped rows', { timeout: 60_000 }, () => {
  const log = LogFile.fromText(`<![LOG[one line]LOG]!>${ATTRS}\n`); // one parsed log under many names
  const inputs = Array.from({ length: 150_000 }, (_, i) => ({ key: `file:///l/f${i}.log`, name: `f${i}.log`, log }));
  const byKey = new Map(inputs.map((x) => [x.key, x]));
  const timeline = new Timeline(inputs);
  const logs = { get: (k: string) => byKey.get(k), all: () => inputs, timelineWith: () => timeline } as unknown as WorkspaceLogs;
  const answer = buildMerged(logs, { uris: inputs.map((x) => x.key) });
  // Every log took part (the widths of all 150,000 names were measured); the view shows its first 100,000 rows and says so.
  assert.equal(answer.sources.length, 100_000);
  assert.match(answer.notes[0], /^the view is cut after 100,000 entries/);
});

// Copying the line's list for each record took ~30 s here (quadratic); the bench, not this test, times it.
test('problems of 50,000 records written on one line reach every merged line, in linear time', () => {
  const uri = 'file:///l/one-line.log';
  const sources = Array.from({ length: 50_000 }, () => ({ uri, line: 0 }));
  const finding: Finding = { ruleId: 'truncated-record', severity: 'information', file: uri, line: 0, endLine: 0, message: 'cut off' };
  const diagnostics = mergedDiagnostics({ text: '', sources, notes: [] }, () => [finding]);
  assert.equal(diagnostics.length, sources.length);
});
