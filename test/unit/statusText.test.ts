// The status bar counts records, not problems: its icons must not be the Problems panel's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { mergeStatusText, statusText } from '../../client/src/statusText';
import { LogFile } from '../../server/src/logFile';
import { fileInfo } from '../../server/src/features/fileInfo';
import type { TableStatus, TableStatusLog } from '../../server/src/protocol';

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

/** A merge's summary as the server answers it (cmlog/table/status), its logs each as `named` says them. */
function status(named: TableStatusLog[], over: Partial<TableStatus> = {}): TableStatus {
  const sum = (f: (l: TableStatusLog) => number) => named.reduce((n, l) => n + f(l), 0);
  const formats = [...new Set(named.map((l) => l.format))], zones = [...new Set(named.map((l) => l.zone))];
  return {
    logs: named.length, read: named.length, entries: 10 * named.length, errors: sum((l) => l.errors), warnings: sum((l) => l.warnings),
    formats, formatCount: formats.length, zones, zoneCount: zones.length, named, ...over,
  };
}
const log = (label: string, errors = 2, warnings = 1, format = 'CMTrace', zone = 'UTC-05:00'): TableStatusLog => ({ label, errors, warnings, format, zone });

test('status bar over a merge: its logs\' records summed, formats and zones said once, names only in the tooltip', () => {
  const s = mergeStatusText(status([log('CcmExec.log'), log('$(alert) evil.log', 1000, 0, 'legacy SMS', 'UTC+01:00')], { logs: 3, entries: 5010 }))!;
  assert.equal(s.text, '$(circle-filled) 1,002 $(triangle-up) 1 · merge of 3 logs · 2 formats · 2 zones');
  assert.match(s.tooltip, /^CMLog Lens: merge of 3 logs: 1,002 error records, 1 warning record of 5,010 \(the Problems panel counts findings\); 1 not read\n/);
  assert.match(s.tooltip, /\n\$\(alert\) evil\.log: 1,000 error records, 0 warning records; legacy SMS; UTC\+01:00/);
  assert.doesNotMatch(s.text, /alert|evil/);
  assert.equal(mergeStatusText(status([log('x.log'), log('y.log')]))!.text, '$(circle-filled) 4 $(triangle-up) 2 · merge of 2 logs · CMTrace · UTC-05:00');
  assert.equal(mergeStatusText(status([], { logs: 2 })), null, 'nothing read yet: asked again, nothing shown');
});

// The whole merge is counted (the item used to ask about 20 logs and say "(20 counted)"); the server names a few.
test('status bar over a merge of 1,000 logs: every log counted, the names the server sent and how many more', () => {
  const named = Array.from({ length: 10 }, (_, i) => log(`m${i}.log`));
  const s = mergeStatusText(status(named, { logs: 1000, read: 1000, errors: 2000, warnings: 1000, entries: 10_000, formatCount: 3, zoneCount: 12 }))!;
  assert.equal(s.text, '$(circle-filled) 2,000 $(triangle-up) 1,000 · merge of 1,000 logs · 3 formats · 12 zones');
  assert.doesNotMatch(s.text + s.tooltip, /counted|not asked/);
  const lines = s.tooltip.split('\n');
  assert.equal(lines.length, 1 + 10 + 1);
  assert.equal(lines.at(-1), 'and 990 more');
});

// A merge's log names are the table's labels (machine and file name): untrusted, the tooltip (plain text) shows them as text.
test('status bar over a merge: a hostile log name stays one line of the tooltip, its controls shown as escapes', () => {
  const evil = 'PC\u202E1 › a.log\nCMLog Lens: 0 error records $(alert)';
  const s = mergeStatusText(status([log(evil, 1, 2), log('b.log', 1, 2)]))!;
  const lines = s.tooltip.split('\n');
  assert.equal(lines.length, 3, 'the summary and one line per log');
  assert.ok(lines[1]!.startsWith('PC\\u202e1 › a.log\\x0aCMLog Lens: 0 error records $(alert): 1 error record'), lines[1]);
  assert.ok(!s.text.includes('alert') && !s.label.includes('alert'));
  assert.ok(mergeStatusText(status([log('x'.repeat(100_000))]))!.tooltip.length < 1000, 'a name is cut short');
});
