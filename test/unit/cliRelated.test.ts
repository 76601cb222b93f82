// `cmlog related` and `cmlog timeline`, driven through their run() with a fake Io, plus one run of
// the built CLI as a child process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UsageError } from '../../server/src/cli/args';
import { commands } from '../../server/src/cli/commands';
import { parseDuration, parseFileLine, relatedCommand } from '../../server/src/cli/related';
import { parseIsoUtc, timelineCommand } from '../../server/src/cli/timeline';

const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLES = path.join(ROOT, 'samples');
const CLIENT = path.join(SAMPLES, 'Client', 'ClientIDManagerStartup.log');

async function run(cmd: typeof relatedCommand, argv: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = await cmd.run(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const base = (p: string) => path.basename(p);

test('related --format json: the MP line is 1.077 s after the client line, across time zones', async () => {
  const r = await run(relatedCommand, [`${CLIENT}:5`, '--window', '5s', '--format', 'json', SAMPLES]);
  assert.equal(r.code, 0);
  const json = JSON.parse(r.out);
  assert.equal(base(json.anchor.path), 'ClientIDManagerStartup.log');
  assert.equal(json.anchor.line, 5);
  assert.equal(json.anchor.utc, '2020-02-23T15:20:10.348Z');
  const mp = json.related.find((x: { path: string }) => base(x.path) === 'MP_RegistrationManager.log');
  assert.deepEqual({ ...mp, path: base(mp.path) }, {
    path: 'MP_RegistrationManager.log', line: 7, utc: '2020-02-23T15:20:11.425Z', deltaMs: 1077,
    message: "Registering device using AAD auth: DeviceId='b8e2d4f6-1a3c-4e5b-9d7f-0c2a4e6b8d1f', TenantId=''",
  });
  for (const x of json.related) assert.deepEqual(Object.keys(x), ['path', 'line', 'utc', 'deltaMs', 'message']);
  const gaps = json.related.map((x: { deltaMs: number }) => Math.abs(x.deltaMs));
  assert.deepEqual(gaps, [...gaps].sort((a, b) => a - b));
  assert.ok(json.related.every((x: { path: string }) => base(x.path) !== 'ClientIDManagerStartup.log'), 'never the anchor file without --include-self');
  // The IME log has no offset: reported, left out, never guessed.
  assert.deepEqual(json.offsetUnknown.map(base), ['IntuneManagementExtension.log']);
  assert.ok(json.related.every((x: { path: string }) => base(x.path) !== 'IntuneManagementExtension.log'));
  assert.match(r.err, /samples\/Client: 13 entries of 1 log with no offset \(time zone unknown\) not compared; /);
});

test('related: --default-offset places logs without one; --include-self; a smaller window', async () => {
  const withDefault = JSON.parse((await run(relatedCommand, [`${CLIENT}:5`, '--default-offset', '300', '--format', 'json', SAMPLES])).out);
  const ime = withDefault.related.find((x: { path: string }) => base(x.path) === 'IntuneManagementExtension.log');
  assert.equal(ime.deltaMs, 1775.457);
  assert.equal(ime.utc, '2020-02-23T15:20:12.123Z');
  assert.deepEqual(withDefault.offsetUnknown, []);
  assert.deepEqual(withDefault.defaultOffset.map(base), ['IntuneManagementExtension.log']);
  const self = JSON.parse((await run(relatedCommand, [`${CLIENT}:5`, '--include-self', '--window', '500ms', '--format', 'json', SAMPLES])).out);
  assert.deepEqual(self.related.map((x: { path: string; line: number }) => `${base(x.path)}:${x.line}`), ['ADALOperationProvider.log:2']);
  const wider = JSON.parse((await run(relatedCommand, [`${CLIENT}:5`, '--include-self', '--window', '2m', '--format', 'json', SAMPLES])).out);
  assert.ok(wider.related.some((x: { path: string; line: number }) => base(x.path) === 'ClientIDManagerStartup.log' && x.line !== 5));
  assert.ok(wider.related.every((x: { path: string; line: number }) => !(base(x.path) === 'ClientIDManagerStartup.log' && x.line === 5)));
});

test('related text output: path:line: +1.234 s message, the gap as the lens writes it; Windows-style FILE; no PATH means the file\'s folder', async () => {
  const windowsStyle = `${SAMPLES}\\Client\\ClientIDManagerStartup.log:5`;
  const r = await run(relatedCommand, [windowsStyle, '--window', '1500ms']);
  assert.equal(r.code, 0);
  const lines = r.out.split('\n').map((l) => l.slice(l.indexOf('Client/') + 'Client/'.length));
  assert.deepEqual(lines, [
    "ADALOperationProvider.log:2: -0.224 s Retrieved AAD token for AAD user 'f0a4c2d8-91b3-4e7f-a6c5-3d2e8b1f9a60'",
    'ADALOperationProvider.log:1: -0.912 s Getting AAD (user) token with: ClientId = 7c3e1f92-4b0d-4e6a-8d5f-2a9b6c1e0d47, ResourceUrl = https://ConfigMgrService, AccountId = f0a4c2d8-91b3-4e7f-a6c5-3d2e8b1f9a60',
  ]); // only Client/: the MP is in another folder
  const withMp = await run(relatedCommand, [windowsStyle, '--window', '1500ms', path.join(SAMPLES, 'SiteServer')]);
  assert.match(withMp.out, /MP_RegistrationManager\.log:7: \+1\.077 s Registering device using AAD auth/);
});

test('related: a line inside a multi-line record resolves to the record; control characters are shown as text', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cmlog-related-'));
  try {
    const rec = (msg: string, time: string, bias: string) =>
      `<![LOG[${msg}]LOG]!><time="${time}${bias}" date="02-23-2020" component="C" context="" type="1" thread="1" file="">\r\n`;
    await fs.writeFile(path.join(dir, 'a.log'), rec('first', '10:00:00.000', '+300') + rec('multi\r\n  line two\r\n  line three', '10:00:01.000', '+300'));
    await fs.writeFile(path.join(dir, 'b.log'), rec('\x1b[31mred\x1b[0m [x](command:evil)', '16:00:01.500', '-060'));
    const r = await run(relatedCommand, [path.join(dir, 'a.log') + ':4', '--format', 'json', dir]);
    const json = JSON.parse(r.out);
    assert.equal(json.anchor.line, 2);
    assert.equal(json.related[0].deltaMs, 500);
    const text = await run(relatedCommand, [path.join(dir, 'a.log') + ':3', dir]);
    assert.equal(text.out.slice(text.out.lastIndexOf('/') + 1), 'b.log:1: +0.5 s \\x1b[31mred\\x1b[0m [x](command:evil)');
    const none = await run(relatedCommand, [path.join(dir, 'a.log') + ':40', dir]);
    assert.equal(none.code, 2);
    assert.match(none.err, /no log record on this line \(the file has 5 lines\)/);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('related: usage errors', async () => {
  await assert.rejects(run(relatedCommand, []), UsageError);
  await assert.rejects(run(relatedCommand, ['x.log']), UsageError);
  await assert.rejects(run(relatedCommand, [`${CLIENT}:5`, '--window', 'soon']), UsageError);
  await assert.rejects(run(relatedCommand, [`${CLIENT}:5`, '--bogus']), UsageError);
  const missing = await run(relatedCommand, [path.join(SAMPLES, 'nope.log') + ':1']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /nope\.log: no such file/);
});

test('parseFileLine and parseDuration', () => {
  assert.deepEqual(parseFileLine('C:\\Windows\\CCM\\Logs\\ccmsetup.log:12'), { file: 'C:\\Windows\\CCM\\Logs\\ccmsetup.log', line: 12 });
  assert.deepEqual(parseFileLine('a:b.log:1'), { file: 'a:b.log', line: 1 });
  assert.throws(() => parseFileLine('C:\\x.log'), UsageError);
  assert.throws(() => parseFileLine('x.log:0'), UsageError);
  assert.equal(parseDuration('5s'), 5000);
  assert.equal(parseDuration('500ms'), 500);
  assert.equal(parseDuration('2m'), 120_000);
  assert.equal(parseDuration('1.5s'), 1500);
  assert.equal(parseDuration('3'), 3000);
  assert.throws(() => parseDuration('-1s'), UsageError);
});

test('both commands are registered', () => {
  assert.ok(commands.some((c) => c.name === 'related'));
  assert.ok(commands.some((c) => c.name === 'timeline'));
});

test('timeline: merged in UTC with the source log and the wall clock as written; filters', async () => {
  const client = path.join(SAMPLES, 'Client', 'ClientIDManagerStartup.log');
  const mp = path.join(SAMPLES, 'SiteServer', 'MP_RegistrationManager.log');
  const r = await run(timelineCommand, ['--from', '2020-02-23T15:20:10Z', '--to', '2020-02-23T15:20:11.5Z', client, mp]);
  assert.equal(r.code, 0);
  assert.deepEqual(r.out.split('\n').map((l) => l.replace(/\s+/g, ' ')), [
    '2020-02-23T15:20:10.348Z Client/ClientIDManagerStartup.log:5 02-23-2020 10:20:10.348+300 I ClientIDManagerStartup: Registering client using AAD auth.',
    "2020-02-23T15:20:11.425Z SiteServer/MP_RegistrationManager.log:7 02-23-2020 16:20:11.425-060 I MP_RegistrationManager: Registering device using AAD auth: DeviceId='b8e2d4f6-1a3c-4e5b-9d7f-0c2a4e6b8d1f', TenantId=''",
    "2020-02-23T15:20:11.429Z SiteServer/MP_RegistrationManager.log:8 02-23-2020 16:20:11.429-060 I MP_RegistrationManager: Processing Registration request from Client 'GUID:4F2A7C91-3B6D-4E8F-A1C5-9D0E2B7F6A34'",
  ]);
  const errors = await run(timelineCommand, ['--severity', 'error', '--format', 'json', path.join(SAMPLES, 'Client')]);
  const json = JSON.parse(errors.out);
  assert.deepEqual(json.entries.map((e: { path: string; line: number; utc: string | null }) => [base(e.path), e.line, e.utc]), [
    ['ccmsetup.log', 4, '2020-02-23T15:12:01.760Z'],
    ['ccmsetup.log', 5, '2020-02-23T15:12:01.762Z'],
    ['ccmsetup.log', 6, '2020-02-23T15:12:01.763Z'],
    ['IntuneManagementExtension.log', 11, null], // offset unknown: last, and said so
  ]);
  assert.deepEqual(json.offsetUnknown.map(base), ['IntuneManagementExtension.log']);
  assert.deepEqual(json.unknownUtc, { count: 1, placement: 'last' });
  assert.equal(json.entries[3].time, '10:21:26.1647298');
  const excluded = JSON.parse((await run(timelineCommand, ['--severity', 'error', '--unknown', 'exclude', '--format', 'json', path.join(SAMPLES, 'Client')])).out);
  assert.equal(excluded.entries.length, 3);
  const comp = JSON.parse((await run(timelineCommand, ['--component', 'ccmsetup', '--component', 'CCM_STS', '--thread', '6512,4928', '--format', 'json', SAMPLES])).out);
  assert.deepEqual([...new Set(comp.entries.map((e: { thread: string }) => e.thread))].sort(), ['4928', '6512']);
  assert.ok(comp.entries.every((e: { component: string; thread: string }) => ['ccmsetup', 'CCM_STS'].includes(e.component) && ['6512', '4928'].includes(e.thread)));
  await assert.rejects(run(timelineCommand, ['--severity', 'bad', SAMPLES]), UsageError);
  await assert.rejects(run(timelineCommand, ['--from', 'yesterday', SAMPLES]), UsageError);
});

test('parseIsoUtc: UTC unless a zone is given; the end of a range covers its unit', () => {
  assert.equal(parseIsoUtc('2020-02-23T15:20:10.348Z', 'from', 'start'), Date.UTC(2020, 1, 23, 15, 20, 10, 348));
  assert.equal(parseIsoUtc('2020-02-23 15:20:10', 'from', 'start'), Date.UTC(2020, 1, 23, 15, 20, 10));
  assert.equal(parseIsoUtc('2020-02-23T16:20:10+01:00', 'from', 'start'), Date.UTC(2020, 1, 23, 15, 20, 10));
  assert.equal(parseIsoUtc('2020-02-23T10:20:10-0500', 'from', 'start'), Date.UTC(2020, 1, 23, 15, 20, 10));
  const end = parseIsoUtc('2020-02-23T15:20', 'to', 'end');
  assert.ok(end > Date.UTC(2020, 1, 23, 15, 20, 59, 999) && end < Date.UTC(2020, 1, 23, 15, 21));
  assert.throws(() => parseIsoUtc('2020-02-30', 'to', 'end'), UsageError);
});

test('the built CLI: node dist/cli.js related FILE:LINE --format json PATH', { skip: !existsSync(path.join(ROOT, 'dist', 'cli.js')) && 'dist/cli.js not built (npm run build)' }, async () => {
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'related', 'samples/Client/ClientIDManagerStartup.log:5', '--format', 'json', 'samples'],
      { cwd: ROOT }, (e, out) => (e ? reject(e) : resolve(out))));
  const json = JSON.parse(stdout);
  assert.deepEqual(json.anchor, { path: 'samples/Client/ClientIDManagerStartup.log', line: 5, utc: '2020-02-23T15:20:10.348Z' });
  assert.deepEqual(json.related.find((x: { path: string }) => x.path === 'samples/SiteServer/MP_RegistrationManager.log'),
    { path: 'samples/SiteServer/MP_RegistrationManager.log', line: 7, utc: '2020-02-23T15:20:11.425Z', deltaMs: 1077,
      message: "Registering device using AAD auth: DeviceId='b8e2d4f6-1a3c-4e5b-9d7f-0c2a4e6b8d1f', TenantId=''" });
});
