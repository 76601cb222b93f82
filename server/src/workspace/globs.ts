// Globs as VS Code users write them in `files.exclude` and `cmlog.include`, matched against
// absolute paths relative to the workspace folders. Plain data in, a predicate out.
import * as path from 'node:path';

/**
 * A predicate over absolute file paths: true when a glob matches the path relative to one of the
 * folders, or one of that path's parent folders (`**\/Logs` excludes everything under Logs).
 * Matched by simulating the pattern as an automaton in one pass: linear in the path.
 */
export function globMatcher(globs: readonly string[], folders: readonly string[]): (file: string) => boolean {
  const patterns = globs.flatMap(expandBraces).map(compileGlob);
  const roots = folders.map((f) => trimSlashes(toSlashes(path.resolve(f))));
  const fold = process.platform === 'win32' ? (s: string) => s.toLowerCase() : (s: string) => s;
  return (file) => {
    const abs = toSlashes(path.resolve(file));
    const candidates = [abs];
    for (const r of roots) if (abs.startsWith(r + '/')) candidates.push(abs.slice(r.length + 1));
    return candidates.some((c) => { const subject = fold(c); return patterns.some((p) => matchGlob(p, subject, fold)); });
  };
}

const toSlashes = (p: string) => p.split(path.sep).join('/');

function trimSlashes(p: string): string {
  let end = p.length;
  while (end > 0 && p.charCodeAt(end - 1) === 47) end--;
  return p.slice(0, end);
}

type GlobToken = { kind: 'char'; c: string } | { kind: 'any1' } | { kind: 'star' } | { kind: 'globstar' } | { kind: 'dirs' };

/** `{a,b}c` -> `ac`, `bc` (nesting allowed). */
export function expandBraces(glob: string): string[] {
  const open = glob.indexOf('{');
  if (open < 0) return [glob];
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < glob.length; i++) {
    const c = glob[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      const parts: string[] = [];
      let from = open + 1;
      for (const k of [...commas, i]) { parts.push(glob.slice(from, k)); from = k + 1; }
      const rest = expandBraces(glob.slice(i + 1));
      return parts.flatMap((p) => expandBraces(glob.slice(0, open) + p).flatMap((head) => rest.map((tail) => head + tail)));
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  return [glob]; // unbalanced: literal
}

function compileGlob(glob: string): GlobToken[] {
  const out: GlobToken[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out.push({ kind: slash ? 'dirs' : 'globstar' });
      i += slash ? 2 : 1;
    } else if (c === '*') out.push({ kind: 'star' });
    else if (c === '?') out.push({ kind: 'any1' });
    else out.push({ kind: 'char', c: c === '\\' ? '/' : c });
  }
  return out;
}

function matchGlob(tokens: GlobToken[], s: string, fold: (s: string) => string): boolean {
  const n = tokens.length;
  let cur = new Uint8Array(n + 1), next = new Uint8Array(n + 1);
  // Wildcards may match nothing: a state reaches the one after it.
  const close = (set: Uint8Array) => {
    for (let i = 0; i < n; i++) if (set[i] && tokens[i].kind !== 'char' && tokens[i].kind !== 'any1') set[i + 1] = 1;
  };
  cur[0] = 1;
  close(cur);
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    // The path up to here is a folder the pattern matches: everything under it matches.
    if (c === '/' && k > 0 && cur[n] === 1) return true;
    next.fill(0);
    let any = false;
    for (let i = 0; i < n; i++) {
      if (!cur[i]) continue;
      const t = tokens[i];
      switch (t.kind) {
        case 'char': if (fold(t.c) === c) { next[i + 1] = 1; any = true; } break;
        case 'any1': if (c !== '/') { next[i + 1] = 1; any = true; } break;
        case 'star': if (c !== '/') { next[i] = 1; any = true; } break;
        case 'globstar': next[i] = 1; any = true; break;
        case 'dirs': next[i] = 1; if (c === '/') next[i + 1] = 1; any = true; break;
      }
    }
    if (!any) return false;
    close(next);
    [cur, next] = [next, cur];
  }
  return cur[n] === 1;
}
