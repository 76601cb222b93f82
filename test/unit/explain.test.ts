// Hover Markdown: what is under the cursor, explained; and log text that stays inert text.
import { durationText } from '../../server/src/parse/time';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import {
  codeBlock, codeSpan, entryAtOffset, errorCodeText, escapeMarkdown, explainErrorCode, hoverMarkdown, timeRanges,
} from '../../server/src/explain';
import { LogFile } from '../../server/src/logFile';
import type { Finding } from '../../server/src/model';
import { runRules, type LogInput, type RuleContext } from '../../server/src/rules';
import { AAD_SQL_QUERIES, aadTenantMissing } from '../../server/src/rules/aadTenantMissing';

const ROOT = path.resolve(__dirname, '../..');
const load = (rel: string): LogInput => ({ key: rel, name: path.basename(rel), log: LogFile.fromBytes(readFileSync(path.join(ROOT, rel))) });
const ctx = (...logs: LogInput[]): RuleContext => ({ logs });
const findings = (t: LogInput, c: RuleContext): Finding[] => runRules(t, c).findings;
/** The aad-tenant-missing error of a discovery agent's log (with its related evidence). */
const agentError = (t: LogInput, c: RuleContext): Finding => findings(t, c).find((f) => f.ruleId === 'aad-tenant-missing' && f.related?.length)!;

/** Offset of `needle` (the n-th occurrence) in the log's text, plus `delta`. */
function offsetOf(input: LogInput, needle: string, delta = 0, n = 0): number {
  const text = input.log.text();
  let at = -1;
  for (let k = 0; k <= n; k++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not found`);
  return at + delta;
}

// markdown-it is in node_modules (a tool's dependency); when present, render with everything on.
function renderer(): ((md: string) => string) | null {
  try {
    const req = createRequire(__filename);
    const MarkdownIt = req('markdown-it') as new (o: object) => { render(s: string): string };
    const md = new MarkdownIt({ html: true, linkify: true });
    return (s) => md.render(s);
  } catch {
    return null;
  }
}
const render = renderer();

/** Markdown with code spans and fenced blocks removed (a run of n backticks closes at the next run of exactly n). */
function outsideCode(md: string): string {
  let out = '';
  let i = 0;
  while (i < md.length) {
    if (md[i] === '`' && md[i - 1] !== '\\') {
      let n = 0;
      while (md[i + n] === '`') n++;
      let j = i + n;
      let close = -1;
      while (j < md.length) {
        if (md[j] === '`') {
          let m = 0;
          while (md[j + m] === '`') m++;
          if (m === n) { close = j; break; }
          j += m;
        } else j++;
      }
      if (close < 0) { out += md.slice(i, i + n); i += n; continue; }
      i = close + n;
      continue;
    }
    out += md[i];
    i++;
  }
  return out;
}

/** Inert: no link or image syntax, no raw HTML tag, no escape character, no command URI as a link. */
function assertInert(markdown: string, label: string): void {
  assert.ok(!markdown.includes('\u001b'), `${label}: ESC survived`);
  const text = outsideCode(markdown);
  assert.ok(!/(?<!\\)\[[^\]\n]*(?<!\\)\]\(/.test(text), `${label}: link syntax survived: ${markdown}`);
  assert.ok(!/(?<!\\)<(img|script|a\s)/i.test(text), `${label}: raw HTML outside code: ${markdown}`);
  assert.ok(!/(?<!\\)(command|https?):/i.test(text), `${label}: a URI outside code: ${markdown}`);
  if (render) {
    const html = render(markdown);
    assert.ok(!/<a\s/i.test(html), `${label}: rendered a link: ${html}`);
    assert.ok(!/<img/i.test(html), `${label}: rendered an image: ${html}`);
    assert.ok(!/<(em|strong)>/.test(html) || markdown.includes('**'), `${label}: emphasis from log text: ${html}`);
    assert.ok(!html.includes('\u001b'), `${label}: ESC in HTML`);
  }
}

