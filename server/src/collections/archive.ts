// Logs inside .zip archives (ConfigMgr "Collect client logs", Intune "Collect diagnostics"), read
// as if unpacked and never written to disk. yauzl reads the central directory and each member
// from the file (random access: an archive is never held whole) and inflates with Node's zlib; it
// checks that a member inflates to exactly its declared size. What it would refuse for the whole
// archive (an unsafe member name) is checked here per member, so one bad name skips that member
// only. Member names are untrusted: they are only ever shown, never joined to a path on disk.
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import * as yauzl from 'yauzl';
import { LogFile } from '../logFile';
import type { ParseOptions } from '../model';
import { DECODE_PIECE } from '../parse/decode';
import { isLogFileName } from '../parse/detect';
import { BinaryFileError } from '../workspace/readLog';
import { looksBinary } from '../workspace/discover';
import { isArchiveName } from './archiveName';

/** What an archive may unpack to before it is taken for a zip bomb. */
export interface ArchiveLimits {
  /** Declared uncompressed bytes of the members read, per archive (nested ones included). */
  maxTotal: number;
  /** Uncompressed : compressed, for members over `ratioFloor` (deflate tops out near 1032:1; logs give 5-50:1, NUL padding more). */
  maxRatio: number;
  ratioFloor: number;
  /** An archive inside an archive is inflated into memory to be read: at most this size. */
  maxNested: number;
}

export const ARCHIVE_LIMITS: ArchiveLimits = { maxTotal: 8 * 1024 ** 3, maxRatio: 1000, ratioFloor: 1024 ** 2, maxNested: 256 * 1024 ** 2 };

/** A member as the central directory places it: plain data, posted to parse workers. */
export interface MemberRef {
  name: string;
  offset: number;
  compressedSize: number;
  size: number;
  method: number;
  flags: number;
}

/** Shown paths: `Device1.zip!/ccm/CcmExec.log`; a nested one `Case.zip!/Device1.zip!/ccm/CcmExec.log`. */
export const MEMBER_SEPARATOR = '!/';

export function memberKey(archiveShown: string, chain: readonly MemberRef[]): string {
  return archiveShown + chain.map((m) => MEMBER_SEPARATOR + m.name).join('');
}

export interface ArchiveListing {
  /** Logs inside, each the chain of members that leads to it (one, or two for a nested archive). */
  logs: MemberRef[][];
  /** Members or archives skipped, with why (`path` as shown). */
  problems: { path: string; reason: string }[];
  /** Members that are not logs (by name). */
  notLogs: number;
}

/** Lists the logs of an archive, one nesting level deep; never throws for what the archive holds. */
export async function listArchive(file: string, shown: string, limits: ArchiveLimits = ARCHIVE_LIMITS): Promise<ArchiveListing> {
  const out: ArchiveListing = { logs: [], problems: [], notLogs: 0 };
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch (e) {
    out.problems.push({ path: shown, reason: `not a readable zip archive (${message(e)}): skipped` });
    return out;
  }
  try {
    const budget = { left: limits.maxTotal };
    await listInto(zip, file, shown, [], out, limits, budget);
  } finally {
    zip.close();
  }
  return out;
}

async function listInto(zip: yauzl.ZipFile, file: string, shown: string, outer: MemberRef[], out: ArchiveListing, limits: ArchiveLimits, budget: { left: number }): Promise<void> {
  const where = (name: string) => memberKey(shown, [...outer, { name } as MemberRef]);
  const nested: MemberRef[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
      if (name.endsWith('/')) continue;
      const unsafe = yauzl.validateFileName(name);
      if (unsafe !== null) { out.problems.push({ path: where(name), reason: `unsafe member name (${unsafe.replace(/:.*$/s, '')}): skipped, never unpacked` }); continue; }
      const archive = isArchiveName(name);
      if (!archive && !isLogFileName(path.posix.basename(name))) { out.notLogs++; continue; }
      if (entry.isEncrypted()) { out.problems.push({ path: where(name), reason: 'encrypted member: skipped' }); continue; }
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) { out.problems.push({ path: where(name), reason: `compression method ${entry.compressionMethod} not supported: skipped` }); continue; }
      const size = entry.uncompressedSize;
      if (size > limits.ratioFloor && size > limits.maxRatio * Math.max(1, entry.compressedSize)) {
        out.problems.push({ path: where(name), reason: `compression ratio over ${limits.maxRatio}:1 (a zip bomb?): skipped` });
        continue;
      }
      if (size > budget.left) {
        out.problems.push({ path: where(name), reason: `the archive unpacks to more than ${limits.maxTotal} bytes (a zip bomb?): this member and the rest skipped` });
        return;
      }
      budget.left -= size;
      const ref: MemberRef = { name, offset: entry.relativeOffsetOfLocalHeader, compressedSize: entry.compressedSize, size, method: entry.compressionMethod, flags: entry.generalPurposeBitFlag };
      if (!archive) out.logs.push([...outer, ref]);
      else if (outer.length > 0) out.problems.push({ path: where(name), reason: 'an archive inside an archive inside an archive: not read (one level of nesting only)' });
      else if (size > limits.maxNested) out.problems.push({ path: where(name), reason: `nested archive over ${limits.maxNested} bytes: skipped` });
      else nested.push(ref);
    }
  } catch (e) {
    out.problems.push({ path: memberKey(shown, outer), reason: `corrupt archive (${message(e)}): the rest skipped` });
  }
  // Intune diagnostics zips hold zips: read one level down, each inflated into memory (capped above).
  for (const ref of nested) {
    try {
      const inner = await yauzl.fromBufferPromise(await innerBytes(file, ref, limits.maxNested, zip), { decodeStrings: false });
      try { await listInto(inner, file, shown, [ref], out, limits, budget); } finally { inner.close(); }
    } catch (e) {
      out.problems.push({ path: memberKey(shown, [ref]), reason: `not a readable zip archive (${message(e)}): skipped` });
    }
  }
}


