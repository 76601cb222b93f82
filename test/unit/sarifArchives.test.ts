// `check --format sarif` on logs inside zips: SARIF 2.1.0's nested artifacts (run.artifacts with
// parentIndex, each member's URI relative to its archive, results naming it by index), so a viewer
// can tie a result to the archive and the member in it; a path with `!/` relative to SRCROOT names
// no file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { check } from '../../server/src/cli/check';
import { zipBytes } from '../support/zipBytes';

const rec = (msg: string) => `<![LOG[${msg}]LOG]!><time="08:00:00.000+000" date="3-15-2026" component="C" context="" type="1" thread="1" file="">\r\n`;
const CUT = rec('fine') + '<![LOG[cut off\r\n' + rec('after');

/* eslint-disable @typescript-eslint/no-explicit-any -- SARIF read back as untyped JSON */
async function sarifOf(dir: string, target: string) {
  const out: string[] = [];
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const code = await check([target], { format: 'sarif', parse: {}, rules: {}, jobs: 1 }, { out: (s) => out.push(s), err: () => {} });
    return { code, run: JSON.parse(out.join('\n')).runs[0], out };
  } finally {
    process.chdir(cwd);
  }
}

/** The chain of an artifactLocation up through parentIndex: [archive uri, member uri, ...]. */
function chainOf(run: any, loc: any): string[] {
  assert.ok(Number.isInteger(loc.index), `no index: ${JSON.stringify(loc)}`);
  const chain: string[] = [];
  for (let i = loc.index; i !== undefined; i = run.artifacts[i].parentIndex) {
    const a = run.artifacts[i];
    assert.deepEqual(Object.keys(a).filter((k) => !['location', 'parentIndex'].includes(k)), []);
    chain.unshift(a.location.uri + (a.location.uriBaseId ? ` (${a.location.uriBaseId})` : ''));
  }
  return chain;
}

test('results in a zip, and in a zip in a zip, name nested artifacts; a plain file keeps its SRCROOT path', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-sarif-zip-'));
  const inner = zipBytes([{ name: 'IME/a b.log', data: CUT }]);
  writeFileSync(path.join(dir, 'DEV2.zip'), zipBytes([
    { name: 'DEV2/CCM_STS.log', data: CUT }, { name: 'DEV2/other.log', data: CUT }, { name: 'Case.zip', data: inner, method: 0 },
  ]));
  writeFileSync(path.join(dir, 'plain.log'), CUT);
  const { code, run, out } = await sarifOf(dir, '.');
  assert.equal(code, 0);
  const chains = run.results.map((r: any) => {
    const loc = r.locations[0].physicalLocation.artifactLocation;
    return loc.uriBaseId ? [loc.uri + ' (SRCROOT)'] : chainOf(run, loc);
  }).map((c: string[]) => c.join(' > ')).sort();
  assert.deepEqual(chains, [
    'DEV2.zip (SRCROOT) > /Case.zip > /IME/a%20b.log',
    'DEV2.zip (SRCROOT) > /DEV2/CCM_STS.log',
    'DEV2.zip (SRCROOT) > /DEV2/other.log',
    'plain.log (SRCROOT)',
  ]);
  // The archive is listed once, whatever number of its members have results; a member's URI matches its artifact's.
  assert.equal(run.artifacts.filter((a: any) => a.location.uri === 'DEV2.zip').length, 1);
  for (const r of run.results) {
    const loc = r.locations[0].physicalLocation.artifactLocation;
    if (loc.index !== undefined) assert.equal(run.artifacts[loc.index].location.uri, loc.uri);
  }
  // Streamed: no write holds two artifacts.
  assert.ok(out.every((s) => (s.match(/"parentIndex"/g) ?? []).length <= 1));
});
