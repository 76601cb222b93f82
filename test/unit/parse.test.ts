// The parser on hand-written variants of the CMTrace and legacy formats (README, "How it reads logs").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import { Severity } from '../../server/src/model';
import { assertCoverage, snapshot } from '../support/model';

const ccm = (msg: string, time: string, date = '09-14-2014', type = '1', extra = 'thread="4321" file="usersync.cpp:120"') =>
  `<![LOG[${msg}]LOG]!><time="${time}" date="${date}" component="CloudUserSync" context="" type="${type}" ${extra}>`;
const parse = (text: string, opts = {}) => {
  const log = LogFile.fromText(text, opts);
  assertCoverage(log);
  return log;
};

test('CMTrace record with a bias: UTC = local + bias', () => {
  const log = parse(ccm('Failed to add user scott@contoso.com; reason UserNotFound', '10:23:54.123+420') + '\n');
  assert.equal(log.format, 'ccm');
  const e = log.entry(0);
  assert.equal(e.message, 'Failed to add user scott@contoso.com; reason UserNotFound');
  assert.equal(e.component, 'CloudUserSync');
  assert.equal(e.thread, '4321');
  assert.equal(e.file, 'usersync.cpp:120');
  assert.equal(e.timeText, '10:23:54.123+420');
  assert.equal(e.dateText, '09-14-2014');
  assert.equal(e.wall, Date.UTC(2014, 8, 14, 10, 23, 54, 123));
  assert.equal(e.offset, 420);
  assert.equal(e.utc, Date.UTC(2014, 8, 14, 17, 23, 54, 123));
  assert.equal(e.offsetSource, 'written');
  assert.equal(e.severity, Severity.Information);
});

test('negative bias (Central European Time) and the .NET convention flip', () => {
  const text = ccm('x', '16:20:11.000-060', '02-23-2020') + '\n';
  assert.equal(parse(text).entry(0).utc, Date.UTC(2020, 1, 23, 15, 20, 11));
  assert.equal(parse(text, { offsetConvention: 'utc-offset' }).entry(0).utc, Date.UTC(2020, 1, 23, 17, 20, 11));
});

test('7-digit fraction without offset: UTC unknown unless a default offset is configured', () => {
  const text = ccm('IME line', '10:20:12.1234567', '3-5-2026') + '\n';
  const e = parse(text).entry(0);
  assert.equal(e.wall, Date.UTC(2026, 2, 5, 10, 20, 12) + 123.4567);
  assert.equal(e.utc, null);
  assert.equal(e.offsetSource, 'missing');
  const d = parse(text, { defaultOffset: 300 }).entry(0);
  assert.equal(d.utc, Date.UTC(2026, 2, 5, 15, 20, 12) + 123.4567);
  assert.equal(d.offsetSource, 'default');
});

test('odd offsets: `+-240`, unreadable offsets, offsets of 1-4 digits', () => {
  assert.equal(parse(ccm('a', '10:00:00.000+-240') + '\n').entry(0).offset, -240);
  const bad = parse(ccm('a', '10:00:00.000+abc') + '\n').entry(0);
  assert.equal(bad.offset, null);
  assert.equal(bad.offsetSource, 'unreadable');
  assert.equal(bad.utc, null);
  assert.equal(parse(ccm('a', '10:00:00.000+0') + '\n').entry(0).offset, 0);
  assert.equal(parse(ccm('a', '10:00:00.000-0840') + '\n').entry(0).offset, -840);
  assert.equal(parse(ccm('a', '10:00:00.000+12345') + '\n').entry(0).offsetSource, 'unreadable');
});

test('an offset no time zone uses is unreadable, said and not applied', () => {
  // Windows biases run from -840 (UTC+14) to +720 (UTC-12); `+9999` would move UTC by nearly a week.
  for (const [time, convention, ok] of [
    ['10:00:00.000+9999', 'bias', false], ['10:00:00.000-1234', 'bias', false], ['10:00:00.000+721', 'bias', false],
    ['10:00:00.000+720', 'bias', true], ['10:00:00.000-840', 'bias', true],
    ['10:00:00.000-721', 'utc-offset', false], ['10:00:00.000+840', 'utc-offset', true], ['10:00:00.000-720', 'utc-offset', true],
  ] as const) {
    for (const text of [ccm('a', time) + '\n', `a  $$<C><01-01-2020 ${time}><thread=1 (0x1)>\n`]) {
      const e = parse(text, { offsetConvention: convention }).entry(0);
      assert.equal(e.offsetSource, ok ? 'written' : 'unreadable', `${time} ${convention}`);
      assert.equal(e.utc === null, !ok, `${time} ${convention}`);
      assert.equal(e.offset === null, !ok, `${time} ${convention}`);
      // A default offset stands in for it, as for any unreadable offset.
      assert.equal(parse(text, { offsetConvention: convention, defaultOffset: 0 }).entry(0).offsetSource, ok ? 'written' : 'default');
    }
  }
});

