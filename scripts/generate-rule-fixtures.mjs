#!/usr/bin/env node
// Writes the rule fixtures in test/fixtures/rules/: `node scripts/generate-rule-fixtures.mjs`.
// Deterministic (fixed data, fixed-seed jitter), CRLF line ends. The expected findings are listed
// in README.md beside this file and printed by this script. The small fixtures are spelled out
// line by line below; the ones that must span 24 hours of 5-minute cycles reuse the CloudUserSync
// model from scripts/generate-samples.mjs.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DAY, MINUTE, cmtraceLine, cycleSchedule, legacyLine, local, printUserReport,
  simulateCloudUserSync, writeLog,
} from './generate-samples.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'rules');
const written = [];
const save = (rel, lines, enc) => written.push([rel, writeLog(join(root, rel), lines, enc)]);
const flat = (sim) => sim.lines.flat().map((l) => l.text);

// ---- article-example: the article's two cycles (09-14-2014 10:23:54 failure, 09-15-2014
// 10:24:12 success, PDT +420) with the 287 delta cycles between them; scott only.
const article = (() => {
  const A = local(2014, 9, 14, 10, 23, 54, 123);
  const B = local(2014, 9, 15, 10, 24, 12, 207);
  const sim = simulateCloudUserSync({
    cycles: cycleSchedule(A, B, 288, 0, 288),
    users: [{ upn: 'scott@contoso.com', at: 0, inAzureAt: local(2014, 9, 14, 13, 2, 41) }],
    bias: 420, thread: 4321, seed: 1,
  });
  printUserReport('article-example (and utf16), bias +420:', sim.report, 420);
  return flat(sim);
})();
save('article-example/CloudUserSync.log', article);

// ---- utf16: the same lines, UTF-16 LE with a byte-order mark.
save('utf16/CloudUserSync.log', article, 'utf16le');

// ---- pending: the user fails, the log ends 3 hours later (PST +480).
{
  const A = local(2015, 1, 12, 14, 0, 7, 250);
  const sim = simulateCloudUserSync({
    cycles: cycleSchedule(A, A + 36 * 5 * MINUTE, 36, 0, 36),
    users: [{ upn: 'lee@contoso.com', at: 0, inAzureAt: Infinity }],
    bias: 480, thread: 2208, seed: 2,
  });
  printUserReport('pending, bias +480:', sim.report, 480);
  save('pending/CloudUserSync.log', flat(sim));
}

// ---- fails-again: the user fails, fails again at the full sync 24 h later, the log runs on for
// 30 minutes (UTC site, legacy bias written as +00). Cycles drift to 300.25 s, so cycle 288 is
// the first one after the 24 hours (by 72 s): no cycle sits within a second of the due time.
{
  const A = local(2015, 3, 5, 9, 15, 22, 310);
  const sim = simulateCloudUserSync({
    cycles: cycleSchedule(A, A + 288 * 300_250, 288, 0, 294),
    users: [{ upn: 'pradeep@contoso.com', at: 0, inAzureAt: Infinity }],
    bias: 0, thread: 5060, seed: 3,
  });
  printUserReport('fails-again, bias +00:', sim.report, 0);
  save('fails-again/CloudUserSync.log', flat(sim));
}

// ---- rotated: first failure in CloudUserSync.lo_, resolution in CloudUserSync.log (PST +480).
{
  const A = local(2014, 11, 20, 8, 41, 30, 250);
  const B = A + DAY + 9_000; // first cycle after the 24 hours, 9 s late
  const sim = simulateCloudUserSync({
    cycles: cycleSchedule(A, B, 288, -2, 290),
    users: [{ upn: 'miriam@contoso.com', at: 2, inAzureAt: A + 2 * 60 * MINUTE }],
    bias: 480, thread: 4321, seed: 4,
  });
  printUserReport('rotated (.lo_ + .log), bias +480:', sim.report, 480);
  const split = 2 + 151; // cycles -2..150 in the .lo_, 151..290 in the .log
  save('rotated/CloudUserSync.lo_', sim.lines.slice(0, split).flat().map((l) => l.text));
  save('rotated/CloudUserSync.log', sim.lines.slice(split).flat().map((l) => l.text));
}

