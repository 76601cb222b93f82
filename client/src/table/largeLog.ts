// Logs the text editor serves badly, from VS Code's own limits (1.99: TextModel, files.ts):
// - over `workbench.editorLargeFileConfirmation` (default 10 MB with a remote such as code-server,
//   50 MB in a browser, 1024 MB on the desktop) VS Code shows "very large file" instead of the text;
// - over 50 MB it never hands the document to extensions (no colours, hovers, problems).
// Such a log is reopened in the table. Over 20 MB (with `editor.largeFileOptimizations`) the text
// editor turns off tokenization and folding: the table is offered. Pure (no vscode import) for tests.
import { isLogFileName } from '../../../server/src/parse/formats/logName';

const MB = 1024 * 1024;
/** VS Code does not sync a text model over 50 MB (TextModel._MODEL_SYNC_LIMIT, in characters) to extensions. */
export const SYNC_LIMIT = 50 * MB;
/** Over this the text model runs with large file optimizations: no tokenization, folding... (TextModel.LARGE_FILE_SIZE_THRESHOLD). */
export const LARGE_FILE_SIZE = 20 * MB;

/** What a log's name is (one definition, with the server's). */
export const isLogName = isLogFileName;

/**
 * Bytes over which VS Code asks before showing a file as text: `workbench.editorLargeFileConfirmation`
 * in MB (the value VS Code reports is its default for this window when the user set none); a VS Code
 * without the setting never asks.
 */
export function confirmationLimit(settingMB: unknown): number {
  return typeof settingMB === 'number' && Number.isFinite(settingMB) && settingMB >= 1 ? settingMB * MB : Infinity;
}

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
  /** confirmationLimit() of this window. */
  confirmLimit: number;
  /** `editor.largeFileOptimizations`. */
  optimizations: boolean;
}

/**
 * What to do with a log's text tab: reopen it in the table (a log the text editor blocks or cannot
 * serve), offer the table (one it shows with its large file optimizations), or nothing (the user
 * turned it off or chose the text editor, not a log, small enough).
 */
export function largeLogAction(f: LargeLogFacts): 'reopen' | 'offer' | 'none' {
  if (!f.enabled || f.userChoseText || !isLogName(f.fileName)) return 'none';
  if (f.size > f.confirmLimit || (!f.synced && f.size > SYNC_LIMIT)) return 'reopen';
  return f.optimizations && f.size > LARGE_FILE_SIZE ? 'offer' : 'none';
}
