// Reading ConfigMgr times and dates straight from the character codes: this runs once per record
// on files of hundreds of megabytes, so no substrings, regexes or Date objects here.

export const DAY_MS = 86_400_000;

/** A short literal's character codes, for the readers that compare a word at a position. */
export const charCodes = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

/** Offset sentinels stored in an Int16 column next to real offsets (which fit in ±9999). */
export const NO_OFFSET = -32768;
export const BAD_OFFSET = -32767;

/**
 * Windows biases lie between -840 (UTC+14) and +720 (UTC-12) minutes; a .NET UTC offset is the
 * same range negated. A written value beyond ±840 fits no zone in either reading: unreadable.
 */
const MAX_OFFSET = 840;

/** Whether a written offset (minutes, as written) is a zone some place uses, read by `convention`. */
export function offsetInRange(offset: number, convention: 'bias' | 'utc-offset'): boolean {
  const bias = convention === 'bias' ? offset : -offset;
  return bias >= -840 && bias <= 720;
}

/** The offset a format that writes UTC times gives its records (Company Portal's `Z`): 0 in either convention. */
export const UTC_OFFSET = 0;

/**
 * Result slots of `readTime`, reused to avoid allocating per record. `dotNet`: the offset is written
 * the way only scripts write it (PSADT v3's .NET UTC offset: `+-240`, or glued unsigned to a 3-digit
 * fraction, `10:00:00.00060`), so it is a UTC offset whatever the convention setting says.
 */
export const timeOut = { ms: 0, offset: NO_OFFSET, end: 0, dotNet: 0 };

/** A text's code units, one byte each (units above 255 are 255: see `codeUnits` in decode.ts). */
export type Codes = Uint8Array;

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The clock part `HH:mm:ss[.f…]` (1-7 fraction digits) at codes[a], not past b: sets timeOut.ms
 * (milliseconds into the day, fraction kept) and returns where it ends, or -1 when unreadable.
 */
export function readClock(codes: Codes, a: number, b: number): number {
  if (b - a < 8 || codes[a + 2] !== 58 || codes[a + 5] !== 58) return -1;
  // The digits read in line, not by a helper per pair: the readers that call this are at V8's
  // inlining budget, and six calls per record were a third of a line format's reading.
  const h1 = codes[a] - 48, h2 = codes[a + 1] - 48, m1 = codes[a + 3] - 48, m2 = codes[a + 4] - 48, s1 = codes[a + 6] - 48, s2 = codes[a + 7] - 48;
  // Unsigned, a character below '0' is above any digit too.
  if (h1 >>> 0 > 2 || h2 >>> 0 > 9 || m1 >>> 0 > 5 || m2 >>> 0 > 9 || s1 >>> 0 > 6 || s2 >>> 0 > 9) return -1;
  const h = h1 * 10 + h2, m = m1 * 10 + m2, s = s1 * 10 + s2;
  if (h > 23 || s > 60) return -1;
  let i = a + 8;
  let frac = 0;
  if (i < b && codes[i] === 46) {
    i++;
    let scale = 100;
    const fracStart = i;
    for (; i < b && i - fracStart < 7; i++) {
      const d = codes[i] - 48;
      if (d < 0 || d > 9) break;
      frac += d * scale;
      scale /= 10;
    }
    if (i === fracStart) return -1;
  }
  timeOut.ms = ((h * 60 + m) * 60 + s) * 1000 + frac;
  return i;
}

/**
 * `HH:mm:ss[.f…][±N]` in codes[a, b): sets timeOut.ms (milliseconds into the day, fraction kept)
 * and timeOut.offset (minutes as written, NO_OFFSET or BAD_OFFSET). Returns false when the clock
 * part is unreadable. Accepts 1-7 fraction digits, an offset of 1-4 digits, and the `+-240`
 * that some scripts write.
 */
export function readTime(codes: Codes, a: number, b: number): boolean {
  timeOut.offset = NO_OFFSET;
  timeOut.dotNet = 0;
  let i = readClock(codes, a, b);
  if (i < 0) return false;
  if (i === b) {
    // 4-6 fraction digits: 3 of milliseconds and an unsigned UTC offset glued on (`.000` + `60`).
    // (7 are .NET's ticks; no zone's offset has more than 3 digits.)
    const glued = i - a - 12;
    if (codes[a + 8] === 46 && glued >= 1 && glued <= 3) {
      let value = 0;
      for (let k = a + 12; k < i; k++) value = value * 10 + codes[k] - 48;
      if (value <= MAX_OFFSET) {
        timeOut.ms = Math.floor(timeOut.ms);
        timeOut.offset = value;
        timeOut.dotNet = 1;
      }
    }
    return true;
  }
  // Offset: one or two sign characters, then 1-4 digits; anything else makes it unreadable.
  let sign = 0;
  let signs = 0;
  while (i < b && signs < 2) {
    const c = codes[i];
    if (c === 43) sign = 1;
    else if (c === 45) sign = -1;
    else break;
    signs++;
    i++;
  }
  let value = 0;
  const digitsStart = i;
  for (; i < b; i++) {
    const d = codes[i] - 48;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
  }
  const digits = i - digitsStart;
  timeOut.offset = sign !== 0 && digits >= 1 && digits <= 4 && i === b && value <= MAX_OFFSET ? sign * value : BAD_OFFSET;
  // `+-240`: a script wrote '+' before a negative .NET UTC offset.
  if (signs === 2 && codes[digitsStart - 2] === 43 && timeOut.offset !== BAD_OFFSET) timeOut.dotNet = 1;
  return true;
}

