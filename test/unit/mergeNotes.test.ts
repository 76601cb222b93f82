// A merge's banner says each note once, naming its logs: six logs without offsets made six lines of
// the same words (the second tour's banner was four lines tall).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeNotes } from '../../server/src/table/sourceNote';

test('one line per distinct note, its logs named (the first three) and counted', () => {
  const last = 'offset unknown: placed last (set cmlog.defaultOffset to place it)';
  const placed = 'no offset written: placed with UTC-07:00 (cmlog.folderOffsets)';
  const sources = [
    ...['a.log', 'b.log', 'c.log', 'd.log', 'e.log'].map((label) => ({ label, note: last })),
    { label: 'f.log', note: placed },
    { label: 'g.log' },
  ];
  assert.deepEqual(mergeNotes(sources), [`a.log, b.log, c.log and 2 more: ${last}`, `f.log: ${placed}`]);
  assert.deepEqual(mergeNotes([{ label: 'g.log' }]), []);
});
