// `user-not-found`: the Intune connector could not add a user because Azure AD did not know it yet,
// and the 24-hour rule decides when it is tried again. One story per user: the first failure
// carries the outcome, later failures point back to it.
import type { Finding, RelatedLocation } from '../model';
import { formatWall, isoUtc } from '../parse/time';
import { genericFindingSection, locationText } from '../explain/findingSection';
import { escapeMarkdown } from '../explain/markdown';
import {
  CLOUD_USER_SYNC_LOGS, cloudUserSyncTimeline, DAY_MS, isCloudUserSyncLog, SOURCE_INTUNE_CONNECTOR, TWENTY_FOUR_HOUR_RULE, type SyncPoint, type SyncTimeline, type UserStory } from './cloudUserSync';
import { isNamed, sameRotation } from './logSet';
import { durationText, logTimeText, offsetLabel, timeAndUtc, wallText } from './timeText';
import type { FindingLens, Rule } from './types';

/** `data` of a user-not-found finding. Times are ISO UTC with ms, null when the UTC is unknown. */
export interface UserNotFoundData {
  user: string;
  firstFailure: string | null;
  dueAt: string | null;
  status: 'resolved' | 'pending' | 'overdue';
  resolvedAt: string | null;
  /** 'utc' when the logs carry offsets; 'log-time' when times were compared in the log's own clock. */
  timeBasis: 'utc' | 'log-time';
  /** The same moments in the log's wall clock, `YYYY-MM-DD HH:mm:ss.fff` (null when unreadable / not resolved). */
  firstFailureLogTime: string | null;
  dueAtLogTime: string | null;
  resolvedAtLogTime: string | null;
  /** The first failure's zone (`UTC-07:00`, timeText.offsetLabel), or how its UTC was found / why it is unknown. */
  offset: string;
  /** Where the first failure is (file key, 0-based line). */
  firstFailureFile: string;
  firstFailureLine: number;
  /** This line is failure `failure` (1-based) of `failureCount` of this user's story. */
  failure: number;
  failureCount: number;
  /** Added before the 24 hours ran out (an early full sync, e.g. after SMS Executive restarted). */
  early: boolean;
}

export const USER_NOT_FOUND = 'user-not-found';

/** What to do, in the article's order (hover Markdown). */
export const WAYS_OUT = [
  'Restart the **SMS Executive** service on the site server where the connector is installed: the next sync is then a full sync.',
  'Shorten the **DirSync interval** (every 3 hours by default), so fewer users reach the connector before they are in Azure AD.',
  'Schedule **DirSync**, then **AD User Discovery**, before the connector runs, so new users are already in Azure AD when it tries them.',
  'Or **wait** for the 24-hour full sync.',
];

const SEVERITY = { resolved: 'information', pending: 'warning', overdue: 'error' } as const;

const label = (p: SyncPoint) => offsetLabel(p.input.log, p.entry);
const at = (p: SyncPoint) => timeAndUtc(p.wall, p.utc, label(p));
const wallOrNull = (w: number) => (Number.isFinite(w) ? formatWall(w) : null);

function dueText(s: UserStory): string {
  return timeAndUtc(s.first.wall + DAY_MS, s.first.utc + DAY_MS, label(s.first));
}

/**
 * The verdict, first and with the user: the Problems panel cuts a message at its width, so what
 * tells one user's story from another's (added, not yet due, still missing) leads, details follow.
 * `megan@contoso.com still missing after the 24-hour full sync, due ...`.
 */
function verdictText(s: UserStory): string {
  if (s.resolved) {
    const c = s.resolved.cycle;
    return s.resolved.early
      ? `${s.user} added early, at ${at(c)}: before the 24 hours ran out, an early full sync (e.g. after SMS Executive was restarted)`
      : `${s.user} added by the 24-hour full sync at ${at(c)}`;
  }
  if (s.status === 'overdue') return `${s.user} still missing after the 24-hour full sync, due ${dueText(s)}`;
  return `${s.user} not found in Azure AD: the 24-hour full sync is due ${dueText(s)}`;
}

