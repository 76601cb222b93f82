// "Merge Logs…" pick list: a file no format reads a record in (plain text: notes.log,
// readme-plain.log, all one unparsed span) stays in the list, but last, apart, under a separator
// that says why, and is not picked at first (but the active file, which the user chose).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { groupByFolder, PLAIN_GROUP, recordsInSample } from '../../client/src/table/pickList';

const f = (folder: string, name: string, plain = false) => ({ uri: `file:///w/${folder}/${name}`, dir: `file:///w/${folder}`, folder, name, plain });
const shown = (rows: ReturnType<typeof groupByFolder>) => rows.map((r) => (r.kind === 'folder' ? `# ${r.label}` : `${r.label}${r.picked ? ' *' : ''}`));

test('plain-text files are listed last, apart, under a separator saying no records were read, not picked at first but the active one', () => {
  const rows = groupByFolder([
    f('PC1', 'notes.log', true), f('PC1', 'MSI3a4b1.log'), f('PC1', 'readme-plain.log', true), f('PC1/Logs/CBS', 'CBS.log'), f('A', 'z.log', true),
  ], new Set(['file:///w/PC1/notes.log', 'file:///w/PC1/MSI3a4b1.log']));
  assert.deepEqual(shown(rows), ['# PC1', 'MSI3a4b1.log *', '# PC1/Logs/CBS', 'CBS.log', `# ${PLAIN_GROUP}`, 'z.log', 'notes.log *', 'readme-plain.log']);
  assert.match(PLAIN_GROUP, /no records read/i);
  // Still filtered by their folder (matchOnDescription).
  const notes = rows.find((r) => r.kind === 'log' && r.label === 'notes.log');
  assert.deepEqual(notes, { kind: 'log', label: 'notes.log', description: 'PC1', uri: 'file:///w/PC1/notes.log', picked: true });
});

test('no plain-text file, no separator for them', () => {
  assert.deepEqual(shown(groupByFolder([f('PC1', 'a.log')], new Set())), ['# PC1', 'a.log']);
});

test('a file\'s start holds records by any format\'s recogniser (UTF-16 MSI, CMTrace); plain text does not', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  assert.equal(recordsInSample(bytes('This is a plain text log file with no structured format.\nError 5. Not MSI\n')), false);
  assert.equal(recordsInSample(bytes('<![LOG[Agent]LOG]!><time="10:19:50.000+300" date="02-23-2020" component="CcmExec" context="" type="1" thread="3104" file="">\n')), true);
  assert.equal(recordsInSample(readFileSync(path.resolve(__dirname, '../fixtures/formats/MSI3a4b1.log'))), true);
  assert.equal(recordsInSample(new Uint8Array(0)), false);
  // A first record longer than 16 KB is still a log (the sample is the language detection's 64 K).
  assert.equal(recordsInSample(bytes(`<![LOG[${'x'.repeat(40_000)}]LOG]!><time="10:19:50.000+300" date="02-23-2020" component="C" context="" type="1" thread="1" file="">\n`)), true);
  // A sample cut inside a character is read still.
  assert.equal(recordsInSample(bytes('2024-01-15 08:00:00, Info                  CBS    Starting é').subarray(0, -1)), true);
});

test('names and folders that spell an icon (`$(zap)`) or hold controls show as written, not as icons', () => {
  const rows = groupByFolder([f('PC$(zap)', '$(warning)x.log'), f('PC$(zap)', 'a\u202eb.log', true)], new Set());
  assert.deepEqual(rows.map((r) => (r.kind === 'folder' ? `# ${r.label}` : `${r.label} | ${r.description}`)), [
    '# PC\\$(zap)', '\\$(warning)x.log | PC\\$(zap)', `# ${PLAIN_GROUP}`, 'a\\u202eb.log | PC\\$(zap)',
  ]);
});
