// `aad-tenant-missing`: collection membership does not reach Azure AD groups because no member
// device has a trusted Azure AD identity (AADTenantID / AADDeviceID empty in dbo.ClientKeyData);
// and, on the management point / client side, registrations that carry an empty tenant id.
import { bisect } from '../parse/bisect';
import type { Finding, RelatedLocation } from '../model';
import { codeBlock } from '../explain/markdown';
import { relatedList } from '../explain/findingSection';
import { aadEvidence, type AadEvidenceKind, emptyTenant, EVIDENCE_RANK, NO_DEVICE_OBJECTS_RE, SOURCE_AAD_GROUP_SYNC } from './aad';
import { AAD_CLIENT_LOGS, AAD_GROUP_SYNC_COMPONENTS, AAD_GROUP_SYNC_LOGS, componentIds, hasComponent, isNamed, logsNamed, messageHead } from './logSet';
import { offsetLabel, timeAndUtc } from './timeText';
import type { LogInput, Rule, RuleContext } from './types';

export const AAD_TENANT_MISSING = 'aad-tenant-missing';
/** At most this many related lines per group-sync error. */
export const MAX_EVIDENCE = 5;
/** Evidence lines collected from the whole context, at most. */
const MAX_CANDIDATES = 20_000;
/**
 * Evidence further than this from the error (either way) is not linked, and a repeat of the error
 * this long after the previous one starts a new story. 24 h: a client renews its registration and
 * tokens at least daily and the group sync runs every few minutes to hours, so a line a day away
 * describes another state of the site (a 2020 registration says nothing about a 2026 sync).
 */
export const STORY_WINDOW_MS = 24 * 3600_000;

export interface AadTenantMissingData {
  /** 'group-sync': the `No device objects ...` line; 'registration': a tenant id empty or all zeros. */
  kind: 'group-sync' | 'registration';
  /** For 'registration': 'empty' or 'zero'. */
  tenant?: 'empty' | 'zero';
  /** For 'group-sync': how many more times the same error was logged in this story (absent: once). */
  repeats?: number;
}

export interface Evidence {
  input: LogInput;
  entry: number;
  line: number;
  utc: number;
  kind: AadEvidenceKind;
  what: string;
  text: string;
}

const printable = (s: string, max: number) => {
  // eslint-disable-next-line no-control-regex -- control characters in a tenant id are what it normalises
  const t = s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
};

function collectEvidence(target: LogInput, context: RuleContext): Evidence[] {
  const out: Evidence[] = [];
  for (const input of logsNamed(context, AAD_CLIENT_LOGS, target)) {
    const { log } = input;
    for (let i = 0; i < log.entryCount && out.length < MAX_CANDIDATES; i++) {
      const message = log.message(i);
      const ev = aadEvidence(message);
      if (!ev) continue;
      out.push({ input, entry: i, line: log.line(i), utc: log.utc(i), kind: ev.kind, what: ev.what, text: printable(message, 120) });
    }
  }
  return out;
}

/** Evidence grouped by kind (most telling first), each list sorted by time; built once per check. */
export interface EvidenceIndex {
  kinds: { kind: AadEvidenceKind; timed: Evidence[]; untimed: Evidence[] }[];
}

export function indexEvidence(all: Evidence[]): EvidenceIndex {
  const byKind = new Map<AadEvidenceKind, { kind: AadEvidenceKind; timed: Evidence[]; untimed: Evidence[] }>();
  for (const e of all) {
    let k = byKind.get(e.kind);
    if (!k) byKind.set(e.kind, (k = { kind: e.kind, timed: [], untimed: [] }));
    (Number.isFinite(e.utc) ? k.timed : k.untimed).push(e);
  }
  const kinds = [...byKind.values()].sort((a, b) => EVIDENCE_RANK[a.kind] - EVIDENCE_RANK[b.kind]);
  for (const k of kinds) k.timed.sort((a, b) => a.utc - b.utc);
  return { kinds };
}

