// `cmlog export --format ndjson`: the OpenTelemetry-named rows docs/export.md documents, every entry
// and every problem, untrusted text escaped, written with backpressure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { jsonText } from '../../server/src/cli/escape';
import { exportCommand, exportNdjson, lineWriter, writeEntries, type ExportTarget } from '../../server/src/cli/export';
import { findLogs, readSource } from '../../server/src/cli/load';
import { LogFile } from '../../server/src/logFile';
import { isoUtc } from '../../server/src/parse/time';
import type { LogInput } from '../../server/src/rules';
import { severityName } from '../../server/src/severity';
import { zipBytes } from '../support/zipBytes';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

const ccm = (msg: string, type: string, time = '08:00:00.250+000', thread = '7') =>
  `<![LOG[${msg}]LOG]!><time="${time}" date="3-15-2026" component="Comp" context="" type="${type}" thread="${thread}" file="">\r\n`;

/** A sink that takes a while for each write, as a pipe to a slow reader does; records how much waited in it. */
function slowSink(highWaterMark = 16 * 1024) {
  const chunks: string[] = [];
  let maxBuffered = 0;
  const sink = new Writable({
    highWaterMark,
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      setImmediate(done);
    },
  });
  const write = sink.write.bind(sink);
  sink.write = ((chunk: string) => { const r = write(chunk); maxBuffered = Math.max(maxBuffered, sink.writableLength); return r; }) as typeof sink.write;
  return { sink, text: () => chunks.join(''), maxBuffered: () => maxBuffered };
}

async function rows(logs: LogInput[]) {
  const s = slowSink();
  const err: string[] = [];
  const counts = await exportNdjson(logs, s.sink, { out: () => assert.fail('export writes to its stream'), err: (x) => err.push(x) });
  return { counts, err, text: s.text(), rows: s.text().trimEnd().split('\n').map((l) => JSON.parse(l)) };
}

test('entries: OpenTelemetry names, UTC with ms or null with the wall clock kept, severities, attributes', async () => {
  const text = ccm('ok', '1') + ccm('warn', '2', '08:00:01.000+060') + ccm('line one\r\nline two', '3') +
    ccm('no zone', '1', '09:30:00.500') + 'not a record\r\n' + '<![LOG[cut off\r\n' + ccm('done', '0');
  const log = LogFile.fromText(text);
  const { rows: out, counts } = await rows([{ key: 'dir/a.log', name: 'a.log', log }]);
  assert.equal(counts.entries, log.entryCount);
  const entries = out.filter((r) => r.attributes['cmlog.kind'] === 'entry');
  assert.equal(entries.length, log.entryCount);
  assert.deepEqual(entries[0], {
    timestamp: '2026-03-15T08:00:00.250Z', observed_wall_clock: '2026-03-15T08:00:00.250', severity_text: 'INFO', severity_number: 9, body: 'ok',
    attributes: { 'log.file.path': 'dir/a.log', 'log.file.name': 'a.log', 'thread.id': '7', 'code.function': 'Comp', 'cmlog.kind': 'entry',
      'cmlog.severity': 'information', 'cmlog.line': 1, 'cmlog.offset': 0, 'cmlog.format': 'ccm', 'cmlog.time_source': 'written', 'cmlog.offset_convention': 'bias' },
  });
  // The bias is added: local 08:00:01 + 60 min = 09:00:01 UTC.
  assert.deepEqual([entries[1].timestamp, entries[1].severity_text, entries[1].severity_number], ['2026-03-15T09:00:01.000Z', 'WARN', 13]);
  assert.deepEqual([entries[2].body, entries[2].severity_text, entries[2].severity_number, entries[2].attributes['cmlog.line']], ['line one\r\nline two', 'ERROR', 17, 3]);
  assert.deepEqual([entries[3].timestamp, entries[3].observed_wall_clock], [null, '2026-03-15T09:30:00.500']);
  assert.equal(entries[3].attributes['cmlog.time_source'], 'unknown');
  assert.ok(!('cmlog.offset_convention' in entries[3].attributes), 'no offset read, no convention');
  assert.deepEqual([entries.at(-1).severity_text, entries.at(-1).attributes['cmlog.severity']], ['INFO', 'success']);
  assert.equal(entries[3].attributes['cmlog.offset'], text.indexOf('<![LOG[no zone'));
  assert.ok(entries.every((e) => !('host.name' in e.attributes)), 'a folder name is not a host');
  const problems = out.filter((r) => r.attributes['cmlog.kind'] === 'problem');
  assert.equal(counts.problems, problems.length);
  assert.deepEqual(problems.map((p) => [p.attributes['cmlog.rule'], p.attributes['cmlog.line'], p.severity_text, p.severity_number, p.attributes['cmlog.status'], p.attributes['log.file.path']]),
    [['truncated-record', 7, 'INFO', 9, null, 'dir/a.log']]);
  assert.ok(problems[0].body.length > 0);
});

