// `cmlog check` reads, checks and drops one log at a time on each thread, and the server's parse
// worker reads, parses and hands over one log at a time (its text left in the file): the next log's
// bytes can go where the last one's were. A new buffer per log is new memory for the system to map
// and zero, a page fault every 4 KB (85 000 in a check of a 300 MB folder): work on the memory bus,
// which two threads on two cores share rather than split, and on a VM that maps each fresh page from
// its host, most of a read's time (75 MB: ~250 ms into fresh memory).

/** One log's bytes read into memory this thread keeps; see `lease`. */
export interface ReadLease {
  /** A buffer of `size` bytes to read the log into: the thread's own memory if free, else new. */
  into(size: number): Buffer;
  /** The log read is dropped: its memory may be lent again. Nothing may read the log afterwards. */
  end(): void;
}

/** How long a read buffer of the server's threads outlives its last read (reads come in bursts). */
export const KEEP_READ_BUFFER_MS = 1000;

export class ReadBuffer {
  private bytes = Buffer.alloc(0);
  private lent = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * `keepMs`: how long the memory is kept once no log holds it (the server's threads: it is the size
   * of the biggest log read, up to 256 MB, and reads come in bursts); by default for good (a
   * command's threads, which end with it).
   */
  constructor(private readonly keepMs = Infinity) {}

  /** Bytes kept for the next log (tests). */
  get kept(): number { return this.bytes.length; }

  /** A lease of this memory for one log (grown to the log's size); a second lease while one is open gets new memory. */
  lease(): ReadLease {
    let mine = false;
    return {
      into: (size) => {
        if (this.lent) return Buffer.allocUnsafe(size);
        this.lent = mine = true;
        clearTimeout(this.timer);
        if (size > this.bytes.length) this.bytes = Buffer.allocUnsafe(size);
        return this.bytes.subarray(0, size);
      },
      end: () => {
        if (!mine) return;
        this.lent = mine = false;
        if (this.keepMs === Infinity) return;
        this.timer = setTimeout(() => this.release(), this.keepMs);
        this.timer.unref?.();
      },
    };
  }

  /** Lets the memory go, unless a log holds it: the next log read gets new memory. */
  release(): void {
    clearTimeout(this.timer);
    if (!this.lent) this.bytes = Buffer.alloc(0);
  }
}
