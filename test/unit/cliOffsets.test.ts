// `cmlog timeline`, `related` and `export` on a collection of two devices whose ConfigMgr logs write
// their bias (+300, +60) beside logs that write none (CBS): per-folder --default-offset, the notes
// that offer a folder's offset without applying it, device names, empty answers and components.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { UsageError } from '../../server/src/cli/args';
import { exportCommand } from '../../server/src/cli/export';
import { findLogs } from '../../server/src/cli/load';
import { relatedCommand } from '../../server/src/cli/related';
import { timelineCommand } from '../../server/src/cli/timeline';
import { MAX_NOTES } from '../../server/src/cli/offsetNotes';
import type { Command } from '../../server/src/cli/common';

const ccm = (msg: string, time: string, component = 'ccmsetup') =>
  `<![LOG[${msg}]LOG]!><time="${time}" date="01-15-2024" component="${component}" context="" type="1" thread="1" file="">\r\n`;

const COLL = mkdtempSync(path.join(os.tmpdir(), 'cmlog-offsets-'));
const DEV1 = path.join(COLL, 'DEV1'), DEV2 = path.join(COLL, 'DEV2');
mkdirSync(DEV1);
mkdirSync(DEV2);
writeFileSync(path.join(DEV1, 'ccmsetup.log'), ccm('dev1 setup', '03:00:00.000+300') + ccm('Error 1722.', '03:00:02.000+300', ''));
writeFileSync(path.join(DEV1, 'CBS.log'), '2024-01-15 08:00:00, Info                  CBS    Exec: Processing package\r\n');
writeFileSync(path.join(DEV2, 'ccmsetup.log'), ccm('dev2 setup', '07:30:00.000+60'));
writeFileSync(path.join(DEV2, 'only2.log'), ccm('dev2 only', '09:00:00.000+60', 'only2'));
writeFileSync(path.join(DEV2, 'CBS.log'), '2024-01-15 08:00:00, Info                  CBS    Exec: Processing package\r\n');

async function run(cmd: Command, argv: string[]) {
  const out: string[] = [], err: string[] = [];
  let text = '';
  const stream = new Writable({ write(c, _e, done) { text += String(c); done(); } });
  const code = await cmd.run(argv, { out: (s) => out.push(s), err: (s) => err.push(s), stream });
  return { code, out: out.join('\n') + text, err: err.join('\n') };
}

const cbsUtc = (json: { entries: { path: string; utc: string | null }[] }, dev: string) =>
  json.entries.find((e) => e.path.endsWith(`${dev}/CBS.log`))!.utc;

test('timeline: the folder\'s ConfigMgr offset is offered in one note a folder, never applied', async () => {
  const r = await run(timelineCommand, ['--format', 'json', DEV1]);
  const notes = r.err.split('\n').filter((l) => l.includes('note'));
  assert.equal(notes.length, 1, r.err);
  assert.match(notes[0], /DEV1: 1 entry of 1 log with no offset \(time zone unknown\) listed last; ccmsetup\.log in this folder writes UTC-05:00 \(\+300\): --default-offset \S*DEV1=300 places them$/);
  assert.equal(cbsUtc(JSON.parse(r.out), 'DEV1'), null, 'offered, not applied');
});

test('--default-offset FOLDER=MINUTES: per folder, the most specific wins, a bare value for the rest', async () => {
  const r = await run(timelineCommand, ['--format', 'json', '--default-offset', `${DEV1}=300`, '--default-offset', '60', COLL]);
  const json = JSON.parse(r.out);
  assert.equal(cbsUtc(json, 'DEV1'), '2024-01-15T13:00:00.000Z');
  assert.equal(cbsUtc(json, 'DEV2'), '2024-01-15T09:00:00.000Z');
  const inner = JSON.parse((await run(timelineCommand, ['--format', 'json', '--default-offset', `${COLL}=-60`, '--default-offset', `${DEV1}/=300`, COLL])).out);
  assert.deepEqual([cbsUtc(inner, 'DEV1'), cbsUtc(inner, 'DEV2')], ['2024-01-15T13:00:00.000Z', '2024-01-15T07:00:00.000Z']);
});

test('--default-offset: a second bare value, and an offset no time zone uses, are usage errors naming them', async () => {
  await assert.rejects(run(timelineCommand, ['--default-offset', '300', '--default-offset', '60', COLL]), (e: Error) => e instanceof UsageError && /300 and 60/.test(e.message));
  await assert.rejects(run(timelineCommand, ['--default-offset', '5000', COLL]), (e: Error) => e instanceof UsageError && /5000/.test(e.message) && /-840\.\.\+720/.test(e.message));
  await assert.rejects(run(exportCommand, ['--default-offset', `${DEV1}=-900`, COLL]), (e: Error) => e instanceof UsageError && /-900/.test(e.message));
  // Read as a UTC offset the range is -720..+840: +800 (UTC+13:20) is a zone's, -800 is none's.
  assert.equal((await run(timelineCommand, ['--offset-convention', 'utc-offset', '--default-offset', '800', DEV1])).code, 0);
  await assert.rejects(run(timelineCommand, ['--offset-convention', 'utc-offset', '--default-offset', '-800', DEV1]), UsageError);
});

