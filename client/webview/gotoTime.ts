// "Go to time": which clock a typed time is read in, what the server is asked, and what the page
// line says when the row found is far from the time typed. In a merge that shows the UTC column
// (the column it is sorted by) a typed time is UTC; otherwise it is the clock of the reference row's
// log (one log: its own clock), whose day a bare time of day takes. The server reads the reference
// row and measures how far the row found is (server/src/table/view.ts gotoTime). Pure: no DOM.
import type { TableGotoResult, TableGotoTimeParams, TableRow } from '../../server/src/protocol';
import { formatUtc } from './format';
import { DAY_MS } from '../../server/src/parse/time';

/** A row this far from the time typed is not "at" it: the page line says where it landed. */
const FAR_MS = 3_600_000;

export type GotoClock = 'utc' | 'log';

/** The box's placeholder and tooltip for the clock it reads. */
export function gotoHint(clock: GotoClock): { placeholder: string; title: string } {
  const forms = '2024-01-15 08:00:00, 01-15-2024 08:00 (month first) or 08:00';
  return clock === 'utc'
    ? { placeholder: 'Go to time (UTC)', title: `Go to time in UTC, the merge's UTC column: ${forms} (a time alone is on the selected row's UTC day)` }
    : { placeholder: 'Go to time', title: `Go to time in the log's own clock (in a merge, the selected row's log's): ${forms} (a time alone is on the selected row's day)` };
}

/**
 * What to ask the server for a typed time, read in `clock`: `refRow` (the selected or first visible
 * row) gives a time alone its day — its UTC day in the UTC clock, its log's day otherwise; the
 * server works both out (and falls back to the row's own clock when it has no UTC).
 */
export function gotoParams(time: { wall: number } | { timeOfDay: number }, clock: GotoClock, refRow: number): Omit<TableGotoTimeParams, 'tableId'> {
  if (clock === 'utc') return 'wall' in time ? { utc: time.wall } : { ...time, row: refRow, clock };
  return { ...time, row: refRow };
}

/** "3 days", "5 hours", "42 minutes" (whole units, rounded down). */
function distance(ms: number): string {
  const [n, unit] = ms >= DAY_MS ? [Math.floor(ms / DAY_MS), 'day'] : ms >= 3_600_000 ? [Math.floor(ms / 3_600_000), 'hour'] : [Math.floor(ms / 60_000), 'minute'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * The page line after a go to time: null when the row found is at the time typed (within FAR_MS, as
 * the server measured: `laterMs`); else where it landed ("No row at ...; nearest after it: ..."), or
 * that nothing is at or after it.
 */
export function gotoNote(typed: string, asked: GotoClock, result: TableGotoResult, found: Pick<TableRow, 'time' | 'utc'> | undefined): string | null {
  // The clock the server read it in: the log's when the reference row has no UTC.
  const clock = result.clock ?? asked;
  const at = `${typed.trim()}${clock === 'utc' ? ' UTC' : ''}`;
  if (result.row === null) return `No row at or after ${at}.`;
  if (!found || result.laterMs === undefined || result.laterMs < FAR_MS) return null;
  const shown = clock === 'utc' && found.utc != null ? `${formatUtc(found.utc)} UTC` : found.time;
  return `No row at ${at}; nearest after it: ${shown} (${distance(result.laterMs)} later).`;
}
