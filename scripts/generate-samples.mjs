#!/usr/bin/env node
// Writes the bundled demo workspace: `node scripts/generate-samples.mjs` (re)creates every log under
// samples/SiteServer and samples/Client and prints the story each one tells.
//
// Plain Node, no dependencies, fixed data: the only "randomness" is a fixed-seed PRNG for
// millisecond jitter, so every run writes byte-identical files. The generated logs are the
// samples; this script documents how they were made. Line ends are CRLF, as Windows writes them.
//
// Product messages are the ones quoted in the two source articles (the rules' sources:
// docs/rules.md, user-not-found and aad-tenant-missing) and Microsoft's
// public "Microsoft Entra authentication workflow" reference; nothing here invents a message
// the product does not write (the few surrounding lines reconstructed from an OCR'd screenshot
// are marked below).
//
// Time handling: every timestamp is kept as "local wall-clock milliseconds" (a Date.UTC value
// that *means* the local time) plus the Windows bias of the machine that wrote the log.
// UTC = local + bias minutes.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------------------------------------
// Helpers (also imported by test/fixtures/rules/generate.mjs)

/** Fixed-seed PRNG (mulberry32): deterministic jitter, never Math.random. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** integer in [lo, hi] */
  next.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  return next;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Local wall-clock time as milliseconds (month is 1-based). */
export function local(y, mo, d, h = 0, mi = 0, s = 0, ms = 0) {
  return Date.UTC(y, mo - 1, d, h, mi, s, ms);
}

const p2 = (n) => String(n).padStart(2, '0');
const p3 = (n) => String(n).padStart(3, '0');

/** MM-DD-YYYY, or M-D-YYYY when unpadded (the Intune Management Extension writes that). */
export function fmtDate(t, unpadded = false) {
  const d = new Date(t);
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return unpadded
    ? `${m}-${day}-${d.getUTCFullYear()}`
    : `${p2(m)}-${p2(day)}-${d.getUTCFullYear()}`;
}