function openZip(file: string): Promise<yauzl.ZipFile> {
  // decodeStrings off: yauzl would fail the whole archive on one unsafe name; names are checked per member above.
  return yauzl.openPromise(file, { decodeStrings: false, autoClose: false });
}

/** The member's bytes inflated, checked against the declared size. */
function openMember(zip: yauzl.ZipFile, ref: MemberRef): Promise<Readable> {
  const entry = Object.assign(new yauzl.Entry(), {
    relativeOffsetOfLocalHeader: ref.offset, compressedSize: ref.compressedSize, uncompressedSize: ref.size,
    compressionMethod: ref.method, generalPurposeBitFlag: ref.flags,
  });
  return zip.openReadStreamPromise(entry);
}

/** All of a stream, which must be exactly `size` bytes (checked again here: the buffer never grows). */
async function readAll(stream: Readable, size: number): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(size);
  let got = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (got + chunk.length > size) { stream.destroy(); throw new Error('member larger than declared'); }
    chunk.copy(buf, got);
    got += chunk.length;
  }
  if (got !== size) throw new Error('member smaller than declared');
  return buf;
}

/** Where a member's stored data starts, from its local header; checked against the archive's `total` size. */
function dataStart(header: Buffer, ref: MemberRef, total: number): number {
  if (header.length !== 30 || header.readUInt32LE(0) !== 0x04034b50) throw new Error('invalid local file header');
  // The local header repeats the name and has its own extra field: the data starts after both.
  const start = ref.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  // Checked before a buffer is made: a forged compressed size must not allocate gigabytes.
  if (start + ref.compressedSize > total) throw new Error(`member data past the end of the archive (declared ${ref.compressedSize} bytes stored)`);
  return start;
}

/** The stored (still deflated) bytes of a member of the archive open at `fd`, read in place. */
function readStored(fd: number, ref: MemberRef): Buffer {
  const header = Buffer.alloc(30);
  const start = dataStart(header.subarray(0, readSync(fd, header, 0, 30, ref.offset)), ref, fstatSync(fd).size);
  const raw = Buffer.allocUnsafe(ref.compressedSize);
  for (let got = 0; got < raw.length;) {
    const n = readSync(fd, raw, got, raw.length - got, start + got);
    if (n === 0) throw new Error('member data past the end of the archive');
    got += n;
  }
  return raw;
}

/**
 * The same of a member of an archive in memory (a nested one). A stored (not deflated) member is
 * copied: its bytes become the model's text, and a view would keep the whole inner archive alive.
 */
function storedIn(archive: Buffer, ref: MemberRef): Buffer {
  const start = dataStart(archive.subarray(ref.offset, ref.offset + 30), ref, archive.length);
  const raw = archive.subarray(start, start + ref.compressedSize);
  return ref.method === 0 ? Buffer.from(raw) : raw;
}

/**
 * The last archive inside an archive inflated on this thread. Its members are read one after
 * another (listing order), each on some thread: kept, they inflate it once per thread rather
 * than once each. One buffer, never over the nested limit; keyed by the outer file as it is on
 * disk now and the member's place in it.
 */
let lastInner: { key: string; bytes: Buffer } | null = null;

