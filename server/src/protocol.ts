// The custom protocol shared by the client and the server: every custom request is a typed
// constant here, so both sides agree on its method name, parameters and answer (as vscode-eslint
// and rust-analyzer do). Types and constants only: no Node-only or vscode-only code.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { FormatId } from './parse/formats/ids';
import type { SeverityName } from './severity';

export const LANGUAGE_ID = 'cmlog';

export const Requests = {
  /** Status bar facts of one log. */
  fileInfo: new RequestType<FileInfoParams, FileInfo | null, void>('cmlog/fileInfo'),
  /** Ranges of error / warning records, for CMTrace-style line backgrounds drawn by the client. */
  severityRanges: new RequestType<FileInfoParams, SeverityRanges, void>('cmlog/severityRanges'),
  /** The next or previous error / warning record from a line (CMTrace's "next error"). */
  stepToRecord: new RequestType<StepToRecordParams, StepToRecordResult | null, void>('cmlog/stepToRecord'),
  /** Where the records' markup is on some lines, for the client to dim (features/markupRanges.ts). */
  markupRanges: new RequestType<MarkupRangesParams, MarkupRange[], void>('cmlog/markupRanges'),
  /** Markdown explanation of an error code. */
  lookupErrorCode: new RequestType<LookupParams, LookupResult, void>('cmlog/lookupErrorCode'),
  /** Entries of other logs around an entry, nearest first (code lens click). */
  related: new RequestType<RelatedParams, RelatedAnswer, void>('cmlog/related'),
} as const;

/** What the client sends at initialize (`initializationOptions`). */
export interface InitializationOptions {
  /** VS Code workspace trust: the workspace's own rules (`.cmlog/rules.json`) run only when true. */
  trusted?: boolean;
}

export const Notifications = {
  /** The user granted workspace trust after start (onDidGrantWorkspaceTrust). */
  workspaceTrusted: new NotificationType<void>('cmlog/workspaceTrusted'),
  /**
   * Server to client: an open log was parsed, re-parsed or appended to, and validated: its fileInfo
   * may have changed (counts of records that add no problem included). At most one per log per
   * validation pass (features/validation.ts), never one per appended line.
   */
  fileInfoChanged: new NotificationType<FileInfoParams>('cmlog/fileInfoChanged'),
} as const;

export const Commands = {
  copyToClipboard: 'cmlog.copyToClipboard',
  lookupErrorCode: 'cmlog.lookupErrorCode',
  showOutput: 'cmlog.showOutput',
  showRelated: 'cmlog.showRelated',
  reveal: 'cmlog.reveal',
  mergeLogs: 'cmlog.mergeLogs',
  nextErrorRecord: 'cmlog.nextErrorRecord',
  previousErrorRecord: 'cmlog.previousErrorRecord',
  nextWarningRecord: 'cmlog.nextWarningRecord',
  previousWarningRecord: 'cmlog.previousWarningRecord',
  /** Writes the offer of a log's folder (FileInfo.offer) into cmlog.folderOffsets: arguments [uri]. */
  useFolderOffset: 'cmlog.useFolderOffset',
} as const;

export interface RelatedParams { uri: string; entryIndex: number }
/** An entry of another log: its log's file name, first line, gap to the anchor and first message line. */
export interface RelatedLocation { uri: string; name: string; line: number; deltaMs: number; message: string }
/**
 * Nearest first, a few per log (see features/relatedNearest.ts). `total` entries in `logCount` logs
 * were in the window: the locations may come from fewer logs ("nearest in 12 of 84 logs").
 */
export interface RelatedAnswer {
  locations: RelatedLocation[];
  /** The other logs left out: their offset is unknown, so their UTC is. */
  unknownOffsetLogs: string[];
  /** Names of the first of them (up to 100), as the list shows them (with the machine when several). */
  unknownOffsetNames?: string[];
  windowSeconds: number;
  total: number;
  logCount: number;
}

