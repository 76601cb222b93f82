// A log the server does not hold (over VS Code's 50 MB sync limit, never handed over; outside the
// index), read by the table itself from disk in pieces: the first piece makes the model
// (LogFile.fromBytes), later ones are appended (appendBytes), and the event loop turns between
// pieces, so the first rows are answered while the rest is still being read.
import { promises as fs } from 'node:fs';
import { LogFile } from '../logFile';
import type { ParseOptions } from '../model';
import { DECODE_PIECE } from '../parse/decode';
import type { TableLogSource } from './view';
import { describeError } from '../workspace/discover';

/** Bytes read per piece. */
export const READ_PIECE = DECODE_PIECE;

export class DiskLogSource implements TableLogSource {
  private model: LogFile | undefined;
  private busy = true;
  private stopped = false;
  /** Resolves when the whole file is read (or reading failed: `failure` says why). */
  readonly done: Promise<void>;
  failure: string | undefined;

  /** `changed` is called after each piece (the model grew, or was replaced). */
  constructor(readonly key: string, readonly name: string, private readonly path: string, private readonly options: ParseOptions,
    private readonly changed: () => void, private readonly piece = READ_PIECE) {
    this.done = this.read().catch((e) => { this.failure = describeError(e); }).finally(() => { this.busy = false; this.changed(); });
  }

  log(): LogFile | undefined { return this.model; }
  reading(): boolean { return this.busy; }
  /** Stops reading (the table closed): the pieces already read are dropped with it. */
  stop(): void { this.stopped = true; }

  private async read(): Promise<void> {
    // A file that stops being UTF-8 part way is read again from its start as Windows-1252.
    if (!(await this.readAs(undefined))) await this.readAs('windows-1252');
  }

  private async readAs(encoding: 'windows-1252' | undefined): Promise<boolean> {
    const fh = await fs.open(this.path, 'r');
    try {
      let pos = 0;
      const size = (await fh.stat()).size;
      for (;;) {
        if (this.stopped) return true;
        // A new buffer per piece (the model may keep ASCII pieces as they are), no larger than
        // what is left to read: a small file allocates no 16 MB piece.
        const buf = Buffer.alloc(Math.min(this.piece, Math.max(64 * 1024, size - pos)));
        let got = 0;
        while (got < buf.length) {
          const { bytesRead } = await fh.read(buf, got, buf.length - got, pos + got);
          if (bytesRead === 0) break;
          got += bytesRead;
        }
        if (got === 0 && this.model) return true;
        const bytes = buf.subarray(0, got);
        if (!this.model || pos === 0) this.model = LogFile.fromBytes(bytes, this.options, { encoding, piece: this.piece });
        else if (!this.model.appendBytes(bytes, this.piece)) return false;
        pos += got;
        this.changed();
        if (got < buf.length) return true;
        await new Promise<void>((r) => setImmediate(r));
      }
    } finally {
      await fh.close();
    }
  }
}
