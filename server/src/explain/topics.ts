// Hover sections for the findings of the diagnosis rules and for the Intune connector's cycle lines.
// Our own words from the seed articles; every piece of log text goes through markdown.ts. Pure.
import type { Finding, RelatedLocation } from '../model';
import type { CloudUserSyncLine } from '../rules/cloudUserSync';
import type { AadTenantMissingData } from '../rules/aadTenantMissing';
import type { AadTokenFailureData } from '../rules/aadTokenFailure';
import type { UserNotFoundData } from '../rules/userNotFound';
import { durationText } from '../rules/timeText';
import { baseName } from '../uri';
import { codeBlock, codeSpan, escapeMarkdown } from './markdown';

export const SOURCE_INTUNE_CONNECTOR =
  'TechNet blog: "Windows Intune Connector in SCCM 2012 R2 Fails to Synchronize Users"';
export const SOURCE_AAD_GROUP_SYNC =
  'Blog post: troubleshooting device collection sync to Azure AD groups (AADTenantID in dbo.ClientKeyData, Enhanced HTTP)';

/** The SQL the Azure AD group sync article uses, verbatim; for "copy to clipboard" code actions. */
export const AAD_SQL_QUERIES: readonly { title: string; sql: string }[] = [
  {
    title: 'Is the Azure AD tenant onboarded? (top-level site settings; the first column is the settings XML)',
    sql: "select convert(xml, settings), * from sites where ISNULL(reporttosite, N'') = N''",
  },
  {
    title: 'How many active clients registered with an Azure AD device id?',
    sql: 'select count(*) from clientkeydata where isnull(isrevoked, 0) = 0 and agenttype=0 and (AADDeviceID is not null)',
  },
];

/** `CloudUserSync.lo_` line 24 (as inert Markdown). */
export function locationText(file: string, line: number): string {
  return `${codeSpan(baseName(file), 120)} line ${line + 1}`;
}

function relatedList(related: readonly RelatedLocation[] | undefined): string {
  if (!related || related.length === 0) return '';
  return related.map((r) => `- ${locationText(r.file, r.line)}: ${escapeMarkdown(r.message, 300)}`).join('\n');
}

// ---------------------------------------------------------------------------------------------
// user-not-found
// ---------------------------------------------------------------------------------------------

export const TWENTY_FOUR_HOUR_RULE =
  'The Intune connector tried to add this user before DirSync (Azure AD Connect) had put it in Azure AD. ' +
  'After that first failure the connector\'s 5-minute **delta** syncs never pick the user up again, even once it exists in Azure AD. ' +
  'Since ConfigMgr 2012 R2 a **per-user 24-hour timer** starts at the first failure; when it runs out, the next cycle does a **full** sync ' +
  'of the user, which succeeds if the user is in Azure AD by then. (Two users that failed at 3 p.m. and 5 p.m. on Friday sync at 3 p.m. and ' +
  '5 p.m. on Saturday.)';

export const WAYS_OUT = [
  'Restart the **SMS Executive** service on the site server where the connector is installed: the next sync is then a full sync.',
  'Shorten the **DirSync interval** (every 3 hours by default), so fewer users reach the connector before they are in Azure AD.',
  'Schedule **DirSync**, then **AD User Discovery**, before the connector runs, so new users are already in Azure AD when it tries them.',
  'Or **wait** for the 24-hour full sync.',
];

const logTimeMs = (s: string | null) => (s === null ? NaN : Date.parse(s.replace(' ', 'T') + 'Z'));

const WALL_RE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/;
const ISO_RE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function timeRow(label: string, logTime: string | null, iso: string | null): string {
  const utc = typeof iso === 'string' && ISO_RE.test(iso) ? iso.replace('T', ' ').replace('Z', '') : 'unknown';
  const local = typeof logTime === 'string' && WALL_RE.test(logTime) ? logTime : 'unknown';
  return `| ${label} | ${local} | ${utc} |`;
}