/** HH:mm:ss.fff, or HH:mm:ss.fffffff with frac7 (the 4 extra digits come from `extra`). */
export function fmtTime(t, frac7 = false, extra = 0) {
  const d = new Date(t);
  const base = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${p3(d.getUTCMilliseconds())}`;
  return frac7 ? base + String(extra).padStart(4, '0') : base;
}

/** Windows bias with a sign: CMTrace writers pad to 3 digits (-060), legacy SMS writers to 2 (-60, +420, +00). */
export function fmtBias(bias, width) {
  return (bias < 0 ? '-' : '+') + String(Math.abs(bias)).padStart(width, '0');
}

/** 9/14/2014 10:23:54 AM style (used inside some messages). */
export function fmtUsDateTime(t) {
  const d = new Date(t);
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h12}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** Human-readable UTC time of a local time written with `bias`. */
export function utcString(t, bias) {
  const u = new Date(t + bias * MINUTE);
  return `${u.getUTCFullYear()}-${p2(u.getUTCMonth() + 1)}-${p2(u.getUTCDate())} ${p2(u.getUTCHours())}:${p2(u.getUTCMinutes())}:${p2(u.getUTCSeconds())}Z`;
}

/** Local time as MM-DD-YYYY HH:mm:ss (for reports). */
export function localString(t) {
  return `${fmtDate(t)} ${fmtTime(t).slice(0, 8)}`;
}

/** Legacy "SMS" format: message, two spaces, $$<component><MM-DD-YYYY HH:mm:ss.fff±bias><thread=N (0xHEX)> */
export function legacyLine(msg, component, t, bias, thread) {
  return `${msg}  $$<${component}><${fmtDate(t)} ${fmtTime(t)}${fmtBias(bias, 2)}><thread=${thread} (0x${thread.toString(16).toUpperCase()})>`;
}

/** CMTrace format. bias === null writes no offset (Intune Management Extension). */
export function cmtraceLine({ msg, t, bias, component, type = 1, thread, file = '', frac7 = false, extra = 0, unpaddedDate = false }) {
  const offset = bias === null ? '' : fmtBias(bias, 3);
  return `<![LOG[${msg}]LOG]!><time="${fmtTime(t, frac7, extra)}${offset}" date="${fmtDate(t, unpaddedDate)}" component="${component}" context="" type="${type}" thread="${thread}" file="${file}">`;
}

/** Writes lines with CRLF ends (and a final CRLF); utf16le adds the byte-order mark. */
export function writeLog(path, lines, encoding = 'utf8') {
  mkdirSync(dirname(path), { recursive: true });
  const text = lines.join('\r\n') + '\r\n';
  const data = encoding === 'utf16le'
    ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    : Buffer.from(text, 'utf8');
  writeFileSync(path, data);
  return data.length;
}

// ---------------------------------------------------------------------------------------------
// CloudUserSync.log model (Scenario A, seed article 000)
//
// Every 5-minute cycle: "Starting user delta sync ...", one NotifyAccountAddition line per user
// the connector lists, "Failed to add user ...; reason UserNotFound" after each attempt that
// fails, then the totals. A user that failed with UserNotFound keeps being listed by every delta
// cycle but is not attempted (Total received ... = 0) until its per-user 24-hour timer runs out:
// the first cycle at or after first failure + 24 h gives it a full sync (received = 1), which
// succeeds if DirSync has put the user in Azure AD by then, or fails again (timer restarts).

/**
 * @param {object} o
 * @param {number[]} o.cycles       local start time of each cycle, ascending
 * @param {{upn:string, at:number, inAzureAt:number}[]} o.users  `at` = index into cycles of the
 *        first attempt; `inAzureAt` = local time DirSync puts the user in Azure AD (Infinity: never)
 * @param {number} o.bias           bias of the writing machine
 * @param {number} o.thread
 * @param {number} o.seed
 * @returns {{lines:{t:number,text:string}[][], report:object[]}} lines grouped per cycle
 */
export function simulateCloudUserSync({ cycles, users, bias, thread, seed }) {
  const rnd = prng(seed);
  const C = 'SMS_CLOUD_USERSYNC';
  const pending = []; // {user, dueAt, firstFail, fails:[]}
  const report = new Map(users.map((u) => [u.upn, { upn: u.upn, firstAttempt: null, failures: [], dueAt: null, fullSyncs: [], addedAt: null }]));
  const out = [];
  cycles.forEach((start, i) => {
    let t = start;
    const lines = [];
    const emit = (msg) => lines.push({ t, text: legacyLine(msg, C, t, bias, thread) });
    emit('Starting user delta sync, raise failure status messages = True');
    const listed = [
      ...pending.map((p) => ({ user: p.user, p })),
      ...users.filter((u) => u.at === i).map((u) => ({ user: u, p: null })),
    ];
    let received = 0;
    let added = 0;
    for (const { user, p } of listed) {
      t += rnd.int(4, 25);
      emit(`NotifyAccountAddition - SCCM user to add = ${user.upn}`);
      const r = report.get(user.upn);
      const attempt = p === null || start >= p.dueAt;
      if (!attempt) continue;
      received++;
      if (p === null) r.firstAttempt = start;
      else r.fullSyncs.push(start);
      const graph = rnd.int(150, 350);
      if (start >= user.inAzureAt) {
        added++;
        r.addedAt = start;
        if (p) pending.splice(pending.indexOf(p), 1);
        t += Math.floor(graph / 3); // the add is reported in the totals line below
      } else {
        t += graph;
        emit(`Failed to add user ${user.upn}; reason UserNotFound`);
        r.failures.push(t);
        if (p) p.dueAt = t + DAY;
        else pending.push({ user, dueAt: t + DAY });
        r.dueAt = t + DAY;
      }
    }
    t += received ? rnd.int(60, 160) : rnd.int(5, 20);
    emit(`Total received users to add from SCCM = ${received}, Total Successfully added users to Cloud = ${added}`);
    t += rnd.int(5, 20);
    emit('Total received users from SCCM to be removed from cloud = 0');
    t += rnd.int(5, 20);
    emit('Successfully removed users from cloud 0');
    t += rnd.int(2, 10);
    emit(`UserDeltaSync:- Users Added = ${added}, Users Removed = 0`);
    out.push(lines);
  });

  // Per-user verdict, as the README states it.
  const end = out.at(-1).at(-1).t;
  const lastCycle = cycles.at(-1);
  const cycleLen = cycles.length > 1 ? (cycles.at(-1) - cycles[0]) / (cycles.length - 1) : 5 * MINUTE;
  const verdicts = [];
  for (const r of report.values()) {
    if (!r.failures.length) {
      verdicts.push({ ...r, status: r.addedAt !== null ? 'added on first try' : 'never attempted' });
      continue;
    }
    const first = r.failures[0];
    const due = first + DAY;
    let status;
    if (r.addedAt !== null) status = `resolved at ${localString(r.addedAt)} (${fmtDuration(r.addedAt - first)} after first failure)`;
    else if (lastCycle < due) status = 'pending (24 h not up at end of log)';
    else if (end >= due + cycleLen && r.fullSyncs.length) status = `overdue (full sync at ${localString(r.fullSyncs[0])} failed again; log runs ${fmtDuration(end - due)} past due)`;
    else status = 'due but no full sync seen yet';
    verdicts.push({ ...r, status, first, due });
  }
  return { lines: out, report: verdicts, end };
}

export function fmtDuration(ms) {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h} h ${m} min ${s % 60} s`;
}

