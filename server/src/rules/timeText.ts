// Times as rule messages and hovers show them: the log's own wall clock as written, its offset,
// and UTC. Pure.
import type { LogFile } from '../logFile';
import { describeOffset, formatWall } from '../parse/time';

/** `2014-09-15 10:23:54` (no zone: what the log said); `withMs` keeps `.fff`. */
export function wallText(wall: number, withMs = false): string {
  if (!Number.isFinite(wall)) return 'unknown time';
  const s = formatWall(wall);
  return withMs ? s : s.slice(0, 19);
}

/** `17:23:54 UTC`, with the date when it differs from the wall clock's date (or there is none). */
export function utcText(utc: number, wall: number = NaN, withMs = false): string {
  if (!Number.isFinite(utc)) return 'UTC unknown';
  const s = formatWall(utc);
  const shown = withMs ? s : s.slice(0, 19);
  const sameDay = Number.isFinite(wall) && formatWall(wall).slice(0, 10) === s.slice(0, 10);
  return `${sameDay ? shown.slice(11) : shown} UTC`;
}

export { durationText } from '../parse/time';

/** The offset exactly as written in entry i's time (`+420`, `-60`, `+00`), or null. */
export function writtenOffset(log: LogFile, i: number): string | null {
  if (log.offsetSource(i) !== 'written') return null;
  const t = log.entry(i).timeText ?? '';
  const m = /[+-]{1,2}\d{1,4}$/.exec(t);
  if (m) return m[0];
  const off = log.table.offset[i]!;
  return (off < 0 ? '-' : '+') + String(Math.abs(off));
}

/**
 * What the time of entry i is relative to UTC, in a few words: `UTC-07:00`, `default offset
 * UTC-05:00 from settings`, `no offset: UTC unknown`. The status bar's form (describeOffset): a
 * reader cannot tell that a bias of +420 is UTC-07:00; only the time hover says the raw bias.
 */
export function offsetLabel(log: LogFile, i: number): string {
  switch (log.offsetSource(i)) {
    case 'written': return zoneText(log, i) ?? writtenOffset(log, i) ?? 'offset';
    case 'default': {
      const zone = zoneText(log, i);
      return zone === null ? 'default offset from settings' : `default offset ${zone} from settings`;
    }
    case 'unreadable': return 'unreadable offset: UTC unknown';
    default: return 'no offset: UTC unknown';
  }
}

/** The offset (in the log's convention) that turned entry i's wall clock into its UTC, or null. */
export function impliedOffset(log: LogFile, i: number): number | null {
  const wall = log.table.wall[i]!;
  const utc = log.utc(i);
  if (!Number.isFinite(wall) || !Number.isFinite(utc)) return null;
  const minutes = Math.round((utc - wall) / 60_000);
  return log.offsetConvention === 'bias' ? minutes : -minutes;
}

/** `UTC-07:00` for the offset of entry i, or null when its UTC is unknown. */
export function zoneText(log: LogFile, i: number): string | null {
  const off = impliedOffset(log, i);
  return off === null ? null : describeOffset(off, log.offsetConvention);
}

/** A time as the log wrote it, said to be log time with its zone: `2014-09-15 10:23:54 (log time, UTC-07:00)`. */
export const logTimeText = (shown: string, label: string): string => `${shown} (log time, ${label})`;

/**
 * `2014-09-15 10:23:54 (log time, UTC-07:00) = 17:23:54 UTC`, or, when the UTC is unknown,
 * `2014-09-15 10:23:54 (log time, no offset: UTC unknown)`.
 */
export function timeAndUtc(wall: number, utc: number, label: string, withMs = false): string {
  const local = logTimeText(wallText(wall, withMs), label);
  return Number.isFinite(utc) ? `${local} = ${utcText(utc, wall, withMs)}` : local;
}
