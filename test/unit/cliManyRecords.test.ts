// `cmlog check` on 1,000,000 records of each shape, through the same report the CLI prints: nothing
// may spread, recurse or build one string over a count that grows with the input (a spread of
// ~120,000 findings overflowed the stack and exited 3). The logs are made in memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs } from '../../server/src/cli/args';
import { inMemory, report } from '../../server/src/cli/check';
import { printTimeline, takeRepeated } from '../../server/src/cli/timeline';
import { LogFile } from '../../server/src/logFile';

const N = 1_000_000;
const ATTRS = '<time="08:00:00.000+000" date="3-15-2026" component="C" context="" type="1" thread="1" file="">';
const CMTRACE = `<![LOG[one line]LOG]!>${ATTRS}\n`;
const LEGACY = 'one line  $$<C><01-01-2020 10:00:00.000+000><thread=1 (0x1)>\n';

/** N records made by `record(i)`, joined once. */
function records(record: (i: number) => string, n = N): string {
  const parts: string[] = new Array(n);
  for (let i = 0; i < n; i++) parts[i] = record(i);
  return parts.join('');
}

interface Counted {
  code: number;
  /** Lines printed before the summary (text) or diagnostics printed (JSON). */
  findings: number;
  summary: string;
  err: string[];
}

/** Runs the check report on one in-memory log, counting what it prints without keeping it. */
async function checkText(name: string, text: string): Promise<Counted> {
  const log = LogFile.fromText(text);
  let printed = 0, summary = '';
  const err: string[] = [];
  const code = await report(inMemory({ logs: [{ key: name, name, log }], problems: [], notLogs: 0, notes: [] }), { format: 'text' }, {
    // The line locating the unparsed spans (bounded: the first few) is no finding.
    out: (s) => { if (!s.startsWith(`${name}: `)) printed++; summary = s; },
    err: (s) => { err.push(s); },
  });
  return { code, findings: printed - 1, summary, err };
}

const summary = (entries: number, spans: number, errors: number, warnings: number, info: number) =>
  `1 file, ${entries} entries (0 error records), ${spans} unparsed span${spans === 1 ? '' : 's'}; problems found: ${errors} errors, ${warnings} warnings, ${info} information`;

const T = { timeout: 60_000 };

test('1,000,000 one-line CMTrace records', T, async () => {
  const r = await checkText('a.log', CMTRACE.repeat(N));
  assert.deepEqual(r, { code: 0, findings: 0, summary: summary(N, 0, 0, 0, 0), err: [] });
});

test('1,000,000 multi-line CMTrace records', T, async () => {
  const r = await checkText('a.log', `<![LOG[first\r\nsecond\nthird]LOG]!>${ATTRS}\r\n`.repeat(N));
  assert.deepEqual(r, { code: 0, findings: 0, summary: summary(N, 0, 0, 0, 0), err: [] });
});

test('1,000,000 cut-off CMTrace records: one truncated-record finding each', T, async () => {
  const r = await checkText('a.log', '<![LOG[cut off\n'.repeat(N));
  assert.deepEqual(r, { code: 0, findings: N, summary: summary(N, 0, 0, 0, N), err: [] });
});

test('1,000,000 legacy records', T, async () => {
  const r = await checkText('a.log', LEGACY.repeat(N));
  assert.deepEqual(r, { code: 0, findings: 0, summary: summary(N, 0, 0, 0, 0), err: [] });
});

test('1,000,000 plain lines: not a log format, one unparsed span', T, async () => {
  const r = await checkText('a.log', 'just words, no record\n'.repeat(N));
  assert.deepEqual(r, { code: 0, findings: 0, summary: summary(0, 1, 0, 0, 0), err: [] });
});

test('1,000,000 mixed records: CMTrace, legacy and plain lines in turn', T, async () => {
  const r = await checkText('a.log', records((i) => [CMTRACE, LEGACY, 'just words\n'][i % 3]));
  const plain = Math.floor(N / 3);
  assert.deepEqual(r, { code: 0, findings: 0, summary: summary(N - plain, plain, 0, 0, 0), err: [] });
});

