// Records that writers broke: cut off, glued onto each other, spliced into another's attribute
// block. Every byte still belongs to an entry or a reported span, and no record is swallowed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import { assertCoverage } from '../support/model';
import { runRules } from '../../server/src/rules';

const ccm = (msg: string, time = '10:00:00.000+060', comp = 'A') => `<![LOG[${msg}]LOG]!><time="${time}" date="01-01-2020" component="${comp}" context="" type="1" thread="2" file="">`;
const sms = (msg: string, comp = 'SMS_CLOUD_USERSYNC') => `${msg}  $$<${comp}><09-14-2014 10:23:54.123+420><thread=4321 (0x10E1)>`;
const both = (text: string) => [LogFile.fromText(text), LogFile.fromBytes(Buffer.from(text, 'latin1'))];

test('a cut-off CMTrace record ends where a complete legacy line starts, and its UserNotFound is found', () => {
  const text = '<![LOG[cut off before its end\r\n' + sms('Failed to add user scott@contoso.com; reason UserNotFound') + '\r\n' + sms('Total received users to add from SCCM = 1') + '\r\n';
  for (const log of both(text)) {
    assertCoverage(log);
    assert.equal(log.entryCount, 3);
    assert.equal(log.entry(0).truncated, true);
    assert.equal(log.entry(0).message, 'cut off before its end');
    assert.equal(log.entry(1).kind, 'sms');
    assert.equal(log.entry(1).line, 1);
    assert.match(log.entry(1).message, /UserNotFound$/);
  }
  const input = { key: 'CloudUserSync.log', name: 'CloudUserSync.log', log: both(text)[0] };
  const { findings } = runRules(input, { logs: [input] });
  assert.ok(findings.some((f) => f.ruleId === 'user-not-found' && f.line === 1), JSON.stringify(findings));
});

test('a complete legacy line inside a closed multi-line record also ends it (interleaved writers)', () => {
  const text = '<![LOG[first part\n' + sms('Failed to add user a@b.c; reason UserNotFound') + '\nrest]LOG]!><time="10:00:00.000+060" date="01-01-2020" component="A" context="" type="1" thread="2" file="">\n' + ccm('next') + '\n';
  for (const log of both(text)) {
    assertCoverage(log);
    assert.equal(log.entry(0).truncated, true);
    assert.equal(log.entry(1).kind, 'sms');
    assert.equal(log.entry(log.entryCount - 1).message, 'next');
  }
});

test('a stack trace inside a record stays in it: lines that are not legacy records do not cut it', () => {
  const text = ccm('Exception\r\n   at A.B()\r\n   at C.D() $$< not a tail') + '\r\n' + ccm('next') + '\r\n';
  for (const log of both(text)) {
    assert.equal(log.entryCount, 2);
    assert.equal(log.entry(0).truncated, false);
    assert.equal(log.entry(0).endLine, 2);
  }
});

test('glued records: text after a legacy tail on the same line is the next entry or a reported span', () => {
  const text = sms('first writer', 'A') + sms('second writer', 'B') + '\r\n' + sms('third', 'C') + 'trailing junk\r\n' + sms('fourth', 'D') + ccm('glued ccm') + '\r\n';
  for (const log of both(text)) {
    assertCoverage(log);
    const messages = Array.from({ length: log.entryCount }, (_, i) => log.entry(i).message);
    assert.deepEqual(messages, ['first writer', 'second writer', 'third', 'fourth', 'glued ccm']);
    assert.deepEqual(Array.from({ length: log.entryCount }, (_, i) => log.entry(i).component), ['A', 'B', 'C', 'D', 'A']);
    assert.deepEqual(log.unparsedSpans().map((s) => log.text(s.start, s.end)), ['trailing junk\r\n']);
    assert.equal(log.entry(1).line, 0);
    assert.equal(log.entry(4).line, 2);
  }
});

test('a record spliced into another\'s attribute block is read; the cut record shows no time it did not compute', () => {
  const second = ccm('second', '10:00:01.000+060', 'B');
  for (const cut of ['<time="10:00:00.000+060" date="01-0', '<time="10:00:00.000+060" ', '<time="10:00:00.000+060" date="01-01-2020" comp', '']) {
    const text = '<![LOG[first]LOG]!>' + cut + second + '\r\n';
    for (const log of both(text)) {
      assertCoverage(log);
      assert.equal(log.entryCount, 2, JSON.stringify(cut));
      const a = log.entry(0), b = log.entry(1);
      assert.equal(a.message, 'first');
      // Shown and computed agree: no time text where there is no UTC.
      assert.equal(a.utc, null);
      assert.equal(a.timeText, undefined, JSON.stringify(cut));
      assert.equal(a.offset, null);
      assert.equal(b.message, 'second');
      assert.equal(b.component, 'B');
      assert.equal(b.timeText, '10:00:01.000+060');
      assert.equal(b.utc, Date.UTC(2020, 0, 1, 11, 0, 1));
    }
  }
});
