// A log the server does not hold (over VS Code's 50 MB sync limit, never handed over; outside the
// index; an editor's document closed), read by the table itself from disk in pieces: the first piece
// makes the model (LogFile.fromBytes), later ones are appended (appendBytes), and the event loop
// turns between pieces, so the first rows are answered while the rest is still being read. A
// following source then watches the file and decides as the index does for the logs it holds
// (fileChange): what is written at its end is read and appended; a file that shrank, was rewritten,
// or was replaced by another (a rotation: the log renamed, a new one started) is read anew.
import { promises as fs, watch, type FSWatcher } from 'node:fs';
import { LogFile } from '../logFile';
import type { ParseOptions } from '../model';
import { DECODE_PIECE } from '../parse/decode';
import type { TableLogSource } from './view';
import { describeError } from '../workspace/discover';
import { fileChange, sameBytes, tailOf, type FileSeen } from '../workspace/fileChange';
import { turns } from './yieldTurns';

/** Bytes read per piece. */
export const READ_PIECE = DECODE_PIECE;
/**
 * How long a followed file's change waits before it is read: a writer's burst of lines (ConfigMgr
 * writes one at a time) is read, parsed and told to the table once, not once per change event.
 */
export const FOLLOW_DELAY_MS = 100;

/**
 * Turns of the event loop a request needs to be answered: vscode-jsonrpc runs a message read on an
 * immediate and writes its answer on another; one more for the order of the read's own callback.
 */
const ANSWER_TURNS = 3;

export class DiskLogSource implements TableLogSource {
  private model: LogFile | undefined;
  private busy = true;
  private stopped = false;
  /** Bytes read so far, and how (a file that stops being UTF-8 part way is Windows-1252). */
  private pos = 0;
  private encoding: 'windows-1252' | undefined;
  /** The file the model was read from (identity, size, time), and its last bytes read: what a change is told by. */
  private seen: FileSeen | undefined;
  private tail: Uint8Array = new Uint8Array(0);
  private watcher: FSWatcher | undefined;
  /** A watched file renamed (rotated) or deleted: the watcher follows the old inode, so it is armed again on the path. */
  private rearm = false;
  /** A catch-up read waiting (FOLLOW_DELAY_MS) or under way, and whether the file changed again meanwhile. */
  private pending: NodeJS.Timeout | undefined;
  private catchingUp = false;
  private again = false;
  /** Resolves when the whole file is read (or reading failed: `failure` says why). */
  readonly done: Promise<void>;
  failure: string | undefined;
  /** Bytes of read buffers allocated so far (a followed append costs what was appended). */
  allocated = 0;

  /** `changed` is called after each piece (the model grew, or was replaced). */
  constructor(readonly key: string, readonly name: string, private readonly path: string, private options: ParseOptions,
    private readonly changed: () => void, private readonly piece = READ_PIECE, follow = false) {
    this.done = this.read().catch((e) => { this.failure = describeError(e); }).finally(() => {
      this.busy = false;
      if (follow && this.failure === undefined) {
        this.watch();
        // Written between the end of the read and the watch: read it (nothing new reads nothing).
        this.catchUp();
      }
      this.changed();
    });
  }

  log(): LogFile | undefined { return this.model; }
  /** An offset setting changed: the model read so far is re-timed (the table sees its `timing` grow), what follows is read with them. */
  retime(options: ParseOptions): boolean {
    this.options = options;
    const m = this.model;
    if (!m || (m.defaultOffset === (options.defaultOffset ?? null) && m.defaultOffsetConvention === (options.offsetConvention ?? 'bias'))) return false;
    m.setOptions(options);
    return true;
  }
  reading(): boolean { return this.busy; }
  /** Stops reading and following (the table closed): the pieces already read are dropped with it. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.pending);
    this.watcher?.close();
    this.watcher = undefined;
  }

  private watch(): void {
    if (this.stopped) return;
    try {
      this.arm();
    } catch (e) {
      this.failure = describeError(e);
    }
  }

  /** Watches the path (throws when it cannot: gone, unreadable). */
  private arm(): void {
    this.watcher = watch(this.path, { persistent: false }, (event) => {
      if (event === 'rename') this.rearm = true;
      this.catchUp();
    });
    this.watcher.on('error', () => { this.rearm = true; this.catchUp(); });
  }

