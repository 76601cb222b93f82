// The diagnosis rules on the hand-written fixtures (test/fixtures/rules/README.md) and the demo
// folder (samples/README.md), with the exact findings those READMEs list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LogFile } from '../../server/src/logFile';
import type { Finding } from '../../server/src/model';
import { rules, runRules, type LogInput, type RuleContext } from '../../server/src/rules';
import { emptyTenant, tokenFailure } from '../../server/src/rules/aad';
import { aadTenantMissing } from '../../server/src/rules/aadTenantMissing';
import { aadTokenFailure } from '../../server/src/rules/aadTokenFailure';
import { classifyCloudUserSync, cloudUserSyncTimeline } from '../../server/src/rules/cloudUserSync';
import { folderOf, rotationSet } from '../../server/src/rules/logSet';
import { userNotFound, type UserNotFoundData } from '../../server/src/rules/userNotFound';
import { toDiagnostic } from '../../server/src/features/diagnostics';

const ROOT = path.resolve(__dirname, '../..');
const FIX = 'test/fixtures/rules';

function load(rel: string): LogInput {
  return { key: rel, name: path.basename(rel), log: LogFile.fromBytes(readFileSync(path.join(ROOT, rel))) };
}
function folder(rel: string): LogInput[] {
  return readdirSync(path.join(ROOT, rel)).filter((n) => /\.(log|lo_)$/i.test(n)).sort().map((n) => load(`${rel}/${n}`));
}
const ctx = (...logs: LogInput[]): RuleContext => ({ logs });
const data = (f: Finding) => f.data as unknown as UserNotFoundData;
const MINE = new Set(['user-not-found', 'aad-tenant-missing', 'aad-token-failure']);