const EVIL = 'see [click](command:workbench.action.x) <img src=x onerror=alert(1)> \u001b[31mred\u001b[0m `tick` and ``two`` *bold* _it_ https://example.com/a www.example.com a@b.com &lt; | x';

// ---------------------------------------------------------------------------------------------
// Escaping
// ---------------------------------------------------------------------------------------------

test('escapeMarkdown: log text comes out as inert text', () => {
  const md = escapeMarkdown(EVIL);
  assertInert(md, 'escapeMarkdown');
  assert.ok(!md.includes('command:'), 'command: is broken up');
  assert.ok(!md.includes('https://'), 'the URL is broken up');
  assert.ok(md.includes('\\[click\\]\\(command\\:workbench\\.action\\.x\\)'));
  assert.ok(md.includes('\\<img src\\=x onerror\\=alert\\(1\\)\\>'));
  assert.ok(md.includes('\\*bold\\*'));
  assert.ok(md.includes('\\`tick\\`'));
  assert.ok(md.includes('red'), 'the text itself is kept');
  if (render) {
    const html = render(md);
    assert.ok(html.includes('[click](command:workbench.action.x)'), 'reads as the original text');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  }
  assert.equal(escapeMarkdown('a\r\nb\nc'), 'a b c');
});

test('codeSpan and codeBlock: any backticks inside, ANSI and control characters removed', () => {
  for (const s of [EVIL, '`', '``x``', 'a ` b', ' lead', '```', '\u202eevil\u202c']) {
    const span = codeSpan(s);
    assertInert(span, `codeSpan(${JSON.stringify(s)})`);
    assert.ok(!/[\u202a-\u202e]/.test(span), 'bidi overrides removed');
    if (render) {
      const html = render(span).trim();
      assert.match(html, /^<p><code>[^]*<\/code><\/p>$/, `one code span: ${html}`);
    }
    const block = codeBlock(`${s}\n\`\`\`\nafter`, 'sql');
    assertInert(block, 'codeBlock');
    if (render) assert.equal((render(block).match(/<pre>/g) ?? []).length, 1, 'one block: the text cannot close the fence');
  }
  assert.equal(codeSpan('a`b'), '``a`b``');
  assert.equal(codeSpan('`a'), '`` `a ``');
  assert.equal(codeBlock('x', 'not a lang!'), '```\nx\n```');
});

test('hover: log text under the cursor stays inert in every section', () => {
  const evilUser = '[click](command:workbench.action.x)<img/src=x/onerror=alert(1)>`*\u001b[31m*`';
  const line = (m: string, t: string) => `${m}  $$<SMS_CLOUD_USERSYNC><09-14-2014 ${t}+420><thread=1 (0x1)>`;
  const text = [
    line('Starting user delta sync, raise failure status messages = True', '10:00:00.000'),
    line(`NotifyAccountAddition - SCCM user to add = ${evilUser}`, '10:00:00.100'),
    line(`Failed to add user ${evilUser}; reason UserNotFound`, '10:00:00.200'),
    line('Total received users to add from SCCM = 1, Total Successfully added users to Cloud = 0', '10:00:00.300'),
    `<![LOG[${EVIL}]LOG]!><time="10:00:01.000+420" date="09-14-2014" component="x" context="" type="1" thread="1" file="">`,
    `<![LOG[cut off ${EVIL}`,
  ].join('\n');
  const input: LogInput = { key: 'w/CloudUserSync.log', name: 'CloudUserSync.log', log: LogFile.fromText(text) };
  const c = ctx(input);
  const f = findings(input, c);
  assert.ok(f.some((x) => x.ruleId === 'user-not-found'));
  // A finding whose message carries log text goes through the generic section.
  f.push({ ruleId: 'truncated-record', severity: 'information', file: input.key, line: 4, endLine: 4, entryIndex: 4, message: EVIL, related: [{ file: input.key, line: 0, message: EVIL }] });
  let hovers = 0;
  for (let off = 0; off < input.log.length; off += 7) {
    const md = hoverMarkdown(input, c, off, f);
    if (md === null) continue;
    hovers++;
    assertInert(md, `offset ${off}`);
  }
  assert.ok(hovers > 20);
});

