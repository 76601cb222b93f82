// A merge tab after a window reload: VS Code gives its serializer the page's saved state, which
// holds the merge's logs (the page saves its table's sources). That state is written by a page that
// renders untrusted log text, so it is checked here before any file is opened: only a bounded list
// of file URIs named like logs (the extension's own log names) is kept. Pure (no vscode import).
import { isLogName } from './largeLog';

/** A merge (a pick list, a folder's logs) holds at most this many logs. */
export const MAX_MERGE_LOGS = 2000;
/** Longer URIs are not a log's path (and a bad state must not cost much). */
const MAX_URI = 4096;

/** The tab's title: the log's name for one log, else how many. */
export function mergeTitle(names: readonly string[]): string {
  return names.length === 1 ? names[0] : `Merged ${names.length} logs`;
}

/** The file URIs of logs in a saved page state (its `uris`), in order, each once; [] for anything else. */
export function savedMergeUris(state: unknown): string[] {
  const uris = typeof state === 'object' && state !== null ? (state as { uris?: unknown }).uris : undefined;
  if (!Array.isArray(uris)) return [];
  const out = new Set<string>();
  for (const u of uris.slice(0, MAX_MERGE_LOGS)) {
    if (typeof u !== 'string' || u.length > MAX_URI) continue;
    // Any host: a log on a share is file://server/share/.../CAS.log (a UNC path).
    let url: URL;
    let path: string;
    try { url = new URL(u); path = decodeURIComponent(url.pathname); } catch { continue; }
    if (url.protocol === 'file:' && isLogName(path)) out.add(u);
  }
  return Array.from(out);
}

/** Stats in flight at once while a restored merge checks its logs (one after another, 2000 took long). */
const CHECKS_AT_ONCE = 32;

/**
 * The items `isFile` accepts, in order; checked together, at most `atOnce` at a time. Once `stop`
 * is aborted no more are checked (the pick list was closed): those left count as not accepted.
 */
export async function stillFiles<T>(items: readonly T[], isFile: (item: T) => Promise<boolean>, atOnce = CHECKS_AT_ONCE, stop?: AbortSignal): Promise<T[]> {
  const ok = new Array<boolean>(items.length).fill(false);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !stop?.aborted) {
      const i = next++;
      ok[i] = await isFile(items[i]).catch(() => false);
    }
  };
  await Promise.all(Array.from({ length: Math.min(atOnce, items.length) }, worker));
  return items.filter((_, i) => ok[i]);
}
