// Every reader reads a text's code units as one byte each, units above 255 as 255 (codeUnits in
// decode.ts): what a record holds past Latin-1 must still come out as written. Names differing only
// in such characters stay two names (the name caches compare codes), and a wide letter whose low
// byte is an ASCII letter is no part of a keyword.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Severity } from '../../server/src/model';
import { LogFile } from '../../server/src/logFile';

const ccm = (msg: string, comp: string, thread: string) =>
  `<![LOG[${msg}]LOG]!><time="08:00:00.000+000" date="01-15-2024" component="${comp}" context="" type="1" thread="${thread}" file="">\r\n`;
const sms = (msg: string, comp: string) => `${msg} $$<${comp}><01-15-2024 08:00:00.000+000><thread=1 (0x1)>\r\n`;
const cbs = (msg: string, comp: string) => `2024-01-15 08:00:00, Info                  ${comp}    ${msg}\r\n`;

// Same length, same first, middle and last characters, all four narrowing to the same codes.
const NAMES = ['Dienst\u4e2dA', 'Dienst\u6587A', 'Dienst\u00ffA', 'Dienst\u0100A'];

for (const [kind, record] of [['CMTrace', (m: string, c: string) => ccm(m, c, c)], ['legacy', sms], ['CBS', cbs]] as const) {
  test(`${kind} components that differ only in characters from 255 up stay distinct, as UTF-16 and as UTF-8`, () => {
    const order = [0, 1, 0, 2, 3, 1, 3, 2, 0];
    const text = order.map((k) => record(`message ${k}`, NAMES[k])).join('');
    for (const log of [LogFile.fromText(text), LogFile.fromBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])), LogFile.fromBytes(Buffer.from(text, 'utf8'))]) {
      assert.equal(log.entryCount, order.length);
      assert.equal(log.spans.count, 0);
      assert.deepEqual(order.map((_, i) => log.component(i)), order.map((k) => NAMES[k]));
      assert.deepEqual(order.map((_, i) => log.message(i)), order.map((k) => `message ${k}`));
      if (kind === 'CMTrace') assert.deepEqual(order.map((_, i) => log.thread(i)), order.map((k) => NAMES[k]));
    }
  });
}

test('a wide letter whose low byte is an ASCII letter is not part of a keyword (\u0165 is not e)', () => {
  // U+0165's low byte is `e`, U+0146's is `F`: a truncating narrowing would read "error" and "Failed".
  const log = LogFile.fromText(sms('Install \u0165rror', 'A') + sms('\u0146ailed twice', 'A') + sms('Install error', 'A'));
  assert.deepEqual([0, 1, 2].map((i) => log.severity(i)), [Severity.Information, Severity.Information, Severity.Error]);
});