// ---- lookalike: nothing here is a UserNotFound failure (PDT +420).
{
  const C = 'SMS_CLOUD_USERSYNC';
  const L = (msg, h, m, s, ms) => legacyLine(msg, C, local(2014, 9, 14, h, m, s, ms), 420, 4321);
  save('lookalike/CloudUserSync.log', [
    L('Starting user delta sync, raise failure status messages = True', 11, 0, 3, 101),
    L('NotifyAccountAddition - SCCM user to add = x@y.com', 11, 0, 3, 118),
    L('Failed to add user x@y.com; reason Timeout', 11, 0, 33, 140),
    L('Total received users to add from SCCM = 1, Total Successfully added users to Cloud = 0', 11, 0, 33, 201),
    L('Total received users from SCCM to be removed from cloud = 0', 11, 0, 33, 215),
    L('Successfully removed users from cloud 0', 11, 0, 33, 224),
    L('UserDeltaSync:- Users Added = 0, Users Removed = 0', 11, 0, 33, 231),
    L('Starting user delta sync, raise failure status messages = True', 11, 5, 33, 240),
    L('NotifyAccountAddition - SCCM user to add = x@y.com', 11, 5, 33, 252),
    L('Lookup of x@y.com returned no UserNotFound condition; account found', 11, 5, 33, 260),
    L('Total received users to add from SCCM = 1, Total Successfully added users to Cloud = 1', 11, 5, 33, 498),
    L('Total received users from SCCM to be removed from cloud = 0', 11, 5, 33, 507),
    L('Successfully removed users from cloud 0', 11, 5, 33, 515),
    L('UserDeltaSync:- Users Added = 1, Users Removed = 0', 11, 5, 33, 522),
    'Note for readers: the word UserNotFound on this plain line is not a connector message',
    L('Starting user delta sync, raise failure status messages = True', 11, 10, 33, 530),
    L('Total received users to add from SCCM = 0, Total Successfully added users to Cloud = 0', 11, 10, 33, 541),
    L('Total received users from SCCM to be removed from cloud = 0', 11, 10, 33, 550),
    L('Successfully removed users from cloud 0', 11, 10, 33, 558),
    L('UserDeltaSync:- Users Added = 0, Users Removed = 0', 11, 10, 33, 566),
  ]);
}

// ---- aad: three collection sync cycles that find no device objects (CET -060, legacy -60) ...
{
  const C = 'SMS_AZUREAD_DISCOVERY_AGENT';
  const TENANT = '5b1e9c4a-27d3-4f86-a0e2-91c4d7b6f038';
  const U = 5412;
  const G = 7736;
  const L = (msg, thread, m, s, ms) => legacyLine(msg, C, local(2020, 2, 23, 16, m, s, ms), -60, thread);
  const stat = (id, m, s, ms) =>
    `STATMSG: ID=${id} SEV=I LEV=M SOURCE="SMS Server" COMP="${C}" SYS=CM01.CONTOSO.COM SITE=P01 PID=3964 TID=${U} GMTDATE=Sun Feb 23 15:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(ms).padStart(3, '0')} 2020 ISTR0="${TENANT}" ISTR1="" ISTR2="" ISTR3="" ISTR4="" ISTR5="" ISTR6="" ISTR7="" ISTR8="" ISTR9="" NUMATTRS=0`;
  const lines = [];
  for (const [m, s] of [[20, 34], [25, 35], [30, 36]]) {
    lines.push(
      L('Retrieving AAD discovery settings from database', U, m, s, 112),
      L(`AAD USER delta sync initialized for tenant ${TENANT}`, U, m, s, 150),
      L(stat(11801, m, s, 158), U, m, s, 158),
      L('Making Graph request https://graph.microsoft.com/v1.0/users/delta?$deltatoken=Qk9GaXh0dXJlVG9rZW4wMDE', U, m, s, 402),
      L(`AAD USER delta sync completed successfully at 4:${m}:${s + 1} PM.`, U, m, s + 1, 37),
      L(stat(11802, m, s + 1, 45), U, m, s + 1, 45),
      L(`Next DELTA USER sync for cloud service 16777217 will start at 02/23/2020 16:${m + 5}:${s + 1}.`, U, m, s + 1, 49),
      L('Collection to AAD group sync worker starts.', G, m + 1, 40, 5),
      L('No device objects are populated and therefore not being added to an Azure AD group.', G, m + 1, 40, 71),
      L('Collection to AAD group sync worker ends.', G, m + 1, 40, 88),
    );
  }
  save('aad/SMS_AZUREAD_DISCOVERY_AGENT.log', lines);
}

// ---- ... and an MP registration log: empty tenant, all-zero tenant, real tenant (CET -060).
{
  const C = 'MP_RegistrationManager';
  const R = (msg, m, s, ms, thread) => cmtraceLine({ msg, t: local(2020, 2, 23, 16, m, s, ms), bias: -60, component: C, thread });
  const reg = (m, thread, deviceId, tenant, client) => [
    R(`Registering device using AAD auth: DeviceId='${deviceId}', TenantId='${tenant}'`, m, 11, 425, thread),
    R(`Processing Registration request from Client '${client}'`, m, 11, 429, thread),
    R('MP Reg: Processing completed. Completion state = 0', m, 11, 612, thread),
  ];
  save('aad/MP_RegistrationManager.log', [
    ...reg(20, 4928, 'b8e2d4f6-1a3c-4e5b-9d7f-0c2a4e6b8d1f', '', 'GUID:4F2A7C91-3B6D-4E8F-A1C5-9D0E2B7F6A34'),
    ...reg(27, 3308, '0d6f8a2c-4e1b-4a7d-b3c9-5f2e7a1d8c46', '00000000-0000-0000-0000-000000000000', 'GUID:8E1C5A3F-7D24-4B9E-A6F0-2C8D4E1B7A95'),
    ...reg(34, 5116, '9a3c7e1f-2b5d-4f8a-8c6e-1d4b7f2a9e53', '5b1e9c4a-27d3-4f86-a0e2-91c4d7b6f038', 'GUID:2B7E9D14-5C3A-4F61-B8E2-7A0C9F3D5E18'),
  ]);
}

console.log('\nWritten:');
for (const [rel, size] of written) console.log(`  ${rel}  ${size} bytes`);
