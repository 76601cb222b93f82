// The formats read line by line (issue #17): entries, severity, component and thread, times and
// zones, continuation lines, formats mixed into a CMTrace log, UTF-16, appending in pieces, the
// per-file state a format carries, detection by content, and linear time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { LogFile } from '../../server/src/logFile';
import { Severity } from '../../server/src/model';
import { decode } from '../../server/src/parse/decode';
import { detectFormat } from '../../server/src/parse/detect';
import { lineFormats, recognisedFormats, registerFormat, unregisterFormat, type LineRecord, type LogFormat } from '../../server/src/parse/formats';
import { CONTINUATION_MAX_LINES } from '../../server/src/parse/scan';
import { assertCoverage, assertSameAsWhole } from '../support/model';
import { installScanSteps, takeScanSteps, uninstallScanSteps } from '../support/scanSteps';
import { codeUnits } from '../../server/src/parse/decode';

const FIXTURES = path.resolve(__dirname, '../fixtures/formats');
const CORPUS = path.resolve(__dirname, '../fixtures/corpus');
const SAMPLES = path.resolve(__dirname, '../../samples');
const fixture = (name: string) => LogFile.fromBytes(readFileSync(path.join(FIXTURES, name)));
const corpus = (name: string) => LogFile.fromBytes(readFileSync(path.join(CORPUS, name)));
const wall = (y: number, mo: number, d: number, h: number, mi: number, s: number, ms = 0) => Date.UTC(y, mo - 1, d, h, mi, s, ms);
const CCM = '<![LOG[Install failed 0x80070005]LOG]!><time="10:23:54.123+420" date="09-14-2014" component="AppEnforce" context="SYSTEM" type="3" thread="4321" file="a.cpp:1">\n';

/** [format, severity, component, thread, message] of every entry. */
function rows(log: LogFile) {
  return Array.from({ length: log.entryCount }, (_, i) => {
    const e = log.entry(i);
    return [log.formatOf(i).id, e.severity, log.component(i), e.thread, log.message(i)];
  });
}

/** Appending the text in pieces of each size gives what parsing it whole does. */
function assertPiecesEqualWhole(text: string): void {
  const whole = LogFile.fromText(text);
  for (const step of [1, 5, 17, 64]) {
    const pieces = LogFile.fromText('');
    for (let p = 0; p < text.length; p += step) pieces.appendText(text.slice(p, p + step));
    assertSameAsWhole(pieces, whole);
  }
}

test('Panther setupact.log: level words, components, continuation lines with a blank line, CRLF', () => {
  const log = fixture('setupact.log');
  assertCoverage(log);
  assert.equal(log.format, 'cbs');
  assert.equal(log.spans.count, 0);
  assert.deepEqual(rows(log), [
    ['cbs', Severity.Information, 'MOUPG', '', 'SetupHost::Initialize: CmdLine = [/Install /Media]'],
    ['cbs', Severity.Warning, 'MIG', '', 'Failed to load plugin; continuing\r\n    at Plugin.Load()\r\n    at Setup.Run()'],
    ['cbs', Severity.Error, 'SP', '', 'Operation failed: 0x80070005\r\n[0x080489] detail line with no stamp'],
  ]);
  assert.equal(log.entry(0).wall, wall(2019, 6, 20, 10, 22, 15));
  assert.equal(log.entry(0).utc, null, 'local time, offset unknown');
  assert.equal(log.entry(1).line, 1);
  assert.equal(log.entry(1).endLine, 3, 'the record ends at its last continuation line');
  assert.equal(log.entry(2).line, 5, 'the blank line belongs to the record before');
  const p = log.parts(2);
  assert.equal(log.text(p.time![0], p.time![1]), '2019-06-20 10:22:17');
  assert.equal(log.text(p.type![0], p.type![1]), 'Error');
  assert.equal(log.text(p.component![0], p.component![1]), 'SP');
  assertPiecesEqualWhole(log.text());
});

test('CBS and DISM (corpus): continuation lines join the record above', () => {
  const cbs = corpus('cbs/clean/CBS.log');
  assert.deepEqual(rows(cbs).map((r) => r.slice(1, 3)), [[Severity.Information, 'CBS'], [Severity.Error, 'CSI']]);
  assert.equal(cbs.message(0), 'Exec: Processing package\nContinuation detail\n    indented continuation');
  const dism = corpus('dism/clean/dism.log');
  assert.deepEqual(rows(dism).map((r) => r[1]), [Severity.Information, Severity.Warning]);
  assertPiecesEqualWhole(cbs.text());
});