export interface FileInfoParams { uri: string }
/** The offset the other logs of a log's folder write (features/folderOffset.ts): offered, never applied. */
export interface FolderOffer {
  /** Read as cmlog.offsetConvention reads cmlog.defaultOffset (the value the command writes). */
  offset: number;
  /** e.g. "UTC-07:00". */
  zone: string;
  /** The log that wrote it last, e.g. "CcmExec.log". */
  source: string;
  /** Other offsets the folder's logs wrote, e.g. ["UTC-08:00"]. */
  others?: string[];
  /** With `others`: whether each is an hour from `offset` (a DST change); else the logs write other zones. */
  dst?: boolean;
  /**
   * The folder (a URI) whose logs wrote it, when above the log's own (a device folder, for its
   * Panther subfolder): the command writes the offset for it. Absent: the log's own folder.
   */
  from?: string;
  /** `from`'s name, as the offer names it (e.g. "DEVICE2"). */
  fromName?: string;
}
export interface FileInfo {
  /** A format id (parse/formats/ids.ts), or 'mixed'. */
  format: FormatId | 'mixed';
  /** With 'mixed': the names of the formats its records have, in the order they first appear. */
  formats?: string[];
  encoding: string;
  entries: number;
  errors: number;
  warnings: number;
  /** e.g. "UTC-07:00", "UTC-07:00 / UTC-08:00" (several), "no offset (UTC unknown)", "no offset, default UTC-05:00". */
  timeZone: string;
  /** `timeZone` in a few words for the status bar, e.g. "UTC-07:00", "UTC+05:30 (folder)", "no offset". */
  zone: string;
  /** Records without offset, and the folder's other logs write one: what they say (the status bar offers it). */
  offer?: FolderOffer;
  /** Why there is no offer: no records, each record writes its offset, no other log of the folder writes one, or it is in use. */
  noOffer?: 'noRecords' | 'ownOffsets' | 'noneInFolder' | 'inUse';
  /** What the log is, when its name is a known ConfigMgr or Intune log: its purpose and where it is kept. */
  about?: string;
}

export interface StepToRecordParams { uri: string; line: number; severity: 'error' | 'warning'; direction: 'next' | 'previous' }
/** The record's first line; `wrapped`: found past the log's end (or before its start). */
export interface StepToRecordResult { line: number; wrapped: boolean }

export interface MarkupRangesParams { uri: string; startLine: number; endLine: number }
/** Characters [start, end) of a line. */
export interface MarkupRange { line: number; start: number; end: number }

export interface LineRange { start: number; end: number }
export interface SeverityRanges { errors: LineRange[]; warnings: LineRange[] }

export interface LookupParams { code: string }
export interface LookupResult { markdown: string | null }

/** The settings under `cmlog.*` the server reads (resource scope). */
export interface ServerSettings {
  defaultOffset: number | null;
  /**
   * Offsets for the logs of one folder (a collected machine's logs), read like defaultOffset and
   * before it: absolute folder paths (relative keys resolved against the workspace folder).
   */
  folderOffsets: Record<string, number>;
  offsetConvention: 'bias' | 'utc-offset';
  rules: Record<string, string>;
  problemsScope: 'workspace' | 'openFiles';
  include: string[];
  codeLens: { enabled: boolean; windowSeconds: number; severities: ('error' | 'warning' | 'information')[]; maxPerFile: number };
  /** Hints at the start of each record: its time, and optionally its component and thread. */
  inlayHints: { enabled: boolean; component: boolean; thread: boolean };
}

// ---------------------------------------------------------------------------------------------
// The table (the "CMLog Table" custom editor, issue #15). A table is a view the server keeps for the
// client on one log or a merge of several (any folders); rows are fetched on demand by range, never
// the whole log. Row numbers are positions in the *filtered* view; `version` grows with every change
// of the view (filter, appended rows, a reset after truncation/rotation), and an answer for an older
// version is stale. All text in answers is log text: untrusted, shown as text, never as markup.

/** Up to this many rows per `tableRows` request. */
export const TABLE_MAX_ROWS = 1000;
/** Highlight rules a rows request may carry: more are ignored. */
export const TABLE_MAX_HIGHLIGHTS = 32;

export interface TableOpenParams {
  /** One log: its table. Several: their merge, sorted by UTC. */
  uris: string[];
}
export interface TableSource {
  uri: string;
  /** File name. */
  name: string;
  /** The machine, where known (a collected folder or archive named after it); else the folder name. */
  machine: string;
  /** The name as the table shows it: `machine › name` when the table spans several machines, else `name`. */
  label: string;
  /** A stable slot per log (its index), for its swatch in the source column of a merge (the page maps it to a colour and shape). */
  color: number;
  /** e.g. "no offset written: placed with UTC-05:00 (cmlog.defaultOffset)", "offset unknown: placed last". */
  note?: string;
}
/**
 * A merge banner's offer (table/sourceNote.ts mergeOffers): "DEVICE2's CcmExec.log writes UTC+05:30",
 * and a log it is for: its button runs Commands.useFolderOffset with [uri], as the lens does.
 */