/** The `max` lines of one kind nearest to t within the story window (lines without a time last, in file order). */
function nearest(timed: Evidence[], untimed: Evidence[], t: number, max: number): Evidence[] {
  const out: Evidence[] = [];
  if (Number.isFinite(t)) {
    const lo = bisect(0, timed.length, (k) => timed[k]!.utc < t);
    // Two pointers outwards from t; ties go to the earlier line (what led up to the error).
    let a = lo - 1, b = lo;
    while (out.length < max && (a >= 0 || b < timed.length)) {
      const da = a >= 0 ? t - timed[a]!.utc : Infinity;
      const db = b < timed.length ? timed[b]!.utc - t : Infinity;
      if (Math.min(da, db) > STORY_WINDOW_MS) break;
      if (da <= db) out.push(timed[a--]!);
      else out.push(timed[b++]!);
    }
  } else {
    for (let i = 0; i < timed.length && out.length < max; i++) out.push(timed[i]!);
  }
  for (let i = 0; i < untimed.length && out.length < max; i++) out.push(untimed[i]!);
  return out;
}

/** Up to `max` evidence lines for an error at `t`: the nearest of each kind first (most telling kind first), then more of the nearest. */
export function pickEvidence(index: EvidenceIndex, t: number, max = MAX_EVIDENCE): Evidence[] {
  const lists = index.kinds.map((k) => nearest(k.timed, k.untimed, t, max));
  const picked = new Set<Evidence>();
  for (const list of lists) if (picked.size < max && list.length > 0) picked.add(list[0]!);
  for (const list of lists) for (const e of list) if (picked.size < max) picked.add(e);
  // Shown most telling kind first, nearest first within a kind.
  const order = new Map<Evidence, number>();
  lists.forEach((list, k) => list.forEach((e, n) => order.set(e, k * (max + 1) + n)));
  return [...picked].sort((a, b) => order.get(a)! - order.get(b)!);
}

/**
 * Counts of the evidence within the story window of [from, to] (untimed lines count; so do all when
 * the story has no time), each with how many of them `shown` (the related lines) lists: a count the
 * reader cannot match with the list reads as a bug ("7 lines ..." beside 2 of them).
 */
function evidenceSummary(everything: Evidence[], from: number, to: number, shown: readonly Evidence[]): string {
  const all = Number.isFinite(from)
    ? everything.filter((e) => !Number.isFinite(e.utc) || (e.utc >= from - STORY_WINDOW_MS && e.utc <= to + STORY_WINDOW_MS))
    : everything;
  if (all.length === 0) return '';
  const parts: string[] = [];
  const part = (kinds: readonly AadEvidenceKind[], one: string, many: string) => {
    const n = all.filter((e) => kinds.includes(e.kind)).length;
    if (n === 0) return;
    const k = shown.filter((e) => kinds.includes(e.kind)).length;
    parts.push(`${n} ${n === 1 ? one : many}${k >= n ? '' : k === 0 ? ' (none shown)' : ` (nearest ${k} shown)`}`);
  };
  part(['empty-tenant', 'empty-tenant-token'], 'line with an empty or all-zero tenant id', 'lines with an empty or all-zero tenant id');
  part(['token-failure'], 'Azure AD token failure', 'Azure AD token failures');
  part(['registration'], 'registration line', 'registration lines');
  if (parts.length === 0) return '';
  return ` Client and management point logs show (see related): ${parts.join(', ')}.`;
}

const GROUP_SYNC_MESSAGE =
  'No device of the synced collection has a trusted Azure AD identity, so nothing was added to the Azure AD group: ' +
  'AADTenantID / AADDeviceID are empty in dbo.ClientKeyData. They are filled only when a client registers with Azure AD token ' +
  'authentication; Azure AD data from heartbeat discovery (dbo.System_Disc) is not trusted. Check that the tenant is onboarded ' +
  'for client management, that devices are (hybrid) Azure AD joined and get tokens, and that the management point uses HTTPS or Enhanced HTTP.';

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

