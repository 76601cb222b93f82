// `cmlog timeline`: the logs under PATH merged into one view in UTC order (CMTrace's "merge
// selected files"), each line with its source log and the wall-clock time as the log wrote it.
import { firstLine } from '../parse/lineBreaks';
import * as path from 'node:path';
import type { Severity } from '../model';
import { severityLetter, severityName, severityOfWord } from '../severity';
import { isoUtc } from '../parse/time';
import { Timeline, type MergeFilters } from '../workspace/timeline';
import { oneOf, parseArgs, UsageError } from './args';
import { PARSE_FLAGS, parseOptions, type CliParseOptions, type Command, type Io } from './common';
import { jsonText, printable } from './escape';
import { loadLogs, type LoadedLog } from './load';
import { offsetNotes } from './offsetNotes';
import { RunProblems } from './runProblems';

export const timelineCommand: Command = {
  name: 'timeline',
  synopsis: `timeline [--severity error,warning] [--component NAME]... [--thread N]... [--from ISO] [--to ISO]
           [--unknown last|exclude] [--limit N] [--format text|json] PATH...
      the logs under PATH merged in UTC order: time (UTC), log, wall clock as written, severity, component, message`,
  readsLogs: true,
  exitStatus: '0 merged, 2 usage error or a path that could not be read (the rest is still merged)',
  async run(argv, io) {
    const { rest, values } = takeRepeated(argv, ['component', 'thread', 'severity']);
    const args = parseArgs(rest, ['format', 'from', 'to', 'unknown', 'limit', ...PARSE_FLAGS], []);
    if (args.positional.length === 0) throw new UsageError('timeline: no PATH given');
    const format = oneOf(args.options.get('format'), ['text', 'json'] as const, 'format', 'text');
    const filters: MergeFilters = {};
    if (values.severity.length) filters.severities = values.severity.map(severityOf);
    if (values.component.length) filters.components = values.component;
    if (values.thread.length) filters.threads = values.thread;
    const from = args.options.get('from'), to = args.options.get('to');
    if (from !== undefined) filters.from = parseIsoUtc(from, 'from', 'start');
    if (to !== undefined) filters.to = parseIsoUtc(to, 'to', 'end');
    if (args.options.has('unknown')) filters.unknown = oneOf(args.options.get('unknown'), ['last', 'exclude'] as const, 'unknown', 'last');
    if (args.options.has('limit')) filters.limit = positiveInt(args.options.get('limit'), 'limit');
    const parse = parseOptions(args);
    const loaded = await loadLogs(args.positional, parse);
    const problems = new RunProblems(io);
    problems.found(loaded);
    printTimeline(loaded.logs, filters, format, io, parse);
    return problems.status();
  },
};

export function printTimeline(logs: readonly LoadedLog[], filters: MergeFilters, format: 'text' | 'json', io: Io, parse: CliParseOptions = {}): void {
  const timeline = new Timeline(logs);
  const byKey = new Map(logs.map((x) => [x.key, x.log]));
  const view = timeline.merged(filters);
  const short = shortNames(logs);
  // Lines go out in pieces of ~64 KB: one write (and one escape pass in cli.ts) per line was most of
  // the time of a large merge. Each record is read through the log's accessors, not log.entry(),
  // which also works out what the timeline never prints (its last line, attributes, UTC again).
  const out = batched(io);
  if (format === 'json') {
    out.line('{\n  "entries": [');
    for (let i = 0; i < view.count; i++) {
      const { key, entryIndex: k } = view.at(i);
      const log = byKey.get(key)!, { date, time } = log.parts(k);
      out.line('    ' + jsonText({
        utc: isoUtc(view.utc[i]), path: key, line: log.line(k) + 1, date: date ? log.text(date[0], date[1]) : null, time: time ? log.text(time[0], time[1]) : null,
        severity: severityName[log.severity(k)], component: log.component(k), thread: log.thread(k), message: log.message(k),
      }) + (i + 1 < view.count ? ',' : ''));
    }
    out.line('  ],');
    out.line(`  "offsetUnknown": ${jsonText(view.unknownOffsetLogs)},`);
    out.line(`  "defaultOffset": ${jsonText(view.defaultOffsetLogs)},`);
    out.line(`  "unknownUtc": ${JSON.stringify({ count: view.unknownCount, placement: view.unknown })}\n}`);
  } else {
    let width = 0; // a loop, not Math.max(...): the number of logs is not bounded
    for (const k of new Set(view.keys)) width = Math.max(width, short.get(k)!.length);
    for (let i = 0; i < view.count; i++) {
      const { key, entryIndex: k, utc } = view.at(i);
      const log = byKey.get(key)!, { date, time } = log.parts(k);
      const where = `${short.get(key)}:${log.line(k) + 1}`;
      const wall = time ? printable(`${date ? log.text(date[0], date[1]) : ''} ${log.text(time[0], time[1])}`.trim()) : '-';
      // No component part when the record names none (MSI banners, ConfigMgrPrereq.log).
      const name = log.component(k);
      const component = name === '' ? '' : printable(name) + ': ';
      out.line(`${utc === null ? 'unknown UTC'.padEnd(24) : isoUtc(utc)}  ${where.padEnd(width + 7)} ${wall.padEnd(28)} ${severityLetter[log.severity(k)]} ${component}${printable(firstLine(log.message(k)))}`);
    }
  }
  out.flush();
  for (const note of offsetNotes(timeline, logs, view.unknownOffsetLogs, view.defaultOffsetLogs, parse, view.unknown === 'last' ? 'listed last' : 'left out')) io.err(note);
}