function allFindings(logs: LogInput[]): Finding[] {
  const out: Finding[] = [];
  for (const l of logs) {
    const { findings, failures } = runRules(l, ctx(...logs));
    assert.deepEqual(failures, [], `${l.key}: a rule threw`);
    out.push(...findings.filter((f) => MINE.has(f.ruleId)));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Catalog
// ---------------------------------------------------------------------------------------------

test('catalog: the three rules are registered with id, severity, explanation and sources', () => {
  for (const id of MINE) {
    const r = rules.find((x) => x.id === id);
    assert.ok(r, id);
    assert.ok(['error', 'warning', 'information', 'hint'].includes(r.defaultSeverity));
    assert.ok(r.explanation.length > 100 && r.sources.length > 0 && r.title.length > 0);
  }
  assert.equal(new Set(rules.map((r) => r.id)).size, rules.length, 'ids are unique');
});

// ---------------------------------------------------------------------------------------------
// user-not-found
// ---------------------------------------------------------------------------------------------

test('user-not-found: the article example resolves at the 09-15 10:24:12 cycle, after 24 h 0 min 18 s', () => {
  const log = load(`${FIX}/article-example/CloudUserSync.log`);
  const found = userNotFound.check(log, ctx(log));
  assert.equal(found.length, 1);
  const f = found[0]!;
  assert.equal(f.ruleId, 'user-not-found');
  assert.equal(f.line, 2);
  assert.equal(f.endLine, 2);
  assert.equal(f.severity, 'information');
  const d = data(f);
  assert.deepEqual(
    { user: d.user, firstFailure: d.firstFailure, dueAt: d.dueAt, status: d.status, resolvedAt: d.resolvedAt },
    {
      user: 'scott@contoso.com',
      firstFailure: '2014-09-14T17:23:54.290Z',
      dueAt: '2014-09-15T17:23:54.290Z',
      status: 'resolved',
      resolvedAt: '2014-09-15T17:24:12.207Z',
    },
  );
  assert.equal(d.firstFailureLogTime, '2014-09-14 10:23:54.290');
  assert.equal(d.dueAtLogTime, '2014-09-15 10:23:54.290');
  assert.equal(d.resolvedAtLogTime, '2014-09-15 10:24:12.207');
  assert.equal(d.offset, 'UTC-07:00');
  assert.equal(d.timeBasis, 'utc');
  assert.equal(d.early, false);
  // The verdict leads (the Problems panel cuts the line), the details follow.
  assert.ok(f.message.startsWith('scott@contoso.com added by the 24-hour full sync at 2014-09-15 10:24:12 (log time, UTC-07:00) = 17:24:12 UTC. ' +
    'Not found in Azure AD (UserNotFound) at 2014-09-14 10:23:54 (log time, UTC-07:00) = 17:23:54 UTC; added 24 h 0 min 18 s after the first failure'), f.message);
  assert.ok(f.message.includes('; the full sync was due 2014-09-15 10:23:54 (log time, UTC-07:00) = 17:23:54 UTC.'), f.message);
  // The lens says its time as the message does: log time, with its zone.
  assert.deepEqual(userNotFound.lenses!(f).map((l) => l.title), ['⤷ 24-hour full sync added the user at 2014-09-15 10:24:12.207 (log time, UTC-07:00)']);
  // Related: the counter line of the cycle that added the user (line 1732, 1-based).
  assert.deepEqual(f.related?.map((r) => [r.file, r.line]), [[log.key, 1731]]);
});

test('user-not-found: the UTF-16 copy gives the same story', () => {
  const a = load(`${FIX}/article-example/CloudUserSync.log`);
  const b = load(`${FIX}/utf16/CloudUserSync.log`);
  assert.equal(b.log.encoding, 'utf-16le');
  const fa = userNotFound.check(a, ctx(a));
  const fb = userNotFound.check(b, ctx(b));
  assert.equal(fb.length, 1);
  const strip = (f: Finding) => ({ ...f, file: '', related: f.related?.map((r) => ({ ...r, file: '' })), data: { ...data(f), firstFailureFile: '' } });
  assert.deepEqual(strip(fb[0]!), strip(fa[0]!));
});

test('user-not-found: a user still pending when the log ends is a warning', () => {
  const log = load(`${FIX}/pending/CloudUserSync.log`);
  const found = userNotFound.check(log, ctx(log));
  assert.equal(found.length, 1);
  const f = found[0]!;
  assert.equal(f.line, 2);
  assert.equal(f.severity, 'warning');
  const d = data(f);
  assert.equal(d.user, 'lee@contoso.com');
  assert.equal(d.status, 'pending');
  assert.equal(d.firstFailure, '2015-01-12T22:00:07.485Z');
  assert.equal(d.dueAt, '2015-01-13T22:00:07.485Z');
  assert.equal(d.resolvedAt, null);
  assert.ok(f.message.startsWith('lee@contoso.com not found in Azure AD: the 24-hour full sync is due 2015-01-13 14:00:07 (log time, UTC-08:00) = 22:00:07 UTC. '), f.message);
  assert.ok(f.message.includes('; the log ends at 2015-01-12 17:00:07'), f.message);
});

test('user-not-found: a user that fails again at its full sync is overdue; the second failure points to the first', () => {
  const log = load(`${FIX}/fails-again/CloudUserSync.log`);
  const found = userNotFound.check(log, ctx(log));
  assert.deepEqual(found.map((f) => [f.line, f.severity, data(f).status]), [[2, 'error', 'overdue'], [1731, 'error', 'overdue']]);
  const [first, again] = found as [Finding, Finding];
  for (const f of found) {
    assert.equal(data(f).user, 'pradeep@contoso.com');
    assert.equal(data(f).firstFailure, '2015-03-05T09:15:22.486Z');
    assert.equal(data(f).dueAt, '2015-03-06T09:15:22.486Z');
    assert.equal(data(f).resolvedAt, null);
    assert.equal(data(f).failureCount, 2);
  }
  assert.equal(data(first).failure, 1);
  assert.equal(data(again).failure, 2);
  assert.deepEqual(again.related?.map((r) => [r.file, r.line]), [[log.key, 2]]);
  assert.match(again.related![0]!.message, /first failure/i);
  // Both lines of the story lead with its verdict; this line's part comes after it.
  for (const f of found) assert.ok(f.message.startsWith('pradeep@contoso.com still missing after the 24-hour full sync, due 2015-03-06 '), f.message);
  assert.ok(again.message.includes('. Here it failed again at its full sync (UserNotFound), failure 2 of 2; first failure at'), again.message);
  assert.ok(first.message.includes('; the full sync at 2015-03-06 09:16:34'), first.message);
  assert.ok(first.message.includes('31 min 13 s past the due time'), first.message);
  // The first failure points at the full sync that failed.
  assert.deepEqual(first.related?.map((r) => r.line), [1731]);
});

test('user-not-found: a UPN carrying ESC, BEL and U+202E is matched as written, and shown with visible escapes in the Problems panel', () => {
  const upn = 'pra\u001b[31mdeep\u0007\u202emoc.osotnoc@contoso.com';
  const text = readFileSync(path.join(ROOT, FIX, 'fails-again/CloudUserSync.log'), 'latin1').replaceAll('pradeep@contoso.com', upn);
  const log: LogInput = { key: 'hostile/CloudUserSync.log', name: 'CloudUserSync.log', log: LogFile.fromBytes(Buffer.from(text, 'utf8')) };
  const found = userNotFound.check(log, ctx(log));
  assert.equal(found.length, 2, 'the story is the same as with a plain UPN');
  for (const f of found) {
    assert.equal(data(f).user, upn, 'data keeps the UPN as written');
    assert.ok(f.message.startsWith(upn), 'findings keep the text as written (JSON output escapes it)');
    const d = toDiagnostic(f);
    for (const m of [d.message, ...(d.relatedInformation ?? []).map((r) => r.message)]) {
      assert.doesNotMatch(m, /[\u0000-\u001f\u202e]/, m);
      assert.ok(m.includes('pra\\x1b[31mdeep\\x07\\u202emoc.osotnoc@contoso.com'), m);
    }
  }
});

test('user-not-found: a rotated .lo_ + .log pair is one timeline', () => {
  const lo = load(`${FIX}/rotated/CloudUserSync.lo_`);
  const live = load(`${FIX}/rotated/CloudUserSync.log`);
  for (const context of [ctx(lo, live), ctx(live, lo)]) {
    assert.deepEqual(rotationSet(live, context).map((l) => l.name), ['CloudUserSync.lo_', 'CloudUserSync.log']);
    const fromLo = userNotFound.check(lo, context);
    assert.equal(fromLo.length, 1);
    const f = fromLo[0]!;
    assert.equal(f.file, lo.key);
    assert.equal(f.line, 12);
    assert.equal(f.severity, 'information');
    const d = data(f);
    assert.equal(d.user, 'miriam@contoso.com');
    assert.equal(d.status, 'resolved');
    assert.equal(d.firstFailure, '2014-11-20T16:41:30.555Z');
    assert.equal(d.dueAt, '2014-11-21T16:41:30.555Z');
    assert.equal(d.resolvedAt, '2014-11-21T16:41:39.250Z');
    assert.ok(f.message.includes('added 24 h 0 min 9 s after the first failure'), f.message);
    // The add is in the .log (line 825, 1-based: the counter line of the 08:41:39 cycle).
    assert.deepEqual(f.related?.map((r) => [r.file, r.line]), [[live.key, 824]]);
    assert.deepEqual(userNotFound.check(live, context), [], 'the .log alone holds no failure line');
  }
  // Alone, the .lo_ cannot see the add: the story ends unresolved.
  const alone = userNotFound.check(lo, ctx(lo));
  assert.equal(alone.length, 1);
  assert.notEqual(data(alone[0]!).status, 'resolved');
  // Logs of another folder are not partners.
  const elsewhere: LogInput = { ...live, key: 'other/CloudUserSync.log' };
  assert.equal(data(userNotFound.check(lo, ctx(lo, elsewhere))[0]!).status, data(alone[0]!).status);
  assert.equal(folderOf('a/b/CloudUserSync.log'), 'a/b');
});

test('user-not-found: lines that only look similar give no finding (all rules)', () => {
  const log = load(`${FIX}/lookalike/CloudUserSync.log`);
  assert.deepEqual(allFindings([log]), []);
});

test('user-not-found: cycle messages are read case-insensitively with extra white space, and no others', () => {
  assert.deepEqual(classifyCloudUserSync('failed  to add user  a@b.com ;  reason   usernotfound'), { kind: 'failed', user: 'a@b.com', reason: 'usernotfound' });
  assert.deepEqual(classifyCloudUserSync('Total received users to add from SCCM = 3, Total Successfully added users to Cloud = 2'), { kind: 'totals', received: 3, added: 2 });
  assert.deepEqual(classifyCloudUserSync('UserDeltaSync:- Users Added = 1, Users Removed = 0'), { kind: 'summary', added: 1, removed: 0 });
  assert.deepEqual(classifyCloudUserSync('NotifyAccountAddition - SCCM user to add = x@y.com'), { kind: 'notify', user: 'x@y.com' });
  assert.deepEqual(classifyCloudUserSync('Starting user delta sync, raise failure status messages = True'), { kind: 'start' });
  assert.deepEqual(classifyCloudUserSync('Total received users from SCCM to be removed from cloud = 0'), { kind: 'remove-total', received: 0 });
  assert.deepEqual(classifyCloudUserSync('Successfully removed users from cloud 0'), { kind: 'removed', removed: 0 });
  for (const no of [
    'Lookup of x@y.com returned no UserNotFound condition; account found',
    'Note: Failed to add user x@y.com; reason UserNotFound',
    'Failed to add user x@y.com; reason UserNotFoundYet',
    'Failed to add user ; reason UserNotFound',
    'Starting user full sync',
  ]) {
    const c = classifyCloudUserSync(no);
    assert.ok(c === null || c.kind !== 'failed' || c.reason.toLowerCase() !== 'usernotfound', no);
  }
});

const sms = (msg: string, date: string, time: string, off = '+420') => `${msg}  $$<SMS_CLOUD_USERSYNC><${date} ${time}${off}><thread=1 (0x1)>`;
function cycle(date: string, time: string, users: string[], fail: string[], received: number, added: number, off?: string): string[] {
  return [
    sms('Starting user delta sync, raise failure status messages = True', date, time, off),
    ...users.flatMap((u) => [
      sms(`NotifyAccountAddition - SCCM user to add = ${u}`, date, time, off),
      ...(fail.includes(u) ? [sms(`Failed to add user ${u}; reason UserNotFound`, date, time, off)] : []),
    ]),
    sms(`Total received users to add from SCCM = ${received}, Total Successfully added users to Cloud = ${added}`, date, time, off),
    sms(`UserDeltaSync:- Users Added = ${added}, Users Removed = 0`, date, time, off),
  ];
}

test('user-not-found: with several users listed, the add goes to the one whose full sync was due (earliest due first)', () => {
  const lines = [
    ...cycle('09-14-2014', '10:00:00.000', ['a@c.com'], ['a@c.com'], 1, 0),
    ...cycle('09-14-2014', '11:00:00.000', ['a@c.com', 'b@c.com'], ['b@c.com'], 1, 0),
    // 24 h after a's failure: a, b and a new user are listed, two adds: a (due) and the new user.
    ...cycle('09-15-2014', '10:00:05.000', ['a@c.com', 'b@c.com', 'new@c.com'], [], 2, 2),
    ...cycle('09-15-2014', '10:30:00.000', ['b@c.com'], [], 0, 0),
  ];
  const input: LogInput = { key: 'x/CloudUserSync.log', name: 'CloudUserSync.log', log: LogFile.fromText(lines.join('\r\n') + '\r\n') };
  const byUser = new Map(userNotFound.check(input, ctx(input)).map((f) => [data(f).user, data(f)]));
  assert.equal(byUser.get('a@c.com')?.status, 'resolved');
  assert.equal(byUser.get('a@c.com')?.resolvedAt, '2014-09-15T17:00:05.000Z');
  assert.equal(byUser.get('b@c.com')?.status, 'pending');
  assert.equal(byUser.size, 2);
});

test('user-not-found: an add beyond the due users and the new ones is an early full sync (e.g. SMS Executive restarted)', () => {
  const lines = [
    ...cycle('09-14-2014', '10:00:00.000', ['a@c.com'], ['a@c.com'], 1, 0),
    ...cycle('09-14-2014', '12:00:00.000', ['a@c.com'], [], 1, 1),
  ];
  const input: LogInput = { key: 'CloudUserSync.log', name: 'CloudUserSync.log', log: LogFile.fromText(lines.join('\n')) };
  const [f] = userNotFound.check(input, ctx(input));
  assert.equal(data(f!).status, 'resolved');
  assert.equal(data(f!).early, true);
  assert.match(f!.message, /before the 24 hours ran out/);
});

test('user-not-found: without an offset the times are compared in log time and the UTC fields are null', () => {
  const lines = [
    ...cycle('09-14-2014', '10:00:00.000', ['a@c.com'], ['a@c.com'], 1, 0, ''),
    ...cycle('09-15-2014', '10:05:00.000', ['a@c.com'], [], 0, 0, ''),
    ...cycle('09-15-2014', '10:10:00.000', ['a@c.com'], [], 0, 0, ''),
  ];
  const input: LogInput = { key: 'CloudUserSync.log', name: 'CloudUserSync.log', log: LogFile.fromText(lines.join('\n')) };
  const tl = cloudUserSyncTimeline(input, ctx(input));
  assert.equal(tl.basis, 'wall');
  const [f] = userNotFound.check(input, ctx(input));
  const d = data(f!);
  assert.equal(d.status, 'overdue');
  assert.equal(d.firstFailure, null);
  assert.equal(d.dueAt, null);
  assert.equal(d.timeBasis, 'log-time');
  assert.equal(d.dueAtLogTime, '2014-09-15 10:00:00.000');
  assert.ok(f!.message.includes('no offset: UTC unknown'), f!.message);
  assert.ok(f!.message.includes('compared in log time'), f!.message);
});

test('user-not-found: other logs are not read', () => {
  const log = load('samples/SiteServer/MP_RegistrationManager.log');
  assert.deepEqual(userNotFound.check(log, ctx(log)), []);
});

// ---------------------------------------------------------------------------------------------
// aad-tenant-missing / aad-token-failure
// ---------------------------------------------------------------------------------------------

test('aad-tenant-missing: the group sync fixture\'s 3 repeats are one error, the MP fixture exactly 2 warnings', () => {
  const logs = folder(`${FIX}/aad`);
  const agent = logs.find((l) => l.name === 'SMS_AZUREAD_DISCOVERY_AGENT.log')!;
  const mp = logs.find((l) => l.name === 'MP_RegistrationManager.log')!;
  const errors = aadTenantMissing.check(agent, ctx(...logs));
  assert.deepEqual(errors.map((f) => [f.line, f.severity]), [[8, 'error']]);
  for (const e of errors) {
    assert.deepEqual(e.data, { kind: 'group-sync', repeats: 2 });
    assert.match(e.message, /dbo\.ClientKeyData/);
    assert.match(e.message, /Logged 3 times until/);
    // Related: the MP registrations with an empty / zero tenant id first (nearest first), then the
    // successful registration with a real tenant, then the repeats of the error as one line.
    assert.deepEqual(e.related?.map((r) => [r.file, r.line]).slice(2), [[mp.key, 6], [agent.key, 18]]);
    assert.match(e.related!.at(-1)!.message, /^The same error 2 more times, lines 19-29, the last 2020-02-23 /);
    assert.deepEqual(e.related?.slice(0, 2).map((r) => r.line).sort(), [0, 3]);
    assert.match(e.related![0]!.message, /(empty|all-zero) tenant id/);
  }
  const warnings = aadTenantMissing.check(mp, ctx(...logs));
  assert.deepEqual(warnings.map((f) => [f.line, f.severity, f.data]), [
    [0, 'warning', { kind: 'registration', tenant: 'empty' }],
    [3, 'warning', { kind: 'registration', tenant: 'zero' }],
  ]);
  // Without client logs in the context: the same errors, no related information.
  const alone = aadTenantMissing.check(agent, ctx(agent));
  assert.equal(alone.length, 1);
  assert.ok(alone.every((f) => f.related?.every((r) => r.file === agent.key)));
  assert.deepEqual(aadTokenFailure.check(mp, ctx(...logs)), []);
});

test('aad: tenant ids that are empty or zero, and ones that are not', () => {
  assert.equal(emptyTenant("Registering device using AAD auth: DeviceId='x', TenantId=''")?.kind, 'empty');
  assert.equal(emptyTenant("TenantId='00000000-0000-0000-0000-000000000000'")?.kind, 'zero');
  assert.equal(emptyTenant('Validated AAD token. TokenType: UDA TenantId:  UserId: f0a4 DeviceId: b8e2')?.kind, 'empty');
  assert.equal(emptyTenant('AADTenantID=')?.kind, 'empty');
  assert.equal(emptyTenant('aadtenantid = ""')?.kind, 'empty');
  assert.equal(emptyTenant('TenantId: {00000000-0000-0000-0000-000000000000}')?.kind, 'zero');
  for (const no of [
    "Registering device using AAD auth: DeviceId='x', TenantId='5b1e9c4a-27d3-4f86-a0e2-91c4d7b6f038'",
    'AAD USER delta sync initialized for tenant 5b1e9c4a-27d3-4f86-a0e2-91c4d7b6f038',
    'Validated AAD token. TokenType: UDA TenantId: 5b1e9c4a-27d3-4f86-a0e2-91c4d7b6f038 UserId: f0a4',
    'HomeTenantId=',
    'No tenant here',
  ]) assert.equal(emptyTenant(no), null, no);
});

test('aad-token-failure: what counts as a token failure', () => {
  assert.equal(tokenFailure("Failed to get AAD token for 'S-1-5-18' from WAM API. Error 0x800703f0")?.kind, 'failed-to-get');
  assert.deepEqual(tokenFailure("Failed to get AAD token for 'S-1-5-18' from WAM API. Error 0x800703f0")?.codes, [0x800703f0]);
  assert.equal(tokenFailure("WAM token request failed. Status 5, Details 'AAD WAM extension error'")?.kind, 'wam');
  assert.equal(tokenFailure('Something went wrong, hr = 0xD0090016')?.kind, 'code');
  assert.equal(tokenFailure('Failed to get AAD token..'), null, 'the bare echo line does not count');
  assert.equal(tokenFailure('Retrieved AAD token for AAD user x'), null);
  assert.equal(tokenFailure('Error 0x80070005'), null);
});

test('samples: the findings samples/README.md lists', () => {
  const logs = [...folder('samples/SiteServer'), ...folder('samples/Client')];
  const found = allFindings(logs);
  const at = (name: string, rule: string) => found.filter((f) => path.basename(f.file) === name && f.ruleId === rule);

  // Scenario A: 4 failure lines, 3 users.
  const cus = found.filter((f) => f.ruleId === 'user-not-found');
  assert.deepEqual(cus.map((f) => [path.basename(f.file), f.line + 1, data(f).user, data(f).status, f.severity]), [
    ['CloudUserSync.lo_', 24, 'scott@contoso.com', 'resolved', 'information'],
    ['CloudUserSync.lo_', 365, 'megan@contoso.com', 'overdue', 'error'],
    ['CloudUserSync.log', 587, 'adele@contoso.com', 'pending', 'warning'],
    ['CloudUserSync.log', 1117, 'megan@contoso.com', 'overdue', 'error'],
  ]);
  const [scott, megan, adele, megan2] = cus as [Finding, Finding, Finding, Finding];
  assert.equal(data(scott).firstFailure, '2014-09-14T17:23:54.442Z');
  assert.equal(data(scott).resolvedAt, '2014-09-15T17:24:12.207Z');
  assert.ok(scott.message.includes('added 24 h 0 min 18 s after the first failure'), scott.message);
  assert.equal(data(megan).dueAt, '2014-09-15T22:03:57.870Z');
  assert.ok(megan.message.includes('55 min'), megan.message);
  assert.equal(data(adele).dueAt, '2014-09-16T15:59:11.397Z');
  assert.equal(data(adele).resolvedAt, null);
  assert.deepEqual(megan2.related?.map((r) => [path.basename(r.file), r.line + 1]), [['CloudUserSync.lo_', 365]]);

  // Scenario B.
  // 17 identical errors every 5 minutes: one problem, the 16 repeats as one related line (16 lines
  // of "the same error again" buried the evidence in the hover and the Problems tree).
  const groupSync = at('SMS_AZUREAD_DISCOVERY_AGENT.log', 'aad-tenant-missing');
  assert.deepEqual(groupSync.map((f) => f.line + 1), [9]);
  assert.deepEqual(groupSync[0]!.related!.filter((r) => r.file === groupSync[0]!.file).map((r) => [r.line + 1, r.message]), [
    [19, 'The same error 16 more times, lines 19-169, the last 2020-02-23 17:02:10 (log time, UTC+01:00) = 16:02:10 UTC'],
  ]);
  assert.ok(groupSync[0]!.message.endsWith(' Logged 17 times until 2020-02-23 17:02:10 (log time, UTC+01:00) = 16:02:10 UTC.'), groupSync[0]!.message);
  // The counts say how many of each kind the related list shows (the nearest of each).
  assert.ok(groupSync[0]!.message.includes(' Client and management point logs show (see related): 7 lines with an empty or all-zero tenant id (nearest 2 shown), ' +
    '2 Azure AD token failures (nearest 1 shown), 2 registration lines (nearest 1 shown).'), groupSync[0]!.message);
  // Related lines write their zone as the status bar does.
  assert.ok(groupSync[0]!.related!.some((r) => r.message.includes('2020-02-23 10:12:01 (log time, UTC-05:00) = 15:12:01 UTC')), JSON.stringify(groupSync[0]!.related));
  assert.ok(groupSync.every((f) => f.severity === 'error'));
  assert.deepEqual(at('MP_RegistrationManager.log', 'aad-tenant-missing').map((f) => [f.line + 1, f.severity]), [1, 4, 7, 10, 13].map((l) => [l, 'warning']));
  assert.deepEqual(at('CCM_STS.log', 'aad-tenant-missing').map((f) => [f.line + 1, f.severity]), [[3, 'warning'], [10, 'warning']]);
  assert.deepEqual(at('ccmsetup.log', 'aad-token-failure').map((f) => [f.line + 1, f.severity]), [[4, 'warning'], [6, 'warning']]);
  assert.deepEqual(at('ClientIDManagerStartup.log', 'aad-tenant-missing'), []);
  assert.deepEqual(found.filter((f) => ['ClientIDManagerStartup.log', 'ADALOperationProvider.log', 'IntuneManagementExtension.log'].includes(path.basename(f.file))), []);
  assert.equal(found.length, 4 + 1 + 5 + 2 + 2);

  // Related on a group sync error: at most 5 from the other logs, the empty-tenant registration on
  // the MP first, and the client's token failure and registration among them.
  for (const f of groupSync) {
    const rel = f.related!.filter((r) => r.file !== f.file);
    assert.equal(rel.length, 5);
    assert.equal(path.basename(rel[0]!.file), 'MP_RegistrationManager.log');
    const files = new Set(rel.map((r) => path.basename(r.file)));
    for (const name of ['CCM_STS.log', 'ccmsetup.log', 'ClientIDManagerStartup.log']) assert.ok(files.has(name), name);
  }
});

test('aad-tenant-missing: evidence and repeats are bounded in time (24 h)', () => {
  const sync = (date: string) => `No device objects are populated and therefore not being added to an Azure AD group.  $$<SMS_AZUREAD_DISCOVERY_AGENT><${date} 15:42:10.560+000><thread=1 (0x1)>\r\n`;
  const reg = (date: string) => `<![LOG[Registering device using AAD auth: DeviceId='x', TenantId='']LOG]!><time="15:40:00.000+000" date="${date}" component="MP_RegistrationManager" context="" type="1" thread="1" file="">\r\n`;
  const agent: LogInput = { key: 's/SMS_AZUREAD_DISCOVERY_AGENT.log', name: 'SMS_AZUREAD_DISCOVERY_AGENT.log', log: LogFile.fromText(sync('02-23-2020') + sync('02-23-2020') + sync('03-01-2026')) };
  const mp: LogInput = { key: 's/MP_RegistrationManager.log', name: 'MP_RegistrationManager.log', log: LogFile.fromText(reg('03-01-2026')) };
  const found = aadTenantMissing.check(agent, ctx(agent, mp));
  // Six years apart: two stories; the 2026 registration is linked to the 2026 sync only.
  assert.deepEqual(found.map((f) => [f.line, f.related?.map((r) => [r.file, r.line])]), [
    [0, [[agent.key, 1]]],
    [2, [[mp.key, 0]]],
  ]);
  assert.doesNotMatch(found[0]!.message, /empty or all-zero tenant id/);
});

test('aad-tenant-missing: thousands of repeats are one related line; a count the list matches gets no note', () => {
  const sync = (k: number) => `No device objects are populated and therefore not being added to an Azure AD group.  $$<SMS_AZUREAD_DISCOVERY_AGENT><02-23-2020 15:${String(Math.floor(k / 60)).padStart(2, '0')}:${String(k % 60).padStart(2, '0')}.000+000><thread=1 (0x1)>\r\n`;
  const reg = `<![LOG[Registering device using AAD auth: DeviceId='x', TenantId='']LOG]!><time="15:40:00.000+000" date="02-23-2020" component="MP_RegistrationManager" context="" type="1" thread="1" file="">\r\n`;
  const agent: LogInput = { key: 's/SMS_AZUREAD_DISCOVERY_AGENT.log', name: 'SMS_AZUREAD_DISCOVERY_AGENT.log', log: LogFile.fromText(Array.from({ length: 3000 }, (_, k) => sync(k)).join('')) };
  const mp: LogInput = { key: 's/MP_RegistrationManager.log', name: 'MP_RegistrationManager.log', log: LogFile.fromText(reg) };
  const [f, ...more] = aadTenantMissing.check(agent, ctx(agent, mp));
  assert.equal(more.length, 0);
  assert.deepEqual(f!.related?.map((r) => [r.file, r.line]), [[mp.key, 0], [agent.key, 1]]);
  assert.match(f!.related![1]!.message, /^The same error 2999 more times, lines 2-3000, the last 2020-02-23 15:49:59 \(log time, UTC\+00:00\)/);
  assert.ok(f!.message.includes('show (see related): 1 line with an empty or all-zero tenant id. Logged 3000 times'), f!.message);
});

test('settings: a rule can be turned off or given another severity', () => {
  const log = load(`${FIX}/pending/CloudUserSync.log`);
  assert.deepEqual(runRules(log, ctx(log), { 'user-not-found': 'off' }).findings.filter((f) => f.ruleId === 'user-not-found'), []);
  assert.deepEqual(runRules(log, ctx(log), { 'user-not-found': 'hint' }).findings.filter((f) => f.ruleId === 'user-not-found').map((f) => f.severity), ['hint']);
});

test('rules are fast on a big log (a CloudUserSync.log of ~50k cycles)', () => {
  const base = readFileSync(path.join(ROOT, `${FIX}/article-example/CloudUserSync.log`), 'latin1');
  const big = LogFile.fromText(base.repeat(30));
  const input: LogInput = { key: 'big/CloudUserSync.log', name: 'CloudUserSync.log', log: big };
  const other: LogInput = { key: 'big/SMS_AZUREAD_DISCOVERY_AGENT.log', name: 'SMS_AZUREAD_DISCOVERY_AGENT.log', log: big };
  const t0 = performance.now();
  const found = runRules(input, ctx(input)).findings;
  runRules(other, ctx(other));
  const ms = performance.now() - t0;
  assert.ok(found.length >= 30);
  assert.ok(ms < 5000, `${ms} ms`);
});

test('docs/rules.md documents every rule of the catalog, with its settings', () => {
  const doc = readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8');
  for (const r of rules) {
    assert.ok(doc.includes(`## \`${r.id}\``), `section for ${r.id}`);
    assert.ok(doc.includes(`[\`${r.id}\`](#${r.id})`), `table row for ${r.id}`);
  }
  assert.match(doc, /off \| error \| warning \| information \| hint/);
});
