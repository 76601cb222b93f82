// When the status bar item asks the server about the active log, and what it shows meanwhile. The
// server says when an open log's facts may have changed (cmlog/fileInfoChanged, after each
// validation of it: a live log's appends that add no problem, a first parse that waited for the
// index): the item asks again then. A merge's item asks its table (cmlog/table/status) again when
// that table says it changed (cmlog/table/changed): no asking per log. Before the server has the document (or while its language is
// switching to cmlog) it answers null: a null answer (or a failed request) is also asked again a
// bounded number of times, further apart each time, as a fallback for a notification missed while
// the client was starting. A different log's text is hidden at once rather than shown beside the
// new log. Pure (no vscode import): tested with a fake server and clock.
import { Notifications, type FileInfoParams, type TableChangedParams } from '../../server/src/protocol';

/**
 * What the item is about, as one key: the log of the active text editor, else the logs of the active
 * table (one log, or a merge's). URIs hold no line break, so the key splits back (`subjectUris`).
 */
export function statusSubject(textLog: string | undefined, table: readonly string[] | undefined): string | undefined {
  if (textLog !== undefined) return textLog;
  return table && table.length > 0 ? table.join('\n') : undefined;
}

export function subjectUris(subject: string): string[] {
  return subject.split('\n');
}

/** Delays before asking again after a null answer: about 15 s in all, then the item stays hidden. */
const RETRY_DELAYS_MS = [100, 200, 400, 800, 1500, 3000, 4000, 5000] as const;

export interface StatusRefreshDeps<T> {
  /** The server's answer for the log, null when it has none yet. */
  ask(uri: string): Promise<T | null>;
  show(uri: string, info: T): void;
  hide(): void;
  /** setTimeout; returns a function that cancels it. */
  schedule(run: () => void, ms: number): () => void;
  delays?: readonly number[];
}

export interface StatusRefresh {
  /** Ask about `uri` (undefined: no log is active); a newer call supersedes an older one's answers and retries. */
  refresh(uri: string | undefined): void;
  dispose(): void;
}

/** What the refresh needs of the language client: the server's notifications. */
export interface NotificationSource {
  onNotification(type: typeof Notifications.fileInfoChanged, handler: (p: FileInfoParams) => void): { dispose(): void };
}

/** Asks again when the server says the item's log changed (a single log: a merge follows its table). */
export function refreshOnFileInfoChanged(source: NotificationSource, subject: () => string | undefined, refresher: StatusRefresh): { dispose(): void } {
  return source.onNotification(Notifications.fileInfoChanged, (p) => {
    const s = subject();
    if (s !== undefined && typeof p?.uri === 'string' && s === p.uri) refresher.refresh(s);
  });
}

/**
 * Asks again when the merge in front (`current()`: its table's id and the item's subject) says its
 * rows changed: appended, reset, read further or failed. Other tables' news, and a single log's
 * table (its fileInfo follows cmlog/fileInfoChanged), ask nothing.
 */
export function refreshOnTableChanged(
  onTableChanged: (handler: (p: TableChangedParams) => void) => { dispose(): void },
  current: () => { tableId: string | undefined; subject: string | undefined },
  refresher: StatusRefresh,
): { dispose(): void } {
  return onTableChanged((p) => {
    const { tableId, subject } = current();
    if (tableId !== undefined && subject !== undefined && p?.tableId === tableId && subjectUris(subject).length > 1) refresher.refresh(subject);
  });
}

export function statusRefresh<T>(deps: StatusRefreshDeps<T>): StatusRefresh {
  const delays = deps.delays ?? RETRY_DELAYS_MS;
  let generation = 0;
  let shown: string | undefined;
  let cancel: (() => void) | undefined;

  const hide = () => {
    shown = undefined;
    deps.hide();
  };
  const attempt = async (uri: string, mine: number, tries: number): Promise<void> => {
    let info: T | null = null;
    try {
      info = await deps.ask(uri);
    } catch {
      // The server is starting or restarting: asked again like a null answer.
    }
    if (mine !== generation) return; // a newer refresh is on its way
    if (info !== null) {
      shown = uri;
      deps.show(uri, info);
      return;
    }
    // Not parsed yet: the old counts of this log would be stale, another log's wrong.
    hide();
    if (tries < delays.length) cancel = deps.schedule(() => void attempt(uri, mine, tries + 1), delays[tries]!);
  };

  return {
    refresh(uri) {
      const mine = ++generation;
      cancel?.();
      cancel = undefined;
      // Another log's text must not stay while this one is asked about; this log's may (a live log's
      // counts change under it, and the item should not flicker).
      if (uri !== shown) hide();
      if (uri !== undefined) void attempt(uri, mine, 0);
    },
    dispose() {
      ++generation;
      cancel?.();
    },
  };
}
