// A log the server holds (indexed, or open in the editor): the table shows the server's model and
// follows it. When the server lets it go (its file deleted, its document closed) the table keeps
// the rows it had; if the file is still there (a document closed outside the index) the table goes
// on following it from disk, as a log the server never held; if it is gone it says so as a log read
// from disk does: "no such file or folder" (until the server holds it again: a file written anew is
// indexed again).
import { promises as fs } from 'node:fs';
import type { LogFile } from '../logFile';
import { describeError } from '../workspace/discover';
import type { TableLogSource } from './view';

/** Reads and follows the log's file (a DiskLogSource that follows). */
export type FollowFile = (path: string) => TableLogSource & { stop(): void };

export class HeldLogSource implements TableLogSource {
  /** The model last seen: kept when the server lets the log go. */
  private last: LogFile | undefined;
  private checking = false;
  /** The file, read and followed since the server let the log go and it was still there. */
  private disk: (TableLogSource & { stop(): void }) | undefined;
  private gone: string | undefined;
  private stopped = false;

  /** `held` is the server's model now; `changed` is called when the check of the file finds it gone. */
  constructor(readonly key: string, readonly name: string, private readonly held: () => LogFile | undefined,
    private readonly path: string | null, private readonly changed: () => void, private readonly followFile: FollowFile) {
    this.last = held();
  }

  get failure(): string | undefined { return this.disk ? this.disk.failure : this.gone; }

  log(): LogFile | undefined {
    const now = this.held();
    if (now) {
      this.last = now;
      this.gone = undefined;
      this.disk?.stop();
      this.disk = undefined;
      return now;
    }
    if (this.disk) return (this.last = this.disk.log() ?? this.last);
    this.checkFile();
    return this.last;
  }

  reading(): boolean { return this.disk?.reading() ?? false; }

  stop(): void {
    this.stopped = true;
    this.disk?.stop();
    this.disk = undefined;
  }

  /** Let go by the server: is its file still there? One check at a time; gone or there, the table refreshes. */
  private checkFile(): void {
    if (this.checking || this.gone !== undefined || !this.path) return;
    const path = this.path;
    this.checking = true;
    void fs.stat(path).then(() => undefined, (e: unknown) => describeError(e)).then((why) => {
      this.checking = false;
      // Held again meanwhile (written anew and indexed), or the table closed: nothing to do.
      if (this.held() || this.stopped || this.disk) return;
      if (why === undefined) this.disk = this.followFile(path);
      else this.gone = why;
      this.changed();
    });
  }
}