test('type: 0 success, 2 warning, 3 error, other information, empty falls back to keywords', () => {
  const sev = (type: string, msg = 'plain words') => parse(ccm(msg, '10:00:00.000+000', '1-1-2020', type) + '\n').entry(0).severity;
  assert.equal(sev('0'), Severity.Success);
  assert.equal(sev('1', 'error in text but typed info'), Severity.Information);
  assert.equal(sev('2'), Severity.Warning);
  assert.equal(sev('3'), Severity.Error);
  assert.equal(sev('7'), Severity.Information);
  assert.equal(sev('', 'An error occurred'), Severity.Error);
  assert.equal(sev('', 'Warning: low disk'), Severity.Warning);
  assert.equal(sev('', 'nothing to see'), Severity.Information);
  const noType = parse('<![LOG[Install failed]LOG]!><time="10:00:00.000+000" date="1-1-2020" component="S" context="" thread="" file="">\n').entry(0);
  assert.equal(noType.severity, Severity.Error);
  assert.equal(noType.thread, '');
});

test('keyword rule: fail/failed but not failover or "raise failure status messages"', () => {
  const sev = (m: string) => parse(`${m}  $$<SMS_CLOUD_USERSYNC><09-14-2014 10:23:54.123+420><thread=4321 (0x10E1)>\n`).entry(0).severity;
  assert.equal(sev('Failed to add user scott@contoso.com; reason UserNotFound'), Severity.Error);
  assert.equal(sev('Starting user delta sync, raise failure status messages = True'), Severity.Information);
  assert.equal(sev('Cluster failover completed'), Severity.Information);
  assert.equal(sev('Unhandled exception in thread'), Severity.Error);
  assert.equal(sev('WARN: retrying'), Severity.Warning);
  assert.equal(sev('FATAL crash'), Severity.Error);
});

test('multi-line message: lines, message and severity', () => {
  const text = 'banner line\n' + ccm('first line\nsecond line\nthird', '10:00:00.000+000', '1-1-2020', '3') + '\r\n' + ccm('next', '10:00:01.000+000') + '\r\n';
  const log = parse(text);
  assert.equal(log.entryCount, 2);
  assert.equal(log.spans.count, 1);
  const e = log.entry(0);
  assert.equal(e.line, 1);
  assert.equal(e.endLine, 3);
  assert.equal(e.message, 'first line\nsecond line\nthird');
  assert.equal(e.severity, Severity.Error);
  assert.equal(log.entry(1).line, 4);
  assert.equal(log.entryAtLine(2), 0);
  assert.equal(log.entryAtLine(0), -1);
});

test('a record cut off before ]LOG]!> ends where the next <![LOG[ starts a line', () => {
  const text = '<![LOG[cut off here\nand a failed continuation\n' + ccm('next', '10:00:01.000+000') + '\n';
  const log = parse(text);
  assert.equal(log.entryCount, 2);
  const cut = log.entry(0);
  assert.equal(cut.truncated, true);
  assert.equal(cut.message, 'cut off here\nand a failed continuation');
  assert.equal(cut.severity, Severity.Error);
  assert.equal(cut.utc, null);
  assert.equal(log.entry(1).message, 'next');
  assert.equal(log.entry(1).line, 2);
});

test('nested <![LOG[ inside a message does not start a record unless it starts a line', () => {
  const log = parse('<![LOG[outer <![LOG[inner]LOG]!><time="10:00:00.000+000" date="1-1-2020" component="C" context="" type="1" thread="1" file="">\n');
  assert.equal(log.entryCount, 1);
  assert.equal(log.entry(0).message, 'outer <![LOG[inner');
});

test('two records on one line, and text after the attribute block', () => {
  const log = parse(ccm('one', '10:00:00.000+000') + ccm('two', '10:00:01.000+000') + ' trailing junk\n');
  assert.equal(log.entryCount, 2);
  assert.equal(log.entry(1).message, 'two');
  assert.equal(log.spans.count, 1);
  assert.equal(log.text(log.spans.start[0], log.spans.end[0]), 'trailing junk\n');
});