/**
 * `readTime` on a value that ends at the next `term` (the `"` of a CMTrace attribute, the `>` of
 * a legacy tail), finding that end as it reads: returns where `term` is, with timeOut set as
 * readTime(codes, a, end) would, or -1 when the value is not a clean time (the caller then finds
 * its end and calls readTime).
 */
export function readTimeUpTo(codes: Codes, a: number, term: number): number {
  let i = readClock(codes, a, codes.length);
  if (i < 0) return -1;
  timeOut.offset = NO_OFFSET;
  timeOut.dotNet = 0;
  // 13-15 characters: an offset glued to the fraction, read by readTime.
  if (codes[i] === term) return i - a > 12 && i - a < 16 ? -1 : i;
  // A sign and 1-4 digits; anything else goes the slow way.
  const sign = codes[i] === 43 ? 1 : codes[i] === 45 ? -1 : 0;
  if (sign === 0) return -1;
  i++;
  let value = 0;
  const digitsStart = i;
  for (; i - digitsStart < 4; i++) {
    const d = codes[i] - 48;
    if (!(d >= 0 && d <= 9)) break;
    value = value * 10 + d;
  }
  if (i === digitsStart || codes[i] !== term) return -1;
  timeOut.offset = value <= MAX_OFFSET ? sign * value : BAD_OFFSET;
  return i;
}

/** `M-D-YYYY` (month first, leading zeros optional) in codes[a, b): days since 1970-01-01, or NaN. */
export function readDate(codes: Codes, a: number, b: number): number {
  let i = a;
  let mo = 0, d = 0, y = 0, n = 0;
  for (; i < b && isDigit(codes[i]) && n < 2; i++, n++) mo = mo * 10 + codes[i] - 48;
  if (n === 0 || i >= b || codes[i] !== 45) return NaN;
  i++;
  for (n = 0; i < b && isDigit(codes[i]) && n < 2; i++, n++) d = d * 10 + codes[i] - 48;
  if (n === 0 || i >= b || codes[i] !== 45) return NaN;
  i++;
  for (n = 0; i < b && isDigit(codes[i]) && n < 4; i++, n++) y = y * 10 + codes[i] - 48;
  if (n !== 4 || i !== b) return NaN;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return NaN;
  return daysFromCivil(y, mo, d);
}

/**
 * `YYYY-MM-DD` or `YYYY/MM/DD` (zero-padded, as CBS, PSADT, WindowsUpdate and Intune write it) at
 * codes[a], not past b: days since 1970-01-01, or NaN. It is 10 characters long.
 */
export function readIsoDate(codes: Codes, a: number, b: number): number {
  if (b - a < 10) return NaN;
  const sep = codes[a + 4];
  if ((sep !== 45 && sep !== 47) || codes[a + 7] !== sep) return NaN;
  const y = year(codes, a);
  const mo1 = codes[a + 5] - 48, mo2 = codes[a + 6] - 48, d1 = codes[a + 8] - 48, d2 = codes[a + 9] - 48;
  if (y < 0 || mo1 >>> 0 > 1 || mo2 >>> 0 > 9 || d1 >>> 0 > 3 || d2 >>> 0 > 9) return NaN;
  const mo = mo1 * 10 + mo2, d = d1 * 10 + d2;
  if (mo < 1 || mo > 12 || d < 1) return NaN;
  // Line after line has the same date: its day number is worked out once.
  const key = (y * 100 + mo) * 100 + d;
  if (key === isoLast.key) return isoLast.days;
  isoLast.key = key;
  return (isoLast.days = d > daysInMonth(y, mo) ? NaN : daysFromCivil(y, mo, d));
}

/** The date readIsoDate read last, as yyyymmdd, and its day number. */
const isoLast = { key: -1, days: NaN };

const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';

/**
 * The C library's `asctime` stamp `Www Mmm dd HH:mm:ss YYYY` (the day space-padded or not, as
 * ConfigMgr setup and Intune inventory write it) at codes[a], not past b: the wall clock in ms,
 * with its end in timeOut.end; NaN when unreadable. The weekday is not checked against the date.
 */
