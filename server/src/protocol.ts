// The custom protocol shared by the client and the server: every custom request is a typed
// constant here, so both sides agree on its method name, parameters and answer (as vscode-eslint
// and rust-analyzer do). Types and constants only: no Node-only or vscode-only code.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

export const LANGUAGE_ID = 'cmlog';

/** The scheme of merged views (read-only virtual documents the client provides, the server fills). */
export const MERGED_SCHEME = 'cmlog-merged';

export const Requests = {
  /** Status bar facts of one log. */
  fileInfo: new RequestType<FileInfoParams, FileInfo | null, void>('cmlog/fileInfo'),
  /** Ranges of error / warning records, for CMTrace-style line backgrounds drawn by the client. */
  severityRanges: new RequestType<FileInfoParams, SeverityRanges, void>('cmlog/severityRanges'),
  /** Markdown explanation of an error code. */
  lookupErrorCode: new RequestType<LookupParams, LookupResult, void>('cmlog/lookupErrorCode'),
  /** Entries of other logs around an entry, nearest first (code lens click). */
  related: new RequestType<RelatedParams, RelatedAnswer, void>('cmlog/related'),
  /** The merged view of several logs: its text and where each line comes from. */
  merged: new RequestType<MergedRequestParams, MergedAnswer, void>('cmlog/merged'),
} as const;

/** What the client sends at initialize (`initializationOptions`). */
export interface InitializationOptions {
  /** VS Code workspace trust: the workspace's own rules (`.cmlog/rules.json`) run only when true. */
  trusted?: boolean;
}

export const Notifications = {
  /** The user granted workspace trust after start (onDidGrantWorkspaceTrust). */
  workspaceTrusted: new NotificationType<void>('cmlog/workspaceTrusted'),
} as const;

export const Commands = {
  copyToClipboard: 'cmlog.copyToClipboard',
  lookupErrorCode: 'cmlog.lookupErrorCode',
  showOutput: 'cmlog.showOutput',
  showRelated: 'cmlog.showRelated',
  reveal: 'cmlog.reveal',
  mergeLogs: 'cmlog.mergeLogs',
} as const;

export interface RelatedParams { uri: string; entryIndex: number }
export interface RelatedLocation { uri: string; line: number; deltaMs: number; message: string }
export interface RelatedAnswer { locations: RelatedLocation[]; unknownOffsetLogs: string[]; windowSeconds: number }

export interface MergedParams {
  /** Logs to merge (URIs); default: every log in the folder of `folderOf`. */
  uris?: string[];
  folderOf?: string;
  severities?: ('error' | 'warning' | 'information' | 'success')[];
  components?: string[];
  threads?: string[];
  /** ISO-8601 UTC bounds. */
  from?: string;
  to?: string;
}
/** A merged view's filters and the URI of the view they fill (its diagnostics and links are kept by that URI). */
export interface MergedRequestParams extends MergedParams { viewUri: string }
export interface MergedAnswer {
  text: string;
  /** Source of each line of `text` (0-based lines). */
  sources: { uri: string; line: number }[];
  /** Logs whose offset is unknown (placed last, or left out). */
  notes: string[];
}

export interface FileInfoParams { uri: string }
export interface FileInfo {
  format: 'ccm' | 'sms' | 'mixed' | 'plain';
  encoding: string;
  entries: number;
  errors: number;
  warnings: number;
  /** e.g. "UTC-07:00", "UTC-07:00 / UTC-08:00" (several), "no offset (UTC unknown)", "no offset, default UTC-05:00". */
  timeZone: string;
  /** What the log is, when its name is a known ConfigMgr or Intune log: its purpose and where it is kept. */
  about?: string;
}

export interface LineRange { start: number; end: number }
export interface SeverityRanges { errors: LineRange[]; warnings: LineRange[] }

export interface LookupParams { code: string }
export interface LookupResult { markdown: string | null }

/** The settings under `cmlog.*` the server reads (resource scope). */
export interface ServerSettings {
  defaultOffset: number | null;
  offsetConvention: 'bias' | 'utc-offset';
  rules: Record<string, string>;
  problemsScope: 'workspace' | 'openFiles';
  include: string[];
  codeLens: { enabled: boolean; windowSeconds: number; severities: ('error' | 'warning' | 'information')[]; maxPerFile: number };
}
