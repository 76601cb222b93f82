// `npm run test:ingest`: `cmlog export` loaded into a real ClickHouse (Debian's clickhouse-server,
// started here as a plain process on loopback with its own temporary config and data), then checked
// by query: every entry and problem of samples/ and of a generated ~100 MB collection arrived, per
// file, with the right UTC, severity, file and host. INGEST_MB sets the collection's size.
//
// Debian ships ClickHouse 18.16: no DateTime64, no JSON functions beyond visitParam*, and
// JSONEachRow cannot read the nested `attributes` object. So each line goes in whole (CSV with a
// delimiter, \x01, that JSON text never holds raw) into a Null table, and a materialized view pulls
// the fields out with visitParamExtract* (key names are unique, and quotes inside strings are
// escaped, so the first `"key":` is the key) into a MergeTree table: UTC as Int64 ms and DateTime.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateLog } from '../../bench/generate';
import { findLogs, readSource, type LogSource } from '../../server/src/cli/load';
import { zipBytes } from '../support/zipBytes';
import { severityName } from '../../server/src/severity';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const MB = 1 << 20;
const SIZE = Number(process.env.INGEST_MB ?? 100) * MB;
const SERVER = '/usr/sbin/clickhouse-server';

const t0 = performance.now();
const say = (s: string) => console.log(`[ingest ${((performance.now() - t0) / 1000).toFixed(1)} s] ${s}`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address() as net.AddressInfo; s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

let httpPort = 0;

/** A query over HTTP; `body` (a stream) is the data of an INSERT. Rejects on any status but 200. */
function query(sql: string, body?: NodeJS.ReadableStream, settings: Record<string, string> = {}): Promise<string> {
  const qs = new URLSearchParams({ query: sql, ...settings }).toString();
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: httpPort, method: 'POST', path: `/?${qs}` }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`ClickHouse ${res.statusCode}: ${text.slice(0, 2000)}`))));
    });
    req.on('error', reject);
    if (body) body.pipe(req);
    else req.end();
  });
}

