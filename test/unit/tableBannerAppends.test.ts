// A merge's banner is kept across appends that change nothing it says. With a default offset set, a
// log's note says whether some record without offset was placed with it ("no offset written:
// placed with ...") or none could be (records without a readable time: "placed last"): more such
// records say the same, so they do not make the banner again; the first one does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import type { TableBanner } from '../../server/src/protocol';
import { sourceNote } from '../../server/src/table/sourceNote';
import { Tables } from '../../server/src/table/tables';

/** A CMTrace record at 10:00:`s`, with `offset` written ('' for none). */
const cm = (msg: string, s: number, offset = '+000') =>
  `<![LOG[${msg}]LOG]!><time="10:00:${String(s).padStart(2, '0')}.000${offset}" date="1-1-2020" component="C" context="" type="1" thread="1" file="">\r\n`;
/** A record whose time cannot be read (no default offset places it). */
const badTime = (msg: string) => `<![LOG[${msg}]LOG]!><time="xx" date="1-1-2020" component="C" context="" type="1" thread="1" file="">\r\n`;

/** A merge of A (the log appended to, read with a default offset) and B; the banner says A's note as sourceNote does, from the table's counts (as handlers/table.ts). */
function merge(firstA: string) {
  const a = LogFile.fromText(firstA, { defaultOffset: 60 }), b = LogFile.fromText(cm('b1', 5));
  let made = 0;
  const tables = new Tables(() => undefined, undefined, {
    banner: (t): TableBanner => { made++; return { sources: [], notes: [sourceNote(a, t.facets.perLog()[0], false) ?? 'all written'], offers: [] }; },
  });
  const t = tables.create(() => [{ key: 'file:///d/A.log', name: 'A.log', log: () => a, reading: () => false },
    { key: 'file:///d/B.log', name: 'B.log', log: () => b, reading: () => false }]);
  /** Appends to A; the banner as the table has it then, and whether it was made again. */
  const append = (text: string) => { a.appendText(text); const r = t.banner()!; return { note: r.banner.notes[0], fresh: r.fresh }; };
  return { t, append, made: () => made };
}

test('with a default offset: appends that write an offset, or lack one like others placed with it, keep the banner; the first one without offset makes it again', () => {
  const m = merge(cm('a1', 1));
  assert.equal(m.t.banner()!.banner.notes[0], 'all written');
  assert.deepEqual(m.append(cm('a2', 2)), { note: 'all written', fresh: false }, 'an offset written: nothing the banner says');
  const placed = m.append(cm('a3', 3, ''));
  assert.equal(placed.fresh, true, 'the first record without offset changes the note');
  assert.match(placed.note, /^no offset written: placed with /);
  for (let k = 4; k < 10; k++) {
    assert.deepEqual(m.append(cm(`a${k}`, k, k % 2 ? '' : '+000')), { note: placed.note, fresh: false }, `append ${k}: the same note`);
  }
  assert.equal(m.made(), 2);
});

test('with a default offset: records without offset that none could place keep "placed last" until one has a readable time', () => {
  const m = merge(badTime('a1'));
  const last = m.t.banner()!.banner.notes[0];
  assert.match(last, /^offset unknown: placed last/);
  assert.deepEqual(m.append(badTime('a2')), { note: last, fresh: false }, 'another unplaceable record: the same note');
  assert.deepEqual(m.append(cm('a3', 3)), { note: last, fresh: false }, 'an offset written: the same note');
  const placed = m.append(cm('a4', 4, ''));
  assert.equal(placed.fresh, true);
  assert.match(placed.note, /^no offset written: placed with /);
  assert.equal(m.made(), 2);
});
