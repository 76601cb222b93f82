// The public sources a signature names (shown in hovers and SARIF help) are the ones docs/rules.md
// lists for it: a corrected link must be corrected in both (the docs may say more of a page).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SIGNATURES } from '../../server/src/rules/signatureTable';

const doc = readFileSync(path.resolve(__dirname, '../../docs/rules.md'), 'utf8');

test('every signature\'s sources are in the Sources line of its docs/rules.md section', () => {
  const missing: string[] = [];
  for (const row of SIGNATURES) {
    const at = doc.indexOf(`\n## \`${row.id}\``);
    assert.ok(at >= 0, `${row.id} has a section`);
    const next = doc.indexOf('\n## ', at + 1);
    const section = doc.slice(at, next < 0 ? doc.length : next);
    const line = section.split('\n').find((l) => l.startsWith('**Sources:**')) ?? '';
    for (const s of row.sources) {
      const url = s.split(' ')[0]!;
      if (!line.includes(`${url} (`)) missing.push(`${row.id}: ${url}`);
    }
  }
  assert.deepEqual(missing, []);
});