test('legacy format: spacing, thread optional, offsets without fixed width', () => {
  const text = [
    'Failed to add user scott@contoso.com; reason UserNotFound  $$<SMS_CLOUD_USERSYNC><09-14-2014 10:23:54.123+420><thread=4321 (0x10E1)>',
    'No space before$$<SMS_EXECUTIVE><9-4-2014 01:02:03.000-60><thread=12 (0xC)>',
    'No thread    $$<SMS_EXECUTIVE><09-14-2014 10:23:55.000+00>',
    'plain stack trace line',
  ].join('\r\n') + '\r\n';
  const log = parse(text);
  assert.equal(log.format, 'sms');
  assert.equal(log.entryCount, 3);
  const a = log.entry(0);
  assert.equal(a.kind, 'sms');
  assert.equal(a.message, 'Failed to add user scott@contoso.com; reason UserNotFound');
  assert.equal(a.component, 'SMS_CLOUD_USERSYNC');
  assert.equal(a.thread, '4321');
  assert.equal(a.timeText, '10:23:54.123+420');
  assert.equal(a.dateText, '09-14-2014');
  assert.equal(a.utc, Date.UTC(2014, 8, 14, 17, 23, 54, 123));
  assert.equal(a.severity, Severity.Error);
  const b = log.entry(1);
  assert.equal(b.message, 'No space before');
  assert.equal(b.utc, Date.UTC(2014, 8, 4, 0, 2, 3));
  assert.equal(log.entry(2).thread, '');
  assert.equal(log.entry(2).offset, 0);
  assert.equal(log.spans.count, 1);
});

test('legacy lines: a `$$` in the message, a message longer than the kernel\'s window, a last line with no line break', () => {
  const tail = '$$<COMP><01-01-2020 10:00:00.000+000><thread=1 (0x1)>';
  const long = 'w'.repeat(70_000) + ' failed';
  const text = `cost $$ 5 $< x  ${tail}\n${long}  ${tail}\r\nlast warning  ${tail}`;
  for (const log of [parse(text), LogFile.fromBytes(Buffer.from(text, 'latin1'))]) {
    assertCoverage(log);
    assert.deepEqual([0, 1, 2].map((i) => [log.entry(i).message, log.entry(i).component, log.entry(i).severity]), [
      ['cost $$ 5 $< x', 'COMP', Severity.Information],
      [long, 'COMP', Severity.Error],
      ['last warning', 'COMP', Severity.Warning],
    ]);
    assert.equal(log.spans.count, 0);
  }
});

test('a file can mix formats', () => {
  const log = parse(ccm('a', '10:00:00.000+000') + '\nb  $$<C><01-01-2020 10:00:00.000+000><thread=1 (0x1)>\n');
  assert.equal(log.format, 'mixed');
});

test('plain text is one unparsed span, nothing is lost', () => {
  const text = 'Exec: processing package\nContinuation detail\n';
  const log = parse(text);
  assert.equal(log.format, 'plain');
  assert.equal(log.entryCount, 0);
  assert.deepEqual(log.unparsedSpans(), [{ start: 0, end: text.length, line: 0 }]);
});

test('bad time or date: the record stays, without a clock', () => {
  const log = parse(ccm('x', 'not-a-time') + '\n' + ccm('y', '10:00:00.000+000', 'not-a-date') + '\n' + ccm('z', '25:00:00.000') + '\n' + ccm('w', '10:00:00.000', '2-30-2024') + '\n');
  assert.equal(log.entryCount, 4);
  for (let i = 0; i < 4; i++) assert.equal(log.entry(i).wall, null, `entry ${i}`);
});

test('broken attribute block keeps the record and its message', () => {
  const log = parse('<![LOG[msg]LOG]!><time="10:00:00.000+000" date="1-1-2020\n<![LOG[next]LOG]!>garbage\n');
  assert.equal(log.entryCount, 2);
  assert.equal(log.entry(0).message, 'msg');
  assert.equal(log.entry(0).wall, null);
  assert.equal(log.entry(1).message, 'next');
});

test('decoding: UTF-8 BOM, UTF-16 LE/BE with BOM, Windows-1252 fallback, CRLF', () => {
  const line = 'Résumé failed  $$<C><01-01-2020 10:00:00.000+000><thread=1 (0x1)>\r\n';
  const utf8 = Buffer.from(line, 'utf8');
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(line, 'utf16le')]);
  const be = Buffer.from(le);
  be.swap16();
  be[0] = 0xfe; be[1] = 0xff;
  const cp1252 = Buffer.from(line, 'latin1');
  const cases: [Buffer, string][] = [[utf8, 'utf-8'], [bom, 'utf-8-bom'], [le, 'utf-16le'], [be, 'utf-16be'], [cp1252, 'windows-1252']];
  for (const [bytes, enc] of cases) {
    const log = LogFile.fromBytes(bytes);
    assertCoverage(log);
    assert.equal(log.encoding, enc);
    assert.equal(log.entry(0).message, 'Résumé failed', enc);
    assert.equal(log.byteLength, bytes.length);
  }
});

