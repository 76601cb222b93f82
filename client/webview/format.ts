// Text the table shows that does not come from the log: elapsed time (CMTrace's status bar), UTC,
// counts, the rows' accessible labels. Pure.
import type { TableRow } from '../../server/src/protocol';
import { formatWall } from '../../server/src/parse/time';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** "00:01:23.456"; hours grow past 24 (CMTrace does the same). */
export function formatElapsed(ms: number): string {
  const t = Math.round(Math.abs(ms));
  const h = Math.floor(t / 3_600_000);
  const m = Math.floor(t / 60_000) % 60;
  const s = Math.floor(t / 1000) % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(t % 1000, 3)}`;
}

/** UTC ms as "2024-01-15 08:00:00.000"; '' when unknown. */
export function formatUtc(utc: number | null): string {
  return utc === null || !Number.isFinite(utc) ? '' : formatWall(utc);
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export const SEVERITY_LABEL: Record<TableRow['severity'], string> = {
  error: 'Error', warning: 'Warning', information: 'Information', success: 'Success',
};

/** The codicon of each severity: in the rows, on the filter bar's toggles and on the detail pane's problems (`hint`). */
export const SEVERITY_ICON: Record<TableRow['severity'] | 'hint', string> = { error: 'error', warning: 'warning', information: 'info', success: 'pass', hint: 'lightbulb' };

/** The screen reader's label of a row: "Error, 2024-01-15 08:00:00, component X, message ...". */
export function rowLabel(r: TableRow, source?: string): string {
  const parts = [SEVERITY_LABEL[r.severity]];
  if (r.time) parts.push(r.time);
  if (source) parts.push(`source ${source}`);
  if (r.component) parts.push(`component ${r.component}`);
  if (r.thread) parts.push(`thread ${r.thread}`);
  parts.push(`message ${r.message.slice(0, 300)}`);
  return parts.join(', ');
}

/**
 * A time typed into "go to time": a date and time (`wall`, ms as if UTC) or "08:00[:00[.mmm]]"
 * (`timeOfDay`, ms since midnight: the server puts it on the day of a reference row, as that row's
 * log writes its day). The date is "2024-01-15" or "2024/01/15", or month first as CMTrace and the
 * table write it: "01-15-2024", "1/15/2024". Null when not a time.
 */
export function parseGotoTime(text: string): { wall: number } | { timeOfDay: number } | null {
  // As a Time cell reads too: a written offset after the time (`+000`, `-300`) is ignored (the time
  // is the log's wall clock), and the date and time may be apart by several spaces (MSI's banner).
  const m = /^\s*(?:(\d{1,4})([-/])(\d{1,2})\2(\d{1,4})(?:T|[ ]{1,4}))?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(?:[+-]\d{1,4})?\s*$/.exec(text);
  if (!m) return null;
  const [h, mi, s] = [Number(m[5]), Number(m[6]), Number(m[7] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return null;
  const ms = Number((m[8] ?? '0').slice(0, 3).padEnd(3, '0'));
  if (m[1] === undefined) return { timeOfDay: ((h * 60 + mi) * 60 + s) * 1000 + ms };
  // Year first (ISO) or last (month first, CMTrace's order); a two-digit year is no year.
  const [a, b, c] = [m[1], m[3], m[4]!];
  const ymd = a.length === 4 && c.length <= 2 ? [a, b, c] : c.length === 4 && a.length <= 2 ? [c, a, b] : null;
  if (!ymd) return null;
  const [y, mo, d] = ymd.map(Number) as [number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  // A date that does not exist (month 13, February 30) is not one Date.UTC may roll over.
  if (mo < 1 || mo > 12 || new Date(wall).getUTCDate() !== d) return null;
  return { wall };
}
