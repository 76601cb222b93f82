// Logs over VS Code's sync limit: the editor opens them but never hands them to extensions, so the
// text editor shows them bare (no colours, hovers, problems). Such a log is reopened in the table.
// Pure (no vscode import) for tests.
import { isLogFileName } from '../../../server/src/parse/formats/logName';

/** VS Code does not sync a text model over 50 MB (TextModel._MODEL_SYNC_LIMIT, in characters) to extensions. */
export const SYNC_LIMIT = 50 * 1024 * 1024;

/** What a log's name is (one definition, with the server's). */
export const isLogName = isLogFileName;

export interface LargeLogFacts {
  fileName: string;
  /** Bytes on disk (fs.stat). */
  size: number;
  /** `cmlog.table.openLargeLogs`. */
  enabled: boolean;
  /** VS Code handed the document to extensions after all (e.g. a UTF-16 log: fewer characters than bytes). */
  synced: boolean;
  /** The user opened it as text from the table, or it was reopened in the table once already. */
  userChoseText: boolean;
}

/** Reopen this text tab in the table? Only a log the text editor cannot serve, and only if the user wants it. */
export function reopenInTable(f: LargeLogFacts): boolean {
  return f.enabled && !f.synced && !f.userChoseText && isLogName(f.fileName) && f.size > SYNC_LIMIT;
}