/** What to check, in the article's order (hover Markdown). */
export const AAD_CHECKLIST = [
  'The Azure AD tenant is **onboarded for client management** in Cloud Services (Azure Services); the first query below shows the site\'s settings.',
  'Devices are **(hybrid) Azure AD joined**: run `dsregcmd /status` on a client, and read `ClientIDManagerStartup.log` and `CcmAad.log` (`ADALOperationProvider.log` before version 2107).',
  'The client can **get a token**: Windows 10 1709 and older have no Azure AD device token and use the signed-in user\'s token, which multi-factor authentication can block.',
  'The management point uses **HTTPS or Enhanced HTTP**: Azure AD token authentication needs TLS. `CCM_STS.log`, `MP_RegistrationManager.log` and `ClientAuth.log` on the management point show whether it works.',
  'The **server app is an owner** of the target Azure AD group: check the Azure AD audit log for the adds and removals it makes.',
];

/** The hover: why the group sync leaves devices out, what to check, the article's SQL. */
function explain(f: Finding<AadTenantMissingData>): string {
  const d = f.data;
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
  // After the explanation and what to do: the related lines (bounded: MAX_EVIDENCE, and the
  // story's repeats as one line).
  const rel = relatedList(f.related);
  if (rel) {
    lines.push('');
    lines.push(`**What the client and management point logs show**${f.data?.repeats ? ' (and this error\'s repeats)' : ''}:`);
    lines.push('');
    lines.push(rel);
  }
  lines.push('');
  lines.push(`*Source: ${SOURCE_AAD_GROUP_SYNC}.*`);
  return lines.join('\n');
}

