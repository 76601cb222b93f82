// The timeline's count of changes to the offsets its logs write: a table's banner offers a folder's
// offset from them (Timeline.writtenOffsetsIn), so it is made again when the count moves. It moves
// for a log that writes offsets joining, leaving or writing another one, and for nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import { Timeline } from '../../server/src/workspace/timeline';

const ccm = (msg: string, time: string) =>
  `<![LOG[${msg}]LOG]!><time="${time}" date="01-15-2024" component="CcmExec" context="" type="1" thread="1" file="">\r\n`;
const cbs = (msg: string) => `2024-01-15 08:00:00, Info                  CBS    ${msg}\r\n`;
const input = (key: string, text: string) => ({ key, name: key.slice(key.lastIndexOf('/') + 1), log: LogFile.fromText(text) });

test('a log that writes offsets joining, leaving or writing another moves the count; logs without offsets do not', () => {
  const t = new Timeline([input('file:///d/CBS.log', cbs('a'))]);
  let v = t.writtenVersion;
  const moved = (what: string) => { const now = t.writtenVersion; assert.notEqual(now, v, `${what} moves it`); v = now; };
  const still = (what: string) => assert.equal(t.writtenVersion, v, `${what} leaves it`);

  const cbsLog = input('file:///d/CBS.log', cbs('a'));
  t.set(cbsLog);
  still('a log without offsets read again');
  cbsLog.log.appendText(cbs('b'));
  t.update('file:///d/CBS.log');
  still('an append without offsets');

  const ccmExec = input('file:///d/CcmExec.log', ccm('one', '08:00:01.000-330'));
  t.set(ccmExec);
  moved('CcmExec.log (writes -330) joining');
  ccmExec.log.appendText(ccm('two', '08:00:02.000-330'));
  t.update('file:///d/CcmExec.log');
  still('an append writing the same offset');
  ccmExec.log.appendText(ccm('three', '08:00:03.000-300'));
  t.update('file:///d/CcmExec.log');
  moved('an append writing another offset (a DST change)');
  t.rebuild();
  still('indexing again with the same offsets');
  t.remove('file:///d/CBS.log');
  still('a log without offsets leaving');
  t.remove('file:///d/CcmExec.log');
  moved('CcmExec.log leaving');
});
