// Loading the logs a command line names: discovery (zip archives included, read as if unpacked),
// reading, and what could not be read.
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { listArchive, MEMBER_SEPARATOR, memberKey, readArchiveLog, type MemberRef } from '../collections/archive';
import { machineOf } from '../collections/machine';
import type { LogFile } from '../logFile';
import type { ParseOptions } from '../model';
import type { LogInput } from '../rules';
import { describeError, discover, normalizeUserPath, type Skipped } from '../workspace/discover';
import { readLog } from '../workspace/readLog';
import { offsetFor, type DefaultOffsets } from './defaultOffsets';

/** A log to read: a file, or a member of an archive. Names only: nothing of it is read yet. */
export interface LogSource {
  /** As shown: `ccm/CcmExec.log`, or `Device1.zip!/ccm/CcmExec.log` for a member (see memberKey). */
  key: string;
  name: string;
  file: string;
  /** The members that lead to the log inside the archive `file` (two for an archive in an archive). */
  member?: MemberRef[];
  /** The device (see machineOf); null when the path does not say. */
  machine: string | null;
  /** The outermost folder named on the command line holding it, as keys show it ('' for the current folder); absent for a file named by itself. */
  root?: string;
  /**
   * The logs cross-log rules may compare: those of one archive together, and all logs outside
   * archives together (as before archives were read).
   */
  group: string;
}

/** How a source is named in what the CLI says about it: the member's path, or the file's. */
export function shownPath(source: LogSource): string {
  return source.member ? source.key : source.file;
}

export interface Found {
  sources: LogSource[];
  problems: Skipped[];
  notLogs: number;
  /** Files skipped with a word on stderr; they do not change the exit status (see Discovery). */
  notes: Skipped[];
}

/** A log in memory, with the device and the named folder it came from (see LogSource). */
export interface LoadedLog extends LogInput {
  /** The file, or the archive holding it (absent for a log made in memory: its key is its path). */
  file?: string;
  machine?: string | null;
  root?: string;
}

export interface Loaded {
  logs: LoadedLog[];
  problems: Skipped[];
  notLogs: number;
  notes: Skipped[];
}

/** What is under `paths`, archives listed (central directories only), nothing parsed. */
export async function findLogs(paths: string[]): Promise<Found> {
  // Each path read once: as given, resolved, and split at `!/` when it names a part of an archive
  // (`PC1.zip!/ccm/x.log` as cmlog prints it, for `related FILE:LINE`, or `PC1.zip!/ccm`).
  const named = paths.map((given) => {
    const p = normalizeUserPath(given);
    return { given, resolved: path.resolve(p), member: memberPath(p) };
  });
  // The parts wanted of each archive named with `!/`; null or absent: all of it.
  const parts = new Map<string, string[] | null>();
  for (const { member } of named) {
    if (!member) continue;
    const key = path.resolve(member.archive);
    const wanted = parts.get(key);
    if (wanted === undefined) parts.set(key, [member.inner]);
    else wanted?.push(member.inner);
  }
  for (const n of named) if (!n.member) parts.set(n.resolved, null);
  const found = await discover(named.map((n) => n.member?.archive ?? n.given));
  const roots = new Set(named.map((n) => n.resolved));
  const rootOf = (file: string): string | undefined => {
    // The outermost named folder holding the file: its top-level folders are the devices.
    let root: string | undefined;
    for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
      if (roots.has(dir)) root = dir;
      if (path.dirname(dir) === dir) return root;
    }
  };
  const sourceOf = (file: string, member?: MemberRef[]): LogSource => {
    const shownFile = displayPath(file);
    const key = member ? memberKey(shownFile, member) : shownFile;
    const root = rootOf(file);
    // The device from absolute paths: `export .` and `export ../DEV1` name DEV1 as `export coll/DEV1` does.
    const slashed = (p: string) => path.resolve(p).split(path.sep).join('/');
    return {
      key, file, member,
      name: path.posix.basename(member ? member[member.length - 1].name : shownFile),
      machine: member ? machineOf(key) : machineOf(slashed(file), root === undefined ? undefined : slashed(root)),
      ...(root === undefined ? {} : { root: path.resolve(root) === process.cwd() ? '' : displayPath(root) }),
      group: member ? shownFile : '',
    };
  };
  const sources = found.files.map((f) => sourceOf(f));
  const problems = [...found.problems];
  let notLogs = found.notLogs;
  for (const archive of found.archives) {
    const listing = await listArchive(archive, displayPath(archive));
    const wanted = parts.get(path.resolve(archive));
    for (const chain of listing.logs) {
      const inner = chain.map((m) => m.name).join(MEMBER_SEPARATOR);
      if (!wanted || wanted.some((w) => inner === w || inner.startsWith(w + '/'))) sources.push(sourceOf(archive, chain));
    }
    for (const p of listing.problems) problems.push(p);
    notLogs += listing.notLogs;
  }
  return { sources, problems, notLogs, notes: found.notes };
}

/** `a/PC1.zip!/ccm/x.log` -> the archive and the path inside it, when no file has the name as written. */
function memberPath(p: string): { archive: string; inner: string } | null {
  let at = p.indexOf(MEMBER_SEPARATOR);
  if (at <= 0 || existsSync(p)) return null;
  for (; at > 0; at = p.indexOf(MEMBER_SEPARATOR, at + 1)) {
    const archive = p.slice(0, at);
    if (statSync(archive, { throwIfNoEntry: false })?.isFile()) return { archive, inner: p.slice(at + MEMBER_SEPARATOR.length).replace(/\/$/, '') };
  }
  return null;
}

/**
 * Reads and parses one log on this thread (a file into the buffer `into` gives: see readLog), its
 * records without offset placed by the `--default-offset FOLDER=` entry for its folder, if any.
 */
export function readSource(source: LogSource, parse: ParseOptions & { offsets?: DefaultOffsets }, into?: (size: number) => Buffer): Promise<LogFile> {
  const options = { ...parse, fileName: source.name, ...(parse.offsets ? { defaultOffset: offsetFor(parse.offsets, source.file)?.minutes ?? null } : {}) };
  return source.member ? readArchiveLog(source.file, source.member, options) : readLog(source.file, options, undefined, undefined, into);
}

/** Every log in memory at once: for the commands that merge them (timeline, related). */
export async function loadLogs(paths: string[], options: ParseOptions): Promise<Loaded> {
  const found = await findLogs(paths);
  const logs: LoadedLog[] = [];
  const problems = [...found.problems];
  for (const source of found.sources) {
    try {
      logs.push({ key: source.key, name: source.name, log: await readSource(source, options), file: source.file, machine: source.machine, ...(source.root === undefined ? {} : { root: source.root }) });
    } catch (e) {
      problems.push({ path: shownPath(source), reason: describeError(e) });
    }
  }
  return { logs, problems, notLogs: found.notLogs, notes: found.notes };
}

/** Paths as the user sees them: relative to the current folder when inside it, with `/`. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
  return shown.split(path.sep).join('/');
}
