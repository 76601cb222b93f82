// The extension's package ships every worker script its bundles start: a bundle whose worker is left
// out runs without it (the CLI's `--jobs` checks on one thread, silently).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

test('every worker script a shipped bundle names is in the package', () => {
  const allow = readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').filter((l) => l.startsWith('!dist/')).map((l) => l.slice('!dist/'.length));
  const shipped = allow.filter((f) => f.endsWith('.js'));
  assert.ok(shipped.includes('cli.js') && shipped.includes('server.js'), shipped.join(', '));
  const workers = new Set<string>();
  for (const f of shipped) for (const m of readFileSync(path.join(ROOT, 'dist', f), 'utf8').matchAll(/\b(\w+Worker\.js)\b/g)) workers.add(m[1]);
  assert.ok(workers.size >= 2, [...workers].join(', '));
  for (const w of workers) assert.ok(allow.includes(w), `${w} is started by a shipped bundle but not in .vscodeignore's allowlist`);
});
