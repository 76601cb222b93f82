// The status bar counts records, not problems: its icons must not be the Problems panel's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { statusText } from '../../client/src/statusText';

const info = { format: 'ccm' as const, encoding: 'utf-8', entries: 12000, errors: 3, warnings: 1, timeZone: 'UTC-05:00', about: 'CcmExec.log: ...' };

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