export interface TableOffer { text: string; uri: string }
export interface TableOpenResult {
  tableId: string;
  version: number;
  /** Rows in the view after the filter; and entries before it. */
  rows: number;
  total: number;
  /** The log is still being read (a large file): more rows arrive by `tableChanged`. */
  reading: boolean;
  sources: TableSource[];
  notes: string[];
  /** The folder offsets the merge's logs placed last could take (the lens's offer), each a button of the banner. */
  offers?: TableOffer[];
  /** A log of the table could not be read (read from disk and gone, unreadable or failed part way; or held by the server and its file deleted): its name and why. The rows read before stay. Untrusted text. */
  error?: string;
  /**
   * Where Live shows a merge of this `version`: its last row with a time, when rows without one (sorted
   * after every timed row) follow it. Absent when the end is the place (one log, no untimed tail).
   */
  timedEnd?: number;
}

/** A filter; every part optional, absent = no restriction. Applies live; replaces the previous one. */
export interface TableFilter {
  severities?: SeverityName[];
  components?: { include?: string[]; exclude?: string[] };
  threads?: { include?: string[]; exclude?: string[] };
  /** Source URIs shown (a merge). */
  sources?: string[];
  /** UTC milliseconds, inclusive; rows with unknown UTC are compared by wall clock. */
  from?: number | null;
  to?: number | null;
  /** Message text: every `contains` present, no `notContains` present, `regex` matching. */
  text?: { contains?: string[]; notContains?: string[]; regex?: string; caseSensitive?: boolean };
}
export interface TableFilterParams {
  tableId: string;
  filter: TableFilter;
  /** The entry the page has selected (a row's `source` and `entry`): the answer says where it is now. */
  keep?: { source: number; entry: number };
  /**
   * With `keep`, the other end of a selected range (where shift extended it from): the answer says
   * which rows of the new view the range covers. Two entries, however many rows are selected.
   */
  keepFrom?: { source: number; entry: number };
  /**
   * The page's cache: pages of `size` rows from row 0, and `reach` rows it draws either side of a row
   * in view (its view and overscan). The answer then carries the first rows it shows (`page`).
   */
  page?: { size: number; reach: number };
  /** As TableRowsParams.highlights, applied to `page`'s rows. */
  highlights?: TableHighlight[];
}
export interface TableFilterResult {
  version: number;
  rows: number;
  /** The row of `keep` in the filtered view, or the shown row nearest to it; null when none. */
  kept?: number | null;
  /**
   * With `keepFrom`: the first and last rows of the new view within the range (each end mapped to
   * itself or the shown row nearest to it inside the range), as `from` (keepFrom's end) and `to`
   * (keep's end); null when the new view shows no row of the range.
   */
  keptRange?: { from: number; to: number } | null;
  /** Why the filter (or part of it) was refused, e.g. a regular expression that cannot run in time. */
  error?: string;
  /** As TableOpenResult.timedEnd. */
  timedEnd?: number;
  /**
   * With TableFilterParams.page: the rows of this view the page shows first, as a rows answer's, so it
   * draws them without asking: whole pages around the row it shows (keptRange's `to`, else `kept`,
   * else the first), from row `start`, at most TABLE_MAX_ROWS.
   */
  page?: { start: number } & Pick<TableRowsResult, 'items' | 'highlightErrors'>;
}

/** Text highlight rules, applied by the server to the rows it sends (first matching rule wins). */
export interface TableHighlight { text?: string; regex?: string; caseSensitive?: boolean }

export interface TableRowsParams {
  tableId: string;
  start: number;
  /** At most TABLE_MAX_ROWS. */
  count: number;
  /** At most TABLE_MAX_HIGHLIGHTS. */
  highlights?: TableHighlight[];
}
export interface TableRow {
  /** Row number in the filtered view. */
  row: number;
  /** Index into TableOpenResult.sources. */
  source: number;
  /** Entry index in its log, and the 0-based line it starts on. */
  entry: number;
  line: number;
  severity: SeverityName;
  /** Date and time as written ('' if none); for a format whose clock lacks the date (MSI), the record's wall clock. */
  time: string;
  /** UTC in ms, null when unknown. */
  utc: number | null;
  component: string;
  thread: string;
  /** First line of the message, cut to a bounded length. */
  message: string;
  /** The message has more lines or was cut. */
  more: boolean;
  /** Problems (findings) on this record. */
  problems: number;
  /** Index of the first highlight rule that matches, or -1. */
  highlight: number;
}
export interface TableRowsResult {
  version: number;
  rows: number;
  items: TableRow[];
  /** The view's Live place, as TableOpenResult.timedEnd. */
  timedEnd?: number;
  /** The highlight rules of the request that could not run, each once, in rule order (at most the 32 a request carries). */
  highlightErrors?: TableHighlightError[];
}
/** A highlight rule that could not run (a bad or too slow pattern): it highlights nothing. */
export interface TableHighlightError {
  /** Its index among the highlights sent. */
  rule: number;
  error: string;
  /** The pattern itself is wrong (it will never run); absent: too slow on these rows. */
  invalid?: true;
}

