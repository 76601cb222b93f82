// A log the server holds (indexed, or open in the editor), or will hold once the workspace is
// indexed (read from disk until then): the table shows the server's model and follows it. When the server lets it go (its file deleted, its document closed) the table keeps
// the rows it had; if the file is still there and the log was a document open outside the index
// (closed now), the table goes on following it from disk, as a log the server never held. A log the
// index let go (its folder removed, an exclude setting) is not followed: a merge of up to 1000 logs
// would read each anew and watch each at once, for models it still holds. A file gone is said as a
// log read from disk says it: "no such file or folder" (until the server holds it again: a file
// written anew is indexed again).
import { promises as fs } from 'node:fs';
import type { LogFile } from '../logFile';
import type { ParseOptions } from '../model';
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
  /** Let go by the index with its file still there: the rows stay, not followed. */
  private kept = false;
  /** Whether the log was, when last held, an open document the index does not hold. */
  private wasDocument: boolean;
  private stopped = false;

  /**
   * `held` is the server's model now; `changed` is called when the check of the file after the server
   * let it go is done; `isDocument` says whether the server holds it as an open document only.
   */
  constructor(readonly key: string, readonly name: string, private readonly held: () => LogFile | undefined,
    private readonly path: string | null, private readonly changed: () => void, private readonly followFile: FollowFile,
    private readonly isDocument: () => boolean, notYet?: TableLogSource & { stop(): void }) {
    this.last = held();
    this.wasDocument = isDocument();
    // Not held yet (a merge restored with the window asks before the index is built; or a log the
    // server never holds): read from disk until the server holds it, then the server's model.
    if (!this.last) this.disk = notYet;
  }

  get failure(): string | undefined { return this.disk ? this.disk.failure : this.gone; }

  log(): LogFile | undefined {
    const now = this.held();
    if (now) {
      this.last = now;
      this.wasDocument = this.isDocument();
      this.gone = undefined;
      this.kept = false;
      this.disk?.stop();
      this.disk = undefined;
      return now;
    }
    if (this.disk) return (this.last = this.disk.log() ?? this.last);
    this.checkFile();
    return this.last;
  }

  reading(): boolean { return this.disk?.reading() ?? false; }

  /** The server re-times the models it holds; the file this source reads itself is re-timed here. */
  retime(options: ParseOptions): boolean { return this.disk?.retime?.(options) ?? false; }

  stop(): void {
    this.stopped = true;
    this.disk?.stop();
    this.disk = undefined;
  }

  /** Let go by the server: is its file still there? One check at a time; gone or there, the table refreshes. */
  private checkFile(): void {
    if (this.checking || this.gone !== undefined || this.kept || !this.path) return;
    const path = this.path;
    this.checking = true;
    void fs.stat(path).then(() => undefined, (e: unknown) => describeError(e)).then((why) => {
      this.checking = false;
      // Held again meanwhile (written anew and indexed), or the table closed: nothing to do.
      if (this.held() || this.stopped || this.disk) return;
      if (why !== undefined) this.gone = why;
      else if (this.wasDocument) this.disk = this.followFile(path);
      else this.kept = true;
      this.changed();
    });
  }
}
