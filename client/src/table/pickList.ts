// The pick list of "Merge Logs…": every log, grouped under its folder (one separator per folder),
// folders and names in a stable order; files no format reads a record in (plain text) last, apart,
// never picked at first (a merge of them adds nothing but unparsed text). Pure (no vscode import)
// for tests; commands.ts maps it to QuickPickItems.
import { recognisedFormats } from '../../../server/src/parse/formats';
import { asText, decode } from '../../../server/src/parse/decode';
import { pickListText } from '../../../server/src/explain/plainText';

export interface LogFile {
  uri: string;
  /** The folder itself (its URI): logs are grouped by it, as two folders may be shown alike. */
  dir: string;
  /** The folder as shown (relative to the workspace where possible): a workspace folder `PC01` and its subfolder `PC01` both `PC01`. */
  folder: string;
  name: string;
  /** No format read a record in the file's start (recordsInSample): plain text. */
  plain?: boolean;
}

export type PickRow =
  | { kind: 'folder'; label: string }
  /** `description`: the log's folder, so typing a machine's folder ("DEVICE1") keeps its logs (matchOnDescription). */
  | { kind: 'log'; label: string; description: string; uri: string; picked: boolean };

/** The separator the plain-text files are listed under, saying why they are apart. */
export const PLAIN_GROUP = 'No records read (plain text)';

/**
 * The bytes of a file's start that say whether it holds records: as much as the editor's language
 * detection reads (64 K characters, client/src/languageDetection.ts), so a log whose first record
 * is long is not filed as plain text here while the editor reads it as a log.
 */
export const SAMPLE_BYTES = 64 * 1024;

/** Whether a file's start (at most SAMPLE_BYTES, any encoding) holds a record any format recognises. */
export function recordsInSample(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  return recognisedFormats(asText(decode(bytes.subarray(0, SAMPLE_BYTES)).text)).length > 0;
}

const byText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });
/** Folders by how they are shown, then (shown alike) by what they are: the same order every time. */
const byFolder = (a: LogFile, b: LogFile) => byText(a.folder, b.folder) || (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0);

/** Rows for the pick list; `picked` holds the URIs selected at first (the active log, unless plain text). */
export function groupByFolder(files: readonly LogFile[], picked: ReadonlySet<string>): PickRow[] {
  const folders = new Map<string, LogFile[]>();
  const plain: LogFile[] = [];
  for (const f of files) {
    if (f.plain) { plain.push(f); continue; }
    const list = folders.get(f.dir);
    if (list) list.push(f);
    else folders.set(f.dir, [f]);
  }
  const rows: PickRow[] = [];
  for (const logs of Array.from(folders.values()).sort((a, b) => byFolder(a[0], b[0]))) {
    rows.push({ kind: 'folder', label: pickListText(logs[0].folder) });
    for (const f of logs.sort((a, b) => byText(a.name, b.name))) {
      rows.push({ kind: 'log', label: pickListText(f.name), description: pickListText(f.folder), uri: f.uri, picked: picked.has(f.uri) });
    }
  }
  if (plain.length > 0) {
    rows.push({ kind: 'folder', label: PLAIN_GROUP });
    for (const f of plain.sort((a, b) => byFolder(a, b) || byText(a.name, b.name))) {
      // The log the merge was asked from stays picked: the user chose it, records or not.
      rows.push({ kind: 'log', label: pickListText(f.name), description: pickListText(f.folder), uri: f.uri, picked: picked.has(f.uri) });
    }
  }
  return rows;
}