export interface TableFacetsParams {
  tableId: string;
  /** A merge narrowed by its Machines and Logs pickers: the URIs of the logs picked (the filter's `sources`). Absent: every log. */
  sources?: string[];
}
export interface TableFacet { name: string; count: number }
export interface TableFacetsResult {
  /** Counts over all entries of the logs picked (not the filtered rows); at most 1000 names each, most frequent first. */
  components: TableFacet[];
  threads: TableFacet[];
  severities: Record<SeverityName, number>;
  /** Entries per source (TableOpenResult.sources' order), every source whatever is picked: the counts of a merge's Machines and Logs pickers. */
  sources?: number[];
  /** Bounds of the known UTC of the logs picked, ms. */
  firstUtc: number | null;
  lastUtc: number | null;
}

/** Find from a row (exclusive), forwards or backwards, within the filtered rows. */
export interface TableFindParams {
  tableId: string;
  from: number;
  direction: 'next' | 'previous';
  /** A text or pattern in the message; or the next record of a severity (CMTrace's "next error"). */
  text?: string;
  regex?: string;
  caseSensitive?: boolean;
  severity?: 'error' | 'warning';
}
export interface TableFindResult { row: number | null; error?: string }

/**
 * The row at or after a time: UTC ms; or a wall clock as written in the logs (ms, as if UTC), a
 * whole date and time (`wall`) or a time of day (`timeOfDay`, ms since midnight) on the day the
 * reference `row` shows. The typed clock is the reference row's log's own (first row without one):
 * its day is that log's wall day, which differs from the UTC day far from UTC. With `clock: 'utc'`,
 * a time of day is UTC on the reference row's UTC day (its log's clock when the row has no UTC).
 */
export interface TableGotoTimeParams { tableId: string; utc?: number; wall?: number; timeOfDay?: number; row?: number; clock?: 'utc' }
/**
 * The first row at or after the time; `laterMs`: how long after the time asked it is, when the server
 * can tell; `clock: 'log'` when a time asked in UTC was read in the reference row's log clock.
 */
export interface TableGotoResult { row: number | null; laterMs?: number; clock?: 'log' }

/** The row of a log line (the text editor's "show in table"). */
export interface TableRowOfLineParams { tableId: string; uri: string; line: number }

export interface TableDetailParams { tableId: string; row: number }
export interface TableDetail {
  uri: string;
  line: number;
  /** The whole message (bounded; `cut` says it was cut). */
  message: string;
  cut: boolean;
  /** Every attribute as written (time, date, component, context, type, thread, file, offset, UTC...). */
  attributes: { name: string; value: string }[];
  /** The record's problems: severity, the one-line message, and the hover's Markdown (escaped log text). */
  problems: { severity: 'error' | 'warning' | 'information' | 'hint'; message: string; markdown: string }[];
  /** At the same moment in other logs (nearest first, bounded): what the lens shows. */
  sameMoment: { uri: string; name: string; line: number; deltaMs: number; message: string; row: number | null }[];
}

/** Copy: rows [start, end) (of the filtered view) as tab-separated columns or the raw lines. */
/** The table's columns, in the order the page shows them. */
export type TableColumnId = 'severity' | 'time' | 'utc' | 'source' | 'component' | 'thread' | 'message';
/** `columns`: those a TSV copy writes (the ones the page shows); by default all (source only in a merge). */
export interface TableCopyParams { tableId: string; ranges: { start: number; end: number }[]; as: 'tsv' | 'raw'; columns?: TableColumnId[] }
export interface TableTextResult { text: string; cut: boolean }

/** "Open as text": the current rows as plain text (bounded). */
export interface TableExportParams { tableId: string }

export interface TableCloseParams { tableId: string }

