// PSADT names its log `<App>_PSAppDeployToolkit_<Install|Uninstall|Repair>.log`: an excerpt an admin
// copies (its `Execute-MSI` records only, no component that says whose they are) is still read as
// the toolkit's .NET UTC offsets, in the CLI and in the server, which both give a log its name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { timelineCommand } from '../../server/src/cli/timeline';
import { SettingsState } from '../../server/src/features/settings';
import { LogFile } from '../../server/src/logFile';
import { timeSection } from '../../server/src/explain';

const rec = (time: string, component: string) =>
  `<![LOG[[Installation] :: Executing [msiexec.exe /i "Contoso.msi" /QN]...]LOG]!><time="${time}" date="07-29-2026" component="${component}" context="NT AUTHORITY\\SYSTEM" type="1" thread="4120" file="">\r\n`;
const EXCERPT = rec('09:00:01.200-300', 'Execute-MSI') + rec('09:00:02.200-300', 'Execute-Process');

async function timeline(dir: string): Promise<{ path: string; utc: string | null }[]> {
  let text = '';
  const stream = new Writable({ write(c, _e, done) { text += String(c); done(); } });
  const code = await timelineCommand.run(['--format', 'json', dir], { out: (s) => { text += s + '\n'; }, err: () => undefined, stream });
  assert.equal(code, 0);
  return (JSON.parse(text) as { entries: { path: string; utc: string | null }[] }).entries;
}

test('cmlog timeline: an excerpt in a file named like PSADT\'s log is read as UTC offsets; under another name, as the bias setting says', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cmlog-psadt-name-'));
  writeFileSync(path.join(dir, 'Contoso_App_1.0_x64_EN_01_PSAppDeployToolkit_Install.log'), EXCERPT);
  writeFileSync(path.join(dir, 'excerpt.log'), EXCERPT);
  const entries = await timeline(dir);
  const utcOf = (name: string) => entries.filter((e) => e.path.endsWith(name)).map((e) => e.utc);
  assert.deepEqual(utcOf('_PSAppDeployToolkit_Install.log'), ['2026-07-29T14:00:01.200Z', '2026-07-29T14:00:02.200Z'], 'US Eastern: UTC-05:00');
  assert.deepEqual(utcOf('excerpt.log'), ['2026-07-29T04:00:01.200Z', '2026-07-29T04:00:02.200Z'], 'a bias of -300: UTC+05:00');
});

test('the server reads a file\'s times with its name: the settings\' parse options carry it', () => {
  const settings = new SettingsState(() => undefined);
  const file = path.join(path.resolve('/case'), 'PC01', 'Contoso_PSAppDeployToolkit_Install.log');
  assert.equal(settings.parseOptions(file).fileName, 'Contoso_PSAppDeployToolkit_Install.log');
  assert.equal(settings.parseOptions(null).fileName, null, 'a document that is no file has no name to say');
});

test('the time hover says why a record\'s offset is read as a UTC offset: the log is PSADT\'s, or the setting says so', () => {
  const named = LogFile.fromText(EXCERPT, { fileName: 'Contoso_App_1.0_PSAppDeployToolkit_Install.log' });
  const byName = timeSection(named, 0);
  assert.match(byName, /UTC-05:00/);
  // The setting is the default (bias): the hover must not send the admin to it.
  assert.doesNotMatch(byName, /setting says so/);
  assert.match(byName, /PSADT/);
  const set = LogFile.fromText(EXCERPT, { fileName: 'excerpt.log', offsetConvention: 'utc-offset' });
  assert.match(timeSection(set, 0), /the offset convention setting says so/);
});
