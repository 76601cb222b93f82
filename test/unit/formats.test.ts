// The formats seam: the registry, each format's recogniser and parts, the model's message columns,
// and a format registered by this test only (not shipped) that the scanner then reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { LogFile } from '../../server/src/logFile';
import { Severity } from '../../server/src/model';
import { decode } from '../../server/src/parse/decode';
import { detectFormat } from '../../server/src/parse/detect';
import { FORMATS, formatName, recognisedFormats, registerFormat, unregisterFormat, type LogFormat } from '../../server/src/parse/formats';
import { messageExtent } from '../../server/src/features/positions';
import { timeRanges } from '../../server/src/explain';
import { messageHead } from '../../server/src/rules/logSet';
import { assertCoverage, assertSameAsWhole } from '../support/model';

const CCM = '<![LOG[Install failed 0x80070005]LOG]!><time="10:23:54.123+420" date="09-14-2014" component="AppEnforce" context="SYSTEM" type="3" thread="4321" file="appenforce.cpp:12">\n';
const SMS = 'Policy evaluation done  $$<PolicyAgent><05-06-2024 11:22:33.444+420><thread=1234 (0x4D2)>\n';

const slice = (log: LogFile, r: [number, number] | undefined) => (r ? log.text(r[0], r[1]) : undefined);

test('the registry lists the shipped formats in order, and names them for the status bar', () => {
  assert.deepEqual(FORMATS.map((f) => f.id), ['ccm', 'sms', 'plain', 'cbs', 'psadt', 'wu', 'setup', 'portal', 'inventory', 'intunemac', 'msi']);
  assert.equal(formatName('ccm'), 'CMTrace');
  assert.equal(formatName('sms'), 'legacy SMS');
  assert.equal(formatName('plain'), 'plain text');
  assert.equal(formatName('mixed'), 'mixed formats');
});

test('each format with records is coloured by a grammar the extension contributes', () => {
  const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
  const scopes = new Set(pkg.contributes.grammars.map((g: { scopeName: string }) => g.scopeName));
  for (const f of FORMATS.filter((x) => x.id !== 'plain')) assert.ok(scopes.has(f.scope), `${f.id}: ${f.scope}`);
});

test('the model stores where each message is; parts are read by the record\'s format', () => {
  const log = LogFile.fromText(CCM + SMS);
  assertCoverage(log);
  assert.equal(log.text(log.messageStart(0), log.messageEnd(0)), 'Install failed 0x80070005');
  assert.equal(log.text(log.messageStart(1), log.messageEnd(1)), 'Policy evaluation done  ');
  assert.equal(log.formatOf(0).id, 'ccm');
  assert.equal(log.formatOf(1).id, 'sms');
  const c = log.parts(0);
  assert.deepEqual([c.time, c.date, c.component, c.context, c.type, c.thread, c.file].map((r) => slice(log, r)),
    ['10:23:54.123+420', '09-14-2014', 'AppEnforce', 'SYSTEM', '3', '4321', 'appenforce.cpp:12']);
  assert.deepEqual(c.clock.map((r) => slice(log, r)), ['time="10:23:54.123+420"', 'date="09-14-2014"']);
  assert.equal(slice(log, c.body), '<![LOG[Install failed 0x80070005]LOG]!>');
  const s = log.parts(1);
  assert.deepEqual([s.time, s.date, s.component, s.thread].map((r) => slice(log, r)), ['11:22:33.444+420', '05-06-2024', 'PolicyAgent', '1234']);
  assert.deepEqual(s.clock.map((r) => slice(log, r)), ['<05-06-2024 11:22:33.444+420>']);
  assert.equal(slice(log, s.body), 'Policy evaluation done');
  // Features ask the model rather than re-reading the record.
  assert.deepEqual(messageExtent(log, 1), s.body);
  assert.deepEqual(timeRanges(log, 0), c.clock);
  assert.equal(messageHead(log, 0, 1000), 'Install failed 0x80070005');
});

test('a cut-off CMTrace record: its message runs to where the record was cut', () => {
  const log = LogFile.fromText('<![LOG[never closed\n<![LOG[x]LOG]!><time="1:00:00.000+0" date="1-1-2024" component="c" context="" type="1" thread="1">\n');
  assert.equal(log.entry(0).truncated, true);
  assert.equal(log.message(0), 'never closed');
  assert.deepEqual(log.parts(0).clock, []);
});

