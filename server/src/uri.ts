// URIs and paths, in one place. URIs go through vscode-uri, as in VS Code's own language
// servers, so that a file's URI is spelled as the editor spells it (`file:///c%3A/x%20%281%29.log`,
// where node:url writes `file:///C:/x%20(1).log`): a log indexed from disk and the same log opened
// in the editor have one key. Keys are URIs in the server and paths in the CLI: baseName and
// folderOf take either.
import * as path from 'node:path';
import { URI, Utils } from 'vscode-uri';

/** A scheme of two characters or more: `C:\x` is a path, `file:///x` and `cmlog-merged:/x` are URIs. */
const HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]+:/;

/** The `file:` URI of a path, as VS Code writes it. */
export const toUri = (file: string): string => URI.file(file).toString();

/** The path of a `file:` URI; null for other schemes and for what is no URI. */
export function toPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try { return URI.parse(uri, true).fsPath; } catch { return null; }
}

/** The file name of a key (a URI, decoded, or a path), without query or trailing separators. */
export function baseName(key: string): string {
  if (HAS_SCHEME.test(key)) {
    try { return Utils.basename(URI.parse(key)); } catch { /* not a URI after all: read as a path */ }
  }
  let end = key.length;
  while (end > 0 && (key[end - 1] === '/' || key[end - 1] === '\\')) end--;
  return key.slice(Math.max(key.lastIndexOf('/', end - 1), key.lastIndexOf('\\', end - 1)) + 1, end);
}

/** The folder part of a key (a URI or path): everything up to the last `/` (or `\`). Cheap: rules compare it per pair of logs. */
export function folderOf(key: string): string {
  const slash = Math.max(key.lastIndexOf('/'), key.lastIndexOf('\\'));
  return slash < 0 ? '' : key.slice(0, slash);
}

/** The index of the innermost folder (a path) holding `file` (a path), or -1. */
export function innermostFolder(folders: readonly { path: string }[], file: string | null): number {
  let best = -1;
  if (!file) return best;
  folders.forEach((f, k) => {
    const inside = file === f.path || file.startsWith(f.path.endsWith(path.sep) ? f.path : f.path + path.sep);
    if (inside && (best < 0 || f.path.length > folders[best].path.length)) best = k;
  });
  return best;
}
