// The status bar item of a log with several formats stays a few words: the tour's was cut off at the
// window's edge ("CMTrace + CBS / DISM / Panther + MSI verbose log + PSADT · UTC-05:00; no offset (UTC-05:0").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusText } from '../../client/src/statusText';
import { LogFile } from '../../server/src/logFile';
import { fileInfo } from '../../server/src/features/fileInfo';

const MIXED = `<![LOG[Service initialization started.]LOG]!><time="10:19:51.120+300" date="02-23-2020" component="CcmExec" context="" type="1" thread="3104" file="">
<![LOG[Failed to start service 'CcmEval'. Error 0x80070422]LOG]!><time="10:20:02.500+300" date="02-23-2020" component="CcmExec" context="" type="3" thread="3104" file="">
2020-02-23 10:20:02, Error                 CBS    Mixed-in CBS line
MSI (s) (7C:2C) [10:20:02:000]: Note: 1: 1708 
[2020-02-23 10:20:02.200] [Install] [Start-ADTMsiProcess] [Error] :: psadt inside
`;

test('status bar of a mixed log: its formats counted in the item, named in the tooltip; the item bounded', () => {
  const offer = { offset: 300, zone: 'UTC-05:00', source: 'CcmExec.log', others: ['UTC-04:00', 'UTC-07:00'], dst: false };
  const s = statusText(fileInfo(LogFile.fromText(MIXED), { offset: null, byFolder: false }, 'MixedAgent.log', offer));
  assert.match(s.text, / · 4 formats · /);
  assert.match(s.tooltip, /formats: CMTrace \+ CBS \/ DISM \/ Panther \+ MSI verbose log \+ PSADT/);
  const words = s.text.replace(/\$\([a-z-]+\)/g, '');
  assert.ok(words.length <= 70, `${words.length}: ${s.text}`);
});