/** What the verdict rests on, after it: how long it took, what failed, where the log ends. */
export function statusText(s: UserStory, timeline: SyncTimeline): string {
  if (s.resolved) return `added ${durationText(s.resolved.cycle.t - s.first.t)} after the first failure; the full sync was due ${dueText(s)}`;
  const end = timeline.end;
  if (s.status === 'overdue' && s.fullSyncFailure) {
    const past = end && Number.isFinite(end.t - s.due) ? `; the log runs ${durationText(end.t - s.due)} past the due time` : '';
    return `the full sync at ${at(s.fullSyncFailure)} failed again, so the user is still missing from Azure AD ` +
      `(check DirSync / Azure AD Connect) or something else is wrong${past}`;
  }
  if (s.status === 'overdue') return `the log runs ${durationText((end?.t ?? NaN) - s.due)} past the due time and the user was not added`;
  if (!end || !Number.isFinite(end.t) || !Number.isFinite(s.due)) return 'the log does not show the full sync yet';
  return `the log ends at ${at(end)}, ${durationText(s.due - end.t)} before the full sync is due`;
}

/** The diagnostic message for failure number `k` (0-based) of a story: the verdict, then this line, then the details. */
export function userNotFoundMessage(s: UserStory, k: number, timeline: SyncTimeline): string {
  const basis = timeline.basis === 'wall' ? ' (the logs carry no usable UTC offset: times compared in log time)' : '';
  const details = `${statusText(s, timeline)}.${basis}`;
  if (k === 0) return `${verdictText(s)}. Not found in Azure AD (UserNotFound) at ${at(s.first)}; ${details}`;
  const p = s.failures[k]!;
  const what = p === s.fullSyncFailure ? 'failed again at its full sync' : 'not found again';
  return `${verdictText(s)}. Here it ${what} (UserNotFound), failure ${k + 1} of ${s.failures.length}; ` +
    `first failure at ${at(s.first)} (${s.first.input.name} line ${s.first.line + 1}); ${details}`;
}

function storyData(s: UserStory, k: number, timeline: SyncTimeline): UserNotFoundData {
  const r = s.resolved;
  return {
    user: s.user,
    firstFailure: isoUtc(s.first.utc),
    dueAt: isoUtc(s.first.utc + DAY_MS),
    status: s.status,
    resolvedAt: r ? isoUtc(r.cycle.utc) : null,
    timeBasis: timeline.basis === 'utc' ? 'utc' : 'log-time',
    firstFailureLogTime: wallOrNull(s.first.wall),
    dueAtLogTime: wallOrNull(s.first.wall + DAY_MS),
    resolvedAtLogTime: r ? wallOrNull(r.cycle.wall) : null,
    offset: label(s.first),
    firstFailureFile: s.first.input.key,
    firstFailureLine: s.first.line,
    failure: k + 1,
    failureCount: s.failures.length,
    early: r?.early ?? false,
  };
}

function related(s: UserStory, k: number): RelatedLocation[] {
  if (k > 0) {
    return [{ file: s.first.input.key, line: s.first.line, message: `First failure of ${s.user} (UserNotFound) at ${wallText(s.first.wall)} (log time)` }];
  }
  const out: RelatedLocation[] = [];
  if (s.resolved) {
    const p = s.resolved.added ?? s.resolved.cycle;
    out.push({ file: p.input.key, line: p.line, message: `${s.user} added to the cloud in the cycle at ${wallText(s.resolved.cycle.wall)} (log time)` });
  } else if (s.fullSyncFailure) {
    const p = s.fullSyncFailure;
    out.push({ file: p.input.key, line: p.line, message: `The full sync of ${s.user} failed again at ${wallText(p.wall)} (log time)` });
  }
  return out;
}

const logTimeMs = (s: string | null) => (s === null ? NaN : Date.parse(s.replace(' ', 'T') + 'Z'));