test('PSADT v4: bracketed level and source, success and info', () => {
  const log = corpus('psadt/clean/Deploy-Application.log');
  assert.deepEqual(rows(log), [
    ['psadt', Severity.Information, 'Open-ADTSession', '', 'Session opened'],
    ['psadt', Severity.Success, 'Start-ADTMsiProcess', '', 'Installation complete'],
  ]);
  assert.equal(log.entry(0).wall, wall(2026, 7, 29, 9, 0, 0, 100));
  const extra = '[2026-07-29 09:00:02.300] [Install] [Start-ADTProcess] [Error] :: Execution failed\nexit code 1603\n';
  const mixed = LogFile.fromText(log.text() + extra + CCM);
  assert.deepEqual(rows(mixed).slice(2).map((r) => [r[0], r[1], r[4]]), [
    ['psadt', Severity.Error, 'Execution failed\nexit code 1603'],
    ['ccm', Severity.Error, 'Install failed 0x80070005'],
  ]);
});

test('WindowsUpdate.log: process, thread and component; severity by keywords', () => {
  const log = fixture('WindowsUpdate.log');
  assertCoverage(log);
  assert.deepEqual(rows(log).map((r) => r.slice(0, 4)), [
    ['wu', Severity.Information, 'Agent', '8172'],
    ['wu', Severity.Error, 'ComApi', '8172'],
    ['wu', Severity.Information, 'DownloadManager', '4404'],
  ]);
  assert.equal(log.entry(1).wall, wall(2021, 7, 13, 10, 22, 59) + 123.4567);
  assert.equal(log.message(0), '* START * Finding updates CallerId = UpdateOrchestrator');
});

test('ConfigMgr setup: asctime stamps, space-padded days, the next day', () => {
  const log = fixture('ConfigMgrPrereq.log');
  assertCoverage(log);
  assert.equal(log.format, 'setup');
  assert.deepEqual(rows(log).map((r) => [r[1], r[4]]), [
    [Severity.Information, '******* Start Prereq check. *******'],
    [Severity.Error, 'ERROR: Failed to connect to SQL Server'],
    [Severity.Information, 'Prereq check completed.'],
  ]);
  assert.equal(log.entry(0).wall, wall(2022, 12, 9, 11, 25, 0));
  assert.equal(log.entry(2).wall, wall(2022, 12, 10, 0, 0, 2));
  const p = log.parts(0);
  assert.equal(log.text(p.time![0], p.time![1]), '<Fri Dec  9 11:25:00 2022>');
});

test('Company Portal: UTC times (Z), UTF-8 with BOM and UTF-16 read alike', () => {
  const a = corpus('intune-portal-windows-logs-v12-0-0-encoding-utf8-bom/Log_1.log');
  const b = corpus('intune-portal-windows-logs-v12-0-0-encoding-utf16le/Log_1.log');
  assert.equal(b.encoding, 'utf-16le');
  for (const log of [a, b]) {
    assertCoverage(log);
    assert.equal(log.format, 'portal');
    assert.equal(log.entryCount, 2);
    assert.equal(log.entry(0).wall, wall(2026, 5, 4, 15, 0, 0, 100));
    assert.equal(log.entry(0).utc, wall(2026, 5, 4, 15, 0, 0, 100), 'the Z says UTC');
    assert.match(log.message(0), /resumé$/);
  }
  const warn = LogFile.fromText('2026-05-04T15:00:02.0000000Z  ERROR     Event       None        2    x  12-0-0  [Sync] failed\n');
  assert.equal(warn.severity(0), Severity.Error);
});

test('Company Portal: the [tag] after the GUID and version columns is the component; the columns whose meaning is unknown stay in the message', () => {
  const log = corpus('intune-portal-windows-logs-v12-0-0-encoding-utf8-bom/Log_1.log');
  assert.deepEqual([0, 1].map((i) => [log.component(i), log.entry(i).thread]), [['Sync', ''], ['Sync', '']]);
  assert.equal(log.message(1), 'Event       None        1    1a2b3c4d-0001-4000-8000-000000000001  12-0-0  [Sync] encoding probe complete');
  // The one record published verbatim (cmtraceopen's grammar notes): a tag of several words.
  const published = '2024-11-15T16:50:07.2850341Z  INFO  Event        None                      0  1487dc30-3bb0-46bf-98ee-76771bd9953e  12-0-0  [Configuration Manager Trace Listener] 15/11/2024 16:50:07: SCClient Information: 1: Getting all instances of CCM_Application\r\n';
  const one = LogFile.fromText(published);
  assert.equal(one.component(0), 'Configuration Manager Trace Listener');
  assert.equal(one.text(...one.parts(0).component!), 'Configuration Manager Trace Listener');
  // No tag where the columns are not all there, or the bracket is not closed on the line.
  for (const line of [
    '2026-05-04T15:00:02.0000000Z  ERROR     Event       None        2    x  12-0-0  [Sync] failed',
    '2026-05-04T15:00:02.0000000Z  INFO  Event  None  2  1a2b3c4d-0001-4000-8000-000000000001  12-0-0  [Sync failed',
    '2026-05-04T15:00:02.0000000Z  INFO  Event  None  2  1a2b3c4d-0001-4000-8000-000000000001  12-0  [Sync] x',
    '2026-05-04T15:00:02.0000000Z  INFO  [Sync] no columns',
  ]) {
    const l = LogFile.fromText(line + '\n');
    assert.equal(l.format, 'portal', line);
    assert.equal(l.component(0), '', line);
  }
});