export const aadTenantMissing: Rule<AadTenantMissingData> = {
  id: AAD_TENANT_MISSING,
  defaultSeverity: 'error',
  title: 'Azure AD group sync: no device with an Azure AD tenant id',
  explanation:
    'Collection membership syncs to Azure AD groups only for devices whose AADTenantID and AADDeviceID are filled in the site ' +
    'database table dbo.ClientKeyData. Those columns are filled only when the client registers with Azure AD token authentication; ' +
    'the Azure AD data that heartbeat discovery writes to dbo.System_Disc is not trusted (any registered client could claim any ' +
    'device id) and is not used. `No device objects are populated and therefore not being added to an Azure AD group.` ' +
    '(SMS_AZUREAD_DISCOVERY_AGENT.log, CollectionAADGroupSyncWorker.log in 2002-2303) means no member device has them: an error. ' +
    'A registration line whose tenant id is empty or all zeros (MP_RegistrationManager.log, CCM_STS.log and the client logs) is the ' +
    'client-side face of the same problem: a warning. Check, in order: the Azure AD tenant is onboarded in Cloud Services for client ' +
    'management; devices are (hybrid) Azure AD joined (dsregcmd /status); tokens can be obtained (Windows 10 1709 and older have no ' +
    'device token and need the user\'s token, which MFA can block); the management point uses HTTPS or Enhanced HTTP (Azure AD token ' +
    'authentication needs TLS); the server app is an owner of the target group (Azure AD audit log).',
  sources: [SOURCE_AAD_GROUP_SYNC],
  // A group sync error quotes evidence from the client and management point logs (collectEvidence).
  reads: (target, other) => isNamed(other, AAD_CLIENT_LOGS) &&
    (isNamed(target, AAD_GROUP_SYNC_LOGS) || hasComponent(target.log, AAD_GROUP_SYNC_COMPONENTS)),
  check(target, context) {
    const out: Finding<AadTenantMissingData>[] = [];
    const { log } = target;
    const groupSyncNamed = isNamed(target, AAD_GROUP_SYNC_LOGS);
    const groupSyncIds = groupSyncNamed ? null : componentIds(log, AAD_GROUP_SYNC_COMPONENTS);
    if (groupSyncNamed || groupSyncIds!.size > 0) {
      const comp = log.table.component;
      // The repeats of the error, grouped into stories: one problem per story, not one per sync cycle.
      const stories: { first: number; second: number; last: number; count: number }[] = [];
      for (let i = 0; i < log.entryCount; i++) {
        if (groupSyncIds && !groupSyncIds.has(comp[i]!)) continue;
        if (!/^\s{0,8}no\s/i.test(messageHead(log, i, 16))) continue;
        if (!NO_DEVICE_OBJECTS_RE.test(log.message(i))) continue;
        const story = stories.at(-1);
        const t = log.utc(i), prev = story ? log.utc(story.last) : NaN;
        if (story && !(Number.isFinite(t) && Number.isFinite(prev) && t - prev > STORY_WINDOW_MS)) {
          if (story.count === 1) story.second = i;
          story.last = i;
          story.count++;
        } else {
          stories.push({ first: i, second: -1, last: i, count: 1 });
        }
      }
      let all: Evidence[] | null = null;
      let evidence: EvidenceIndex | null = null;
      const when = (r: number) => timeAndUtc(log.table.wall[r]!, log.utc(r), offsetLabel(log, r));
      for (const story of stories) {
        const i = story.first;
        if (evidence === null) {
          all = collectEvidence(target, context);
          evidence = indexEvidence(all);
        }
        const picked = pickEvidence(evidence, log.utc(i));
        const summary = evidenceSummary(all!, log.utc(story.first), log.utc(story.last), picked);
        const related: RelatedLocation[] = picked.map((e) => ({
          file: e.input.key,
          line: e.line,
          message: `${e.what}, ${timeAndUtc(e.input.log.table.wall[e.entry]!, e.utc, offsetLabel(e.input.log, e.entry))}: ${e.text}`,
        }));
        // The repeats are one line, at the first of them: 16 "the same error again" lines buried
        // the evidence and the explanation (the Problems tree and the hover list every related line).
        if (story.count > 1) {
          const first = log.line(story.second), a = first + 1, b = log.line(story.last) + 1;
          const more = story.count - 1;
          related.push({
            file: target.key, line: first,
            message: more === 1 ? `The same error again, line ${a}, ${when(story.last)}`
              : `The same error ${more} more times, lines ${a}-${b}, the last ${when(story.last)}`,
          });
        }
        const repeated = story.count > 1 ? ` Logged ${story.count} times until ${when(story.last)}.` : '';
        const data: AadTenantMissingData = { kind: 'group-sync', ...(story.count > 1 ? { repeats: story.count - 1 } : {}) };
        out.push({
          ruleId: AAD_TENANT_MISSING, severity: 'error', file: target.key,
          line: log.line(i), endLine: log.endLine(i), entryIndex: i,
          message: GROUP_SYNC_MESSAGE + summary + repeated,
          data,
          ...(related.length ? { related } : {}),
        });
      }
    }
    if (isNamed(target, AAD_CLIENT_LOGS)) {
      for (let i = 0; i < log.entryCount; i++) {
        const empty = emptyTenant(log.message(i));
        if (!empty) continue;
        const data: AadTenantMissingData = { kind: 'registration', tenant: empty.kind };
        out.push({
          ruleId: AAD_TENANT_MISSING, severity: 'warning', file: target.key,
          line: log.line(i), endLine: log.endLine(i), entryIndex: i,
          message:
            `Azure AD ${empty.kind === 'zero' ? 'tenant id is all zeros' : 'tenant id is empty'} here: the site gets no trusted AADTenantID for this ` +
            'device in dbo.ClientKeyData, so collection sync to Azure AD groups leaves it out. Check that the Azure AD tenant is onboarded ' +
            'for client management (Cloud Services) and that the device is (hybrid) Azure AD joined.',
          data,
        });
      }
    }
    return out;
  },
  explain,
  // Our constant text, never text from the log: the command copies it to the clipboard.
  actions: () => AAD_SQL_QUERIES.map((q) => ({ title: `Copy SQL: ${q.title}`, copy: q.sql })),
};
