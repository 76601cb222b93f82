// The status bar names the formats a mixed log holds: CMTrace + CBS is not "CMTrace + legacy".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogFile } from '../../server/src/logFile';
import { fileInfo } from '../../server/src/features/fileInfo';
import { statusText } from '../../client/src/statusText';

const CCM = '<![LOG[Installing]LOG]!><time="10:00:00.000+420" date="01-15-2024" component="CcmExec" context="" type="1" thread="1" file="">\n';
const CBS = '2024-01-15 08:00:00, Info                  CBS    Starting TrustedInstaller\n';
const NONE = { offset: null, byFolder: false };
const LEGACY = 'Legacy line $$<SMS_EXECUTIVE><01-15-2024 10:00:00.000+420><thread=5 (0x5)>\n';

test('fileInfo: a mix of CMTrace and CBS records is named "CMTrace + CBS", not "CMTrace + legacy"', () => {
  const info = fileInfo(LogFile.fromText(CCM + CBS + CCM), NONE);
  assert.equal(info.format, 'mixed');
  const s = statusText(info);
  // The item counts them (statusTextMixed.test.ts); the tooltip names them.
  assert.ok(s.tooltip.includes('formats: CMTrace + CBS / DISM / Panther\n'), s.tooltip);
  assert.doesNotMatch(s.tooltip, /legacy/);
});

test('fileInfo: CMTrace + legacy still says so, in the order the formats first appear', () => {
  const s = statusText(fileInfo(LogFile.fromText(LEGACY + CCM), NONE));
  assert.match(s.tooltip, /formats: legacy SMS \+ CMTrace\n/);
});