test('a UTF-8 character cut at the end of the bytes is held back, not misread', () => {
  const bytes = Buffer.from('ab  $$<C><01-01-2020 10:00:00.000+000>\né', 'utf8');
  const log = LogFile.fromBytes(bytes.subarray(0, bytes.length - 1));
  assert.equal(log.encoding, 'utf-8');
  assert.equal(log.pendingBytes, 1);
  assert.ok(log.appendBytes(bytes.subarray(bytes.length - 1)));
  assert.equal(log.pendingBytes, 0);
  assert.ok(log.text().endsWith('é'));
});

test('appended bytes are kept as they were when the caller reuses its buffer (a reader reads into one)', () => {
  const first = 'ab  $$<C><01-01-2020 10:00:00.000+000>\r\n';
  const more = 'cd  $$<C><01-01-2020 10:00:01.000+000>\r\nef';
  for (const head of ['', 'x\r\n', first]) {
    const log = LogFile.fromBytes(Buffer.from(head + first));
    const buf = Buffer.from(more);
    assert.ok(log.appendBytes(buf));
    buf.fill(0x41); // the reader's next read
    assert.equal(log.text(), head + first + more);
    assert.deepEqual(snapshot(log), { ...snapshot(LogFile.fromText(head + first + more)), byteLength: log.byteLength, encoding: log.encoding });
  }
});

test('appending bytes that stop being UTF-8 asks for a full re-read', () => {
  const log = LogFile.fromBytes(Buffer.from('hello world\n'));
  assert.equal(log.appendBytes(Buffer.from([0x80, 0x0a])), false);
});

test('a record reads the same whatever came before it (the scanner compares dates and names with earlier ones)', () => {
  const sms = (comp: string, dateTime: string, thread = '1016') => `m  $$<${comp}><${dateTime}><thread=${thread} (0x3F8)>`;
  const lines = [
    // Dates and names that start like an earlier one, or hold what ends a value in the other
    // format: a CMTrace component with a `>`, a date with a space (attributes in another order).
    `<![LOG[a]LOG]!><time="08:00:01.254+420" date="01-15-2024" component="Co>mp_LongName" context="" type="1" thread="16">`,
    `<![LOG[a]LOG]!><date="01-15-2024 08" time="08:00:01.254+420" component="Co" context="" type="1" thread="16">`,
    sms('Co>mp_LongName', '01-15-2024 08:00:01.254+420', '0016'),
    sms('Co', '01-15-2024 08 08:00:01.254+420', '16'),
    ccm('b', '08:00:01.254+420', '01-15-2024', '1', 'thread="0016"'),
    ccm('c', '08:00:01.254+420', '01-15-2024x', '1', 'thread="16"'),
    sms('CloudUserSyncX', '01-15-2024 08:00:01.254+42000'),
    sms('CloudUserSync', '01-15-2024 08:00:01.254'),
    `<![LOG[d]LOG]!><time="08:00:01.254+420" date="01-15-2024" component="CloudUserSync" context="x" type="" thread="1016">`,
  ];
  // Each line alone makes one entry or none (a legacy component ends at its first `>`).
  const fields = (log: LogFile, i: number) => {
    const { index: _i, start: _s, end: _e, line: _l, endLine: _el, ...rest } = log.entry(i);
    return rest;
  };
  const alone = new Map(lines.map((l) => {
    const log = parse(l + '\n');
    return [l, log.entryCount === 1 ? [fields(log, 0)] : []];
  }));
  assert.equal([...alone.values()].flat().length, lines.length - 1);
  for (const order of [lines, [...lines].reverse(), [...lines, ...lines]]) {
    const log = parse(order.join('\n') + '\n');
    const expected = order.flatMap((l) => alone.get(l)!);
    assert.equal(log.entryCount, expected.length);
    for (let i = 0; i < expected.length; i++) assert.deepEqual(fields(log, i), expected[i]);
  }
});

test('a model\'s timing grows only when its options change how it is placed (a merge orders again only then)', () => {
  const log = LogFile.fromText('<![LOG[x]LOG]!><time="08:00:00.000" date="01-15-2024" component="C" context="" type="1" thread="1" file="">\r\n');
  const t0 = log.timing;
  log.setOptions({});
  assert.equal(log.timing, t0, 'the same options: nothing to order again');
  log.setOptions({ defaultOffset: 60 });
  assert.equal(log.timing, t0 + 1);
  log.setOptions({ defaultOffset: 60 });
  assert.equal(log.timing, t0 + 1);
  log.setOptions({ defaultOffset: 60, offsetConvention: 'utc-offset' });
  assert.equal(log.timing, t0 + 2);
});
