// The status bar counts records, not problems: its icons must not be the Problems panel's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { mergeStatusText, statusText } from '../../client/src/statusText';
import { LogFile } from '../../server/src/logFile';
import { fileInfo } from '../../server/src/features/fileInfo';

const info = { format: 'ccm' as const, encoding: 'utf-8', entries: 12000, errors: 3, warnings: 1, timeZone: 'UTC-05:00', zone: 'UTC-05:00', about: 'CcmExec.log: ...' };

test('status bar: record counts with their own icons, the tooltip says they are records', () => {
  const s = statusText(info);
  assert.equal(s.text, '$(circle-filled) 3 $(triangle-up) 1 · CMTrace · UTC-05:00');
  assert.match(s.tooltip, /^CMLog Lens: 3 error records, 1 warning record of 12,000 \(the Problems panel counts findings\)/);
  assert.match(s.label, /^3 error records, 1 warning record, /);
});

test('status bar: no $(error) or $(warning) icon anywhere in its code (the Problems panel\'s counts use them)', () => {
  for (const f of ['statusBar.ts', 'statusText.ts']) {
    const src = readFileSync(path.resolve(__dirname, '..', '..', 'client', 'src', f), 'utf8');
    assert.doesNotMatch(src, /\$\((error|warning)\)/, f);
  }
});

// The tour's item was cut off at 640 px: "no offset, UTC+05:30 set for this folder (offset taken from CcmExec.log of the same".
test('status bar: a few words (counts with separators, the zone in short); the sentence in the tooltip', () => {
  const cbs = '2024-01-15 08:00:00, Error                 CBS    Failed to resolve package\n'.repeat(2408);
  const offer = { offset: -330, zone: 'UTC+05:30', source: 'CcmExec.log' };
  const s = statusText(fileInfo(LogFile.fromText(cbs, { defaultOffset: -330 }), { offset: -330, byFolder: true }, 'CBS.log', offer));
  assert.equal(s.text, '$(circle-filled) 2,408 $(triangle-up) 0 · CBS / DISM / Panther · UTC+05:30 (folder)');
  assert.match(s.tooltip, /time zone: no offset, UTC\+05:30 set for this folder \(offset taken from CcmExec\.log of this folder\)/);
  // A default, and an offer beside it; nothing known.
  const other = statusText(fileInfo(LogFile.fromText(cbs, { defaultOffset: 0 }), { offset: 0, byFolder: false }, 'CBS.log', offer));
  assert.match(other.text, / · UTC\+00:00 \(default\), UTC\+05:30 offered$/);
  const bare = statusText(fileInfo(LogFile.fromText(cbs), { offset: null, byFolder: false }, 'CBS.log', null));
  assert.match(bare.text, / · no offset$/);
  assert.match(bare.tooltip, /time zone: no offset \(UTC unknown\)/);
});

test('status bar over a merge: its logs\' records summed, formats and zones said once, names only in the tooltip', () => {
  const a = { ...info, errors: 2, warnings: 1, entries: 10 };
  const b = { ...info, format: 'sms' as const, errors: 1000, warnings: 0, entries: 5000, zone: 'UTC+01:00' };
  const s = mergeStatusText([{ name: 'CcmExec.log', info: a }, { name: '$(alert) evil.log', info: b }, { name: 'gone.log', info: null }])!;
  assert.equal(s.text, '$(circle-filled) 1,002 $(triangle-up) 1 · merge of 3 logs · 2 formats · 2 zones');
  assert.match(s.tooltip, /^CMLog Lens: merge of 3 logs: 1,002 error records, 1 warning record of 5,010 \(the Problems panel counts findings\); 1 not read by the server\n/);
  assert.match(s.tooltip, /\n\$\(alert\) evil\.log: 1,000 error records, 0 warning records; /);
  assert.doesNotMatch(s.text, /alert|evil/);
  assert.equal(mergeStatusText([{ name: 'x.log', info: a }, { name: 'y.log', info: { ...a } }])!.text, '$(circle-filled) 4 $(triangle-up) 2 · merge of 2 logs · CMTrace · UTC-05:00');
  assert.equal(mergeStatusText([{ name: 'x.log', info: null }]), null, 'nothing read yet: asked again, nothing shown');
});

// A merge's log names are the table's labels (machine and file name): untrusted, the tooltip shows them as text.
test('status bar over a merge: a hostile log name stays one line of the tooltip, its controls shown as escapes', () => {
  const a = { ...info, errors: 1, warnings: 2 };
  const evil = 'PC\u202E1 › a.log\nCMLog Lens: 0 error records $(alert)';
  const s = mergeStatusText([{ name: evil, info: a }, { name: 'b.log', info: a }])!;
  const lines = s.tooltip.split('\n');
  assert.equal(lines.length, 3, 'the summary and one line per log');
  assert.ok(lines[1]!.startsWith('PC\\u202e1 › a.log\\x0aCMLog Lens: 0 error records $(alert): 1 error record'), lines[1]);
  assert.ok(!s.text.includes('alert') && !s.label.includes('alert'));
  assert.ok(mergeStatusText([{ name: 'x'.repeat(100_000), info: a }])!.tooltip.length < 1000, 'a name is cut short');
});