async function waitReady(server: ChildProcess, deadlineMs: number): Promise<void> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`clickhouse-server exited with ${server.exitCode}`);
    try { if ((await query('SELECT 1')).trim() === '1') return; } catch { /* not listening yet */ }
    if (Date.now() > end) throw new Error(`clickhouse-server did not answer on port ${httpPort} within ${deadlineMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((r) => server.once('exit', () => r()));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

function startServer(dir: string, tcpPort: number): ChildProcess {
  const data = path.join(dir, 'data') + '/';
  mkdirSync(path.join(dir, 'tmp'), { recursive: true });
  writeFileSync(path.join(dir, 'users.xml'), `<yandex><profiles><default/></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default/></quotas></yandex>\n`);
  writeFileSync(path.join(dir, 'config.xml'), `<yandex>
  <logger><level>warning</level><log>${dir}/server.log</log><errorlog>${dir}/error.log</errorlog></logger>
  <listen_host>127.0.0.1</listen_host><http_port>${httpPort}</http_port><tcp_port>${tcpPort}</tcp_port>
  <path>${data}</path><tmp_path>${dir}/tmp/</tmp_path><users_config>${dir}/users.xml</users_config>
  <default_profile>default</default_profile><default_database>default</default_database>
  <mark_cache_size>268435456</mark_cache_size><timezone>UTC</timezone></yandex>\n`);
  return spawn(SERVER, [`--config-file=${dir}/config.xml`], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

const SCHEMA = [
  `CREATE TABLE cmlog (kind String, ts_ms Nullable(Int64), ts Nullable(DateTime), wall String, severity_text String, severity_number UInt8,
    body String, path String, name String, host String, thread String, component String, line UInt64, offset UInt64, format String, rule String, status String,
    time_source String, assumed_offset Int64, offset_convention String)
    ENGINE = MergeTree() ORDER BY (path, line)`,
  'CREATE TABLE raw (json String) ENGINE = Null',
  `CREATE MATERIALIZED VIEW pull TO cmlog AS SELECT
    visitParamExtractString(json, 'cmlog.kind') AS kind,
    parseDateTimeBestEffortOrNull(substring(visitParamExtractRaw(json, 'timestamp'), 2, 19), 'UTC') AS ts,
    toInt64(toUnixTimestamp(ts)) * 1000 + toInt64OrZero(substring(visitParamExtractRaw(json, 'timestamp'), 22, 3)) AS ts_ms,
    visitParamExtractString(json, 'observed_wall_clock') AS wall,
    visitParamExtractString(json, 'severity_text') AS severity_text,
    toUInt8(visitParamExtractUInt(json, 'severity_number')) AS severity_number,
    visitParamExtractString(json, 'body') AS body,
    visitParamExtractString(json, 'log.file.path') AS path,
    visitParamExtractString(json, 'log.file.name') AS name,
    visitParamExtractString(json, 'host.name') AS host,
    visitParamExtractString(json, 'thread.id') AS thread,
    visitParamExtractString(json, 'code.function') AS component,
    visitParamExtractUInt(json, 'cmlog.line') AS line,
    visitParamExtractUInt(json, 'cmlog.offset') AS offset,
    visitParamExtractString(json, 'cmlog.format') AS format,
    visitParamExtractString(json, 'cmlog.rule') AS rule,
    visitParamExtractString(json, 'cmlog.status') AS status,
    visitParamExtractString(json, 'cmlog.time_source') AS time_source,
    visitParamExtractInt(json, 'cmlog.assumed_offset') AS assumed_offset,
    visitParamExtractString(json, 'cmlog.offset_convention') AS offset_convention
    FROM raw`,
];

/** `cmlog export` of `target` streamed straight into the raw table. */
async function ingest(target: string): Promise<void> {
  const child = spawn(process.execPath, [CLI, 'export', '--format', 'ndjson', target], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  await query('INSERT INTO raw FORMAT CSV', child.stdout!, { format_csv_delimiter: '\x01' });
  assert.equal(await exited, 0, `cmlog export ${target} failed`);
}

interface Expected { entries: number; nullUtc: number; utcSum: bigint; severities: Record<string, number> }

const OTEL: Record<string, string> = { success: 'INFO', information: 'INFO', warning: 'WARN', error: 'ERROR' };

/** Per file, from cmlog's own parser: entries, UTC sum (every row's time counts), severities. */
async function expectedOf(source: LogSource): Promise<Expected> {
  const log = await readSource(source, {});
  const e: Expected = { entries: log.entryCount, nullUtc: 0, utcSum: 0n, severities: {} };
  for (let i = 0; i < log.entryCount; i++) {
    const utc = log.utc(i);
    if (Number.isNaN(utc)) e.nullUtc++;
    else e.utcSum += BigInt(Math.floor(utc));
    const s = OTEL[severityName[log.severity(i)]];
    e.severities[s] = (e.severities[s] ?? 0) + 1;
  }
  return e;
}

function rows(tsv: string): string[][] {
  return tsv.trimEnd().split('\n').filter(Boolean).map((l) => l.split('\t'));
}

/**
 * Every file's counts in the table against `cmlog check --format json` and the parser; every row's
 * host.name is `hostOf` its path (the device: the archive, or the top-level folder under `target`).
 */
async function verify(target: string, hostOf: (path: string) => string): Promise<{ entries: number; problems: number }> {
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', target], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const check = JSON.parse(r.stdout) as { files: { path: string; entries: number }[]; diagnostics: { path: string; code: string }[] };
  const like = `path LIKE '${target.startsWith('/') ? target : target + '/'}%'`.replace(/\\/g, '\\\\');
  const got = new Map(rows(await query(`SELECT path, count(), countIf(ts_ms IS NULL), toString(ifNull(sum(ts_ms), 0)) FROM cmlog WHERE kind = 'entry' AND ${like} GROUP BY path FORMAT TSV`))
    .map(([p, n, nul, sum]) => [p, { n: +n, nul: +nul, sum: BigInt(sum) }]));
  const sev = rows(await query(`SELECT path, severity_text, count() FROM cmlog WHERE kind = 'entry' AND ${like} GROUP BY path, severity_text FORMAT TSV`));
  // As cmlog names them, archive members too (run from ROOT, as the export and check were).
  const cwd = process.cwd();
  process.chdir(ROOT);
  let sources: Map<string, LogSource>;
  try { sources = new Map((await findLogs([target])).sources.map((s) => [s.key, s])); } finally { process.chdir(cwd); }
  let entries = 0;
  for (const f of check.files) {
    if (f.entries === 0) { assert.ok(!got.has(f.path), `${f.path}: no entries, no rows`); continue; }
    assert.ok(sources.has(f.path), `${f.path}: found by check, not by findLogs`);
    const want = await expectedOf(sources.get(f.path)!);
    const g = got.get(f.path);
    assert.ok(g, `${f.path}: no rows arrived`);
    assert.equal(g.n, f.entries, `${f.path}: entries`);
    assert.equal(g.nul, want.nullUtc, `${f.path}: entries of unknown UTC`);
    assert.equal(g.sum, want.utcSum, `${f.path}: the sum of every entry's UTC in ms`);
    assert.deepEqual(Object.fromEntries(sev.filter(([p]) => p === f.path).map(([, s, n]) => [s, +n])), want.severities, `${f.path}: severities`);
    entries += f.entries;
  }
  assert.equal(got.size, check.files.filter((f) => f.entries > 0).length, 'no rows of files check did not read');
  const problems = rows(await query(`SELECT path, rule, count() FROM cmlog WHERE kind = 'problem' AND ${like} GROUP BY path, rule ORDER BY path, rule FORMAT TSV`));
  const want = new Map<string, number>();
  for (const d of check.diagnostics) want.set(`${d.path}\t${d.code}`, (want.get(`${d.path}\t${d.code}`) ?? 0) + 1);
  assert.deepEqual(new Map(problems.map(([p, rule, n]) => [`${p}\t${rule}`, +n])), want, 'problems per file and rule');
  const hosts = rows(await query(`SELECT path, arrayStringConcat(arraySort(groupUniqArray(host)), ',') FROM cmlog WHERE ${like} GROUP BY path FORMAT TSV`));
  assert.equal(hosts.length, got.size, 'host.name: every file');
  for (const [p, h] of hosts) assert.equal(h, hostOf(p), `${p}: host.name of every entry and problem`);
  return { entries, problems: check.diagnostics.length };
}

