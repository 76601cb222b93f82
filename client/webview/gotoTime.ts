// "Go to time": which clock a typed time is read in, what the server is asked, and what the page
// line says when the row found is far from the time typed. In a merge that shows the UTC column
// (the column it is sorted by) a typed time is UTC; otherwise it is the clock of the reference row's
// log (one log: its own clock), whose day a bare time of day takes. Pure: no DOM.
import type { TableGotoTimeParams, TableRow } from '../../server/src/protocol';
import { formatUtc, parseGotoTime } from './format';
import { DAY_MS } from '../../server/src/parse/time';

/** A row this far from the time typed is not "at" it: the page line says where it landed. */
export const FAR_MS = 3_600_000;

export type GotoClock = 'utc' | 'log';

/** The box's placeholder and tooltip for the clock it reads. */
export function gotoHint(clock: GotoClock): { placeholder: string; title: string } {
  const forms = '2024-01-15 08:00:00, 01-15-2024 08:00 (month first) or 08:00';
  return clock === 'utc'
    ? { placeholder: 'Go to time (UTC)', title: `Go to time in UTC, the merge's UTC column: ${forms} (a time alone is on the selected row's UTC day)` }
    : { placeholder: 'Go to time', title: `Go to time in the log's own clock (in a merge, the selected row's log's): ${forms} (a time alone is on the selected row's day)` };
}

/** The reference row's wall clock (ms as if UTC) read back from its Time cell; null when it has none or no date. */
function wallOf(row: Pick<TableRow, 'time'>): number | null {
  const t = parseGotoTime(row.time);
  return t && 'wall' in t ? t.wall : null;
}

export interface GotoPlan {
  /** The request's parameters (without the table id). */
  params: Omit<TableGotoTimeParams, 'tableId'>;
  /** The typed time in UTC as far as the page can tell (for the far note); null when it cannot. */
  utc: number | null;
  clock: GotoClock;
}

/** What to ask for a typed time, read in `clock`, with `ref` (the selected or first visible row) giving a time alone its day. */
export function planGoto(time: { wall: number } | { timeOfDay: number }, clock: GotoClock, refRow: number, ref: Pick<TableRow, 'time' | 'utc'> | undefined): GotoPlan {
  if (clock === 'utc') {
    if ('wall' in time) return { params: { utc: time.wall }, utc: time.wall, clock };
    if (ref?.utc != null) {
      const utc = Math.floor(ref.utc / DAY_MS) * DAY_MS + time.timeOfDay;
      return { params: { utc }, utc, clock };
    }
    // The reference row has no UTC: its own clock is all there is to read the time in.
  }
  const refWall = ref && wallOf(ref);
  const offset = refWall != null && ref?.utc != null ? refWall - ref.utc : null;
  const wall = 'wall' in time ? time.wall : refWall != null ? Math.floor(refWall / DAY_MS) * DAY_MS + time.timeOfDay : null;
  return { params: { ...time, row: refRow }, utc: wall !== null && offset !== null ? wall - offset : null, clock: 'log' };
}

/** "3 days", "5 hours", "42 minutes" (whole units, rounded down). */
function distance(ms: number): string {
  const [n, unit] = ms >= DAY_MS ? [Math.floor(ms / DAY_MS), 'day'] : ms >= 3_600_000 ? [Math.floor(ms / 3_600_000), 'hour'] : [Math.floor(ms / 60_000), 'minute'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * The page line after a go to time: null when the row found is at the time typed (within FAR_MS);
 * else where it landed ("No row at ...; nearest after it: ..."), or that nothing is at or after it.
 */
export function gotoNote(typed: string, plan: GotoPlan, found: Pick<TableRow, 'time' | 'utc'> | null | undefined): string | null {
  const at = `${typed.trim()}${plan.clock === 'utc' ? ' UTC' : ''}`;
  if (found === null) return `No row at or after ${at}.`;
  if (!found || plan.utc === null || found.utc == null) return null;
  const gap = found.utc - plan.utc;
  if (gap < FAR_MS) return null;
  const shown = plan.clock === 'utc' ? `${formatUtc(found.utc)} UTC` : found.time;
  return `No row at ${at}; nearest after it: ${shown} (${distance(gap)} later).`;
}