test('1,000,000 empty-tenant registrations in MP_RegistrationManager.log: one finding each', T, async () => {
  const r = await checkText('MP_RegistrationManager.log',
    `<![LOG[Registering device using AAD auth: DeviceId='0d6f8a2c-4e1b-4a7d-b3c9-5f2e7a1d8c46', TenantId='']LOG]!>${ATTRS}\n`.repeat(N));
  assert.equal(r.findings, N);
  assert.deepEqual(r.err, []);
  assert.match(r.summary, new RegExp(`^1 file, ${N} entries \\(0 error records\\), 0 unparsed spans; problems found: \\d+ errors?, \\d+ warnings?, \\d+ information$`));
  const [, e, w, i] = /: (\d+) errors?, (\d+) warnings?, (\d+) information$/.exec(r.summary)!.map(Number);
  assert.equal(e + w + i, N);
  assert.equal(r.code, e > 0 ? 1 : 0);
});

// The user-not-found rule spends ~30 µs on each finding (a story with ten formatted times), so 1,000,000
// would take half a minute: 150,000, still past the ~120,000 findings where the spread overflowed.
const UNF = 150_000;

test(`${UNF} UserNotFound failures in CloudUserSync.log, each of another user: one finding each`, T, async () => {
  const r = await checkText('CloudUserSync.log', records((i) =>
    `Failed to add user u${i}@contoso.com; reason UserNotFound  $$<SMS_CLOUD_USERSYNC><09-15-2014 08:59:11.397+420><thread=4321 (0x10E1)>\n`, UNF));
  assert.equal(r.findings, UNF);
  assert.deepEqual(r.err, []);
  const [, e, w, i] = /: (\d+) errors?, (\d+) warnings?, (\d+) information$/.exec(r.summary)!.map(Number);
  assert.equal(e + w + i, UNF);
});

test('--format json on 1,000,000 findings: streamed, every diagnostic printed, no string of the whole', T, async () => {
  const log = LogFile.fromText('<![LOG[cut off\n'.repeat(N));
  let diagnostics = 0, longest = 0, out = 0;
  const code = await report(inMemory({ logs: [{ key: 'a.log', name: 'a.log', log }], problems: [], notLogs: 0, notes: [] }), { format: 'json' }, {
    out: (s) => {
      out++;
      longest = Math.max(longest, s.length);
      for (let at = s.indexOf('"truncated-record"'); at >= 0; at = s.indexOf('"truncated-record"', at + 1)) diagnostics++;
    },
    err: (s) => assert.fail(s),
  });
  assert.equal(code, 0);
  assert.equal(diagnostics, N);
  assert.ok(out > N && longest < 10_000, `${out} writes, the longest ${longest} characters`);
});

// The other counts that grow with what a user gives: arguments, comma lists, logs in one timeline.
const MANY = 200_000;

test(`${MANY} arguments after --, and a --component list of ${MANY} names`, () => {
  const names = Array.from({ length: MANY }, (_, i) => `f${i}.log`);
  assert.equal(parseArgs(['--', ...names], [], []).positional.length, MANY);
  const { values } = takeRepeated(['--component', names.join(','), '--', ...names], ['component']);
  assert.equal(values.component.length, MANY);
});

// Past the ~120,000 arguments where Math.max(...widths) overflowed; more only costs time.
const MANY_LOGS = 150_000;

test(`a timeline of ${MANY_LOGS} logs prints every entry`, T, async () => {
  const log = LogFile.fromText(CMTRACE); // one parsed log under many names: parsing is not what is tested
  const logs = Array.from({ length: MANY_LOGS }, (_, i) => ({ key: `f${i}.log`, name: `f${i}.log`, log }));
  let lines = 0, calls = 0;
  printTimeline(logs, {}, 'text', { out: (s) => { calls++; lines += s.split('\n').length; }, err: (s) => assert.fail(s) });
  assert.equal(lines, MANY_LOGS);
  // In pieces, not a write per line (that was most of a large merge's time); each piece ~64 KB.
  assert.ok(calls < MANY_LOGS / 100, `${calls} writes for ${MANY_LOGS} lines`);
});