async function innerBytes(file: string, ref: MemberRef, maxNested: number, open: yauzl.ZipFile | null): Promise<Buffer> {
  if (ref.size > maxNested) throw new Error(`nested archive over ${maxNested} bytes`);
  const st = statSync(file);
  const key = `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${ref.offset}:${ref.compressedSize}:${ref.size}:${ref.method}\0${file}`;
  if (lastInner?.key === key) return lastInner.bytes;
  lastInner = null; // freed before the next is inflated: one buffer at a time
  const zip = open ?? (await openZip(file));
  try {
    const bytes = await readAll(await openMember(zip, ref), ref.size);
    if (ref.size <= ARCHIVE_LIMITS.maxNested) lastInner = { key, bytes };
    return bytes;
  } finally {
    if (!open) zip.close();
  }
}

/**
 * A member inflated in one synchronous call, never past its declared size. Read synchronously too:
 * a stream's (or an async read's) every piece waits for a thread of libuv's pool, and this thread
 * idles meanwhile (~7% of a check of a collection).
 */
function inflateWhole(raw: Buffer, ref: MemberRef): Buffer {
  if (ref.method === 0) {
    if (raw.length !== ref.size) throw new Error('member size differs from declared');
    return raw;
  }
  let bytes: Buffer;
  try {
    // One output chunk one byte over the declared size: zlib fills it in place and hands it back as
    // is, where its 16 KB default chunks are each allocated and then all copied into one buffer.
    bytes = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, ref.size), chunkSize: Math.max(zlib.constants.Z_MIN_CHUNK, ref.size + 1) });
  } catch (e) {
    throw (e as NodeJS.ErrnoException)?.code === 'ERR_BUFFER_TOO_LARGE' ? new Error('member larger than declared') : e;
  }
  if (bytes.length !== ref.size) throw new Error('member smaller than declared');
  return bytes;
}

/**
 * Reads and parses the log at `chain` in the archive `file`, as readLog does for a file: whole up to
 * `whole` bytes, else in pieces (read again as Windows-1252 when it stops being UTF-8).
 */
export async function readArchiveLog(file: string, chain: readonly MemberRef[], options: ParseOptions = {}, whole = 256 * 1024 * 1024): Promise<LogFile> {
  const ref = chain[chain.length - 1];
  if (chain.length === 1 && ref.size <= whole) {
    // The common case, a member of the archive itself read whole: its place is known from the listing.
    const fd = openSync(file, 'r');
    let raw: Buffer;
    try { raw = readStored(fd, ref); } finally { closeSync(fd); }
    return wholeLog(inflateWhole(raw, ref), options);
  }
  if (chain.length === 2) {
    const archive = await innerBytes(file, chain[0], ARCHIVE_LIMITS.maxNested, null);
    if (ref.size <= whole) return wholeLog(inflateWhole(storedIn(archive, ref), ref), options);
    const inner = await yauzl.fromBufferPromise(archive, { decodeStrings: false });
    try { return await memberInPieces(inner, ref, options); } finally { inner.close(); }
  }
  const zip = await openZip(file);
  try { return await memberInPieces(zip, ref, options); } finally { zip.close(); }
}

async function memberInPieces(zip: yauzl.ZipFile, ref: MemberRef, options: ParseOptions): Promise<LogFile> {
  return (await readPieces(await openMember(zip, ref), options)) ?? (await readPieces(await openMember(zip, ref), options, 'windows-1252'))!;
}

function wholeLog(bytes: Buffer, options: ParseOptions): LogFile {
  if (looksBinary(bytes.subarray(0, 64 * 1024))) throw new BinaryFileError();
  return LogFile.fromBytes(bytes, options, { piece: DECODE_PIECE });
}

async function readPieces(stream: Readable, options: ParseOptions, encoding?: 'windows-1252'): Promise<LogFile | null> {
  let log: LogFile | null = null;
  let piece = Buffer.allocUnsafe(DECODE_PIECE), fill = 0;
  const flush = (): boolean => {
    const bytes = piece.subarray(0, fill);
    if (!log) {
      if (!encoding && looksBinary(bytes.subarray(0, 64 * 1024))) throw new BinaryFileError();
      log = LogFile.fromBytes(bytes, options, { encoding, piece: DECODE_PIECE });
      piece = Buffer.allocUnsafe(DECODE_PIECE); // the first piece is the model's to keep
    } else if (!log.appendBytes(bytes, DECODE_PIECE)) return false;
    fill = 0;
    return true;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (let at = 0; at < chunk.length;) {
        const n = Math.min(chunk.length - at, piece.length - fill);
        chunk.copy(piece, fill, at, at + n);
        fill += n; at += n;
        if (fill === piece.length && !flush()) return null;
      }
    }
    if ((fill > 0 || !log) && !flush()) return null;
  } finally {
    stream.destroy();
  }
  return log;
}

function message(e: unknown): string {
  return String((e as Error)?.message ?? e);
}
