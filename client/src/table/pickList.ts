// The pick list of "Merge Logs…": every log, grouped under its folder (one separator per folder),
// folders and names in a stable order. Pure (no vscode import) for tests; commands.ts maps it to
// QuickPickItems.

export interface LogFile {
  uri: string;
  /** The folder as shown (relative to the workspace where possible). */
  folder: string;
  name: string;
}

export type PickRow =
  | { kind: 'folder'; label: string }
  /** `description`: the log's folder, so typing a machine's folder ("DEVICE1") keeps its logs (matchOnDescription). */
  | { kind: 'log'; label: string; description: string; uri: string; picked: boolean };

const byText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });

/** Rows for the pick list; `picked` holds the URIs selected at first (the active log). */
export function groupByFolder(files: readonly LogFile[], picked: ReadonlySet<string>): PickRow[] {
  const folders = new Map<string, LogFile[]>();
  for (const f of files) {
    const list = folders.get(f.folder);
    if (list) list.push(f);
    else folders.set(f.folder, [f]);
  }
  const rows: PickRow[] = [];
  for (const folder of Array.from(folders.keys()).sort(byText)) {
    rows.push({ kind: 'folder', label: folder });
    for (const f of folders.get(folder)!.sort((a, b) => byText(a.name, b.name))) {
      rows.push({ kind: 'log', label: f.name, description: f.folder, uri: f.uri, picked: picked.has(f.uri) });
    }
  }
  return rows;
}