/** Lines to io.out joined in pieces of about `piece` characters (io.out ends each call with a line break). */
function batched(io: Io, piece = 1 << 16) {
  let buf = '';
  const flush = () => { if (buf !== '') io.out(buf); buf = ''; };
  return {
    line(s: string) {
      buf = buf === '' ? s : buf + '\n' + s;
      if (buf.length >= piece) flush();
    },
    flush,
  };
}

function severityOf(name: string): Severity {
  const s = severityOfWord(name);
  if (s === undefined) throw new UsageError(`--severity takes error, warning, information, success (not '${name}')`);
  return s;
}

/**
 * Pulls options that may be given several times (`--component A --component B`, or `A,B`) out of
 * argv before the strict parser sees it.
 */
export function takeRepeated<N extends string>(argv: string[], names: readonly N[]): { rest: string[]; values: Record<N, string[]> } {
  const values = Object.fromEntries(names.map((n) => [n, [] as string[]])) as Record<N, string[]>;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { for (let j = i; j < argv.length; j++) rest.push(argv[j]); break; }
    const eq = a.indexOf('=');
    const name = (a.startsWith('--') ? (eq < 0 ? a.slice(2) : a.slice(2, eq)) : '') as N;
    if (!names.includes(name)) { rest.push(a); continue; }
    const value = eq < 0 ? argv[++i] : a.slice(eq + 1);
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
    for (const v of value.split(',')) if (v.trim() !== '') values[name].push(v.trim());
  }
  return { rest, values };
}

export function positiveInt(value: string | true | undefined, name: string): number {
  // 0 would show nothing at all; 9 digits keep the number exact and far above any log's size.
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value) || Number(value) < 1) {
    throw new UsageError(`--${name} takes a whole number of 1 or more` + (typeof value === 'string' ? ` (not '${value}')` : ''));
  }
  return Number(value);
}

// Date, optional time (minutes, seconds, fraction), optional zone. No nested quantifiers: linear.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * An ISO-8601 time; UTC when it names no zone. As the end of a range it covers the unit it is
 * written to: `--to 2020-02-23T16:20` includes 16:20:59.999.
 */
export function parseIsoUtc(value: string | true | undefined, name: string, edge: 'start' | 'end'): number {
  const m = typeof value === 'string' ? ISO.exec(value.trim()) : null;
  if (!m) throw new UsageError(`--${name} takes an ISO-8601 time such as 2020-02-23T15:20:10Z (UTC unless a zone is given)`);
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const fracMs = frac ? Number(('0.' + frac)) * 1000 : 0;
  let ms = Date.UTC(+y, +mo - 1, +d, h ? +h : 0, mi ? +mi : 0, s ? +s : 0) + fracMs;
  const check = new Date(Date.UTC(+y, +mo - 1, +d, h ? +h : 0, mi ? +mi : 0, s ? +s : 0));
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || (h && +h > 23) || (mi && +mi > 59) || (s && +s > 59)) {
    throw new UsageError(`--${name}: no such time '${value}'`);
  }
  if (zone && zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
    ms -= (digits[0] === '-' ? -1 : 1) * minutes * 60_000;
  }
  if (edge === 'end' && !frac) ms += (!h ? 86_400_000 : !s ? 60_000 : 1000) - 0.001; // 1 µs: a double near 1.6e12 ms resolves ~0.25 µs
  return ms;
}

/**
 * How the text output names each log, printable: with one device, file names alone where they are
 * unique; with several (devices are the archives and top folders under each PATH: LogSource.machine),
 * the device always before it (`DEV2/ccmsetup.log`); the path where that is not unique.
 */
export function shortNames(logs: readonly { key: string; machine?: string | null }[]): Map<string, string> {
  const devices = new Set<string>();
  // A log named by itself: its folder stands for the device.
  const device = (x: { key: string; machine?: string | null }) => x.machine ?? path.posix.basename(path.posix.dirname(x.key));
  for (const x of logs) if (devices.size < 2) devices.add(x.machine ?? '\0' + path.posix.dirname(x.key));
  const label = devices.size > 1
    ? (x: { key: string; machine?: string | null }) => `${device(x)}/${path.posix.basename(x.key)}`
    : (x: { key: string }) => path.posix.basename(x.key);
  const count = new Map<string, number>();
  for (const x of logs) count.set(label(x), (count.get(label(x)) ?? 0) + 1);
  return new Map(logs.map((x) => [x.key, printable(count.get(label(x))! > 1 ? x.key : label(x))]));
}