const WALL_RE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/;
const ISO_RE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** An ISO UTC time of the finding's data as the hover and lens write it (`2014-09-15 17:24:12.207`), or null when it is not one. */
const utcWall = (iso: string | null): string | null => (typeof iso === 'string' && ISO_RE.test(iso) ? iso.replace('T', ' ').replace('Z', '') : null);

function timeRow(label: string, logTime: string | null, iso: string | null): string {
  const utc = utcWall(iso) ?? 'unknown';
  const local = typeof logTime === 'string' && WALL_RE.test(logTime) ? logTime : 'unknown';
  return `| ${label} | ${local} | ${utc} |`;
}


/** The hover of a user-not-found finding: the story in a table, its status and the ways out. */
function explain(f: Finding<UserNotFoundData>): string {
  const d = f.data;
  if (!d) return genericFindingSection(f, 'UserNotFound', TWENTY_FOUR_HOUR_RULE);
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

/** The 24-hour story as a lens: where the full sync happened (or when it is due). */
function lenses(f: Finding<UserNotFoundData>): FindingLens[] {
  const d = f.data;
  if (!d) return [];
  // As the message and the Problems panel say a time: log time with its offset (else the UTC, said to be UTC).
  const when = (logTime: string | null, utc: string | null) => (logTime ? logTimeText(logTime, d.offset) : utcWall(utc) !== null ? `${utcWall(utc)} UTC` : 'unknown time');
  const due = when(d.dueAtLogTime, d.dueAt);
  const title = d.status === 'resolved' ? `⤷ 24-hour full sync added the user at ${when(d.resolvedAtLogTime, d.resolvedAt)}`
    : d.status === 'overdue' ? `⤷ 24-hour full sync failed again (due ${due})`
    : `⤷ 24-hour full sync due ${due} (pending)`;
  const target = f.related?.[0];
  return [{ line: f.line, title, reveal: target && d.firstFailureLine === f.line ? { file: target.file, line: target.line } : undefined }];
}

export const userNotFound: Rule<UserNotFoundData> = {
  id: USER_NOT_FOUND,
  defaultSeverity: 'warning',
  title: 'Intune connector: user not found in Azure AD (24-hour rule)',
  explanation:
    'The Intune connector (CloudUserSync.log) tried to add a user that ConfigMgr discovered in Active Directory, but Azure AD did not know ' +
    'the user yet: DirSync (Azure AD Connect, every 3 hours by default) had not synced it. After this first failure the 5-minute delta ' +
    'syncs never pick the user up, even once it exists in Azure AD. Since ConfigMgr 2012 R2 a per-user 24-hour timer starts at the first ' +
    'failure; after it the user gets a full sync, which succeeds if the user now exists. The diagnostic says when that full sync is due and ' +
    'whether the log shows it resolved, still pending, or overdue (the full sync failed too, or never came). Ways out: restart the SMS ' +
    'Executive service on the connector\'s site server (the next sync is a full sync); shorten the DirSync interval; schedule DirSync, then ' +
    'AD User Discovery, before the connector runs; or wait for the 24-hour full sync.',
  sources: [SOURCE_INTUNE_CONNECTOR],
  // The story spans the rotated copies of a log named CloudUserSync (see cloudUserSyncTimeline).
  reads: (target, other) => isNamed(target, CLOUD_USER_SYNC_LOGS) && sameRotation(target, other),
  check(target, context) {
    if (!isCloudUserSyncLog(target)) return [];
    const timeline = cloudUserSyncTimeline(target, context);
    const out: Finding<UserNotFoundData>[] = [];
    for (const s of timeline.stories) {
      s.failures.forEach((p, k) => {
        if (p.input.key !== target.key) return;
        out.push({
          ruleId: USER_NOT_FOUND,
          severity: SEVERITY[s.status],
          file: target.key,
          line: p.line,
          endLine: target.log.endLine(p.entry),
          entryIndex: p.entry,
          message: userNotFoundMessage(s, k, timeline),
          data: storyData(s, k, timeline),
          related: related(s, k),
        });
      });
    }
    return out;
  },
  explain,
  lenses,
};
