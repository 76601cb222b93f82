// The messages between the table's webview and the extension host (issue #15). The webview never
// talks to the language server itself: it asks the host, which adds the table's id and forwards
// the request (TableRequests in the shared protocol). Types only: both bundles import this file.
import type { TableChangedParams, TableOpenResult, TableRequests } from '../../../server/src/protocol';

/** The table requests a webview may make (open/close belong to the host: it owns the table's life). */
export type WebviewMethod = Exclude<keyof typeof TableRequests, 'open' | 'close'>;

export type FromWebview =
  /** The page is loaded and listening: the host answers with `init`. */
  | { kind: 'ready' }
  /** A table request; `params` without `tableId` (the host adds it). Answered by `response` with the same id. */
  | { kind: 'request'; id: number; method: WebviewMethod; params: Record<string, unknown> }
  /** Open the text editor at a log line (a row's double-click / Enter, "Open in text editor" with a row selected). */
  | { kind: 'openInEditor'; uri: string; line: number }
  /** "Open in text editor" with no row selected: the host opens the log (asks which, in a merge). */
  | { kind: 'openLogInEditor' }
  /** Put text on the clipboard (copy rows: the webview fetched it with a `copy` request). */
  | { kind: 'clipboard'; text: string }
  /** "Open as text": the current rows in a read-only text document. */
  | { kind: 'openAsText' }
  /** Look up an error code (the detail pane's codes). */
  | { kind: 'lookup'; code: string }
  /** The banner's offer: write the folder offset a log of the table is offered (as its lens does). */
  | { kind: 'useFolderOffset'; uri: string }
  /** Something the user should read (a refused regex, a failed request). */
  | { kind: 'notify'; level: 'info' | 'warning' | 'error'; message: string };

export type ToWebview =
  | { kind: 'init'; table: TableOpenResult; options: WebviewOptions }
  | { kind: 'response'; id: number; result?: unknown; error?: string }
  | { kind: 'changed'; change: TableChangedParams }
  /** Commands and keybindings of the host, forwarded to the focused table. */
  | { kind: 'command'; command: 'nextError' | 'previousError' | 'nextWarning' | 'previousWarning' | 'find' | 'gotoTime' | 'focusFilter' | 'copy' | 'copyRaw' | 'togglePause' | 'openInTextEditor' }
  /** Select and show a row (the text editor's "show in table"). */
  | { kind: 'reveal'; row: number };

/** Settings the webview needs (from `cmlog.table.*`). */
export interface WebviewOptions {
  /**
   * Show the UTC column; null where the user's settings do not say: then shown for a merge (which
   * is sorted by UTC, while its logs write their times in different forms) and hidden for one log.
   */
  utcColumn: boolean | null;
  /** Follow the end of a growing log when the table opens. */
  follow: boolean;
}
