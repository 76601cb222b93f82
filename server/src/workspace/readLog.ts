// Reading a log from disk in pieces, through the same append path a live log takes, so a file of
// any size is never held as one Buffer and one string at the same time.
import { promises as fs } from 'node:fs';
import { LogFile } from '../logFile';
import type { ParseOptions } from '../model';

const PIECE = 16 * 1024 * 1024;

export async function readLog(path: string, options: ParseOptions = {}): Promise<LogFile> {
  const fh = await fs.open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    if (size <= PIECE) return LogFile.fromBytes(await fh.readFile(), options);
    const buf = Buffer.alloc(PIECE);
    let pos = 0;
    let log: LogFile | null = null;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, PIECE, pos);
      if (bytesRead === 0) break;
      const piece = buf.subarray(0, bytesRead);
      if (!log) log = LogFile.fromBytes(Buffer.from(piece), options);
      else if (!log.appendBytes(piece)) return LogFile.fromBytes(await fs.readFile(path), options); // encoding changed: read whole
      pos += bytesRead;
    }
    return log ?? LogFile.fromBytes(new Uint8Array(0), options);
  } finally {
    await fh.close();
  }
}
