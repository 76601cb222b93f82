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

export class ReadBuffer {
  private bytes = Buffer.alloc(0);
  private lent = false;

  /** A lease of this memory for one log (grown to the log's size); a second lease while one is open gets new memory. */
  lease(): ReadLease {
    let mine = false;
    return {
      into: (size) => {
        if (this.lent) return Buffer.allocUnsafe(size);
        this.lent = mine = true;
        if (size > this.bytes.length) this.bytes = Buffer.allocUnsafe(size);
        return this.bytes.subarray(0, size);
      },
      end: () => {
        if (mine) this.lent = mine = false;
      },
    };
  }
}