test('the notes say which offset placed the entries, in timeline and related alike, with the right plural', async () => {
  const t = await run(timelineCommand, ['--default-offset', '300', DEV1]);
  assert.match(t.err, /CBS\.log: 1 entry with no offset written placed with --default-offset 300, i\.e\. UTC-05:00/);
  const r = await run(relatedCommand, [`${path.join(DEV1, 'ccmsetup.log')}:1`, '--window', '5h', '--default-offset', '300', DEV1]);
  assert.match(r.err, /CBS\.log: 1 entry with no offset written placed with --default-offset 300, i\.e\. UTC-05:00/);
  assert.doesNotMatch(t.err + r.err, /1 entries/);
});

test('timeline text names the device of each log when several are merged', async () => {
  const r = await run(timelineCommand, [COLL]);
  assert.match(r.out, /DEV1\/ccmsetup\.log:1 /);
  assert.match(r.out, /DEV2\/ccmsetup\.log:1 /);
  assert.match(r.out, / DEV2\/only2\.log:1 /, 'a name unique in the merge keeps its device');
  const one = await run(timelineCommand, [DEV1]);
  assert.match(one.out, / ccmsetup\.log:1 /, 'one device: names alone');
});

test('timeline text prints no component part for a record without one', async () => {
  const r = await run(timelineCommand, [DEV1]);
  const line = r.out.split('\n').find((l) => l.includes('Error 1722.'))!;
  assert.match(line, / I Error 1722\.$/);
});

test('related says when nothing is in the window', async () => {
  const r = await run(relatedCommand, [`${path.join(DEV1, 'ccmsetup.log')}:1`, '--window', '1s', COLL]);
  assert.equal(r.code, 0);
  assert.equal(r.out, 'No entries within ±1 s in 4 other logs.');
});

test('export: host.name from the resolved path, however the folder is named', async () => {
  const cwd = process.cwd();
  try {
    process.chdir(DEV1);
    for (const named of ['.', '../DEV1', DEV1]) {
      assert.deepEqual((await findLogs([named])).sources.map((s) => s.machine), ['DEV1', 'DEV1'], named);
    }
  } finally {
    process.chdir(cwd);
  }
});

test('export: each entry says where its time came from: written, assumed (with the value), or unknown', async () => {
  const rows = (r: { out: string }) => r.out.trimEnd().split('\n').map((l) => JSON.parse(l)).filter((x) => x.attributes['cmlog.kind'] === 'entry');
  const plain = rows(await run(exportCommand, [DEV1]));
  const by = (xs: { body: string; attributes: Record<string, unknown> }[], body: string) => xs.find((x) => x.body.startsWith(body))!;
  assert.deepEqual([by(plain, 'dev1 setup').attributes['cmlog.time_source'], by(plain, 'dev1 setup').attributes['cmlog.offset_convention']], ['written', 'bias']);
  const cbs = by(plain, 'Exec');
  assert.deepEqual([cbs.attributes['cmlog.time_source'], (cbs as unknown as { timestamp: null }).timestamp], ['unknown', null]);
  const assumed = by(rows(await run(exportCommand, ['--default-offset', `${DEV1}=300`, DEV1])), 'Exec');
  assert.deepEqual([assumed.attributes['cmlog.time_source'], assumed.attributes['cmlog.assumed_offset'], assumed.attributes['cmlog.offset_convention']], ['assumed', 300, 'bias']);
});

test('notes: one a folder, bounded in count however many folders; a FOLDER= entry that places nothing is said', async () => {
  const many = mkdtempSync(path.join(os.tmpdir(), 'cmlog-offsets-many-'));
  for (let k = 0; k < 30; k++) {
    mkdirSync(path.join(many, `D${k}`));
    writeFileSync(path.join(many, `D${k}`, 'CBS.log'), '2024-01-15 08:00:00, Info                  CBS    Exec: Processing package\r\n');
  }
  const r = await run(timelineCommand, ['--default-offset', `${path.join(many, 'nosuch')}=60`, many]);
  const notes = r.err.split('\n').filter((l) => l.startsWith('cmlog: note:'));
  assert.ok(notes.length <= MAX_NOTES, `${notes.length} notes`);
  assert.match(notes.at(-1)!, /^cmlog: note: \d+ more notes on offsets/);
  assert.match(r.err, /nosuch=60 placed nothing: no log read is under /);
});