/** The view changed without a request: rows appended (a live log, a large file being read) or reset. */
export interface TableChangedParams {
  tableId: string;
  version: number;
  rows: number;
  total: number;
  reading: boolean;
  /** Rows were replaced, not only appended (truncation, rotation): the client drops what it holds. */
  reset: boolean;
  /** As TableOpenResult.error. */
  error?: string;
  /** With a reset: the banner and sources as they are now (an offset setting changed how logs are placed). */
  banner?: TableBanner;
  /** As TableOpenResult.timedEnd (absent too when `version` is not the view's now: paused). */
  timedEnd?: number;
  /**
   * With a reset, once the page said where it shows the table (TablePlaceParams): the rows it shows
   * next, as TableFilterResult.page (around its Live place when Live and read, else its top row kept),
   * and the `token` of the place they were made for. With an append, the same when the page said it is
   * Live and the log is read (the rows at its Live place); else none.
   */
  page?: { start: number; token: number } & Pick<TableRowsResult, 'items' | 'highlightErrors'>;
}

/**
 * Where the page shows the table, and how it holds rows, for the rows a change carries
 * (TableChangedParams.page): said again when it changes (Live, scrolled, resized, other highlights).
 */
export interface TablePlaceParams {
  tableId: string;
  /** The page follows the end: after a reset or an append it shows the Live place (timedEnd, else the last row) once the log is read. */
  live: boolean;
  /** Else the first row in view: a reset keeps that row number (the last row when the view is shorter). */
  top: number;
  /** As TableFilterParams.page. */
  page: { size: number; reach: number };
  /** As TableRowsParams.highlights. */
  highlights?: TableHighlight[];
  /** Said back with the rows: the page draws rows made with the rules it has now only. */
  token: number;
}

/** A merge's banner: its offers always said (none is `[]`), so one taken does not stay on a page that holds the last. */
export type TableBanner = Pick<TableOpenResult, 'sources' | 'notes'> & { offers: TableOffer[] };

/** Logs a table's status names at most (the others are counted: "and 990 more"). */
export const TABLE_STATUS_NAMED = 10;
export interface TableStatusParams { tableId: string }
/** A log of a table's status: its name as the table shows it (untrusted), its records, format and zone in short. */
export interface TableStatusLog { label: string; errors: number; warnings: number; format: string; zone: string }
/**
 * The status bar's summary of a table (a merge's, in one request): its logs' records added up, the
 * formats and zones they have (each once: the first TABLE_STATUS_NAMED, and how many in all), and
 * the first TABLE_STATUS_NAMED logs read, named. Zones are each log's own placement, without the
 * folder offers (the merge's banner makes those).
 */
export interface TableStatus {
  /** Logs in the table, and those of them whose entries it has (a log not read yet, or unreadable, is not). */
  logs: number;
  read: number;
  entries: number;
  errors: number;
  warnings: number;
  formats: string[];
  formatCount: number;
  zones: string[];
  zoneCount: number;
  named: TableStatusLog[];
}

/** Live follow: paused tables get no `tableChanged` until resumed (then one with the state). */
export interface TableFollowParams { tableId: string; follow: boolean }

export const TableRequests = {
  open: new RequestType<TableOpenParams, TableOpenResult, void>('cmlog/table/open'),
  filter: new RequestType<TableFilterParams, TableFilterResult, void>('cmlog/table/filter'),
  rows: new RequestType<TableRowsParams, TableRowsResult, void>('cmlog/table/rows'),
  facets: new RequestType<TableFacetsParams, TableFacetsResult, void>('cmlog/table/facets'),
  find: new RequestType<TableFindParams, TableFindResult, void>('cmlog/table/find'),
  gotoTime: new RequestType<TableGotoTimeParams, TableGotoResult, void>('cmlog/table/gotoTime'),
  rowOfLine: new RequestType<TableRowOfLineParams, TableGotoResult, void>('cmlog/table/rowOfLine'),
  detail: new RequestType<TableDetailParams, TableDetail | null, void>('cmlog/table/detail'),
  copy: new RequestType<TableCopyParams, TableTextResult, void>('cmlog/table/copy'),
  exportText: new RequestType<TableExportParams, TableTextResult, void>('cmlog/table/export'),
  /** The status bar's summary of the table; null: no such table. Asked again on each `changed` of it. */
  status: new RequestType<TableStatusParams, TableStatus | null, void>('cmlog/table/status'),
  follow: new RequestType<TableFollowParams, void, void>('cmlog/table/follow'),
  place: new RequestType<TablePlaceParams, void, void>('cmlog/table/place'),
  close: new RequestType<TableCloseParams, void, void>('cmlog/table/close'),
} as const;

export const TableNotifications = {
  changed: new NotificationType<TableChangedParams>('cmlog/table/changed'),
} as const;
