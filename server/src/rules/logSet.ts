// Finding logs in a rule's context: the rotated partners of a log (`X.lo_`, `X-YYYYMMDD-HHMMSS.log`
// beside `X.log`), logs by their live name, and cheap per-entry prefilters. Pure.
import { liveLogName } from '../parse/detect';
import type { LogFile } from '../logFile';
import type { LogInput, LogRef, RuleContext } from './types';
import { folderOf } from '../uri';

/** The folder part of a key (one definition, with the other URI and path helpers). */
export { folderOf };

/** `CloudUserSync.lo_` -> `cloudusersync.log`: the live name, lower case. */
export function liveName(name: string): string {
  return liveLogName(name).toLowerCase();
}

/** Whether the log's live name is one of `names` (lower case, e.g. `cloudusersync.log`). */
export function isNamed(input: LogRef, names: ReadonlySet<string>): boolean {
  return names.has(liveName(input.name));
}

/** Whether any record of the log was written by one of these components (lower case). O(components). */
export function hasComponent(log: LogFile, components: ReadonlySet<string>): boolean {
  for (const c of log.table.components.names) if (components.has(c.toLowerCase())) return true;
  return false;
}

/** Component ids (as stored in the entry table) whose name is one of these (lower case). */
export function componentIds(log: LogFile, components: ReadonlySet<string>): Set<number> {
  const ids = new Set<number>();
  log.table.components.names.forEach((c, id) => { if (components.has(c.toLowerCase())) ids.add(id); });
  return ids;
}

/**
 * The first `n` characters of entry i's message, without reading the whole record: a cheap
 * prefilter before `message(i)`.
 */
export function messageHead(log: LogFile, i: number, n: number): string {
  const start = log.messageStart(i);
  return log.text(start, Math.min(start + n, log.messageEnd(i)));
}

/** Whether two logs are rotated copies of one log: same folder, same live name. */
export function sameRotation(a: LogRef, b: LogRef): boolean {
  return folderOf(a.key) === folderOf(b.key) && liveName(a.name) === liveName(b.name);
}

/**
 * The log and its rotated copies in the same folder (same live name), oldest first: the `.lo_`
 * before the `.log`. `target` is always included, even when the context does not list it.
 * Order: by the time of the first record (UTC, else wall clock); ties and logs without a time
 * put rotated copies (`.lo_`, dated history) before the live `.log`.
 */
export function rotationSet(target: LogInput, context: RuleContext): LogInput[] {
  const live = liveName(target.name);
  const set: LogInput[] = [target];
  const seen = new Set<string>([target.key]);
  for (const l of context.logs) {
    if (seen.has(l.key) || l.log === target.log) continue;
    if (!sameRotation(target, l)) continue;
    seen.add(l.key);
    set.push(l);
  }
  if (set.length === 1) return set;
  const first = (l: LogInput): number => {
    const { log } = l;
    for (let i = 0; i < log.entryCount && i < 64; i++) {
      const u = log.utc(i);
      if (Number.isFinite(u)) return u;
      const w = log.table.wall[i];
      if (Number.isFinite(w)) return w;
    }
    return NaN;
  };
  const isLive = (l: LogInput) => (l.name.toLowerCase() === live ? 1 : 0);
  return set
    .map((l) => ({ l, t: first(l) }))
    .sort((a, b) => {
      if (Number.isFinite(a.t) && Number.isFinite(b.t) && a.t !== b.t) return a.t - b.t;
      return isLive(a.l) - isLive(b.l) || (a.l.name < b.l.name ? -1 : a.l.name > b.l.name ? 1 : 0);
    })
    .map((x) => x.l);
}

/** Logs of the context (and the target) whose live name is one of `names`. */
export function logsNamed(context: RuleContext, names: ReadonlySet<string>, target?: LogInput): LogInput[] {
  const out: LogInput[] = [];
  const seen = new Set<string>();
  const all = target ? [target, ...context.logs] : context.logs;
  for (const l of all) {
    if (seen.has(l.key) || !isNamed(l, names)) continue;
    seen.add(l.key);
    out.push(l);
  }
  return out;
}

/** Client and management point logs that show what happened to Azure AD registration. */
export const AAD_CLIENT_LOGS: ReadonlySet<string> = new Set([
  'clientidmanagerstartup.log',
  'ccmaad.log',
  'adaloperationprovider.log',
  'ccmsetup.log',
  'mp_registrationmanager.log',
  'ccm_sts.log',
  'clientauth.log',
]);

/** Site server logs of the collection to Azure AD group sync. */
export const AAD_GROUP_SYNC_LOGS: ReadonlySet<string> = new Set([
  'sms_azuread_discovery_agent.log',
  'collectionaadgroupsyncworker.log',
]);

export const AAD_GROUP_SYNC_COMPONENTS: ReadonlySet<string> = new Set([
  'sms_azuread_discovery_agent',
  'collectionaadgroupsyncworker',
]);

/** Intune Management Extension logs: Win32 apps, scripts, and the extension's own token requests. */
export const IME_LOGS: ReadonlySet<string> = new Set([
  'intunemanagementextension.log',
  'appworkload.log',
  'agentexecutor.log',
]);