  /** The file changed: read what is new soon (changes meanwhile join that read), one read at a time. */
  private catchUp(): void {
    if (this.stopped || this.pending) return;
    this.pending = setTimeout(() => { this.pending = undefined; this.catchUpNow(); }, FOLLOW_DELAY_MS);
    this.pending.unref();
  }

  /** A change during a read reads again after it. */
  private catchUpNow(): void {
    if (this.stopped) return;
    if (this.catchingUp) { this.again = true; return; }
    this.catchingUp = true;
    this.again = false;
    void this.rewatch().then(() => this.read()).catch((e) => {
      // Gone or unreadable: said once, and nothing more to follow.
      this.failure = describeError(e);
      this.stop();
    }).finally(() => {
      this.catchingUp = false;
      if (this.failure !== undefined) this.changed();
      else if (this.again) this.catchUp();
    });
  }

  /** After a rename the path is watched again (the new file a rotation started; gone: the read says so). */
  private async rewatch(): Promise<void> {
    if (!this.rearm || this.stopped) return;
    this.rearm = false;
    this.watcher?.close();
    this.watcher = undefined;
    this.arm();
  }

  private async read(): Promise<void> {
    if (await this.readOn()) return;
    // A file that stops being UTF-8 part way is read again from its start as Windows-1252.
    this.encoding = 'windows-1252';
    this.pos = 0;
    this.seen = undefined;
    await this.readOn();
  }

  /**
   * Reads from `pos` to the size the file has now (from the start if it was replaced, or the
   * encoding changed); false when the bytes are not the model's encoding.
   */
  private async readOn(): Promise<boolean> {
    const fh = await fs.open(this.path, 'r');
    try {
      const st = await fh.stat();
      // A new model: none yet, the file replaced, or read again in another encoding. A file that
      // is as it was (an empty one too) reads nothing and tells nothing.
      let fresh = !this.model || !this.seen;
      if (!fresh && !(await this.continues(fh, st))) {
        this.pos = 0;
        this.encoding = undefined;
        fresh = true;
      }
      while (!this.stopped) {
        // A new buffer per piece (the model may keep ASCII pieces as they are), no larger than
        // what is left to read: a small file or a followed append allocates what it has.
        const want = Math.max(0, Math.min(this.piece, st.size - this.pos));
        if (want === 0 && !fresh) break;
        const buf = Buffer.alloc(want);
        this.allocated += want;
        let got = 0;
        while (got < want) {
          const { bytesRead } = await fh.read(buf, got, want - got, this.pos + got);
          if (bytesRead === 0) break;
          got += bytesRead;
        }
        const bytes = buf.subarray(0, got);
        // The requests that came while the last piece was parsed (the page asking for the rows it
        // told of) are answered and written before this one is: else each answer waited a piece more.
        await turns(ANSWER_TURNS);
        if (fresh) {
          this.model = LogFile.fromBytes(bytes, this.options, { encoding: this.encoding, piece: this.piece });
          this.tail = new Uint8Array(0);
          fresh = false;
        } else if (!this.model!.appendBytes(bytes, this.piece)) return false;
        this.pos += got;
        this.tail = tailOf(this.tail, bytes);
        this.changed();
        // The end, or shorter than the size said (cut meanwhile: the next change reads it anew).
        // (The next piece gives the loop its turns after its read.)
        if (got < want || this.pos >= st.size) break;
      }
      // What was read, of which file: the next change is told against it. A file that grew while
      // read has a time of a later size (-1: a same-size change later reads it anew, as the index does).
      const end = await fh.stat();
      this.seen = { dev: end.dev, ino: end.ino, size: this.pos, mtimeMs: end.size === this.pos ? end.mtimeMs : -1 };
      return true;
    } finally {
      await fh.close();
    }
  }

  /** Whether the open file continues what was read (fileChange, and its bytes before the old end unchanged). */
  private async continues(fh: fs.FileHandle, st: FileSeen): Promise<boolean> {
    const change = fileChange(this.seen!, st);
    if (change !== 'grown') return change === 'unchanged';
    const keep = this.tail.length;
    const before = Buffer.alloc(keep);
    const { bytesRead } = await fh.read(before, 0, keep, this.pos - keep);
    return bytesRead === keep && sameBytes(before, this.tail);
  }
}