test('untrusted text stays escaped JSON: no raw control, bidi or line-separator character reaches the output', async () => {
  const nasty = 'a\x1b[31mred\x07 \u202egnp.exe \u2028 \u0085 "quoted" \\ end';
  const log = LogFile.fromText(ccm(nasty, '3'));
  const r = await rows([{ key: 'x\u202e\n.log', name: 'x\u202e\n.log', log }]);
  assert.ok(!/[\x00-\x09\x0b-\x1f\x7f\x85\u2028\u202e]/.test(r.text), 'only the row separators are raw line feeds');
  assert.equal(r.rows[0].body, nasty);
  assert.equal(r.rows[0].attributes['log.file.path'], 'x\u202e\n.log');
});

test('written with backpressure: a slow reader never has more than a piece or two waiting', async () => {
  let text = '';
  for (let i = 0; i < 20_000; i++) text += ccm(`record ${i} ${'x'.repeat(100)}`, String(1 + (i % 3)), '08:00:00.000+000', String(i % 9));
  const log = LogFile.fromText(text);
  const s = slowSink(16 * 1024);
  const counts = await exportNdjson([{ key: 'big.log', name: 'big.log', log }], s.sink, { out: () => {}, err: () => {} });
  const out = s.text();
  assert.equal(counts.entries, 20_000);
  assert.ok(out.length > 5_000_000, `${out.length} characters written`);
  assert.ok(s.maxBuffered() < 4 * 65_536, `at most ${s.maxBuffered()} characters waited in the stream`);
  assert.equal(out.split('\n').length - 1, 20_000 + counts.problems);
});

