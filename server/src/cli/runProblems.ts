// What `check` and `export` could not do, said on stderr in the same words, and the exit status it
// makes: a rule file that cannot be read is a problem like an unreadable path (exit status 2), and
// the run goes on with the rules and logs that could be read.
import { describeError, type Skipped } from '../workspace/discover';
import { BINARY_CODE } from '../workspace/readLog';
import type { Io } from './common';
import { printable } from './escape';

export class RunProblems {
  private failed = false;

  constructor(private readonly io: Io) {}

  /** Problems of the rule files (ruleCatalog): each said; any makes the status 2. */
  ruleFiles(problems: readonly string[]): void {
    for (const p of problems) this.io.err(`cmlog: ${printable(p)}`);
    if (problems.length > 0) this.failed = true;
  }

  /** A path or log not gone through: said; `fails` (an unreadable one, not a note) makes the status 2. */
  skipped(p: Skipped, fails: boolean): void {
    this.io.err(`cmlog: ${printable(p.path)}: ${printable(p.reason)}`);
    if (fails) this.failed = true;
  }

  /**
   * A log found and then not read (`error` from reading it): said, and returned as skipped. A binary
   * member of an archive is not a log, as one met in a folder is (see discover.ts): a note that
   * leaves the status alone (`notALog`); anything else could not be read (status 2).
   */
  logNotRead(path: string, error: { message?: string; code?: string } | undefined): { skipped: Skipped; notALog: boolean } {
    const skipped = { path, reason: describeError(error) };
    const notALog = error?.code === BINARY_CODE;
    this.skipped(skipped, !notALog);
    return { skipped, notALog };
  }

  /** What discovery skipped: its problems (status 2), then its notes. */
  found(found: { problems: readonly Skipped[]; notes: readonly Skipped[] }): void {
    for (const p of found.problems) this.skipped(p, true);
    for (const p of found.notes) this.skipped(p, false);
  }

  /** A rule that threw on a log: said; its other rules' findings stand, the status is not changed. Returns the sentence (SARIF's notifications). */
  ruleFailed(key: string, f: { ruleId: string; message: string }): string {
    this.io.err(`cmlog: ${printable(key)}: rule ${f.ruleId} failed: ${printable(f.message)}`);
    return `${key}: rule ${f.ruleId} failed: ${f.message}`;
  }

  /** Whether anything could not be done. */
  get anyFailed(): boolean {
    return this.failed;
  }

  /** 2 when anything could not be done; else 1 when `errors` were found (check; export passes none); else 0. */
  status(errors = 0): number {
    return this.failed ? 2 : errors > 0 ? 1 : 0;
  }
}
