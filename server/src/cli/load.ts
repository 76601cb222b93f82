// Loading the logs a command line names: discovery, reading, and what could not be read.
import * as path from 'node:path';
import type { ParseOptions } from '../model';
import type { LogInput } from '../rules';
import { describeError, discover, type Skipped } from '../workspace/discover';
import { readLog } from '../workspace/readLog';

export interface Loaded {
  logs: LogInput[];
  problems: Skipped[];
  notLogs: number;
  /** Files skipped with a word on stderr; they do not change the exit status (see Discovery). */
  notes: Skipped[];
}

export async function loadLogs(paths: string[], options: ParseOptions): Promise<Loaded> {
  const found = await discover(paths);
  const logs: LogInput[] = [];
  const problems = [...found.problems];
  for (const file of found.files) {
    try {
      logs.push({ key: displayPath(file), name: path.basename(file), log: await readLog(file, options) });
    } catch (e) {
      problems.push({ path: file, reason: describeError(e) });
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