// Every corpus sample: the client's recognisers (no scanner) agree with the scanner's detection.
const CORPUS = path.resolve(__dirname, '../fixtures/corpus');
const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => {
  const p = path.join(dir, n);
  return statSync(p).isDirectory() ? walk(p) : [p];
});

test('the recognisers find a log wherever the scanner does (corpus and hand-made samples)', () => {
  const samples = walk(CORPUS).filter((p) => /\.(log|log_|txt)$/.test(p)).map((p) => {
    const d = decode(readFileSync(p)).text;
    return typeof d === 'string' ? d : Buffer.from(d).toString('latin1');
  });
  samples.push(CCM, SMS, 'plain\ntext\n', '  <![LOG[indented]LOG]!>\n', 'x $$<><1-1-2024 1:00:00.000>\n', 'a $$<c><d>\n', '<![LOG[open only\n');
  for (const s of samples) {
    const sample = s.slice(0, 64 * 1024);
    assert.equal(recognisedFormats(sample).length > 0, detectFormat(sample) !== 'plain', JSON.stringify(sample.slice(0, 80)));
  }
  assert.deepEqual(recognisedFormats(CCM + SMS).map((f) => f.id), ['ccm', 'sms']);
});

test('the legacy recogniser is linear on a line of `$$<` with no `>`', () => {
  const line = '$$<'.repeat(200_000);
  const t0 = performance.now();
  assert.equal(recognisedFormats(line).length, 0);
  assert.ok(performance.now() - t0 < 2000, 'a quadratic search would take minutes');
});

/** A format that exists only here: `@@ component: message` lines, severity `!` = error. */
const atAt: LogFormat = {
  id: 'test-at',
  name: 'at-at',
  scope: 'source.test',
  recognise: (sample) => /^@@ /m.test(sample),
  messageText: (raw) => raw,
  parts: (r) => ({ message: [r.msgStart, r.msgEnd], body: [r.start, r.msgEnd], clock: [] }),
  readLine(codes, a, eol, out) {
    if (codes[a] !== 64 || codes[a + 1] !== 64 || codes[a + 2] !== 32) return false;
    let colon = a + 3;
    while (colon < eol && codes[colon] !== 58) colon++;
    if (colon >= eol) return false;
    let end = eol;
    if (end > a && codes[end - 1] === 13) end--;
    out.compStart = a + 3;
    out.compEnd = colon;
    out.threadStart = out.threadEnd = a;
    out.msgStart = colon + 2;
    out.msgEnd = end;
    out.wall = NaN;
    out.offset = -32768;
    out.severity = codes[colon + 2] === 33 ? Severity.Error : -1;
    return true;
  },
};

test('a format registered by a test only is read by the scanner, whole or appended in pieces', () => {
  const text = 'banner\n@@ Setup: ! disk full\n' + CCM + '@@ Net: retry later failed\r\n\n' + SMS + '@@ no colon here\n@@ Tail: last';
  const before = LogFile.fromText(text);
  assert.equal(before.entryCount, 2, 'without the format, its lines are unparsed');
  const id = registerFormat(atAt);
  try {
    const log = LogFile.fromText(text);
    assertCoverage(log);
    assert.equal(log.format, 'mixed');
    assert.deepEqual(Array.from({ length: log.entryCount }, (_, i) => [log.formatOf(i).id, log.component(i), log.message(i)]), [
      ['test-at', 'Setup', '! disk full'],
      ['ccm', 'AppEnforce', 'Install failed 0x80070005'],
      ['test-at', 'Net', 'retry later failed'],
      ['sms', 'PolicyAgent', 'Policy evaluation done'],
      ['test-at', 'Tail', 'last'],
    ]);
    assert.equal(log.table.format[0], id);
    assert.equal(log.severity(0), Severity.Error, 'severity as the format wrote it');
    assert.equal(log.severity(2), Severity.Error, 'else by the keyword rule');
    assert.equal(log.entry(2).endLine, log.line(2), 'blank lines absorbed, not counted');
    // The last line is not complete: a record all the same, read again whole when more comes.
    assert.equal(log.spans.count, 2, 'the banner and the line with no colon');
    assert.equal(log.message(4), 'last');
    for (const step of [1, 3, 7, 50]) {
      const pieces = LogFile.fromText('');
      for (let p = 0; p < text.length; p += step) pieces.appendText(text.slice(p, p + step));
      assertSameAsWhole(pieces, log);
    }
    log.appendText(' line\n');
    assert.equal(log.entryCount, 5);
    assert.equal(log.message(4), 'last line');
  } finally {
    unregisterFormat(atAt);
  }
  assert.equal(FORMATS.includes(atAt), false);
});
