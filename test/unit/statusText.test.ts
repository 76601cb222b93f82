// The status bar counts records, not problems: its icons must not be the Problems panel's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { statusText } from '../../client/src/statusText';
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
  assert.match(s.tooltip, /time zone: no offset, UTC\+05:30 set for this folder \(offset taken from CcmExec\.log of the same folder\)/);
  // A default, and an offer beside it; nothing known.
  const other = statusText(fileInfo(LogFile.fromText(cbs, { defaultOffset: 0 }), { offset: 0, byFolder: false }, 'CBS.log', offer));
  assert.match(other.text, / · UTC\+00:00 \(default\), UTC\+05:30 offered$/);
  const bare = statusText(fileInfo(LogFile.fromText(cbs), { offset: null, byFolder: false }, 'CBS.log', null));
  assert.match(bare.text, / · no offset$/);
  assert.match(bare.tooltip, /time zone: no offset \(UTC unknown\)/);
});
