// `.gitignore` files met while walking a workspace: what they ignore is not read. Each line is
// turned into a glob for the linear automaton of globs.ts (file names and ignore files are
// untrusted): `name` matches at any depth below the file's folder, `a/b` and `/a` from that
// folder, a trailing `/` only folders, `!` re-includes; the last matching line wins, inner files
// after outer ones. Folders are judged as the walk enters them, so (as in git) a file under an
// ignored folder cannot be re-included.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { relativeMatcher } from './globs';

/** Bytes read of one ignore file: a larger one is used up to there (the rest is said to be ignored). */
const MAX_BYTES = 64 * 1024;

interface Rule { test: (relative: string) => boolean; negate: boolean; dirOnly: boolean }

export class IgnoreFiles {
  /** Each folder's rules, by folder path; a path is judged by the folders that hold it. */
  private readonly folders = new Map<string, Rule[]>();

  /** Reads `dir/.gitignore` (at most MAX_BYTES); an unreadable one ignores nothing. */
  async load(dir: string): Promise<void> {
    let text: string;
    try {
      const fh = await fs.open(path.join(dir, '.gitignore'), 'r');
      try {
        const buf = Buffer.alloc(MAX_BYTES);
        const { bytesRead } = await fh.read(buf, 0, MAX_BYTES, 0);
        text = buf.subarray(0, bytesRead).toString('utf8');
      } finally {
        await fh.close();
      }
    } catch {
      return;
    }
    const rules = parseIgnore(text);
    if (rules.length) this.folders.set(path.resolve(dir), rules);
  }

  /** Whether the last rule (outermost folder first) matching `p` ignores it. */
  ignores(p: string, isDir: boolean): boolean {
    let ignored = false;
    const chain: string[] = [];
    const abs = path.resolve(p);
    for (let d = path.dirname(abs); ; d = path.dirname(d)) {
      if (this.folders.has(d)) chain.push(d);
      if (path.dirname(d) === d) break;
    }
    for (let k = chain.length - 1; k >= 0; k--) {
      const relative = path.relative(chain[k], abs).split(path.sep).join('/');
      for (const rule of this.folders.get(chain[k])!) {
        if ((!rule.dirOnly || isDir) && rule.test(relative)) ignored = !rule.negate;
      }
    }
    return ignored;
  }
}

/** The rules of one ignore file. (A backslash is a separator to globs.ts, not git's escape: only `\#` and `\!` are read as git reads them.) */
export function parseIgnore(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trimEnd();
    if (line === '' || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    else if (line.startsWith('\\#') || line.startsWith('\\!')) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.slice(0, -1);
    if (line === '') continue;
    // A slash before the end anchors the pattern to this folder; otherwise it matches at any depth.
    const glob = line.includes('/') ? line.replace(/^\/+/, '') : `**/${line}`;
    rules.push({ test: relativeMatcher(glob), negate, dirOnly });
  }
  return rules;
}
