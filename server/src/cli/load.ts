// Loading the logs a command line names: discovery (zip archives included, read as if unpacked),
// reading, and what could not be read.
import * as path from 'node:path';
import { listArchive, memberKey, type MemberRef } from '../collections/archive';
import { readArchiveLog } from '../collections/archive';
import { machineOf } from '../collections/machine';
import type { LogFile } from '../logFile';
import type { ParseOptions } from '../model';
import type { LogInput } from '../rules';
import { describeError, discover, normalizeUserPath, type Skipped } from '../workspace/discover';
import { readLog } from '../workspace/readLog';

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
  /**
   * The logs cross-log rules may compare: those of one archive together, and all logs outside
   * archives together (as before archives were read).
   */
  group: string;
}

export interface Found {
  sources: LogSource[];
  problems: Skipped[];
  notLogs: number;
  /** Files skipped with a word on stderr; they do not change the exit status (see Discovery). */
  notes: Skipped[];
}

export interface Loaded {
  logs: LogInput[];
  problems: Skipped[];
  notLogs: number;
  notes: Skipped[];
}

/** What is under `paths`, archives listed (central directories only), nothing parsed. */
export async function findLogs(paths: string[]): Promise<Found> {
  const found = await discover(paths);
  const roots = new Set(paths.map((p) => path.resolve(normalizeUserPath(p))));
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
    return {
      key, file, member,
      name: path.posix.basename(member ? member[member.length - 1].name : shownFile),
      machine: machineOf(key, root === undefined ? undefined : displayPath(root)),
      group: member ? shownFile : '',
    };
  };
  const sources = found.files.map((f) => sourceOf(f));
  const problems = [...found.problems];
  let notLogs = found.notLogs;
  for (const archive of found.archives) {
    const listing = await listArchive(archive, displayPath(archive));
    for (const chain of listing.logs) sources.push(sourceOf(archive, chain));
    for (const p of listing.problems) problems.push(p);
    notLogs += listing.notLogs;
  }
  return { sources, problems, notLogs, notes: found.notes };
}

/** Reads and parses one log on this thread. */
export function readSource(source: LogSource, options: ParseOptions): Promise<LogFile> {
  return source.member ? readArchiveLog(source.file, source.member, options) : readLog(source.file, options);
}

/** Every log in memory at once: for the commands that merge them (timeline, related). */
export async function loadLogs(paths: string[], options: ParseOptions): Promise<Loaded> {
  const found = await findLogs(paths);
  const logs: LogInput[] = [];
  const problems = [...found.problems];
  for (const source of found.sources) {
    try {
      logs.push({ key: source.key, name: source.name, log: await readSource(source, options) });
    } catch (e) {
      problems.push({ path: source.member ? source.key : source.file, reason: describeError(e) });
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
