// Copy as TSV: each message is read once, and one longer than the copy takes says it was cut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import { copyRows, tsvCutNote } from '../../server/src/table/text';
import { REGEX_TEXT_MAX } from '../../server/src/table/userRegex';
import { TableView } from '../../server/src/table/view';

const cm = (msg: string) => `<![LOG[${msg}]LOG]!><time="10:00:00.000+000" date="1-1-2020" component="C" context="" type="1" thread="1" file="">\r\n`;

test('a TSV copy reads each message once and says when one is cut', () => {
  const long = 'x'.repeat(REGEX_TEXT_MAX + 10);
  const log = LogFile.fromText(cm('short') + cm(long));
  // Count the reads of a message's text (whole, or a range from its start).
  let reads = 0;
  const text = log.text.bind(log), message = log.message.bind(log);
  const starts = new Set([log.messageStart(0), log.messageStart(1)]);
  log.text = (a: number, b: number) => { if (starts.has(a)) reads++; return text(a, b); };
  log.message = (e: number) => { reads++; return message(e); };
  const v = new TableView([{ key: 'file:///A.log', name: 'A.log', log: () => log, reading: () => false }]);
  const out = copyRows(v, [{ start: 0, end: 2 }], 'tsv');
  assert.equal(reads, 2, 'one read per message');
  const [first, second] = out.text.split('\n');
  assert.match(first, /\tshort$/);
  assert.ok(second.endsWith(`\t${'x'.repeat(REGEX_TEXT_MAX)} ${tsvCutNote(REGEX_TEXT_MAX)}`), second.slice(-120));
  assert.equal(out.cut, false, 'every row was copied');
});

test('a TSV copy writes the columns the page shows, in the table\'s order: a merge\'s Source with its machine label', () => {
  const a = LogFile.fromText(cm('from a'));
  const b = LogFile.fromText(cm('from b').replace('10:00:00.000', '10:00:01.000'));
  const v = new TableView([
    { key: 'file:///DEVICE1/Client/A.log', name: 'A.log', log: () => a, reading: () => false },
    { key: 'file:///DEVICE2/B.log', name: 'B.log', log: () => b, reading: () => false },
  ]);
  const names = ['DEVICE1 › Client › A.log', 'DEVICE2 › B.log'];
  // The UTC and thread columns hidden; asked out of order, with an id the table has not and a repeat.
  const out = copyRows(v, [{ start: 0, end: 2 }], 'tsv', undefined, { columns: ['message', 'severity', 'time', 'source', 'component', 'bogus', 'message'], names });
  assert.equal(out.text, 'information\t1-1-2020 10:00:00.000+000\tDEVICE1 › Client › A.log\tC\tfrom a\n' +
    'information\t1-1-2020 10:00:01.000+000\tDEVICE2 › B.log\tC\tfrom b\n');
  // One log has no Source column, even when asked.
  const one = new TableView([{ key: 'file:///DEVICE2/B.log', name: 'B.log', log: () => b, reading: () => false }]);
  assert.equal(copyRows(one, [{ start: 0, end: 1 }], 'tsv', undefined, { columns: ['source', 'message'], names: ['B.log'] }).text, 'from b\n');
});
