// A filter with a selected range says where both ends are now (table/filter's kept and keptRange):
// each end is looked up once, in the order (its position) and among the rows shown (a bisection),
// whichever of the two answers reads it. The handler runs in-process (test/support/tableHandler.ts);
// the view's private lookups are spied on, production code keeps no counter.
import { mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TableRequests, type TableFilterResult, type TableOpenResult } from '../../server/src/protocol';
import { toUri } from '../../server/src/uri';
import { tableHandler } from '../support/tableHandler';

const cm = (msg: string, s: number, type: number) =>
  `<![LOG[${msg}]LOG]!><time="10:00:${String(s).padStart(2, '0')}.000+000" date="1-1-2020" component="C" context="" type="${type}" thread="1" file="">\r\n`;

test('a filter keeping a selected range looks each end up once, with the same answers', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'cmlog-tkl-'));
  // A: even seconds, errors at 4, 12, 22; B: odd seconds, errors at 9, 17. Order: by second.
  const errors = new Set([4, 9, 12, 17, 22]);
  for (const [name, first] of [['A.log', 0], ['B.log', 1]] as const) {
    let text = '';
    for (let s = first; s < 30; s += 2) text += cm(`${name} ${s}`, s, errors.has(s) ? 3 : 1);
    writeFileSync(path.join(folder, name), text);
  }
  const h = await tableHandler(folder);
  const table = (await h.request<TableOpenResult>(TableRequests.open.method, { uris: ['A.log', 'B.log'].map((f) => toUri(path.join(folder, f))) }))!;
  const view = h.tables.get(table.tableId)!.view as unknown as Record<string, (...a: unknown[]) => unknown>;
  const positions = mock.method(view, 'positionOfEntry'), bisections = mock.method(view, 'firstRowFrom');
  const filter = (keepFrom: { source: number; entry: number }, keep: { source: number; entry: number }) =>
    h.request<TableFilterResult>(TableRequests.filter.method, { tableId: table.tableId, filter: { severities: ['error'] }, keep, keepFrom });

  // Seconds 3 (B entry 1) down to 19 (B entry 9): shown 4, 9, 12, 17 (rows 0..3); 19 is nearest 17.
  const down = await filter({ source: 1, entry: 1 }, { source: 1, entry: 9 });
  assert.deepEqual([down.rows, down.kept, down.keptRange], [5, 3, { from: 0, to: 3 }]);
  assert.equal(positions.mock.callCount(), 2, 'one position per end');
  assert.equal(bisections.mock.callCount(), 2, 'one bisection per end');

  // Upwards, keep at the top: second 20 (A entry 10) up to 10 (A entry 5): shown 12, 17 (rows 2, 3);
  // 10 itself is nearest 9 (row 1), outside the range.
  positions.mock.resetCalls();
  bisections.mock.resetCalls();
  const up = await filter({ source: 0, entry: 10 }, { source: 0, entry: 5 });
  assert.deepEqual([up.kept, up.keptRange], [1, { from: 3, to: 2 }]);
  assert.equal(positions.mock.callCount(), 2);
  assert.equal(bisections.mock.callCount(), 2);
});