test('cmlog export samples: one line per entry and per problem, as check counts them; a bad --format is a usage error', () => {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
  const exp = spawnSync(process.execPath, [CLI, 'export', '--format', 'ndjson', 'samples'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(exp.status, 0, exp.stderr);
  const check = JSON.parse(spawnSync(process.execPath, [CLI, 'check', '--format', 'json', 'samples'], { cwd: ROOT, encoding: 'utf8' }).stdout);
  const lines = exp.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  const perFile = new Map<string, number>();
  for (const l of lines) if (l.attributes['cmlog.kind'] === 'entry') perFile.set(l.attributes['log.file.path'], (perFile.get(l.attributes['log.file.path']) ?? 0) + 1);
  assert.deepEqual(Object.fromEntries(perFile), Object.fromEntries(check.files.filter((f: { entries: number }) => f.entries > 0).map((f: { path: string; entries: number }) => [f.path, f.entries])));
  assert.deepEqual(lines.filter((l) => l.attributes['cmlog.kind'] === 'problem').map((l) => [l.attributes['log.file.path'], l.attributes['cmlog.line'], l.attributes['cmlog.rule']]),
    check.diagnostics.map((d: { path: string; line: number; code: string }) => [d.path, d.line, d.code]));
  const bad = spawnSync(process.execPath, [CLI, 'export', '--format', 'csv', 'samples'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--format must be one of ndjson/);
});

/** The row docs/export.md describes, built as an object and printed by jsonText: what the fast writer must equal byte for byte. */
function referenceRow({ key, name, log, machine }: ExportTarget, i: number): string {
  const utc = log.utc(i), wall = isoUtc(log.table.wall[i]);
  const [text, number] = ([['INFO', 9], ['INFO', 9], ['WARN', 13], ['ERROR', 17]] as const)[log.severity(i)];
  return jsonText({
    timestamp: Number.isNaN(utc) ? null : isoUtc(utc), observed_wall_clock: wall === null ? null : wall.slice(0, -1),
    severity_text: text, severity_number: number, body: log.message(i),
    attributes: {
      'log.file.path': key, 'log.file.name': name, ...(machine ? { 'host.name': machine } : {}), 'thread.id': log.thread(i), 'code.function': log.component(i),
      'cmlog.kind': 'entry', 'cmlog.severity': severityName[log.severity(i)], 'cmlog.line': log.line(i) + 1, 'cmlog.offset': log.table.start[i], 'cmlog.format': log.formatOf(i).id,
      ...timeSource(log, i),
    },
  });
}

/** The time source attributes docs/export.md describes, from the log's own accessors. */
function timeSource(log: ExportTarget['log'], i: number): Record<string, unknown> {
  const utc = log.utc(i);
  if (Number.isNaN(utc)) return { 'cmlog.time_source': 'unknown' };
  if (log.offsetSource(i) === 'written') return { 'cmlog.time_source': 'written', 'cmlog.offset_convention': log.offsetConvention };
  return { 'cmlog.time_source': 'assumed', 'cmlog.assumed_offset': log.defaultOffset, 'cmlog.offset_convention': log.defaultOffsetConvention };
}

async function writtenRows(target: ExportTarget): Promise<string> {
  const s = slowSink(1 << 20);
  const w = lineWriter(s.sink);
  await writeEntries(w, target);
  await w.flush();
  await new Promise((resolve) => s.sink.end(resolve));
  return s.text();
}

test('entry rows, built as text, are byte for byte the documented objects: every log of samples/, hostile text and names, odd times', async () => {
  const found = await findLogs([path.join(ROOT, 'samples')]);
  assert.ok(found.sources.length >= 9, `${found.sources.length} logs in samples/`);
  const targets: ExportTarget[] = [];
  for (const source of found.sources) targets.push({ key: source.key, name: source.name, log: await readSource(source, {}), machine: source.machine });
  const nasty = 'a\x1b[31mred\x07 \u202egnp.exe \u2028 \u0085 "quoted" \\ end \ud83d\ude00 \udb40\udc01 \ud800 lone \x7f é';
  const hostile = ccm(nasty, '3', '23:59:59.999+000', 'th"r\u202e') + ccm('"', '2', '00:00:00.000-600') + ccm('x', '1', '08:00:00.05+000') + ccm('no zone', '0', '12:34:56.007') +
    '<![LOG[bad time]LOG]!><time="99:99:99.000+000" date="13-45-2026" component="C\u2028" context="" type="1" thread="1" file="">\r\n' +
    'legacy $$<Comp\x01><03-15-2026 08:00:00.123+420><thread=12 (0xC)>\r\n';
  targets.push({ key: 'dir\u202e/x\n"y".log', name: 'x\n"y".log', log: LogFile.fromText(hostile), machine: 'PC\u202e"1' });
  targets.push({ key: 'utc.log', name: 'utc.log', log: LogFile.fromText(ccm('default offset', '1', '08:00:00.999')), machine: null });
  targets.push({ key: 'def.log', name: 'def.log', log: LogFile.fromText(ccm('default offset', '1', '08:00:00.999'), { defaultOffset: -90 }) });
  let compared = 0;
  for (const target of targets) {
    const got = await writtenRows(target);
    assert.ok(got.endsWith('\n'), target.key);
    const lines = got.slice(0, -1).split('\n');
    assert.equal(lines.length, target.log.entryCount, target.key);
    lines.forEach((line, i) => assert.equal(line, referenceRow(target, i), `${target.key}, entry ${i}`));
    compared += target.log.entryCount;
  }
  assert.ok(compared > 2000, `${compared} rows compared`);
});

test('host.name is the device: the archive\'s name, or the top-level folder under the one named; cmlog export reads archives', async () => {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-export-'));
  mkdirSync(path.join(dir, 'case', 'PC7', 'ccm'), { recursive: true });
  writeFileSync(path.join(dir, 'case', 'PC7', 'ccm', 'a.log'), ccm('in a folder', '1'));
  writeFileSync(path.join(dir, 'case', 'loose.log'), ccm('loose', '1'));
  writeFileSync(path.join(dir, 'case', 'PC042.zip'), zipBytes([{ name: 'ccm/logs/CcmExec.log', data: ccm('in an archive', '2') + '<![LOG[cut off\r\n' }]));
  const exp = spawnSync(process.execPath, [CLI, 'export', 'case'], { cwd: dir, encoding: 'utf8' });
  assert.equal(exp.status, 0, exp.stderr);
  const lines = exp.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => [l.attributes['cmlog.kind'], l.attributes['log.file.path'], l.attributes['host.name']]).sort(), [
    ['entry', 'case/PC042.zip!/ccm/logs/CcmExec.log', 'PC042'],
    ['entry', 'case/PC042.zip!/ccm/logs/CcmExec.log', 'PC042'],
    ['entry', 'case/PC7/ccm/a.log', 'PC7'],
    ['entry', 'case/loose.log', 'case'],
    ['problem', 'case/PC042.zip!/ccm/logs/CcmExec.log', 'PC042'],
  ]);
  // --rule as for check: the problem turned off.
  const off = spawnSync(process.execPath, [CLI, 'export', '--rule', 'truncated-record=off', 'case/PC042.zip'], { cwd: dir, encoding: 'utf8' });
  assert.equal(off.status, 0, off.stderr);
  assert.deepEqual(off.stdout.trimEnd().split('\n').map((l) => [JSON.parse(l).attributes['cmlog.kind'], JSON.parse(l).attributes['host.name']]), [['entry', 'PC042'], ['entry', 'PC042']]);
  const bad = spawnSync(process.execPath, [CLI, 'export', '--rule', 'no-such-rule=off', 'case'], { cwd: dir, encoding: 'utf8' });
  assert.equal(bad.status, 2);
});

test('export writes to the stream its caller gives, not to the process\'s stdout', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-export-io-'));
  writeFileSync(path.join(dir, 'a.log'), ccm('one', '1') + ccm('two', '3'));
  const chunks: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { chunks.push(String(chunk)); done(); } });
  const err: string[] = [];
  const code = await exportCommand.run([dir], { out: () => assert.fail('rows are streamed, not printed'), err: (s) => err.push(s), stream });
  assert.equal(code, 0, err.join('\n'));
  const rows = chunks.join('').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(rows.filter((r) => r.body !== undefined && !r.attributes['cmlog.rule']).map((r) => r.body), ['one', 'two']);
});

