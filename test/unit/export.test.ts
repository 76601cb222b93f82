// `cmlog export --format ndjson`: the OpenTelemetry-named rows docs/export.md documents, every entry
// and every problem, untrusted text escaped, written with backpressure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { exportNdjson } from '../../server/src/cli/export';
import { LogFile } from '../../server/src/logFile';
import type { LogInput } from '../../server/src/rules';

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
      'cmlog.severity': 'information', 'cmlog.line': 1, 'cmlog.offset': 0, 'cmlog.format': 'ccm' },
  });
  // The bias is added: local 08:00:01 + 60 min = 09:00:01 UTC.
  assert.deepEqual([entries[1].timestamp, entries[1].severity_text, entries[1].severity_number], ['2026-03-15T09:00:01.000Z', 'WARN', 13]);
  assert.deepEqual([entries[2].body, entries[2].severity_text, entries[2].severity_number, entries[2].attributes['cmlog.line']], ['line one\r\nline two', 'ERROR', 17, 3]);
  assert.deepEqual([entries[3].timestamp, entries[3].observed_wall_clock], [null, '2026-03-15T09:30:00.500']);
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
