// A log the server holds (indexed, or open in the editor): the table shows the server's model and
// follows it. When the server lets it go (its file deleted, its document closed) the table keeps
// the rows it had and, if the file is gone, says so as a log read from disk does: "no such file or
// folder" (until the server holds it again: a file written anew is indexed again).
import { promises as fs } from 'node:fs';
import type { LogFile } from '../logFile';
import { describeError } from '../workspace/discover';
import type { TableLogSource } from './view';

export class HeldLogSource implements TableLogSource {
  /** The model last seen: kept when the server lets the log go. */
  private last: LogFile | undefined;
  private checking = false;
  /** The file was there when last checked after the server let go: not checked again until it holds the log again. */
  private present = false;
  failure: string | undefined;

  /** `held` is the server's model now; `changed` is called when the check of the file finds it gone. */
  constructor(readonly key: string, readonly name: string, private readonly held: () => LogFile | undefined,
    private readonly path: string | null, private readonly changed: () => void) {
    this.last = held();
  }

  log(): LogFile | undefined {
    const now = this.held();
    if (now) {
      this.last = now;
      this.failure = undefined;
      this.present = false;
    } else {
      this.checkFile();
    }
    return this.last;
  }

  reading(): boolean { return false; }

  /**
   * Let go by the server: is its file still there? One check at a time; a file gone refreshes the
   * table. A file still there (a document closed, a log the index no longer holds) is not followed:
   * the table keeps the rows it had.
   */
  private checkFile(): void {
    if (this.checking || this.present || this.failure !== undefined || !this.path) return;
    this.checking = true;
    void fs.stat(this.path).then(() => undefined, (e: unknown) => describeError(e)).then((why) => {
      this.checking = false;
      // Held again meanwhile (written anew and indexed): nothing to say.
      if (why === undefined) this.present = true;
      if (why === undefined || this.held()) return;
      this.failure = why;
      this.changed();
    });
  }
}
