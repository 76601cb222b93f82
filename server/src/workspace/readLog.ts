// Reading a log from disk in pieces, through the same append path a live log takes, so a file of
// any size is never held whole: not as one Buffer, not as one string (a sparse or NUL-padded
// file's padding is not kept at all: see LogFile).
import { promises as fs } from 'node:fs';
import { LogFile } from '../logFile';
import type { ParseOptions } from '../model';
import { DECODE_PIECE } from '../parse/decode';
import { looksBinary } from './discover';

/**
 * Files up to this size are read into one buffer of their size, which the model scans (and, for
 * ASCII, keeps) as it is: the bytes are copied once, from the disk. Larger ones are read in pieces
 * so that a log of gigabytes never needs gigabytes at once.
 */
export const WHOLE_READ = 256 * 1024 * 1024;

/** Judged from the first bytes read: a binary file named like a log is not parsed. */
const BINARY_CHECK = 64 * 1024;

/** The code of BinaryFileError, kept when the error crosses from a check worker as plain data. */
export const BINARY_CODE = 'EBINARY';

export class BinaryFileError extends Error {
  readonly code = BINARY_CODE;
  constructor() { super('binary file, not a log: skipped'); }
}

function refuseBinary(head: Uint8Array): void {
  if (looksBinary(head.subarray(0, BINARY_CHECK))) throw new BinaryFileError();
}

/**
 * `into` gives the buffer a file of up to `whole` bytes is read into (by default a new one): the
 * model keeps ASCII text as those bytes, so the buffer is the model's until it is dropped.
 */
export async function readLog(path: string, options: ParseOptions = {}, piece = DECODE_PIECE, whole = WHOLE_READ, into: (size: number) => Buffer = Buffer.allocUnsafe): Promise<LogFile> {
  const fh = await fs.open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    if (size <= whole) {
      // Exactly the size stat gave (no growing buffer); bytes written meanwhile are an append for the index.
      const bytes = await readFull(fh, into(size), 0);
      refuseBinary(bytes);
      return LogFile.fromBytes(bytes, options, { piece });
    }
    // Read as its start says; a file that stops being UTF-8 is read again from the start as
    // Windows-1252 (every byte a character), which always goes through.
    return (await readPieces(fh, options, piece)) ?? (await readPieces(fh, options, piece, 'windows-1252'))!;
  } finally {
    await fh.close();
  }
}

/** The model, or null when the file stopped being UTF-8 part way. */
async function readPieces(fh: fs.FileHandle, options: ParseOptions, piece: number, encoding?: 'windows-1252'): Promise<LogFile | null> {
  // The first piece is the model's to keep (ASCII text stays a view of it); later ones are copied.
  const first = await readFull(fh, Buffer.alloc(piece), 0);
  if (!encoding) refuseBinary(first);
  const log = LogFile.fromBytes(first, options, { encoding, piece });
  const buf = Buffer.alloc(piece);
  for (let pos = first.length; ;) {
    const bytes = await readFull(fh, buf, pos);
    if (bytes.length === 0) return log;
    if (!log.appendBytes(bytes, piece)) return null;
    pos += bytes.length;
  }
}

/** Fills `buf` from `pos` (less only at the end of the file): a short first piece would hide a byte-order mark. */
async function readFull(fh: fs.FileHandle, buf: Buffer, pos: number): Promise<Buffer> {
  let got = 0;
  while (got < buf.length) {
    const { bytesRead } = await fh.read(buf, got, buf.length - got, pos + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return buf.subarray(0, got);
}