/** The first record of a generated ccm log, read from its bytes: its UTC is its wall clock plus the bias written. */
function firstRecordUtc(file: string): { utc: string; wall: string } {
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(4096);
  readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const m = /time="(\d\d):(\d\d):(\d\d)\.(\d{3})([+-]\d{3})" date="(\d\d)-(\d\d)-(\d{4})"/.exec(head.toString('latin1'))!;
  const [, h, mi, s, ms, bias, mo, d, y] = m;
  const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, +ms);
  return { utc: new Date(wall + Number(bias) * 60_000).toISOString(), wall: new Date(wall).toISOString().slice(0, -1) };
}

async function main(): Promise<void> {
  assert.ok(statSync(CLI, { throwIfNoEntry: false }), 'dist/cli.js is missing: run `npm run build` first');
  if (!statSync(SERVER, { throwIfNoEntry: false })) throw new Error(`${SERVER} is missing: apt-get install clickhouse-server (see .ci/run)`);
  const dir = mkdtempSync(path.join(tmpdir(), 'cmlog-ingest-'));
  httpPort = await freePort();
  const server = startServer(path.join(dir, 'ch'), await freePort());
  let stderr = '';
  server.stderr!.on('data', (c) => { if (stderr.length < 10_000) stderr += c; });
  try {
    await waitReady(server, 60_000);
    say(`ClickHouse ${(await query('SELECT version()')).trim()} on 127.0.0.1:${httpPort}`);
    for (const sql of SCHEMA) await query(sql);

    await ingest('samples');
    const s = await verify('samples', (p) => p.split('/')[1]);
    // Spot rows, as samples/ says them.
    assert.equal((await query(`SELECT ts_ms, ts, wall, severity_text, thread, component FROM cmlog WHERE path = 'samples/Client/ADALOperationProvider.log' AND line = 1 FORMAT TSV`)).trim(),
      `${Date.parse('2020-02-23T15:20:09.436Z')}\t2020-02-23 15:20:09\t2020-02-23T10:20:09.436\tINFO\t3744\tADALOperationProvider`);
    say(`samples/: ${s.entries} entries and ${s.problems} problems arrived, per file, with their UTC, severity and file`);

    const coll = path.join(dir, 'collection');
    const files: [string, 'ccm' | 'sms', number, number | null][] = [
      ['DEVICE-A/ccmexec.log', 'ccm', 0.4, 420], ['DEVICE-A/legacy.log', 'sms', 0.3, -60], ['DEVICE-B/nozone.log', 'ccm', 0.25, null], ['DEVICE-B/utc.log', 'ccm', 0.05, 0],
    ];
    let bytes = 0;
    for (const [name, format, share, bias] of files) {
      mkdirSync(path.dirname(path.join(coll, name)), { recursive: true });
      await generateLog(path.join(coll, name), format, Math.round(SIZE * share), 7 + name.length, bias);
      // Records cut off (truncated-record problems) among the generated ones.
      if (format === 'ccm' && bias !== null) appendFileSync(path.join(coll, name), '<![LOG[cut off\r\n'.repeat(3) + '<![LOG[after]LOG]!><time="08:00:00.000+000" date="1-16-2024" component="C" context="" type="1" thread="1" file="">\r\n');
      bytes += statSync(path.join(coll, name)).size;
    }
    // A device as its archive (Intune's "Collect diagnostics"): read without unpacking, named after the archive.
    const member = path.join(dir, 'member.log');
    await generateLog(member, 'ccm', Math.round(SIZE * 0.05), 11, 120);
    appendFileSync(member, '<![LOG[cut off\r\n');
    writeFileSync(path.join(coll, 'DEVICE-C.zip'), zipBytes([{ name: 'IntuneManagementExtension/Logs/IME.log', data: readFileSync(member) }]));
    bytes += statSync(member).size;
    say(`generated ${(bytes / MB).toFixed(0)} MB in ${files.length + 1} logs, one of them in an archive`);
    const t = performance.now();
    await ingest(coll);
    say(`exported and loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const c = await verify(coll, (p) => p.slice(coll.length + 1).split('/')[0].replace(/\.zip!$/, ''));
    assert.ok((await query(`SELECT count() FROM cmlog WHERE host = 'DEVICE-C' AND kind = 'entry' FORMAT TSV`)).trim() !== '0', 'the archive\'s entries arrived');
    assert.ok(c.problems >= 7, `the cut-off records arrived as problems (${c.problems})`);
    for (const name of ['DEVICE-A/ccmexec.log', 'DEVICE-B/utc.log']) {
      const { utc, wall } = firstRecordUtc(path.join(coll, name));
      const got = (await query(`SELECT ts_ms, wall FROM cmlog WHERE path = '${path.join(coll, name)}' AND line = 1 FORMAT TSV`)).trim();
      assert.equal(got, `${Date.parse(utc)}\t${wall}`, `${name}: first record's UTC`);
    }
    const noZone = (await query(`SELECT count(), countIf(ts IS NULL), countIf(wall != ''), countIf(time_source = 'unknown') FROM cmlog WHERE kind = 'entry' AND path = '${path.join(coll, 'DEVICE-B/nozone.log')}' FORMAT TSV`)).trim().split('\t');
    assert.ok(+noZone[0] > 0 && noZone.every((n) => n === noZone[0]), `no offset written: UTC unknown, said so, wall clock kept (${noZone})`);
    // Every event says where its time came from: a written offset (read as a bias or a .NET UTC offset) gives a UTC, no offset none.
    const sources = (await query(`SELECT countIf(time_source = 'written' AND ts IS NOT NULL AND offset_convention IN ('bias', 'utc-offset')) + countIf(time_source = 'unknown' AND ts IS NULL), count() FROM cmlog FORMAT TSV`)).trim().split('\t');
    assert.equal(sources[0], sources[1], `cmlog.time_source and cmlog.offset_convention on every event (${sources})`);
    say(`collection: ${c.entries} entries and ${c.problems} problems arrived, per file, with their UTC, severity and file`);
  } catch (e) {
    if (stderr) console.error(`clickhouse-server said:\n${stderr}`);
    throw e;
  } finally {
    await stop(server);
    rmSync(dir, { recursive: true, force: true });
  }
  say('ok');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