test('Intune inventory: thread in brackets, a JSON result on the next line belongs to the record', () => {
  const log = corpus('intune_device_inventory/clean/InventoryAdaptor.log_');
  assert.equal(log.format, 'inventory');
  assert.deepEqual(rows(log).map((r) => [r[3], String(r[4]).split('\n').length]), [['8604', 2], ['8604', 1]]);
  assert.equal(log.entry(0).wall, wall(2026, 7, 30, 13, 5, 1));
});

test('macOS IntuneMDMDaemon: level letter, thread, component, milliseconds after a colon', () => {
  const log = fixture('IntuneMDMDaemon.log');
  assertCoverage(log);
  assert.deepEqual(rows(log), [
    ['intunemac', Severity.Information, 'AppPolicy', '89007856', 'Starting app policy check'],
    ['intunemac', Severity.Warning, 'AppPolicy', '89007856', 'Policy retry scheduled'],
    ['intunemac', Severity.Error, 'Install', '89007999', 'Install failed: code 2\n    detail: package not signed'],
  ]);
  assert.equal(log.entry(2).wall, wall(2025, 8, 11, 16, 27, 59, 999));
  assertPiecesEqualWhole(log.text());
});

test('a format mixed into a CMTrace log: each record keeps its format; CMTrace lines never continue another record', () => {
  const cbsLine = '2024-01-15 08:00:00, Info                  CBS    Exec: start\n';
  const text = CCM + cbsLine + 'continued\n' + CCM + 'after ccm\n';
  const log = LogFile.fromText(text);
  assertCoverage(log);
  assert.equal(log.format, 'mixed');
  assert.deepEqual(rows(log).map((r) => [r[0], r[4]]), [
    ['ccm', 'Install failed 0x80070005'],
    ['cbs', 'Exec: start\ncontinued'],
    ['ccm', 'Install failed 0x80070005'],
  ]);
  assert.equal(log.spans.count, 1, 'a line after a CMTrace record is its own span');
  assertPiecesEqualWhole(text);
});

test(`continuation is bounded: ${CONTINUATION_MAX_LINES} lines, then unparsed spans`, () => {
  const text = '2024-01-15 08:00:00, Info                  CBS    head\n' + 'more\n'.repeat(CONTINUATION_MAX_LINES + 50);
  const log = LogFile.fromText(text);
  assertCoverage(log);
  assert.equal(log.entryCount, 1);
  assert.equal(log.message(0).split('\n').length, CONTINUATION_MAX_LINES + 1);
  assert.equal(log.spans.count, 1);
  assert.equal(log.spans.end[0] - log.spans.start[0], 5 * 50);
  const long = '2024-01-15 08:00:00, Info                  CBS    head\n' + 'x'.repeat(70_000) + '\n';
  assert.equal(LogFile.fromText(long).spans.count, 1, 'nor past 64 KB');
});

/** A test-only format that numbers its records from a state carried through the file. */
const counted: LogFormat = {
  id: 'test-count', name: 'count', scope: 'source.cmlog', recognise: () => false, messageText: (r) => r,
  parts: (r) => ({ message: [r.msgStart, r.msgEnd], body: [r.msgStart, r.msgEnd], clock: [] }),
  newState: () => Float64Array.of(0),
  readLine(codes, a, eol, out, state) {
    if (codes[a] !== 35) return false; // '#'
    state![0]++;
    out.msgStart = a + 1;
    out.msgEnd = eol;
    out.wall = state![0] * 1000;
    out.offset = 0;
    out.severity = -1;
    out.compStart = out.compEnd = out.threadStart = out.threadEnd = a;
    return true;
  },
};

test('a format\'s per-file state is carried from line to line and through appends', () => {
  registerFormat(counted);
  try {
    const text = '#a\n' + CCM + '#b\n#c\nplain\n#d';
    const log = LogFile.fromText(text);
    assert.deepEqual(Array.from({ length: log.entryCount }, (_, i) => log.entry(i).wall), [1000, Date.UTC(2014, 8, 14, 10, 23, 54, 123), 2000, 3000, 4000]);
    assertPiecesEqualWhole(text);
  } finally {
    unregisterFormat(counted);
  }
});