export function userNotFoundSection(f: Finding): string {
  const d = f.data as unknown as UserNotFoundData | undefined;
  if (!d || typeof d.user !== 'string') return genericFindingSection(f, 'UserNotFound', TWENTY_FOUR_HOUR_RULE);
  const user = escapeMarkdown(d.user, 320);
  const offset = escapeMarkdown(d.offset, 80);
  const lines: string[] = [];
  lines.push(`**UserNotFound: ${user}**, status **${d.status}**`);
  lines.push('');
  lines.push(TWENTY_FOUR_HOUR_RULE);
  lines.push('');
  lines.push(`| | Log time (${offset}) | UTC |`);
  lines.push('|---|---|---|');
  lines.push(timeRow('First failure', d.firstFailureLogTime, d.firstFailure));
  lines.push(timeRow('Full sync due (first failure + 24 h)', d.dueAtLogTime, d.dueAt));
  if (d.status === 'resolved') lines.push(timeRow('Added (cycle)', d.resolvedAtLogTime, d.resolvedAt));
  lines.push('');
  let status: string;
  if (d.status === 'resolved') {
    const took = durationText(logTimeMs(d.resolvedAtLogTime) - logTimeMs(d.firstFailureLogTime));
    const tookUtc = d.resolvedAt && d.firstFailure ? durationText(Date.parse(d.resolvedAt) - Date.parse(d.firstFailure)) : took;
    status = `**Resolved**: a later cycle added the user, ${tookUtc} after the first failure` +
      (d.early ? ' — before the 24 hours ran out, so something forced an early full sync (for example a restart of SMS Executive).' : '.');
  } else if (d.status === 'pending') {
    status = '**Pending**: the log ends before the full sync is due (plus one 5-minute cycle). If the user is in Azure AD by then, ' +
      'the full sync will add it; a restart of SMS Executive would do it sooner.';
  } else {
    status = '**Overdue**: the log runs past the due time plus a 5-minute cycle and the user was not added (it failed again at the full ' +
      'sync, or never came back). Then the user really is missing from Azure AD (check DirSync / Azure AD Connect), or something else is wrong.';
  }
  lines.push(status);
  if (d.timeBasis === 'log-time') {
    lines.push('');
    lines.push('The logs carry no usable UTC offset: the times were compared in the log\'s own clock.');
  }
  if (d.failureCount > 1) {
    lines.push('');
    lines.push(d.failure === 1
      ? `This is the first of ${d.failureCount} failures of this user; the later ones point here.`
      : `This is failure ${d.failure} of ${d.failureCount}; the story starts at the first failure, ${locationText(d.firstFailureFile, d.firstFailureLine)}.`);
  }
  lines.push('');
  lines.push('**Ways out** (in the article\'s order):');
  WAYS_OUT.forEach((w, k) => lines.push(`${k + 1}. ${w}`));
  lines.push('');
  lines.push(`*Source: ${SOURCE_INTUNE_CONNECTOR}.*`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// aad-tenant-missing
// ---------------------------------------------------------------------------------------------

export const AAD_CHECKLIST = [
  'The Azure AD tenant is **onboarded for client management** in Cloud Services (Azure Services); the first query below shows the site\'s settings.',
  'Devices are **(hybrid) Azure AD joined**: run `dsregcmd /status` on a client, and read `ClientIDManagerStartup.log` and `CcmAad.log` (`ADALOperationProvider.log` before version 2107).',
  'The client can **get a token**: Windows 10 1709 and older have no Azure AD device token and use the signed-in user\'s token, which multi-factor authentication can block.',
  'The management point uses **HTTPS or Enhanced HTTP**: Azure AD token authentication needs TLS. `CCM_STS.log`, `MP_RegistrationManager.log` and `ClientAuth.log` on the management point show whether it works.',
  'The **server app is an owner** of the target Azure AD group: check the Azure AD audit log for the adds and removals it makes.',
];

export function aadTenantMissingSection(f: Finding): string {
  const d = f.data as unknown as AadTenantMissingData | undefined;
  const lines: string[] = [];
  if (d?.kind === 'registration') {
    lines.push(`**Azure AD registration with ${d.tenant === 'zero' ? 'an all-zero' : 'an empty'} tenant id**`);
    lines.push('');
    lines.push('The site stores a device\'s Azure AD identity (`AADTenantID`, `AADDeviceID` in `dbo.ClientKeyData`) only from a registration ' +
      'with a valid Azure AD token. With no tenant id here, this device gets none, and collection sync to Azure AD groups leaves it out ' +
      '(`No device objects are populated ...` in `SMS_AZUREAD_DISCOVERY_AGENT.log`).');
  } else {
    lines.push('**Azure AD group sync: no device with a trusted Azure AD identity**');
    lines.push('');
    lines.push('Collection membership is synced to an Azure AD group only for devices whose `AADTenantID` and `AADDeviceID` are filled in the ' +
      'site database table `dbo.ClientKeyData`. They are filled only when the client registers with **Azure AD token authentication**. ' +
      'This line says that no member device has them, so nothing was added to the group.');
  }
  lines.push('');
  lines.push('**Why heartbeat data does not count:** the Azure AD information in `dbo.System_Disc` comes from heartbeat discovery. Only registered ' +
    'clients may send heartbeats, but nothing authenticates the Azure AD part, so any registered client could claim any Azure AD device id. ' +
    'The group sync therefore uses only the trusted data in `dbo.ClientKeyData`.');
  lines.push('');
  lines.push('**Check, in this order:**');
  AAD_CHECKLIST.forEach((c, k) => lines.push(`${k + 1}. ${c}`));
  for (const q of AAD_SQL_QUERIES) {
    lines.push('');
    lines.push(`${q.title}`);
    lines.push('');
    lines.push(codeBlock(q.sql, 'sql'));
  }
  const rel = relatedList(f.related);
  if (rel) {
    lines.push('');
    lines.push('**What the client and management point logs show:**');
    lines.push('');
    lines.push(rel);
  }
  lines.push('');
  lines.push(`*Source: ${SOURCE_AAD_GROUP_SYNC}.*`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// aad-token-failure
// ---------------------------------------------------------------------------------------------

export function aadTokenFailureSection(f: Finding): string {
  const d = f.data as unknown as AadTokenFailureData | undefined;
  const lines: string[] = ['**Azure AD token failure**', ''];
  lines.push('The client could not get an Azure AD token. Azure AD registration with the site needs one: the client presents it to the ' +
    'management point (`CCM_STS`), and only then does the site store a trusted `AADTenantID` / `AADDeviceID` for the device in ' +
    '`dbo.ClientKeyData`. Without it the device is left out of collection sync to Azure AD groups, and user-centric Azure AD scenarios fail.');
  lines.push('');
  lines.push('- Is the device (hybrid) Azure AD joined? Run `dsregcmd /status`.');
  lines.push('- Windows 10 1709 and older have no Azure AD device token: the signed-in user\'s token is used, which multi-factor authentication can block. 1803 and later use the more reliable device token.');
  if (d && Array.isArray(d.codes) && d.codes.length > 0) {
    lines.push(`- The line carries ${d.codes.map((c) => `\`${escapeCode(c)}\``).join(', ')}: hover the code for its decoding.`);
  }
  if (d && typeof d.fallbackLine === 'number') {
    lines.push(`- A token was retrieved soon after (line ${d.fallbackLine + 1}): the client fell back to another token, e.g. the user's. Registration can still work, but only while such a user is signed in.`);
  }
  lines.push('');
  lines.push(`*Source: ${SOURCE_AAD_GROUP_SYNC}; error codes: [MS-ERREF].*`);
  return lines.join('\n');
}

const escapeCode = (s: string) => s.replace(/[^0-9A-Fa-fx]/g, '');

// ---------------------------------------------------------------------------------------------
// Any other rule
// ---------------------------------------------------------------------------------------------

export function genericFindingSection(f: Finding, title: string, explanation: string, sources: readonly string[] = []): string {
  const lines = [`**${escapeMarkdown(title, 200)}** (${escapeMarkdown(f.ruleId, 80)}, ${f.severity})`, '', escapeMarkdown(f.message, 2000)];
  if (explanation) lines.push('', escapeMarkdown(explanation, 3000));
  const rel = relatedList(f.related);
  if (rel) lines.push('', rel);
  if (sources.length) lines.push('', `*Source: ${escapeMarkdown(sources.join('; '), 1000)}*`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// CloudUserSync cycle lines
// ---------------------------------------------------------------------------------------------

export function cycleLineSection(line: CloudUserSyncLine): string {
  const title = '**Intune connector cycle** (CloudUserSync.log, every 5 minutes)';
  let body: string;
  switch (line.kind) {
    case 'start':
      body = 'Start of a 5-minute cycle of the Intune connector (a **delta** sync). `raise failure status messages = True` means failures in this ' +
        'cycle raise status messages; the word "failure" here is no error.';
      break;
    case 'notify':
      body = `The cycle lists ${codeSpan(line.user, 320)} as a user to add: discovered by ConfigMgr and not yet in the cloud. A user that failed ` +
        'with UserNotFound stays listed in every cycle, but the delta syncs do not try it again until its 24-hour full sync.';
      break;
    case 'failed':
      body = line.reason.toLowerCase() === 'usernotfound'
        ? `${codeSpan(line.user, 320)} was not found in Azure AD. ${TWENTY_FOUR_HOUR_RULE}`
        : `${codeSpan(line.user, 320)} could not be added (reason ${codeSpan(line.reason, 80)}). Only UserNotFound is governed by the 24-hour rule.`;
      break;
    case 'totals':
      body = `**${line.received}** user${line.received === 1 ? ' was' : 's were'} handed to the connector to add in this cycle, and **${line.added}** ` +
        `${line.added === 1 ? 'was' : 'were'} added to the cloud${line.received > line.added ? ` (${line.received - line.added} not added)` : ''}. ` +
        'A user waiting for its 24-hour full sync is listed in every cycle but counted here only in the cycle of its full sync ' +
        '(in the article\'s example: `= 0, ... = 0` for a day, then `= 1, ... = 1`).';
      break;
    case 'remove-total':
      body = `**${line.received}** user${line.received === 1 ? ' was' : 's were'} handed to the connector in this cycle to be removed from the cloud.`;
      break;
    case 'removed':
      body = `**${line.removed}** user${line.removed === 1 ? ' was' : 's were'} removed from the cloud in this cycle.`;
      break;
    case 'summary':
      body = `End of the cycle: **${line.added}** user${line.added === 1 ? '' : 's'} added and **${line.removed}** removed by this delta sync. ` +
        '`Users Added = 1` in the cycle after a user\'s 24-hour mark is its full sync succeeding.';
      break;
  }
  return `${title}\n\n${body}\n\n*Source: ${SOURCE_INTUNE_CONNECTOR}.*`;
}
