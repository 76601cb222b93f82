// A merge's banner is kept until what it reads changes: besides its logs' models and timings, the
// records of a grown log that lack an offset (its note), and the offsets other logs of its folders
// write (the offers: OpenTable.offersChanged says a banner that reads otherwise at once).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import type { TableBanner, TableChangedParams } from '../../server/src/protocol';
import { Tables } from '../../server/src/table/tables';

/** A CMTrace record at `time`, with `offset` written ('' for none). */
const cm = (msg: string, time: string, offset = '+000') =>
  `<![LOG[${msg}]LOG]!><time="${time}${offset}" date="1-1-2020" component="C" context="" type="1" thread="1" file="">\r\n`;
const banner = (notes: string[], offers: TableBanner['offers'] = []): TableBanner => ({ sources: [], notes, offers });

function merge(hooks: { notes: () => string[]; offers?: () => TableBanner['offers']; version?: () => number }) {
  const sent: TableChangedParams[] = [];
  let made = 0;
  const tables = new Tables((p) => sent.push(p), undefined, {
    banner: () => { made++; return banner(hooks.notes(), hooks.offers?.()); },
    ...(hooks.version ? { offersVersion: hooks.version } : {}),
  });
  const a = LogFile.fromText(cm('a1', '10:00:00.000')), b = LogFile.fromText(cm('b1', '10:00:05.000'));
  const t = tables.create(() => [{ key: 'file:///d/A.log', name: 'A.log', log: () => a, reading: () => false },
    { key: 'file:///d/B.log', name: 'B.log', log: () => b, reading: () => false }]);
  return { sent, tables, t, a, b, made: () => made };
}

test('a grown log with records without offset: the reset says a banner made again (its model and timing are the same)', () => {
  const m = merge({ notes: () => [m.a.entryCount > 1 ? 'A.log: offset unknown: placed last' : 'all placed'] });
  assert.deepEqual(m.t.banner()?.banner.notes, ['all placed']);
  m.a.appendText(cm('a2', '10:00:06.000', ''));
  m.tables.changed(['file:///d/A.log']);
  assert.deepEqual(m.sent.map((p) => [p.reset, p.banner?.notes]), [[true, ['A.log: offset unknown: placed last']]]);
  // More records without offset: what the note says of them is the same, so is the banner (not made again).
  m.sent.length = 0;
  m.a.appendText(cm('a3', '10:00:07.000', ''));
  m.tables.changed(['file:///d/A.log']);
  assert.deepEqual(m.sent.map((p) => [p.reset, p.banner]), [[true, undefined]]);
  assert.equal(m.made(), 2);
});

test('the offsets other logs write changed: a banner that reads otherwise is said at once, without a reset, once', () => {
  let version = 0, offers: TableBanner['offers'] = [];
  const m = merge({ notes: () => [], offers: () => offers, version: () => version });
  m.t.banner();
  m.tables.offersChanged();
  assert.equal(m.made(), 1, 'nothing changed: not made again');
  // Another log's offsets changed, but not this merge's offers: made again, not said.
  version++;
  m.tables.offersChanged();
  assert.equal(m.made(), 2);
  assert.equal(m.sent.length, 0, 'not said');
  // A log writing an offset joined the folder: said, the rows as they were.
  version++;
  offers = [{ text: "d's CcmExec.log writes UTC+05:30", uri: 'file:///d/A.log' }];
  m.tables.offersChanged();
  assert.deepEqual(m.sent.map((p) => [p.reset, p.rows, p.banner?.offers]), [[false, 2, offers]]);
  m.tables.offersChanged();
  assert.equal(m.sent.length, 1, 'said once');
  // The next reset keeps it (made over the same version).
  m.a.appendText(cm('a0', '09:00:00.000'));
  m.tables.changed(['file:///d/A.log']);
  assert.deepEqual(m.sent.slice(1).map((p) => [p.reset, p.banner]), [[true, undefined]]);
});