// ---------------------------------------------------------------------------------------------
// user-not-found and the cycle lines
// ---------------------------------------------------------------------------------------------

test('hover on a UserNotFound line: the 24-hour rule, first failure, due time in log time and UTC, status and ways out', () => {
  const input = load('test/fixtures/rules/article-example/CloudUserSync.log');
  const c = ctx(input);
  const md = hoverMarkdown(input, c, offsetOf(input, 'Failed to add user scott', 5), findings(input, c))!;
  assert.ok(md);
  assert.match(md, /24-hour timer/);
  assert.match(md, /scott\\@contoso\\\.com/);
  assert.ok(md.includes('| First failure | 2014-09-14 10:23:54.290 | 2014-09-14 17:23:54.290 |'), md);
  assert.ok(md.includes('| Full sync due (first failure + 24 h) | 2014-09-15 10:23:54.290 | 2014-09-15 17:23:54.290 |'), md);
  assert.ok(md.includes('| Added (cycle) | 2014-09-15 10:24:12.207 | 2014-09-15 17:24:12.207 |'), md);
  assert.ok(md.includes('Log time (UTC\\-07\\:00)'), md);
  assert.match(md, /\*\*Resolved\*\*.*24 h 0 min 18 s/);
  for (const way of ['SMS Executive', 'DirSync interval', 'AD User Discovery', 'wait']) assert.ok(md.includes(way), way);
  assert.ok(md.indexOf('SMS Executive') < md.indexOf('DirSync interval') && md.indexOf('DirSync interval') < md.indexOf('AD User Discovery'));
  // Without findings (rule off): the line's meaning only; a hover never runs a rule (ruleSeam.test.ts).
  const again = hoverMarkdown(input, c, offsetOf(input, 'Failed to add user scott', 5), [])!;
  assert.match(again, /was not found in Azure AD\. .*24-hour timer/);
});

test('hover on a pending user and on a later failure', () => {
  const input = load('test/fixtures/rules/fails-again/CloudUserSync.log');
  const c = ctx(input);
  const md = hoverMarkdown(input, c, offsetOf(input, 'Failed to add user', 3, 1), findings(input, c))!;
  assert.match(md, /\*\*Overdue\*\*/);
  assert.match(md, /failure 2 of 2/);
  assert.match(md, /`CloudUserSync\.log` line 3/);
  const p = load('test/fixtures/rules/pending/CloudUserSync.log');
  const pm = hoverMarkdown(p, ctx(p), offsetOf(p, 'Failed to add user', 3), findings(p, ctx(p)))!;
  assert.match(pm, /\*\*Pending\*\*/);
  assert.ok(pm.includes('| Full sync due (first failure + 24 h) | 2015-01-13 14:00:07.485 | 2015-01-13 22:00:07.485 |'), pm);
});

test('hover on the cycle counter lines says what the counters mean, with their numbers', () => {
  const input = load('test/fixtures/rules/article-example/CloudUserSync.log');
  const c = ctx(input);
  const f = findings(input, c);
  const at = (needle: string, n = 0) => hoverMarkdown(input, c, offsetOf(input, needle, 2, n), f)!;
  const totals = at('Total received users to add from SCCM = 1, Total Successfully added users to Cloud = 1');
  assert.match(totals, /\*\*1\*\* user was handed to the connector to add in this cycle, and \*\*1\*\* was added/);
  const first = at('Total received users to add from SCCM = 1, Total Successfully added users to Cloud = 0');
  assert.match(first, /\(1 not added\)/);
  assert.match(at('UserDeltaSync:- Users Added = 1'), /\*\*1\*\* user added and \*\*0\*\* removed/);
  assert.match(at('Total received users from SCCM to be removed'), /to be removed from the cloud/);
  assert.match(at('Successfully removed users from cloud'), /removed from the cloud in this cycle/);
  assert.match(at('Starting user delta sync'), /no error/);
  assert.match(at('NotifyAccountAddition'), /`scott@contoso\.com`.*user to add/);
});

