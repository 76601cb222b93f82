// The Intune connector's user sync (CloudUserSync.log) as a model: its 5-minute cycles, the users
// each cycle lists, the ones that fail with UserNotFound, and when (whether) the per-user 24-hour
// full sync added them. Pure: reads parsed logs, never the disk.
//
// The rule being modelled (SOURCE_INTUNE_CONNECTOR, the TechNet blog): a user that fails with
// `UserNotFound` is not picked up again by the 5-minute delta syncs; since ConfigMgr 2012 R2 a
// per-user 24-hour timer starts at that first failure, and after it the user gets a full sync.
import type { LogFile } from '../logFile';
import { componentIds, isNamed, rotationSet } from './logSet';
import type { LogInput, RuleContext } from './types';

export const SOURCE_INTUNE_CONNECTOR =
  'TechNet blog: "Windows Intune Connector in SCCM 2012 R2 Fails to Synchronize Users"';

/** The 24-hour rule in our words (hover Markdown), shared by the rule's explanation and the cycle-line hover. */
export const TWENTY_FOUR_HOUR_RULE =
  'The Intune connector tried to add this user before DirSync (Azure AD Connect) had put it in Azure AD. ' +
  'After that first failure the connector\'s 5-minute **delta** syncs never pick the user up again, even once it exists in Azure AD. ' +
  'Since ConfigMgr 2012 R2 a **per-user 24-hour timer** starts at the first failure; when it runs out, the next cycle does a **full** sync ' +
  'of the user, which succeeds if the user is in Azure AD by then. (Two users that failed at 3 p.m. and 5 p.m. on Friday sync at 3 p.m. and ' +
  '5 p.m. on Saturday.)';

export const DAY_MS = 86_400_000;
/** The connector runs every 5 minutes. */
export const CYCLE_MS = 5 * 60_000;

export const CLOUD_USER_SYNC_LOGS: ReadonlySet<string> = new Set(['cloudusersync.log']);
const CLOUD_USER_SYNC_COMPONENTS: ReadonlySet<string> = new Set(['sms_cloud_usersync', 'cloudusersync']);

// ---------------------------------------------------------------------------------------------
// The messages of one cycle. Anchored at the start of the message, bounded repetitions only, no
// nested quantifiers: linear time. A UPN is any run of characters without white space or `;`.
// ---------------------------------------------------------------------------------------------

const START_RE = /^\s{0,8}Starting\s{1,4}user\s{1,4}delta\s{1,4}sync\b/i;
const NOTIFY_RE = /^\s{0,8}NotifyAccountAddition\s{0,4}-\s{0,4}SCCM\s{1,4}user\s{1,4}to\s{1,4}add\s{0,4}=\s{0,4}([^\s;]{1,320})\s{0,8}$/i;
const FAILED_RE = /^\s{0,8}Failed\s{1,4}to\s{1,4}add\s{1,4}user\s{1,4}([^\s;]{1,320})\s{0,4};\s{0,4}reason\s{1,4}([A-Za-z]{1,64})(?![A-Za-z0-9_])/i;
const TOTALS_RE = /^\s{0,8}Total\s{1,4}received\s{1,4}users\s{1,4}to\s{1,4}add\s{1,4}from\s{1,4}SCCM\s{0,4}=\s{0,4}(\d{1,9})\s{0,4},\s{0,4}Total\s{1,4}Successfully\s{1,4}added\s{1,4}users\s{1,4}to\s{1,4}Cloud\s{0,4}=\s{0,4}(\d{1,9})(?!\d)/i;
const REMOVE_TOTAL_RE = /^\s{0,8}Total\s{1,4}received\s{1,4}users\s{1,4}from\s{1,4}SCCM\s{1,4}to\s{1,4}be\s{1,4}removed\s{1,4}from\s{1,4}cloud\s{0,4}=\s{0,4}(\d{1,9})(?!\d)/i;
const REMOVED_RE = /^\s{0,8}Successfully\s{1,4}removed\s{1,4}users\s{1,4}from\s{1,4}cloud\s{0,4}(\d{1,9})(?!\d)/i;
const SUMMARY_RE = /^\s{0,8}UserDeltaSync\s{0,4}:\s{0,4}-\s{0,4}Users\s{1,4}Added\s{0,4}=\s{0,4}(\d{1,9})\s{0,4},\s{0,4}Users\s{1,4}Removed\s{0,4}=\s{0,4}(\d{1,9})(?!\d)/i;

