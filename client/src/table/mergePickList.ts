// "Merge Logs…"'s pick list, shown at once: the start of each log is read (up to MAX_MERGE_LOGS of
// them, seconds on a big collected folder) while the list says so (busy), then its rows fill in, in
// pickList.ts's order with its picks. Closing it stops the reading. Pure (no vscode import): it
// drives the part of a vscode.QuickPick it needs, so a test drives it with a fake.
import { groupByFolder, type LogFile, type PickRow } from './pickList';
import { stillFiles } from './mergeState';

/** The part of vscode.QuickPick the list uses. */
export interface PickUi<I> {
  items: readonly I[];
  selectedItems: readonly I[];
  busy: boolean;
  ignoreFocusOut: boolean;
  placeholder: string | undefined;
  title: string | undefined;
  canSelectMany: boolean;
  matchOnDescription: boolean;
  show(): void;
  dispose(): void;
  onDidAccept(listener: () => void): { dispose(): unknown };
  onDidHide(listener: () => void): { dispose(): unknown };
}

export const READING_PLACEHOLDER = 'Reading the start of each log to list them…';
export const PICK_PLACEHOLDER = 'Pick the logs to merge (any folders); type to filter by name or folder';
/** The placeholder says how far the reading is at most this often (each change is a message to the window). */
const PROGRESS_EVERY = 50;

export interface MergePickOptions<I> {
  title: string;
  /** The URIs picked at first (the active log). */
  picked: ReadonlySet<string>;
  /** Whether a file's start holds records (false: listed apart as plain text). */
  hasRecords: (file: LogFile) => Promise<boolean>;
  /** A row as the quick pick's item (a folder is a separator). */
  toItem: (row: PickRow) => I;
}

/** Shows `ui` at once, busy while the files' starts are read; the URIs picked, or undefined when closed or none is picked. */
export function runMergePick<I>(ui: PickUi<I>, files: readonly LogFile[], opts: MergePickOptions<I>): Promise<string[] | undefined> {
  const stop = new AbortController();
  const uriOf = new Map<I, string>();
  return new Promise((resolve) => {
    const subs: { dispose(): unknown }[] = [];
    const end = (uris: string[] | undefined): void => {
      stop.abort();
      for (const s of subs) s.dispose();
      ui.dispose();
      resolve(uris && uris.length > 0 ? uris : undefined);
    };
    subs.push(ui.onDidHide(() => end(undefined)));
    subs.push(ui.onDidAccept(() => {
      // Enter before the list is filled (busy) picks nothing: the list is not closed under the user.
      if (ui.busy) return;
      end(ui.selectedItems.flatMap((i) => { const u = uriOf.get(i); return u === undefined ? [] : [u]; }));
    }));
    ui.title = opts.title;
    ui.canSelectMany = true;
    // A folder (a machine's: "DEVICE1") filters the list: the separators alone do not match.
    ui.matchOnDescription = true;
    ui.placeholder = READING_PLACEHOLDER;
    ui.busy = true;
    // A quick pick hides when the focus leaves it: a click elsewhere while the logs are read (seconds
    // on a big folder) would cancel the merge. Back to hiding as any pick list once filled.
    ui.ignoreFocusOut = true;
    ui.show();
    let done = 0;
    const check = async (f: LogFile): Promise<boolean> => {
      try {
        return await opts.hasRecords(f);
      } finally {
        if (++done % PROGRESS_EVERY === 0 && !stop.signal.aborted) ui.placeholder = `${READING_PLACEHOLDER} (${done} of ${files.length})`;
      }
    };
    void stillFiles(files, check, undefined, stop.signal).then((withRecords) => {
      if (stop.signal.aborted) return;
      const records = new Set(withRecords);
      const rows = groupByFolder(files.map((f) => ({ ...f, plain: !records.has(f) })), opts.picked);
      const items = rows.map((r) => {
        const item = opts.toItem(r);
        if (r.kind === 'log') uriOf.set(item, r.uri);
        return item;
      });
      ui.items = items;
      ui.selectedItems = items.filter((_, k) => { const r = rows[k]; return r.kind === 'log' && r.picked; });
      ui.placeholder = PICK_PLACEHOLDER;
      ui.busy = false;
      ui.ignoreFocusOut = false;
    });
  });
}