export function readAsctime(codes: Codes, a: number, b: number): number {
  if (b - a < 23 || codes[a + 3] !== 32 || codes[a + 7] !== 32) return NaN;
  let m = -1;
  for (let k = 0; k < 12 && m < 0; k++) {
    if (codes[a + 4] === MONTHS.charCodeAt(3 * k) && codes[a + 5] === MONTHS.charCodeAt(3 * k + 1) && codes[a + 6] === MONTHS.charCodeAt(3 * k + 2)) m = k + 1;
  }
  if (m < 0) return NaN;
  let i = a + 8;
  if (codes[i] === 32) i++;
  let d = 0;
  const d0 = i;
  for (; i < b && i - d0 < 2 && isDigit(codes[i]); i++) d = d * 10 + codes[i] - 48;
  if (i === d0 || codes[i] !== 32) return NaN;
  const c = readClock(codes, i + 1, b);
  if (c < 0 || c + 5 > b || codes[c] !== 32) return NaN;
  const y = year(codes, c + 1);
  if (y < 0 || d < 1 || d > daysInMonth(y, m)) return NaN;
  timeOut.end = c + 5;
  return daysFromCivil(y, m, d) * DAY_MS + timeOut.ms;
}

/** The four digits of a year at codes[i], or -1. */
function year(codes: Codes, i: number): number {
  const a = codes[i] - 48, b = codes[i + 1] - 48, c = codes[i + 2] - 48, d = codes[i + 3] - 48;
  return a >>> 0 > 9 || b >>> 0 > 9 || c >>> 0 > 9 || d >>> 0 > 9 ? -1 : ((a * 10 + b) * 10 + c) * 10 + d;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * UTC of a wall clock. With the Windows bias (ConfigMgr) UTC = local + bias; with the .NET
 * convention the written number is the UTC offset, so UTC = local - offset.
 */
export function toUtc(wall: number, offsetMinutes: number, convention: 'bias' | 'utc-offset'): number {
  return wall + (convention === 'bias' ? offsetMinutes : -offsetMinutes) * 60_000;
}

/** ISO-8601 UTC with milliseconds, or null. */
export function isoUtc(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined || !Number.isFinite(ms) ? null : stamp(ms, 'T') + 'Z';
}

/** The wall clock as `YYYY-MM-DD HH:mm:ss.fff` (no zone: it is what the log said). */
export function formatWall(wall: number): string {
  return stamp(wall, ' ');
}

/**
 * `YYYY-MM-DDxHH:mm:ss.fff` of milliseconds since the epoch, as Date's toISOString spells it (years
 * 0-9999), by arithmetic: rules format a time per finding, and a Date and two replaces per call
 * were most of the cost of a log with a hundred thousand findings.
 */
function stamp(ms: number, sep: string): string {
  const t = Math.floor(ms);
  const days = Math.floor(t / DAY_MS);
  let r = t - days * DAY_MS;
  const h = Math.floor(r / 3_600_000); r -= h * 3_600_000;
  const m = Math.floor(r / 60_000); r -= m * 60_000;
  const s = Math.floor(r / 1000);
  const { y, mo, d } = civilFromDays(days);
  if (y < 0 || y > 9999) return new Date(t).toISOString().slice(0, -1).replace('T', sep);
  return `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}${sep}${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(r - s * 1000, 3)}`;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** The civil date of a day number (Howard Hinnant's algorithm; the inverse of daysFromCivil). */
function civilFromDays(z: number): { y: number; mo: number; d: number } {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mo = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (mo <= 2 ? 1 : 0), mo, d };
}

/**
 * How a duration reads in prose: 'seconds' `24 h 0 min 18 s` (rounded to the second: the 24-hour
 * rule's stories), 'milliseconds' `63 ms` or `5 min 0.063 s` (gaps between records). A signed gap
 * beside a related entry (lens, list, `cmlog related`) is formatGap's.
 */
export function durationText(ms: number, style: 'seconds' | 'milliseconds' = 'seconds'): string {
  if (!Number.isFinite(ms)) return 'an unknown time';
  const sign = ms < 0 ? (style === 'seconds' ? '-' : '−') : '';
  let rest = style === 'seconds' ? Math.round(Math.abs(ms) / 1000) * 1000 : Math.round(Math.abs(ms));
  if (style === 'milliseconds' && rest < 1000) return `${sign}${rest} ms`;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = style === 'seconds' ? String(rest / 1000) : (rest / 1000).toFixed(3);
  if (style === 'seconds') return h > 0 ? `${sign}${h} h ${m} min ${s} s` : m > 0 ? `${sign}${m} min ${s} s` : `${sign}${s} s`;
  return `${sign}${h > 0 ? `${h} h ` : ''}${h > 0 || m > 0 ? `${m} min ` : ''}${s} s`;
}

/** `+420` -> "UTC-07:00" under the bias convention (what a person calls the zone). */
export function describeOffset(offset: number, convention: 'bias' | 'utc-offset'): string {
  const utcOffset = convention === 'bias' ? -offset : offset;
  const sign = utcOffset < 0 ? '-' : '+';
  const abs = Math.abs(utcOffset);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