export type CloudUserSyncLine =
  | { kind: 'start' }
  | { kind: 'notify'; user: string }
  | { kind: 'failed'; user: string; reason: string }
  | { kind: 'totals'; received: number; added: number }
  | { kind: 'remove-total'; received: number }
  | { kind: 'removed'; removed: number }
  | { kind: 'summary'; added: number; removed: number };

/** Which cycle line a message is, or null. Case-insensitive, tolerant of extra white space. */
export function classifyCloudUserSync(message: string): CloudUserSyncLine | null {
  // Prefilter on the first letter: most lines of other logs are rejected here.
  let k = 0;
  while (k < message.length && k < 8 && (message.charCodeAt(k) === 32 || message.charCodeAt(k) === 9)) k++;
  const c = message.charCodeAt(k) | 0x20;
  switch (c) {
    case 0x73: { // s
      if (START_RE.test(message)) return { kind: 'start' };
      const m = REMOVED_RE.exec(message);
      return m ? { kind: 'removed', removed: Number(m[1]) } : null;
    }
    case 0x6e: { // n
      const m = NOTIFY_RE.exec(message);
      return m ? { kind: 'notify', user: m[1]! } : null;
    }
    case 0x66: { // f
      const m = FAILED_RE.exec(message);
      return m ? { kind: 'failed', user: m[1]!, reason: m[2]! } : null;
    }
    case 0x74: { // t
      const totals = TOTALS_RE.exec(message);
      if (totals) return { kind: 'totals', received: Number(totals[1]), added: Number(totals[2]) };
      const removing = REMOVE_TOTAL_RE.exec(message);
      return removing ? { kind: 'remove-total', received: Number(removing[1]) } : null;
    }
    case 0x75: { // u
      const m = SUMMARY_RE.exec(message);
      return m ? { kind: 'summary', added: Number(m[1]), removed: Number(m[2]) } : null;
    }
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------

/** One line of the timeline. `t` is in the timeline's basis (UTC ms, or wall clock ms). */
export interface SyncPoint {
  input: LogInput;
  entry: number;
  /** 0-based line of the record. */
  line: number;
  t: number;
  /** Wall clock as written (ms, as if UTC), NaN when unreadable. */
  wall: number;
  /** UTC ms, NaN when unknown. */
  utc: number;
}

export type UserStatus = 'resolved' | 'pending' | 'overdue';

export interface UserStory {
  user: string;
  /** Every `Failed to add user <user>; reason UserNotFound` of this episode, in time order. */
  failures: SyncPoint[];
  first: SyncPoint;
  /** first.t + 24 h, in the basis. */
  due: number;
  status: UserStatus;
  /** The cycle that added the user: its `Starting user delta sync` line and its counter line. */
  resolved: { cycle: SyncPoint; added: SyncPoint | null; early: boolean } | null;
  /** The first failure at or after the due time: the full sync failed too. */
  fullSyncFailure: SyncPoint | null;
}

export interface SyncTimeline {
  /** 'utc' when every record of the timeline has a UTC, else 'wall' (the log's own clock). */
  basis: 'utc' | 'wall';
  /** The logs read, oldest first (`.lo_` before `.log`). */
  files: LogInput[];
  stories: UserStory[];
  /** The last record with a time, or null. */
  end: SyncPoint | null;
}

/** Whether a log is a CloudUserSync log: by its (live) name, else by its component names. */
export function isCloudUserSyncLog(input: LogInput): boolean {
  return isNamed(input, CLOUD_USER_SYNC_LOGS) || componentIds(input.log, CLOUD_USER_SYNC_COMPONENTS).size > 0;
}

// The builder below is split into small functions, one loop each, and its state lives in objects
// of one shape made in one place (classes): V8 then compiles each loop once as a small unit (on-stack
// replacement of one long function with several loops recompiled it 4-7 times per thread), and no
// closure is made per call (#18: the fixed cost per check thread).

class Cycle {
  /** Users listed (lower case -> as written). */
  readonly listed = new Map<string, string>();
  /** Users with a `Failed to add user` line in this cycle, any reason. */
  readonly failed = new Set<string>();
  /** The users the counter line says were added; -1 before one (a number from the start: null then a number would change the object's layout). */
  added = -1;
  addedPoint: SyncPoint | null = null;
  startT: number;
  constructor(readonly index: number, readonly start: SyncPoint) {
    this.startT = start.t;
  }
}

/** The point of entry i of `input`, its `t` in `basis`. The one place a SyncPoint is made (one shape). */
function syncPoint(input: LogInput, i: number, basis: 'utc' | 'wall'): SyncPoint {
  const { log } = input;
  const wall = log.table.wall[i]!;
  const utc = log.utc(i);
  return { input, entry: i, line: log.line(i), t: basis === 'utc' ? utc : wall, wall, utc };
}

// The loops below take what they read as arguments and load nothing before their loop: a function
// entered once per log is compiled while it runs (on-stack replacement) with feedback only for its
// loop, and a property read before the loop would lack it and throw that code away on the next call.

/** Whether a record of [0, count) has a wall clock but no UTC (then the timeline is in wall time). */
function hasWallWithoutUtc(log: LogFile, wall: Float64Array, count: number): boolean {
  for (let i = 0; i < count; i++) {
    if (Number.isFinite(wall[i]) && !Number.isFinite(log.utc(i))) return true;
  }
  return false;
}

/** Basis: UTC only if every timed record has one (a log with no offset is compared in wall time). */
function timelineBasis(files: readonly LogInput[]): 'utc' | 'wall' {
  for (const { log } of files) if (hasWallWithoutUtc(log, log.table.wall, log.entryCount)) return 'wall';
  return 'utc';
}

/** The last entry before `count` of the components `ids` (null: all) with a time in the basis, or -1. Usually the last one. */
function lastTimed(log: LogFile, wall: Float64Array, comp: Uint32Array, ids: Set<number> | null, count: number, utc: boolean): number {
  for (let i = count - 1; i >= 0; i--) {
    if (ids !== null && !ids.has(comp[i]!)) continue;
    if (Number.isFinite(utc ? log.utc(i) : wall[i])) return i;
  }
  return -1;
}

/** A story not resolved yet, and when its next full sync is due (a failed full sync starts the 24 hours again). */
class OpenStory {
  nextFull: number;
  constructor(readonly key: string, readonly story: UserStory) {
    this.nextFull = story.due;
  }
}

class TimelineBuilder {
  /** Every story, in the order they start (a Set: an array made empty per call would change its element kind at its first push, each call). */
  readonly stories = new Set<UserStory>();
  /** Stories not resolved yet, by user in lower case. */
  readonly open = new Map<string, OpenStory>();
  cycle: Cycle | null = null;
  cycles = 0;

  constructor(readonly basis: 'utc' | 'wall') {}

  /** Reads the records [0, count) of one log (`ids`: only these components; null: all). */
  read(input: LogInput, log: LogFile, comp: Uint32Array, ids: Set<number> | null, count: number): void {
    for (let i = 0; i < count; i++) {
      if (ids !== null && !ids.has(comp[i]!)) continue;
      const ev = classifyCloudUserSync(log.message(i));
      if (ev !== null) this.event(input, i, ev);
    }
  }

  private event(input: LogInput, i: number, ev: CloudUserSyncLine): void {
    const p = syncPoint(input, i, this.basis);
    let cycle = this.cycle;
    if (ev.kind === 'start' || cycle === null) {
      if (cycle) this.closeCycle(cycle);
      cycle = this.cycle = new Cycle(this.cycles++, p);
      if (ev.kind === 'start') return;
    }
    if (!Number.isFinite(cycle.startT) && Number.isFinite(p.t)) cycle.startT = p.t;
    switch (ev.kind) {
      case 'notify':
        if (!cycle.listed.has(ev.user.toLowerCase())) cycle.listed.set(ev.user.toLowerCase(), ev.user);
        break;
      case 'failed':
        this.failed(cycle, p, ev.user, ev.reason);
        break;
      case 'totals':
        cycle.added = ev.added;
        cycle.addedPoint = p;
        break;
      case 'summary':
        if (cycle.added < 0) {
          cycle.added = ev.added;
          cycle.addedPoint = p;
        }
        break;
      default:
        break;
    }
  }

  private failed(cycle: Cycle, p: SyncPoint, user: string, reason: string): void {
    const key = user.toLowerCase();
    cycle.failed.add(key);
    if (reason.toLowerCase() !== 'usernotfound') return;
    const o = this.open.get(key);
    if (o) {
      const s = o.story;
      s.failures.push(p);
      // When a user's full sync fails too, its timer starts again: the next full sync is 24 h later.
      if (p.t >= o.nextFull) {
        if (!s.fullSyncFailure) s.fullSyncFailure = p;
        o.nextFull = p.t + DAY_MS;
      }
    } else {
      const story: UserStory = { user, failures: [p], first: p, due: p.t + DAY_MS, status: 'pending', resolved: null, fullSyncFailure: null };
      this.open.set(key, new OpenStory(key, story));
      this.stories.add(story);
    }
  }

  closeCycle(c: Cycle): void {
    const added = c.added;
    if (added <= 0) return;
    const listedOpen: OpenStory[] = [];
    let fresh = 0;
    for (const key of c.listed.keys()) {
      if (c.failed.has(key)) continue;
      const o = this.open.get(key);
      // A user that failed in this very cycle is in c.failed: a story is only resolved by a later cycle.
      if (o) listedOpen.push(o);
      else fresh++;
    }
    listedOpen.sort((a, b) => a.nextFull - b.nextFull);
    // Full syncs that were due take the adds first (earliest due first), then users listed for the
    // first time, then (an early full sync, e.g. after SMS Executive restarted) the others.
    const due = listedOpen.filter((o) => o.nextFull <= c.startT);
    let left = added;
    for (const o of due) {
      if (left <= 0) break;
      this.resolve(o, c, false);
      left--;
    }
    left -= fresh;
    for (const o of listedOpen) {
      if (left <= 0) break;
      if (o.story.resolved) continue;
      this.resolve(o, c, true);
      left--;
    }
  }

  private resolve(o: OpenStory, c: Cycle, early: boolean): void {
    o.story.resolved = { cycle: c.start, added: c.addedPoint, early };
    this.open.delete(o.key);
  }

  /** Closes the last cycle and gives every story its status. */
  finish(files: LogInput[], end: SyncPoint | null): SyncTimeline {
    if (this.cycle) this.closeCycle(this.cycle);
    const endT = end ? end.t : NaN;
    for (const s of this.stories) {
      if (s.resolved) s.status = 'resolved';
      else if (s.fullSyncFailure) s.status = 'overdue';
      else if (Number.isFinite(endT) && Number.isFinite(s.due) && endT >= s.due + CYCLE_MS) s.status = 'overdue';
      else s.status = 'pending';
    }
    return { basis: this.basis, files, stories: Array.from(this.stories), end };
  }
}

/**
 * Builds the timeline of `target` together with its rotated partners in the context (same folder,
 * same live name), as one log.
 */
export function cloudUserSyncTimeline(target: LogInput, context: RuleContext): SyncTimeline {
  const named = isNamed(target, CLOUD_USER_SYNC_LOGS);
  const files = named ? rotationSet(target, context) : [target];
  const basis = timelineBasis(files);
  const builder = new TimelineBuilder(basis);
  // Only the records of the connector's component count in a log that is not named CloudUserSync.
  const only = files.map((f) => (isNamed(f, CLOUD_USER_SYNC_LOGS) ? null : componentIds(f.log, CLOUD_USER_SYNC_COMPONENTS)));
  for (let f = 0; f < files.length; f++) {
    const { log } = files[f]!;
    builder.read(files[f]!, log, log.table.component, only[f] ?? null, log.entryCount);
  }
  // The end: the last record with a time, of the last log that has one.
  let end: SyncPoint | null = null;
  for (let f = files.length - 1; f >= 0 && end === null; f--) {
    const { log } = files[f]!;
    const i = lastTimed(log, log.table.wall, log.table.component, only[f] ?? null, log.entryCount, basis === 'utc');
    if (i >= 0) end = syncPoint(files[f]!, i, basis);
  }
  return builder.finish(files, end);
}
