// Finding the logs under the paths a user names. Everything that is not read is said, with why.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { decode } from '../parse/decode';
import { detectFormat, isLogFileName } from '../parse/detect';

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
}

const SNIFF_BYTES = 64 * 1024;

/** Windows users write `samples\SiteServer\x.log` or `file:///C:/...`; read them as paths here. */
export function normalizeUserPath(p: string): string {
  if (/^file:\/\//i.test(p)) {
    try { return decodeURIComponent(new URL(p).pathname).replace(/^\/([A-Za-z]:)/, '$1'); } catch { return p; }
  }
  return path.sep === '/' ? p.replace(/\\/g, '/') : p;
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

export async function discover(paths: string[]): Promise<Discovery> {
  const out: Discovery = { files: [], problems: [], notLogs: 0 };
  const seen: Seen = new Map();
  for (const raw of paths) await visit(normalizeUserPath(raw), raw, true, out, seen);
  out.files.sort();
  return out;
}

/** A named path or a folder entry: walk a folder (each once, so link loops end), consider a file. */
async function visit(p: string, shown: string, named: boolean, out: Discovery, seen: Seen): Promise<void> {
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
    await walk(p, out, seen);
  } else {
    await consider(p, named, out, seen, `file:${await fileIdentity(p, st)}`);
  }
}

async function walk(dir: string, out: Discovery, seen: Seen): Promise<void> {
  let names: string[];
  try {
    names = (await fs.readdir(dir)).sort();
  } catch (e) {
    out.problems.push({ path: dir, reason: describeError(e) });
    return;
  }
  for (const name of names) {
    if (name === 'node_modules' || name.startsWith('.git')) continue;
    const p = path.join(dir, name);
    await visit(p, p, false, out, seen);
  }
}

/**
 * Named paths are always read; files found in folders are read when they are logs. A file met
 * before under another name is not read again: of its names, one that is not a symbolic link is
 * kept (a link to a file outside the folders is kept under the link's name).
 */
async function consider(p: string, named: boolean, out: Discovery, seen: Seen, id: string): Promise<void> {
  const earlier = seen.get(id);
  if (earlier) {
    if (earlier.at >= 0 && (await isSymbolicLink(earlier.path)) && !(await isSymbolicLink(p))) {
      out.files[earlier.at] = p;
      earlier.path = p;
    }
    return;
  }
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
  if (looksBinary(head)) {
    if (named || byName) out.problems.push({ path: p, reason: 'binary file (NUL bytes and no UTF-16 byte-order mark), not a log' });
    else out.notLogs++;
    return;
  }
  if (named || byName || detectFormat(decode(head).text) !== 'plain') met.at = out.files.push(p) - 1;
  else out.notLogs++;
}

function isSymbolicLink(p: string): Promise<boolean> {
  return fs.lstat(p).then((l) => l.isSymbolicLink(), () => false);
}

/** NUL bytes in text that is not UTF-16: an executable, an archive, a database. */
export function looksBinary(head: Uint8Array): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  const n = Math.min(head.length, 8192);
  for (let i = 0; i < n; i++) if (head[i] === 0) return true;
  return false;
}

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
