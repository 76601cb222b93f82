// `cmlog related --format json` with as many entries in the window as a log holds (a hostile log can
// stamp millions of records with one second): each entry is printed as it comes, so no string
// holds them all (one JSON.stringify of millions would pass V8's string limit and exit 3).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { related } from '../../server/src/cli/related';

const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-related-many-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const rec = (msg: string) => `<![LOG[${msg}]LOG]!><time="08:00:00.000+000" date="3-15-2026" component="C" context="" type="1" thread="1" file="">\n`;
const N = 20_000;

test(`related --format json: ${N} entries in the window, one write each, the whole still one JSON document`, async () => {
  writeFileSync(path.join(dir, 'anchor.log'), rec('anchor'));
  writeFileSync(path.join(dir, 'busy.log'), rec('same second').repeat(N));
  const writes: string[] = [];
  const code = await related(path.join(dir, 'anchor.log'), 1, [dir], { windowMs: 5000, includeSelf: false, format: 'json', parse: {} }, {
    out: (s) => writes.push(s),
    err: (s) => assert.fail(s),
  });
  assert.equal(code, 0);
  let longest = 0;
  for (const s of writes) longest = Math.max(longest, s.length);
  assert.ok(writes.length > N && longest < 10_000, `${writes.length} writes, the longest ${longest} characters`);
  const json = JSON.parse(writes.join('\n'));
  assert.equal(json.related.length, N);
  assert.equal(json.total, N);
  assert.equal(json.anchor.line, 1);
  assert.deepEqual([json.offsetUnknown, json.defaultOffset], [[], []]);
});