// ---------------------------------------------------------------------------------------------
// Azure AD
// ---------------------------------------------------------------------------------------------

test('hover on a group sync error: ClientKeyData, heartbeat data, the checklist in order, the two SQL queries verbatim', () => {
  const logs = readdirSync(path.join(ROOT, 'test/fixtures/rules/aad')).filter((n) => n.endsWith('.log')).map((n) => load(`test/fixtures/rules/aad/${n}`));
  const agent = logs.find((l) => l.name === 'SMS_AZUREAD_DISCOVERY_AGENT.log')!;
  const c = ctx(...logs);
  const md = hoverMarkdown(agent, c, offsetOf(agent, 'No device objects', 4), findings(agent, c))!;
  assert.match(md, /AADTenantID/);
  assert.match(md, /AADDeviceID/);
  assert.match(md, /dbo\.ClientKeyData/);
  assert.match(md, /dbo\.System_Disc/);
  assert.match(md, /not authenticate|not trusted|does not count/);
  const order = ['onboarded for client management', 'dsregcmd /status', '1709', 'HTTPS or Enhanced HTTP', 'owner'];
  const pos = order.map((s) => md.indexOf(s));
  assert.ok(pos.every((p) => p >= 0), JSON.stringify(pos));
  assert.deepEqual([...pos].sort((a, b) => a - b), pos, 'checklist in the article\'s order');
  assert.equal(AAD_SQL_QUERIES.length, 2);
  assert.equal(AAD_SQL_QUERIES[0]!.sql, "select convert(xml, settings), * from sites where ISNULL(reporttosite, N'') = N''");
  assert.equal(AAD_SQL_QUERIES[1]!.sql, 'select count(*) from clientkeydata where isnull(isrevoked, 0) = 0 and agenttype=0 and (AADDeviceID is not null)');
  for (const q of AAD_SQL_QUERIES) assert.ok(md.includes('```sql\n' + q.sql + '\n```'), q.sql);
  assert.match(md, /`MP_RegistrationManager\.log` line 1/);
  // What to do comes before the related lines, and the repeats of the error are one line among them.
  assert.ok(md.indexOf('**Check, in this order:**') < md.indexOf('`MP_RegistrationManager.log` line 1'), md);
  assert.match(md, /`SMS_AZUREAD_DISCOVERY_AGENT\.log` line 19: The same error 2 more times\\, lines 19\\-29\\, the last /);
  assert.doesNotMatch(md, /The same error again/);
  assert.match(md, /\*\*What the client and management point logs show\*\* \(and this error's repeats\):/);
  // And on the MP's empty-tenant warning, which has no repeats: its heading claims none.
  const mp = logs.find((l) => l.name === 'MP_RegistrationManager.log')!;
  const mpmd = hoverMarkdown(mp, c, offsetOf(mp, 'Registering device', 3), findings(mp, c))!;
  assert.match(mpmd, /empty\*\* tenant id|an empty tenant id/);
  // A group-sync error logged once, with evidence: its heading claims no repeats.
  const once = aadTenantMissing.explain!({ ...agentError(agent, c), data: { kind: 'group-sync' } });
  assert.match(once, /\*\*What the client and management point logs show\*\*:/, once);
});

test('hover on a token failure: what it means for Azure AD registration; on its code: the decoding', () => {
  const input = load('samples/Client/ccmsetup.log');
  const c = ctx(input);
  const f = findings(input, c);
  const md = hoverMarkdown(input, c, offsetOf(input, 'WAM token request failed', 3), f)!;
  assert.match(md, /Azure AD token failure/);
  assert.match(md, /registration/i);
  assert.match(md, /dsregcmd \/status/);
  const code = hoverMarkdown(input, c, offsetOf(input, '0x800703f0', 4), f)!;
  assert.match(code, /\*\*Error code 0x800703F0\*\*/);
  assert.match(code, /Win32 error code 1008/);
  assert.match(code, /ERROR_NO_TOKEN/);
  assert.ok(code.indexOf('Error code 0x800703F0') < code.indexOf('Azure AD token failure'), 'code first, then the finding');
});

// ---------------------------------------------------------------------------------------------
// Error codes
// ---------------------------------------------------------------------------------------------

test('explainErrorCode: 0x80070005 is Win32 5, named, with its source', () => {
  for (const form of ['0x80070005', '-2147024891', '2147942405']) {
    const md = explainErrorCode(form)!;
    assert.ok(md, form);
    assert.match(md, /\*\*Error code 0x80070005\*\*/);
    assert.match(md, /\| Unsigned decimal \| `2147942405` \|/);
    assert.match(md, /\| Signed decimal \| `-2147024891` \|/);
    assert.match(md, /\| Facility \| `7 \(FACILITY_WIN32\)` \|/);
    assert.match(md, /Win32 error code 5\b/);
    assert.match(md, /\| Win32 code \| `5 \(ERROR_ACCESS_DENIED\)` \|/);
    assert.match(md, /E_ACCESSDENIED/);
    assert.match(md, /Access denied/);
    assert.match(md, /Source: \[MS-ERREF\]/);
  }
  assert.equal(explainErrorCode('not a code'), null);
  assert.equal(explainErrorCode('0x123456789'), null);
  const text = errorCodeText(0x80070005);
  assert.match(text, /Win32 code:\s+5 \(ERROR_ACCESS_DENIED\)/);
  assert.ok(!text.includes('**'), 'plain text');
});

test('explainErrorCode: an unknown code says unknown and claims nothing', () => {
  const md = explainErrorCode('0xD0090016')!;
  assert.match(md, /\*\*Unknown\*\*/);
  assert.match(md, /Facility \| `9 /);
  assert.match(md, /\| Signed decimal \| `-804716522` \|/);
  const md2 = explainErrorCode('0x87D00215')!;
  assert.match(md2, /\*\*Unknown\*\*/);
  assert.match(md2, /\| Facility \| `2000 \(not listed in \[MS-ERREF\]\)` \|/);
  assert.match(explainErrorCode('0xA0000001')!, /Customer bit/);
  const win32 = explainErrorCode('5')!;
  assert.match(win32, /plain Win32 error code 5/);
});

test('hover on an error code written as a signed decimal', () => {
  const input = load('samples/Client/IntuneManagementExtension.log');
  const md = hoverMarkdown(input, ctx(input), offsetOf(input, '-2147023293', 2, 1), [])!;
  assert.match(md, /0x80070643/);
  assert.match(md, /Win32 error code 1603/);
  assert.match(md, /ERROR_INSTALL_FAILURE/);
});

// ---------------------------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------------------------

test('hover on a legacy time: as written, the bias rule (UTC = local + bias), UTC, and the gap', () => {
  const input = load('test/fixtures/rules/article-example/CloudUserSync.log');
  const off = offsetOf(input, '<09-14-2014 10:23:54.290+420>', 5);
  const md = hoverMarkdown(input, ctx(input), off, [])!;
  assert.match(md, /\*\*Record time\*\* \(line 3\)/);
  assert.match(md, /time `10:23:54\.290\+420`, date `09-14-2014`/);
  assert.match(md, /log time \*\*2014-09-14 10:23:54\.290\*\*/);
  // The raw bias said once beside the zone every other text uses.
  assert.match(md, /Offset `\+420`, i\.e\. \*\*UTC-07:00\*\*: a Windows time-zone \*\*bias\*\*/);
  assert.match(md, /UTC = local time \+ bias = local \+ 7 h 0 min\./);
  assert.equal(md.split('UTC-07:00').length, 2, 'the zone said once');
  assert.match(md, /UTC: \*\*2014-09-14 17:23:54\.290 UTC\*\*/);
  assert.match(md, /Gap to the previous record \(line 2\): \*\*150 ms\*\*/);
  assert.ok(!md.includes('UserNotFound'), 'the time hover only');
});

test('hover on a CMTrace time and date: negative bias, and the first record has no previous one', () => {
  const input = load('samples/SiteServer/MP_RegistrationManager.log');
  const md = hoverMarkdown(input, ctx(input), offsetOf(input, 'time="', 3), [])!;
  assert.match(md, /Offset `-060`, i\.e\. \*\*UTC\+01:00\*\*/);
  assert.match(md, /local − 1 h 0 min\./);
  assert.match(md, /UTC: \*\*2020-02-23 14:52:40\.218 UTC\*\*/);
  assert.match(md, /no earlier record/);
  const date = hoverMarkdown(input, ctx(input), offsetOf(input, 'date="', 8, 1), [])!;
  assert.match(date, /Gap to the previous record \(line 1\): \*\*4 ms\*\*/);
});

test('hover on a time with no offset says UTC unknown, or names the default offset from settings', () => {
  const rel = 'samples/Client/IntuneManagementExtension.log';
  const input = load(rel);
  const md = hoverMarkdown(input, ctx(input), offsetOf(input, 'time="', 3), [])!;
  assert.match(md, /No offset is written: \*\*UTC unknown\*\*/);
  assert.match(md, /UTC: \*\*unknown\*\*/);
  const withDefault: LogInput = { ...input, log: LogFile.fromBytes(readFileSync(path.join(ROOT, rel)), { defaultOffset: 300 }) };
  const md2 = hoverMarkdown(withDefault, ctx(withDefault), offsetOf(withDefault, 'time="', 3, 1), [])!;
  assert.match(md2, /default offset from the settings\*\* \(`cmlog\.defaultOffset`\) is used \(\+300 min, i\.e\. \*\*UTC-05:00\*\*\): UTC = local time \+ bias = local \+ 5 h 0 min/);
  assert.match(md2, /UTC: \*\*2020-02-23 15:20:12\.271 UTC\*\*/);
  assert.match(md2, /Gap to the previous record \(line 1\): \*\*148 ms\*\*/);
});

test('hover on a time placed by the folder\'s offset: names cmlog.folderOffsets and the log it was taken from, not the default', () => {
  const rel = 'samples/Client/IntuneManagementExtension.log';
  const input: LogInput = { ...load(rel), log: LogFile.fromBytes(readFileSync(path.join(ROOT, rel)), { defaultOffset: -330 }) };
  const at = offsetOf(input, 'time="', 3, 1);
  const byFolder = hoverMarkdown(input, ctx(input), at, [], undefined, undefined, () => ({ byFolder: true, from: 'CcmExec.log of DEVICE2' }))!;
  assert.match(byFolder, /No offset is written: the \*\*offset set for this folder\*\* \(`cmlog\.folderOffsets`, taken from CcmExec\\\.log of DEVICE2\) is used \(-330 min, i\.e\. \*\*UTC\+05:30\*\*\): UTC = local time \+ bias = local − 5 h 30 min/);
  assert.doesNotMatch(byFolder, /default offset/);
  // The folder's entry, but no log of the folder writes that offset: the setting only.
  const bare = hoverMarkdown(input, ctx(input), at, [], undefined, undefined, () => ({ byFolder: true }))!;
  assert.match(bare, /\*\*offset set for this folder\*\* \(`cmlog\.folderOffsets`\) is used/);
  // The entry is a folder's above the log's own (DEVICE2's, for its Panther): that folder is named.
  const above = hoverMarkdown(input, ctx(input), at, [], undefined, undefined, () => ({ byFolder: true, from: 'CcmExec.log of DEVICE2', folder: 'DEVICE2' }))!;
  assert.match(above, /the \*\*offset set for DEVICE2\*\* \(`cmlog\.folderOffsets`, taken from CcmExec\\\.log of DEVICE2\) is used/);
  assert.doesNotMatch(above, /this folder/);
  assert.doesNotMatch(hoverMarkdown(input, ctx(input), at, [], undefined, undefined, () => ({ byFolder: true, folder: '[x](command:evil)' }))!, /\]\(command:/);
  assert.match(hoverMarkdown(input, ctx(input), at, [], undefined, undefined, () => ({ byFolder: false }))!, /default offset from the settings/);
  // A log name is log text: escaped.
  const evil = hoverMarkdown(input, ctx(input), at, [], undefined, undefined, () => ({ byFolder: true, from: '[x](command:evil) of PC' }))!;
  assert.doesNotMatch(evil, /\]\(command:/);
});

test('durationText: the two spellings of one formatter', () => {
  assert.equal(durationText(63, 'milliseconds'), '63 ms');
  assert.equal(durationText(300_063, 'milliseconds'), '5 min 0.063 s');
  assert.equal(durationText(7_384_500, 'milliseconds'), '2 h 3 min 4.500 s');
  assert.equal(durationText(-2000, 'milliseconds'), '−2.000 s');
  assert.equal(durationText(86_418_000), '24 h 0 min 18 s');
  assert.equal(durationText(61_400), '1 min 1 s');
  assert.equal(durationText(-12_000), '-12 s');
  assert.equal(durationText(NaN), 'an unknown time');
});

// ---------------------------------------------------------------------------------------------
// STATMSG, and places with nothing to say
// ---------------------------------------------------------------------------------------------

test('hover on STATMSG lines: known ids explained, others unknown', () => {
  const agent = load('test/fixtures/rules/aad/SMS_AZUREAD_DISCOVERY_AGENT.log');
  const md = hoverMarkdown(agent, ctx(agent), offsetOf(agent, 'STATMSG: ID=11801', 3), [])!;
  assert.match(md, /\*\*Status message 11801\*\* \(information\)/);
  assert.match(md, /\*\*unknown\*\*/);
  const line = `STATMSG: ID=10002 SEV=E LEV=M SOURCE="SMS Server" COMP="SMS_CLOUD_USERSYNC"  $$<SMS_CLOUD_USERSYNC><09-14-2014 10:00:00.000+420><thread=1 (0x1)>`;
  const input: LogInput = { key: 'CloudUserSync.log', name: 'CloudUserSync.log', log: LogFile.fromText(line) };
  const known = hoverMarkdown(input, ctx(input), 3, [])!;
  assert.match(known, /\*\*Status message 10002\*\* \(error\)/);
  assert.match(known, /delta sync/);
  assert.match(known, /Source:/);
});

test('nothing to say: null', () => {
  const input: LogInput = { key: 'a.log', name: 'a.log', log: LogFile.fromText('plain banner line\n<![LOG[hello]LOG]!><time="10:00:00.000+000" date="01-01-2020" component="c" context="" type="1" thread="1" file="">\n') };
  assert.equal(hoverMarkdown(input, ctx(input), 3, []), null, 'unparsed text');
  assert.equal(hoverMarkdown(input, ctx(input), offsetOf(input, 'hello', 1), []), null, 'a plain message');
  assert.equal(hoverMarkdown(input, ctx(input), -1, []), null);
  assert.equal(hoverMarkdown(input, ctx(input), 1e9, []), null);
  assert.equal(entryAtOffset(input.log, 3), -1);
  assert.equal(timeRanges(input.log, 0).length, 2);
});

test('the Markdown checks above render with markdown-it when it is installed', () => {
  let installed = true;
  try { createRequire(__filename).resolve('markdown-it'); } catch { installed = false; }
  assert.equal(render !== null, installed);
});