test('exportNdjson (tests, bench) writes byte for byte what cmlog export writes: cross-log rules read only the logs of their archive', async () => {
  // The group sync error quotes registration evidence from logs beside it; the registrations in
  // another device's archive are not its evidence (check and export group by archive).
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-export-same-'));
  const sample = (name: string) => ({ name: `SiteServer/${name}`, data: readFileSync(path.join(ROOT, 'samples', 'SiteServer', name)) });
  writeFileSync(path.join(dir, 'SITE.zip'), zipBytes([sample('SMS_AZUREAD_DISCOVERY_AGENT.log')]));
  writeFileSync(path.join(dir, 'MP.zip'), zipBytes([sample('MP_RegistrationManager.log'), sample('CCM_STS.log')]));
  const chunks: string[] = [];
  const err: string[] = [];
  const code = await exportCommand.run([dir], { out: () => {}, err: (s) => err.push(s), stream: new Writable({ write(c, _e, done) { chunks.push(String(c)); done(); } }) });
  assert.equal(code, 0, err.join('\n'));
  const found = await findLogs([dir]);
  const targets: ExportTarget[] = [];
  for (const source of found.sources) targets.push({ key: source.key, name: source.name, log: await readSource(source, {}), machine: source.machine, group: source.group });
  const r = await rows(targets);
  assert.deepEqual(r.err, []);
  assert.equal(r.text, chunks.join(''));
  assert.ok(r.rows.some((x) => x.attributes['cmlog.rule'] === 'aad-tenant-missing' && x.attributes['host.name'] === 'SITE'), 'the group sync error is found');
});

test('exportNdjson exports every log it is given, two with the same key too', async () => {
  // Logs in memory need not have distinct keys; each is exported from its own LogFile.
  const one = LogFile.fromText(ccm('one', '1')), two = LogFile.fromText(ccm('two', '1') + ccm('three', '1'));
  const r = await rows([{ key: 'same.log', name: 'a.log', log: one }, { key: 'same.log', name: 'b.log', log: two }]);
  assert.equal(r.counts.entries, 3);
  const entries = r.rows.filter((x) => x.attributes['cmlog.kind'] === 'entry');
  assert.deepEqual(entries.map((x) => [x.attributes['log.file.name'], x.body]), [['a.log', 'one'], ['b.log', 'two'], ['b.log', 'three']]);
});
