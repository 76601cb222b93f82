// From a tour of a collected device folder: the time hover of a log with no offset says the folder's
// offer (as its lens and status bar do); a folder with no ConfigMgr log is pointed to its own
// cmlog.folderOffsets entry, not the global default; a lens title stays the count and the nearest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { LogFile, type LogInput } from '../../server/src/logFile';
import { Timeline } from '../../server/src/workspace/timeline';
import { codeLenses, lensDefaults } from '../../server/src/features/codeLens';
import { folderOffer, offsetOrigin } from '../../server/src/features/folderOffset';
import { hoverMarkdown } from '../../server/src/explain';
import { rules } from '../../server/src/rules';
import { Commands } from '../../server/src/protocol';

const ccm = (time: string, type = 1) =>
  `<![LOG[Install failed]LOG]!><time="${time}.000+300" date="01-15-2024" component="CcmExec" context="" type="${type}" thread="1" file="">\n`;
const CBS = '2024-01-15 08:00:00, Info                  CBS    Starting TrustedInstaller\n2024-01-15 08:00:01, Error                 CBS    Failed [HRESULT = 0x800f0922]\n';
const WS = path.resolve('/ws');
const uriOf = (rel: string) => `file://${path.posix.join(WS.split(path.sep).join('/'), rel)}`;
const input = (rel: string, text: string, defaultOffset: number | null = null): LogInput =>
  ({ key: uriOf(rel), name: path.basename(rel), log: LogFile.fromText(text, { defaultOffset }) });
const ctx = (i: LogInput) => ({ logs: [i] });

test('time hover on a log with no offset: the folder\'s offer and how to take it, not the default setting', () => {
  const cbs = input('PC1/CBS.log', CBS);
  const tl = new Timeline([input('PC1/CcmExec.log', ccm('13:00:00')), cbs]);
  const origin = () => offsetOrigin(false, folderOffer(tl, cbs), cbs.log);
  const at = CBS.indexOf('08:00:01');
  const md = hoverMarkdown(cbs, ctx(cbs) as never, at, [], rules, undefined, origin)!;
  // As rendered: the log's name is escaped Markdown.
  assert.match(md.replace(/\\(.)/g, '$1'), /\*\*UTC unknown\*\*\. CcmExec\.log of this folder says UTC-05:00: click the ⇄ lens .*`cmlog\.folderOffsets`/);
  assert.doesNotMatch(md, /default offset can be set/);
  // No offer: the setting, as before.
  const bare = hoverMarkdown(cbs, ctx(cbs) as never, at, [], rules, undefined, () => offsetOrigin(false, null, cbs.log))!;
  assert.match(bare, /a default offset can be set in the settings/);
});

test('lens of a log in a folder no log of which writes a bias: its own cmlog.folderOffsets entry, with the key it takes', () => {
  const mac = input('MAC1/IntuneMDMDaemon.log', CBS);
  const [lens] = codeLenses(mac.key, mac.log, [], new Timeline([mac]), lensDefaults, false, rules, () => '', [{ path: WS }]);
  assert.deepEqual(lens.command?.arguments, ['cmlog.folderOffsets']);
  assert.match(lens.command!.title, /set "MAC1": minutes \(300 for UTC-05:00\) in cmlog\.folderOffsets/);
  assert.doesNotMatch(lens.command!.title, /defaultOffset/);
});

test('lenses of a placed log: the count and the nearest; logs left out counted once per file, where the offset came from not repeated', () => {
  // Eight error records, placed with the folder's offer (UTC-05:00); CcmExec.log near each; another machine's log without offset.
  const lines = Array.from({ length: 8 }, (_, k) => `2024-01-15 08:00:0${k}, Error                 CBS    Failed ${k}\n`).join('');
  const cbs = input('PC1/CBS.log', lines, 300);
  const ccmLog = input('PC1/CcmExec.log', Array.from({ length: 8 }, (_, k) => ccm(`08:00:0${k}`)).join(''));
  const mac = input('MAC1/IntuneMDMDaemon20200223-101950.log', '2024-01-15 08:00:03, Info                  CBS    x\n');
  const titles = codeLenses(cbs.key, cbs.log, [], new Timeline([cbs, ccmLog, mac]), lensDefaults, false, rules, (k) => k.includes('MAC1') ? 'MAC1' : 'PC1', [{ path: WS }])
    .map((l) => l.command!.title);
  assert.equal(titles.length, 8);
  assert.equal(titles.filter((t) => /left out/.test(t)).length, 1, titles.join('\n'));
  for (const t of titles) {
    assert.doesNotMatch(t, /offset taken from|MAC1/, t);
    assert.ok(t.length <= 110, `${t.length}: ${t}`);
  }
});

test('the offer lens sits above the first record without offset, as the time hover says, also in a log with no error or warning', () => {
  const clean = input('PC1/CBS.log', '2024-01-15 08:00:00, Info                  CBS    Starting TrustedInstaller\n2024-01-15 08:00:03, Info                  CBS    Done\n');
  const failed = input('PC1/MSI1.log', CBS);
  const tl = new Timeline([input('PC1/CcmExec.log', ccm('13:00:00')), clean, failed]);
  for (const l of [clean, failed]) {
    const lenses = codeLenses(l.key, l.log, [], tl, lensDefaults, false, rules, () => '', [{ path: WS }]);
    const offers = lenses.filter((x) => x.command?.command === Commands.useFolderOffset);
    assert.equal(offers.length, 1, `${l.name}: ${JSON.stringify(lenses.map((x) => x.command?.title))}`);
    assert.equal(offers[0].range.start.line, 0, l.name);
    assert.match(offers[0].command!.title, /CcmExec\.log of this folder says UTC-05:00/);
  }
});

test('the offer lens goes above the first timed record without offset: not above a record being written (cut off, no time) nor a broken one', () => {
  // A CMTrace log whose records carry offsets, and whose last record is still being written.
  const live = input('PC1/CcmExec.log', ccm('13:00:00') + ccm('13:00:01') + '<![LOG[still being wr');
  const tl = new Timeline([live]);
  assert.equal(live.log.table.firstUnplaced, -1);
  const lenses = codeLenses(live.key, live.log, [], tl, lensDefaults, false, rules, () => '', [{ path: WS }]);
  assert.deepEqual(lenses.filter((x) => x.command?.title.startsWith('⇄ UTC unknown')), [], JSON.stringify(lenses.map((x) => x.command?.title)));
  // A CBS log (no offsets) after a line no format reads: the offer sits above its first record, and
  // goes when the folder's offset is set.
  const cbs = input('PC1/CBS.log', 'garbage line\n' + CBS);
  assert.equal(cbs.log.table.firstUnplaced, 0);
  const placed = input('PC1/CBS.log', CBS, 300);
  assert.deepEqual(codeLenses(placed.key, placed.log, [], new Timeline([placed]), lensDefaults, false, rules, () => '', [{ path: WS }]).filter((x) => x.command?.title.startsWith('⇄ UTC unknown')), []);
  // Kept as entries come and go, and when the model moves to another thread.
  cbs.log.appendText('2024-01-15 08:00:02, Info                  CBS    more\n');
  assert.equal(cbs.log.table.firstUnplaced, 0);
  assert.equal(LogFile.fromData(cbs.log.toData().data).table.firstUnplaced, 0);
});