const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => {
  const p = path.join(dir, n);
  return statSync(p).isDirectory() ? walk(p) : [p];
});
const sampleText = (p: string) => {
  const d = decode(readFileSync(p)).text;
  return typeof d === 'string' ? d : Buffer.from(d).toString('latin1');
};

test('detection by content: CMTrace and legacy logs stay theirs, each new fixture is its format, recognisers agree', () => {
  const expected: Record<string, string> = {
    'setupact.log': 'cbs', 'WindowsUpdate.log': 'wu', 'ConfigMgrPrereq.log': 'setup', 'IntuneMDMDaemon.log': 'intunemac',
  };
  for (const [name, id] of Object.entries(expected)) {
    const t = sampleText(path.join(FIXTURES, name));
    assert.equal(detectFormat(t), id, name);
    assert.deepEqual(recognisedFormats(t).map((f) => f.id), [id], name);
  }
  const logs = [...walk(CORPUS), ...walk(SAMPLES)].filter((p) => /\.(log|log_|lo_|txt)$/.test(p));
  assert.ok(logs.length >= 25);
  for (const p of logs) {
    const t = sampleText(p).slice(0, 64 * 1024);
    const found = detectFormat(t);
    const ids = recognisedFormats(t).map((f) => f.id);
    // A log with CMTrace or legacy records is claimed by no other format, and the other way round.
    if (ids.includes('ccm') || ids.includes('sms')) {
      assert.ok(['ccm', 'sms', 'mixed'].includes(found), `${p}: ${found}`);
      assert.deepEqual(ids.filter((id) => id !== 'ccm' && id !== 'sms'), [], p);
    } else {
      assert.ok(!['ccm', 'sms', 'mixed'].includes(found), `${p}: ${found}`);
    }
    assert.equal(ids.length > 0, found !== 'plain', p);
  }
});

test('linear: line formats with long continuations, whole and appended', () => {
  const make = (n: number) => {
    let s = '';
    while (s.length < n) s += '2024-01-15 08:00:00, Error                 CBS    failed\n' + 'detail error line\n'.repeat(40) + '[2026-07-29 09:00:00.100] [I] [S] [Warning] :: w\n' + 'z'.repeat(3000) + '\n';
    return s;
  };
  const cost = (text: string, pieces: boolean) => {
    installScanSteps();
    try {
      takeScanSteps();
      if (!pieces) LogFile.fromText(text);
      else {
        const log = LogFile.fromText('');
        for (let p = 0; p < text.length; p += 1024) log.appendText(text.slice(p, p + 1024));
      }
      return Object.values(takeScanSteps()).reduce((a, b) => a + b, 0);
    } finally {
      uninstallScanSteps();
    }
  };
  for (const pieces of [false, true]) {
    const t1 = make(50_000), t4 = make(200_000);
    const c1 = cost(t1, pieces) / t1.length, c4 = cost(t4, pieces) / t4.length;
    assert.ok(c4 < 20 && c4 < c1 * 1.5, `${pieces ? 'appended' : 'whole'}: ${c1.toFixed(1)} then ${c4.toFixed(1)} steps a character`);
  }
});

test('the line formats\' shapes are disjoint: no line of any fixture or corpus log is read by two (the scanner asks the last one first)', () => {
  const logs = [...walk(FIXTURES), ...walk(CORPUS), ...walk(SAMPLES)].filter((p) => /\.(log|log_|lo_|txt)$/.test(p));
  const out: LineRecord = { msgStart: 0, msgEnd: 0, wall: NaN, offset: 0, severity: -1, compStart: 0, compEnd: 0, threadStart: 0, threadEnd: 0, clockStart: 0, clockEnd: 0, levelStart: 0, levelEnd: 0 };
  const formats = lineFormats();
  let claimed = 0;
  for (const p of logs) {
    const text = sampleText(p).slice(0, 256 * 1024);
    const codes = codeUnits(text);
    for (let a = 0; a < codes.length; ) {
      let eol = a;
      while (eol < codes.length && codes[eol] !== 10) eol++;
      const by = formats.filter((f) => f.readLine!(codes, a, eol, out, f.newState?.())).map((f) => f.id);
      assert.ok(by.length <= 1, `${p}: line at ${a} read by ${by.join(', ')}`);
      claimed += by.length;
      a = eol + 1;
    }
  }
  assert.ok(claimed >= 30, `${claimed} lines read by a line format`);
});
