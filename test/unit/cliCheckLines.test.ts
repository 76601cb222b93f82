// What `cmlog check` says about each log beside the rules' findings: where its unparsed spans are
// (the first few, with how many more), how many of its records are errors apart from the problems
// the rules found, and counts in correct English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { inMemory, report } from '../../server/src/cli/check';
import { UNPARSED_SHOWN } from '../../server/src/cli/checkOne';
import { LogFile } from '../../server/src/logFile';
import type { RuleSettings } from '../../server/src/rules';

const rec = (msg: string, type = 1) => `<![LOG[${msg}]LOG]!><time="08:00:00.000+000" date="3-15-2026" component="C" context="" type="${type}" thread="1" file="">\r\n`;

async function run(name: string, text: string, format: 'text' | 'json' = 'text', settings: RuleSettings = {}) {
  const out: string[] = [];
  const code = await report(inMemory({ logs: [{ key: name, name, log: LogFile.fromText(text) }], problems: [], notLogs: 0, notes: [] }, settings), { format }, {
    out: (s) => out.push(s), err: (s) => assert.fail(s),
  });
  return { code, out };
}

test('unparsed spans are located: the first few line ranges, then how many more, in text and JSON', async () => {
  // Spans at lines 2, 4-5, 7, ...: a plain line or two between records, seven spans in all.
  let text = rec('first');
  for (let k = 0; k < 7; k++) text += (k === 1 ? 'banner\r\nmore banner\r\n' : 'stray text\r\n') + rec(`r${k}`);
  const r = await run('x.log', text);
  assert.ok(UNPARSED_SHOWN === 5);
  assert.ok(r.out.includes('x.log: 7 unparsed spans (text not read as records) at lines 2, 4-5, 7, 9, 11 and 2 more'), r.out.join('\n'));
  const json = JSON.parse((await run('x.log', text, 'json')).out.join('\n'));
  assert.equal(json.files[0].unparsedSpans, 7);
  assert.deepEqual(json.files[0].unparsed, [{ line: 2, endLine: 2 }, { line: 4, endLine: 5 }, { line: 7, endLine: 7 }, { line: 9, endLine: 9 }, { line: 11, endLine: 11 }]);
});

test('a record whose attributes a NUL run cut off is a truncated-record finding, and the NULs a located span', async () => {
  const cut = `<![LOG[Getting CCM Token]LOG]!><time="${'\0'.repeat(200)}\r\n`;
  const r = await run('ccmsetup.log', rec('before') + cut + rec('after'));
  assert.ok(r.out.includes('ccmsetup.log: 1 unparsed span (text not read as records) at line 2'), r.out.join('\n'));
  assert.ok(r.out.some((l) => /^ccmsetup\.log:2: information truncated-record: Record cut off in its attributes/.test(l)), r.out.join('\n'));
});

test('the summary tells error records from the problems found, in singular and plural', async () => {
  const errors = rec('bad', 3).repeat(6) + rec('fine');
  const r = await run('a.log', errors);
  assert.equal(r.out.at(-1), '1 file, 7 entries (6 error records), 0 unparsed spans; problems found: 0 errors, 0 warnings, 0 information');
  const one = await run('a.log', rec('bad', 3) + '<![LOG[cut off\r\n', 'text', { 'truncated-record': 'error' });
  assert.equal(one.out.at(-1), '1 file, 2 entries (1 error record), 0 unparsed spans; problems found: 1 error, 0 warnings, 0 information');
  assert.equal(one.code, 1);
});

test('a signature found once says no "(1 times in this file)"', async () => {
  const msi = '=== Verbose logging started: 2/23/2020  23:59:58  Build type: SHIP UNICODE 5.00.10011.00  Calling process: C:\\Windows\\system32\\msiexec.exe ===\r\n' +
    'Action start 23:59:59: CA_Register.\r\nAction ended 0:00:02: CA_Register. Return value 3.\r\n';
  const r = await run('MSIx.log', msi);
  const line = r.out.find((l) => l.includes('msi-action-failed'));
  assert.ok(line, r.out.join('\n'));
  assert.doesNotMatch(line, /\(1 times?\b/);
});

test('intune-win32-app: one repeat is "Repeated 1 more time", not "times"', async () => {
  const text = readFileSync(path.join(__dirname, '../fixtures/rules/intune-win32/IntuneManagementExtension.log'), 'latin1');
  const r = await run('IntuneManagementExtension.log', text);
  const line = r.out.find((l) => /intune-win32-app: .*1603/.test(l));
  assert.ok(line, r.out.join('\n'));
  assert.match(line, / Repeated 1 more time within an hour/);
});
