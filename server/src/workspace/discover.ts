// Finding the logs under the paths a user names. Everything that is not read is said, with why.
import { existsSync, promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { decode } from '../parse/decode';
import { detectFormat, isLogFileName } from '../parse/detect';
import { isArchiveName, looksLikeZip } from '../collections/archiveName';
import { IgnoreFiles } from './ignoreFiles';

export interface Skipped {
  path: string;
  reason: string;
}

export interface Discovery {
  files: string[];
  /** Paths that could not be read: they make `cmlog check` exit 2. */
  problems: Skipped[];
  /** Files in folders that are not logs (by name and content): counted, not read further. */
  notLogs: number;
  /** Files in folders skipped for a reason worth saying (binary files named like logs): said, exit status unaffected. */
  notes: Skipped[];
  /** Zip archives, named or met in folders (the command line only): their logs are read as if unpacked. */
  archives: string[];
}

const SNIFF_BYTES = 64 * 1024;

/**
 * How a workspace is searched (the language server's index): files in folders are judged by
 * path, never opened here, so a folder of 3,000 source files and two logs costs two reads.
 * Without options (the command line) every file in a folder is sniffed for log content.
 */
export interface DiscoverOptions {
  /** A file met in a folder is worth reading (its reader judges the content). */
  candidate: (file: string) => boolean;
  /** Folders not to walk and files not to take (files.exclude, search.exclude). */
  skip?: (p: string) => boolean;
  /** Leave out what `.gitignore` files met on the way ignore. */
  gitignore?: boolean;
}

/**
 * Windows users write `samples\SiteServer\x.log` or `file:///C:/...`; read them as paths here.
 * A backslash is a character of a file name elsewhere (zips made on Windows unpack that way): it
 * is read as a separator only when no file has the name as written.
 */
export function normalizeUserPath(p: string): string {
  if (/^file:\/\//i.test(p)) {
    try { return decodeURIComponent(new URL(p).pathname).replace(/^\/([A-Za-z]:)/, '$1'); } catch { return p; }
  }
  return path.sep === '/' && p.includes('\\') && !existsSync(p) ? p.replace(/\\/g, '/') : p;
}

/**
 * What was met, by identity (device and inode, see fileIdentity): folders, so link loops end, and
 * files, so a file reached under two names (a symbolic or hard link beside it) is read once.
 */
type Seen = Map<string, { path: string; /** its place in Discovery.files, -1 if not a log */ at: number }>;

/** A file's identity whatever name reaches it; the real path where the file system gives no inode. */
export async function fileIdentity(p: string, st: { dev: number; ino: number }): Promise<string> {
  return st.ino ? `${st.dev}:${st.ino}` : `path:${await fs.realpath(p).catch(() => path.resolve(p))}`;
}

export async function discover(paths: string[], options?: DiscoverOptions): Promise<Discovery> {
  const out: Discovery = { files: [], problems: [], notLogs: 0, notes: [], archives: [] };
  const seen: Seen = new Map();
  const walk: Walk = { out, seen, options, ignores: options?.gitignore ? new IgnoreFiles() : null };
  for (const raw of paths) await visit(normalizeUserPath(raw), raw, true, walk);
  out.files.sort();
  out.archives.sort();
  return out;
}

interface Walk { out: Discovery; seen: Seen; options?: DiscoverOptions; ignores: IgnoreFiles | null }

/** A named path or a folder entry: walk a folder (each once, so link loops end), consider a file. */
async function visit(p: string, shown: string, named: boolean, w: Walk): Promise<void> {
  const { out, seen } = w;
  let st;
  try {
    st = await fs.stat(p);
  } catch (e) {
    const loop = (e as NodeJS.ErrnoException)?.code === 'ELOOP';
    const link = !loop && (await fs.lstat(p).then((l) => l.isSymbolicLink(), () => false));
    out.problems.push({ path: shown, reason: link ? 'broken symbolic link' : describeError(e) });
    return;
  }
  if (!st.isDirectory() && !st.isFile()) {
    // A pipe or a device: opening it could wait forever for a writer. Never read, always said.
    if (named || isLogFileName(path.basename(p))) out.problems.push({ path: shown, reason: 'not a regular file (a pipe, socket or device), not read' });
    else out.notLogs++;
    return;
  }
  if (st.isDirectory()) {
    const id = `dir:${await fileIdentity(p, st)}`;
    if (seen.has(id)) return;
    seen.set(id, { path: p, at: -1 });
    await walk(p, w);
  } else if (w.options && !named) {
    // Chosen by path (a symbolic link is judged here, a plain file already in walk): taken
    // unread, once per file; the reader judges the content.
    if (!w.options.candidate(p)) { out.notLogs++; return; }
    const fid = `file:${await fileIdentity(p, st)}`;
    if (!(await alreadyMet(p, fid, w))) seen.set(fid, { path: p, at: out.files.push(p) - 1 });
  } else {
    await consider(p, named, w, `file:${await fileIdentity(p, st)}`);
  }
}

async function walk(dir: string, w: Walk): Promise<void> {
  let entries: Dirent[];
  try {
    entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (e) {
    w.out.problems.push({ path: dir, reason: describeError(e) });
    return;
  }
  if (w.ignores && entries.some((e) => e.name === '.gitignore' && e.isFile())) await w.ignores.load(dir);
  const { options } = w;
  for (const entry of entries) {
    const name = entry.name;
    if (name === 'node_modules' || name.startsWith('.git')) continue;
    const p = path.join(dir, name);
    if (options) {
      // Judged by path alone: a plain file that is no candidate is counted, never opened or stat'ed.
      if (entry.isFile() && !options.candidate(p)) { w.out.notLogs++; continue; }
      if (options.skip?.(p) || w.ignores?.ignores(p, entry.isDirectory())) continue;
    }
    await visit(p, p, false, w);
  }
}

/**
 * Named paths are always read; files found in folders are read when they are logs. A file met
 * before under another name is not read again: of its names, one that is not a symbolic link is
 * kept (a link to a file outside the folders is kept under the link's name).
 */
async function consider(p: string, named: boolean, w: Walk, id: string): Promise<void> {
  const { out, seen } = w;
  if (await alreadyMet(p, id, w)) return;
  const met = { path: p, at: -1 };
  seen.set(id, met);
  let head: Uint8Array;
  try {
    const fh = await fs.open(p, 'r');
    try {
      const buf = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
      head = buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (e) {
    out.problems.push({ path: p, reason: describeError(e) });
    return;
  }
  const byName = isLogFileName(path.basename(p));
  if (isArchiveName(p) || looksLikeZip(head)) { out.archives.push(p); return; }
  if (looksBinary(head)) {
    // A named path the user wants read, that cannot be: a problem (exit 2). Met in a folder: said, skipped.
    const skipped = { path: p, reason: 'binary file, not a log: skipped' };
    if (named) out.problems.push(skipped);
    else if (byName) out.notes.push(skipped);
    else out.notLogs++;
    return;
  }
  if (named || byName || detectFormat(decode(head).text) !== 'plain') met.at = out.files.push(p) - 1;
  else out.notLogs++;
}

/** A file met before under another name: true, keeping the name that is not a symbolic link. */
async function alreadyMet(p: string, id: string, { out, seen }: Walk): Promise<boolean> {
  const earlier = seen.get(id);
  if (!earlier) return false;
  if (earlier.at >= 0 && (await isSymbolicLink(earlier.path)) && !(await isSymbolicLink(p))) {
    out.files[earlier.at] = p;
    earlier.path = p;
  }
  return true;
}

function isSymbolicLink(p: string): Promise<boolean> {
  return fs.lstat(p).then((l) => l.isSymbolicLink(), () => false);
}

/**
 * Not text at all: an executable, an image, an archive, a database. Judged from what is not NUL
 * (a preallocated log is padded with NULs: see nulRuns.ts): a known binary signature at the start,
 * or more than 1 byte in 20 a control character that text does not hold (text has none but tab,
 * line breaks, form feed and the escape of coloured output; compressed data has about 1 in 10).
 */
export function looksBinary(head: Uint8Array): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  // A signature counts with a byte no text starts with (NUL to backspace) near it: a line of text may begin "MZ".
  if (BINARY_SIGNATURES.some((sig) => sig.every((b, i) => head[i] === b)) && head.subarray(0, 64).some((b) => b < 0x09)) return true;
  let text = 0, control = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b === 0) continue;
    text++;
    if ((b < 0x20 && !TEXT_CONTROLS.has(b)) || b === 0x7f) control++;
  }
  return control * 20 > text;
}

const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x1b]);

/** Starts of binary formats met where logs are collected: PE (MZ), ELF, ZIP/CAB/7z/RAR/gzip, PNG, OLE, SQLite. */
const BINARY_SIGNATURES = [
  [0x4d, 0x5a], [0x7f, 0x45, 0x4c, 0x46], [0x50, 0x4b, 0x03, 0x04], [0x4d, 0x53, 0x43, 0x46], [0x37, 0x7a, 0xbc, 0xaf],
  [0x52, 0x61, 0x72, 0x21], [0x1f, 0x8b], [0x89, 0x50, 0x4e, 0x47], [0xd0, 0xcf, 0x11, 0xe0], [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66],
];

export function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a folder';
    case 'ELOOP': return 'symbolic link loop';
    default: return (e as Error)?.message ?? String(e);
  }
}
