// A merge's note on a log without offsets is decided from the counts the table's facets keep
// (records without a usable offset, and of those the ones with a readable time), not by walking the
// log's entries each time a banner is made. The same note as the walk over LogFile.offsetSource
// gave, on logs with and without offsets, with unreadable times or offsets, with a default offset.
import { mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import type { ParseOptions } from '../../server/src/model';
import { countLog } from '../../server/src/table/facets';
import { placedWith, sourceNote } from '../../server/src/table/sourceNote';

/** A CMTrace record at `time`, with `offset` written after it ('' for none). */
const cm = (msg: string, time = '10:00:00.000', offset = '+000') =>
  `<![LOG[${msg}]LOG]!><time="${time}${offset}" date="1-1-2020" component="C" context="" type="1" thread="1" file="">\r\n`;
const legacy = (msg: string) => `${msg} $$<C><01-01-2020 10:00:00.000+000><thread=1 (0x1)>\r\n`;

/** The way it was: every entry's offsetSource walked. */
function byWalk(log: LogFile, byFolder: boolean, offered: () => boolean): string | undefined {
  let unknown = false;
  for (let e = 0; e < log.entryCount; e++) {
    const s = log.offsetSource(e);
    if (s === 'default') return `no offset written: placed with ${placedWith(log, byFolder)}`;
    if (s !== 'written') unknown = true;
  }
  if (!unknown) return undefined;
  return offered() ? 'offset unknown: placed last' : 'offset unknown: placed last (set cmlog.defaultOffset to place it)';
}

const texts: Record<string, string> = {
  'all written': cm('a') + cm('b', '10:00:01.000', '-300'),
  'none written': cm('a', '10:00:00.000', '') + cm('b', '10:00:01.000', ''),
  'some written': cm('a') + cm('b', '10:00:01.000', ''),
  'unreadable times, no offset': cm('a', 'xx', '') + cm('b', 'yy', ''),
  'unreadable times, offsets written': cm('a', 'xx') + cm('b', 'yy', '+060'),
  'an unreadable time among timed ones without offset': cm('a', 'xx', '') + cm('b', '10:00:01.000', ''),
  'unreadable offsets': cm('a', '10:00:00.000', '+abc') + cm('b', '10:00:01.000', '+99999'),
  'an unreadable offset with an unreadable time': cm('a', 'xx', '+abc') + cm('b'),
  'legacy, offsets written': legacy('a') + legacy('b'),
  'plain text': 'no record here\r\n',
};
const settings: Record<string, ParseOptions> = {
  'no default': {}, 'a default offset': { defaultOffset: 300 }, 'a default, UTC offsets': { defaultOffset: -330, offsetConvention: 'utc-offset' },
};

test('the note from the counts is the note of the walk over every entry', () => {
  const seen = new Set<string | undefined>();
  for (const [what, text] of Object.entries(texts)) {
    for (const [how, options] of Object.entries(settings)) {
      const log = LogFile.fromText(text, options), counts = countLog(log);
      for (const byFolder of [false, true]) {
        for (const offer of [false, true]) {
          const note = sourceNote(log, counts, byFolder, () => offer);
          assert.equal(note, byWalk(log, byFolder, () => offer), `${what}, ${how}, byFolder ${byFolder}, offered ${offer}`);
          seen.add(note);
        }
      }
    }
  }
  // Every kind of note was compared: none, placed last (offered or not), placed with either setting's offset in either convention.
  assert.equal(seen.size, 7, [...seen].join(' | '));
});

test('a note reads the counts, not the entries', () => {
  const log = LogFile.fromText(cm('a') + cm('b', '10:00:01.000', '').repeat(1000), { defaultOffset: 300 });
  const counts = countLog(log);
  const walk = mock.method(log, 'offsetSource');
  assert.match(sourceNote(log, counts, false) ?? '', /^no offset written: placed with UTC-05:00/);
  assert.equal(walk.mock.callCount(), 0, 'no entry asked for its offset source');
});