/**
 * Cycle start times: a linear schedule through two anchors (anchorA at index 0, anchorB at
 * index `steps`), extended both ways with the same interval. A slight drift above 300 s makes
 * the cycle after exactly one day land a few seconds later each day, as on a real server.
 */
export function cycleSchedule(anchorA, anchorB, steps, fromIndex, toIndex) {
  const step = (anchorB - anchorA) / steps;
  const out = [];
  for (let n = fromIndex; n <= toIndex; n++) out.push(anchorA + Math.round(n * step));
  return out;
}

export function printUserReport(title, report, bias) {
  console.log(`\n${title}`);
  for (const r of report) {
    if (!r.failures.length) continue;
    console.log(`  ${r.upn}: first failure ${localString(r.first)} local (${utcString(r.first, bias)}), due ${localString(r.due)} local (${utcString(r.due, bias)}), failures ${r.failures.length}: ${r.status}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The samples

function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'samples');
  const written = [];
  const save = (rel, lines, enc) => written.push([rel, writeLog(join(root, rel), lines, enc)]);

  // ---- 1. CloudUserSync.lo_ + CloudUserSync.log (site server, Pacific Daylight Time, +420)
  {
    const bias = 420;
    const A = local(2014, 9, 14, 10, 23, 54, 123); // scott's first failure (the article)
    const B = local(2014, 9, 15, 10, 24, 12, 207); // scott resolved (the article)
    const cycles = cycleSchedule(A, B, 288, -4, 355); // 09-14 10:03:53 .. 09-15 15:59:17
    const idx = (n) => n + 4; // cycle number n -> array index
    const never = Infinity;
    const users = [
      { upn: 'alex.wilber@contoso.com', at: idx(-2), inAzureAt: 0 },
      { upn: 'scott@contoso.com', at: idx(0), inAzureAt: local(2014, 9, 14, 13, 2, 41) }, // DirSync 3 h later
      { upn: 'lidia.holloway@contoso.com', at: idx(12), inAzureAt: 0 },
      { upn: 'diego.siciliani@contoso.com', at: idx(31), inAzureAt: 0 },
      { upn: 'isaiah.langer@contoso.com', at: idx(31), inAzureAt: 0 },
      { upn: 'megan@contoso.com', at: idx(56), inAzureAt: never }, // 09-14 15:03:57, still missing next day
      { upn: 'johanna.lorenz@contoso.com', at: idx(70), inAzureAt: 0 },
      { upn: 'lynne.robbins@contoso.com', at: idx(262), inAzureAt: 0 },
      { upn: 'adele@contoso.com', at: idx(271), inAzureAt: local(2014, 9, 15, 12, 2, 40) }, // 09-15 08:59:11; synced at noon but not retried
      { upn: 'nestor.wilke@contoso.com', at: idx(300), inAzureAt: 0 },
      { upn: 'grady.archie@contoso.com', at: idx(330), inAzureAt: 0 },
      { upn: 'joni.sherman@contoso.com', at: idx(350), inAzureAt: 0 },
    ];
    const sim = simulateCloudUserSync({ cycles, users, bias, thread: 4321, seed: 20140914 });
    const rotateAt = local(2014, 9, 15, 2, 0, 0); // the live log reached its size limit here
    const older = sim.lines.filter((c) => c[0].t < rotateAt).flat().map((l) => l.text);
    const newer = sim.lines.filter((c) => c[0].t >= rotateAt).flat().map((l) => l.text);
    save('SiteServer/CloudUserSync.lo_', older);
    save('SiteServer/CloudUserSync.log', newer);
    printUserReport('CloudUserSync (.lo_ + .log), bias +420 (PDT):', sim.report, bias);
  }

  // ---- 2. SMS_AZUREAD_DISCOVERY_AGENT.log (site server, Central European Time, -060)
  const SITE_BIAS = -60;
  const TENANT = '5b1e9c4a-27d3-4f86-a0e2-91c4d7b6f038';
  {
    const rnd = prng(20200223);
    const C = 'SMS_AZUREAD_DISCOVERY_AGENT';
    const USER_THREAD = 5412;
    const GROUP_THREAD = 7736;
    const lines = [];
    const add = (t, thread, msg) => lines.push({ t, thread, text: legacyLine(msg, C, t, SITE_BIAS, thread) });
    const gmt = (t) => {
      const u = new Date(t + SITE_BIAS * MINUTE);
      const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][u.getUTCDay()];
      const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][u.getUTCMonth()];
      return `${day} ${mon} ${p2(u.getUTCDate())} ${fmtTime(u.getTime())} ${u.getUTCFullYear()}`;
    };
    const statmsg = (id, t, thread) =>
      `STATMSG: ID=${id} SEV=I LEV=M SOURCE="SMS Server" COMP="${C}" SYS=CM01.CONTOSO.COM SITE=P01 PID=3964 TID=${thread} GMTDATE=${gmt(t)} ISTR0="${TENANT}" ISTR1="" ISTR2="" ISTR3="" ISTR4="" ISTR5="" ISTR6="" ISTR7="" ISTR8="" ISTR9="" NUMATTRS=0`;
    const token = (n) => {
      const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
      const r = prng(n);
      let s = '';
      for (let i = 0; i < 44; i++) s += abc[r.int(0, abc.length - 1)];
      return s;
    };
    // Azure AD user discovery, delta every 5 minutes: 15:40:34 .. 17:05:4x local
    let start = local(2020, 2, 23, 15, 40, 34, 512);
    for (let k = 0; k < 18; k++) {
      let t = start;
      add(t, USER_THREAD, 'Retrieving AAD discovery settings from database');
      t += rnd.int(20, 60);
      add(t, USER_THREAD, `AAD USER delta sync initialized for tenant ${TENANT}`);
      t += rnd.int(3, 12);
      add(t, USER_THREAD, statmsg(11801, t, USER_THREAD));
      t += rnd.int(150, 300);
      add(t, USER_THREAD, `Making Graph request https://graph.microsoft.com/v1.0/users/delta?$deltatoken=${token(1000 + k)}`);
      t += rnd.int(400, 900);
      const done = Math.floor(t / 1000) * 1000;
      add(t, USER_THREAD, `AAD USER delta sync completed successfully at ${fmtUsDateTime(done).split(' ').slice(1).join(' ')}.`);
      t += rnd.int(3, 12);
      add(t, USER_THREAD, statmsg(11802, t, USER_THREAD));
      t += rnd.int(2, 8);
      const next = done + 5 * MINUTE;
      const nd = new Date(next);
      add(t, USER_THREAD, `Next DELTA USER sync for cloud service 16777217 will start at ${p2(nd.getUTCMonth() + 1)}/${p2(nd.getUTCDate())}/${nd.getUTCFullYear()} ${fmtTime(next).slice(0, 8)}.`);
      start = next + rnd.int(40, 400);
    }
    // Collection to Azure AD group sync, every 5 minutes on its own thread: 15:42:10 .. 17:02:1x.
    // "... worker starts/ends" is reconstructed from the article's OCR'd screenshot.
    for (let k = 0; k < 17; k++) {
      let t = local(2020, 2, 23, 15, 42, 10, 0) + k * 5 * MINUTE + rnd.int(0, 900);
      add(t, GROUP_THREAD, 'Collection to AAD group sync worker starts.');
      t += rnd.int(30, 120);
      add(t, GROUP_THREAD, 'No device objects are populated and therefore not being added to an Azure AD group.');
      t += rnd.int(5, 30);
      add(t, GROUP_THREAD, 'Collection to AAD group sync worker ends.');
    }
    lines.sort((a, b) => a.t - b.t);
    save('SiteServer/SMS_AZUREAD_DISCOVERY_AGENT.log', lines.map((l) => l.text));
  }

  // ---- 3 + 4. Management point (site server, -060) and the client (US Eastern, +300).
  // The client registers at 10:20:10 EST = 15:20:10 UTC; the MP records it at 16:20:11 CET.
  const CLIENT_BIAS = 300;
  const CLIENT_APP = '7c3e1f92-4b0d-4e6a-8d5f-2a9b6c1e0d47';
  const AAD_USER = 'f0a4c2d8-91b3-4e7f-a6c5-3d2e8b1f9a60';
  const USER_SID = 'S-1-5-21-3623811015-3361044348-30300820-1013';
  const DEVICE_ID = 'b8e2d4f6-1a3c-4e5b-9d7f-0c2a4e6b8d1f';
  const CLIENT_GUID = 'GUID:4F2A7C91-3B6D-4E8F-A1C5-9D0E2B7F6A34';
  const HIERARCHY = 'c1d9e7b3-5a2f-4c8e-b6d4-0f1a3e5c7b92';
  // Client-side events (local EST), and the matching MP-side times derived through UTC.
  const toSite = (clientLocal, lagMs) => clientLocal + (CLIENT_BIAS - SITE_BIAS) * MINUTE + lagMs;
  const ccmsetupSts = local(2020, 2, 23, 10, 12, 4, 611); // ccmsetup asks CCM_STS for a token
  const registration = local(2020, 2, 23, 10, 20, 10, 348); // "Registering client using AAD auth."
  const clientSts = local(2020, 2, 23, 10, 20, 14, 120); // ClientIDManagerStartup asks CCM_STS

  {
    const C = 'MP_RegistrationManager';
    const lines = [];
    const reg = (t, thread, deviceId, clientGuid) => {
      lines.push({ t, text: cmtraceLine({ msg: `Registering device using AAD auth: DeviceId='${deviceId}', TenantId=''`, t, bias: SITE_BIAS, component: C, thread }) });
      lines.push({ t: t + 4, text: cmtraceLine({ msg: `Processing Registration request from Client '${clientGuid}'`, t: t + 4, bias: SITE_BIAS, component: C, thread }) });
      lines.push({ t: t + 187, text: cmtraceLine({ msg: 'MP Reg: Processing completed. Completion state = 0', t: t + 187, bias: SITE_BIAS, component: C, thread }) });
    };
    // Other clients of the same site register the same way (the whole site has the problem).
    reg(local(2020, 2, 23, 15, 52, 40, 218), 3308, '0d6f8a2c-4e1b-4a7d-b3c9-5f2e7a1d8c46', 'GUID:8E1C5A3F-7D24-4B9E-A6F0-2C8D4E1B7A95');
    reg(local(2020, 2, 23, 16, 3, 18, 904), 5116, '9a3c7e1f-2b5d-4f8a-8c6e-1d4b7f2a9e53', 'GUID:2B7E9D14-5C3A-4F61-B8E2-7A0C9F3D5E18');
    reg(toSite(registration, 1_077), 4928, DEVICE_ID, CLIENT_GUID); // 16:20:11.425 CET
    reg(local(2020, 2, 23, 16, 37, 2, 33), 3308, '6e2b9d4a-7f1c-4c3e-a5b8-2d9f6e1a4c07', 'GUID:D5A8F2C6-1E9B-4D37-8F4A-6B2E0C7D9A13');
    reg(local(2020, 2, 23, 16, 48, 51, 766), 2744, '3f7a1c5e-9d2b-4e6f-b0a8-7c4e2d9f1b35', 'GUID:71C4E9A2-6F3D-4B85-9E1A-3D7B5F0C8E26');
    lines.sort((a, b) => a.t - b.t);
    save('SiteServer/MP_RegistrationManager.log', lines.map((l) => l.text));
  }
  {
    const C = 'CCM_STS';
    const lines = [];
    const issue = (t0, thread, clientGuid) => {
      let t = t0;
      const emit = (msg) => lines.push(cmtraceLine({ msg, t, bias: SITE_BIAS, component: C, thread }));
      emit('ProcessRequest - Start');
      t += 2;
      emit('Incoming request URL: https://CM01.CONTOSO.COM/CCM_STS');
      t += 41;
      emit(`Validated AAD token. TokenType: UDA TenantId:  UserId: ${AAD_USER} DeviceId: ${DEVICE_ID} OnPrem_UserSid: ${USER_SID} OnPrem_DeviceSid: `);
      t += 1;
      emit('TokenType is UDA');
      t += 36;
      emit(`Created SCCM token, token type: UDA, hierarchyId: ${HIERARCHY}, userId: ${AAD_USER}, deviceId: ${clientGuid}`);
      t += 3;
      emit('Issued token');
      t += 1;
      emit('Return token to client');
    };
    issue(toSite(ccmsetupSts, 902), 6120, 'GUID:0A9D3E7B-2C6F-4185-B4D9-8E1F5A2C7B60'); // 16:12:05.513 CET
    issue(toSite(clientSts, 874), 4928, CLIENT_GUID); // 16:20:14.994 CET
    save('SiteServer/CCM_STS.log', lines);
  }
  {
    // ccmsetup.log: the device token fails through WAM, ccmsetup falls back to the user token.
    const C = 'ccmsetup';
    const lines = [];
    let t = local(2020, 2, 23, 10, 11, 58, 402);
    const thread = 6512;
    const emit = (msg, type = 1, step = 0) => {
      t += step;
      lines.push(cmtraceLine({ msg, t, bias: CLIENT_BIAS, component: C, type, thread }));
    };
    emit('==========[ ccmsetup started in process 6508 ]==========');
    emit('Command line: "C:\\WINDOWS\\ccmsetup\\ccmsetup.exe" /mp:https://CM01.CONTOSO.COM SMSSITECODE=P01', 1, 11);
    emit(`Getting AAD (device) token with: ClientId = ${CLIENT_APP}, ResourceUrl = https://ConfigMgrService, AccountId = https://login.microsoftonline.com/common/oauth2/token`, 1, 2_734);
    emit("WAM token request failed. Status 5, Details 'AAD WAM extension error'", 3, 613);
    emit('Failed to get AAD token..', 3, 2);
    emit("Failed to get AAD token for 'S-1-5-18' from WAM API. Error 0x800703f0", 3, 1);
    emit(`Falling back to get user '${USER_SID}' token for system...`, 1, 3);
    emit(`Getting AAD (user) token with: ClientId = ${CLIENT_APP}, ResourceUrl = https://ConfigMgrService, AccountId = ${AAD_USER}`, 1, 8);
    emit(`Retrieved AAD token for AAD user '${AAD_USER}'`, 1, 771);
    t = ccmsetupSts - 40;
    emit("Getting CCM Token from STS server 'CM01.CONTOSO.COM'");
    emit('Getting CCM Token from https://CM01.CONTOSO.COM/CCM_STS', 1, 40);
    emit("Cached encrypted token for 'S-1-5-18'. Will expire at '02/23/2020 18:12:05'", 1, 958);
    emit('Installing version 5.00.8913.1000 of the client with product code {3A1C6E0B-92D4-4F7A-B8E5-0D2C9F4A6B17}', 1, 41_337);
    emit('Running installation package', 1, 12);
    emit('Package:     C:\\WINDOWS\\ccmsetup\\{5E8B2D41-7C9A-4F36-A0D2-B4E6C1F8A953}\\client.msi', 1, 1);
    emit('CcmSetup is exiting with return code 0', 1, 338_520);
    save('Client/ccmsetup.log', lines);
  }
  {
    const lines = [];
    const C = 'ClientIDManagerStartup';
    const thread = 3744;
    let t = local(2020, 2, 23, 10, 19, 58, 77);
    const emit = (msg, step = 0, at = null) => {
      t = at ?? t + step;
      lines.push(cmtraceLine({ msg, t, bias: CLIENT_BIAS, component: C, thread }));
    };
    emit("AADJoinStatusTask: Client hasn't been registered yet.");
    emit('RegEndPoint: Event notification: CCM_RemoteClient_Reassigned', 6_912);
    emit("RegEndPoint: Received notification for site assignment change from '<none>' to 'P01'.", 17);
    emit(`[RegTask] - Client is not registered. Sending registration request for ${CLIENT_GUID} ...`, 4_208);
    emit('Registering client using AAD auth.', 0, registration);
    emit(`[RegTask] - Client is registered. Server assigned ClientID is ${CLIENT_GUID}. Approval status 3`, 2_871);
    emit("Getting CCM Token from STS server 'CM01.CONTOSO.COM'", 0, clientSts - 31);
    emit('Getting CCM Token from https://CM01.CONTOSO.COM/CCM_STS', 0, clientSts);
    emit("Cached encrypted token for 'S-1-5-18'. Will expire at '02/23/2020 18:20:15'", 1_016);
    save('Client/ClientIDManagerStartup.log', lines);
  }
  {
    const lines = [];
    const C = 'ADALOperationProvider';
    let t = registration - 912;
    lines.push(cmtraceLine({ msg: `Getting AAD (user) token with: ClientId = ${CLIENT_APP}, ResourceUrl = https://ConfigMgrService, AccountId = ${AAD_USER}`, t, bias: CLIENT_BIAS, component: C, thread: 3744 }));
    t += 688;
    lines.push(cmtraceLine({ msg: `Retrieved AAD token for AAD user '${AAD_USER}'`, t, bias: CLIENT_BIAS, component: C, thread: 3744 }));
    save('Client/ADALOperationProvider.log', lines);
  }

  // ---- 5. IntuneManagementExtension.log: 7-digit fractions, M-D-YYYY date, NO offset.
  // Written by the same client (EST), so its time zone can be inferred from the folder.
  {
    const rnd = prng(7);
    const APP = 'e4b7d2a9-3c61-4f85-9a0e-6d1c8b2f5a73';
    const lines = [];
    let t = local(2020, 2, 23, 10, 20, 12, 123);
    let extra = 4567;
    const emit = (msg, type = 1, step = 0) => {
      t += step;
      lines.push(cmtraceLine({ msg, t, bias: null, component: 'IntuneManagementExtension', type, thread: 5, frac7: true, extra, unpaddedDate: true }));
      extra = rnd.int(0, 9999);
    };
    const bar = '-----------------------------------------------------';
    emit(`[Win32App] ${bar} application poller starts. ${bar} `, 2);
    emit('[Win32App] Got 1 active user sessions', 1, 148);
    emit(`[Win32App] SetCurrentDirectory: C:\\Windows\\IMECache\\${APP}_1`, 1, 9_406);
    emit('[Win32App] Launch Win32AppInstaller in machine session', 1, 31);
    emit('[Win32App] lastWin32Error 0 after CreateProcess', 1, 122);
    emit('[Win32App] Create installer process successfully.', 1, 2);
    emit('[Win32App] process id = 7312', 1, 1);
    emit('[Win32App] Installation is done, collecting result', 1, 64_318);
    emit('[Win32App] lpExitCode 1603', 1, 9);
    emit('[Win32App] hResultFromWin32 -2147023293', 1, 3);
    emit('[Win32App] Set EnforcementStateMessage.ErrorCode -2147023293', 3, 1);
    emit(`[Win32App] Admin did NOT set mapping for lpExitCode: 1603 of app: ${APP}`, 1, 2);
    emit(`[Win32App] ${bar} application poller stopped. ${bar} `, 2, 1_877);
    save('Client/IntuneManagementExtension.log', lines);
  }

  console.log('\nSite server: CET (-060); client: EST (+300). Registration: client 10:20:10 EST = 15:20:10 UTC = MP 16:20:11 CET.');
  console.log('\nWritten:');
  for (const [rel, size] of written) console.log(`  ${rel}  ${size} bytes`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
