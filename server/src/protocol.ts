// Custom requests and command ids shared by the client and the server. Plain strings and types
// only: each side bundles its own JSON-RPC library.

export const LANGUAGE_ID = 'cmlog';

export const Requests = {
  /** Status bar facts of one log. */
  fileInfo: 'cmlog/fileInfo',
  /** Ranges of error / warning records, for CMTrace-style line backgrounds drawn by the client. */
  severityRanges: 'cmlog/severityRanges',
  /** Markdown explanation of an error code. */
  lookupErrorCode: 'cmlog/lookupErrorCode',
} as const;

export const Commands = {
  copyToClipboard: 'cmlog.copyToClipboard',
  lookupErrorCode: 'cmlog.lookupErrorCode',
  showOutput: 'cmlog.showOutput',
} as const;

export interface FileInfoParams { uri: string }
export interface FileInfo {
  format: 'ccm' | 'sms' | 'mixed' | 'plain';
  encoding: string;
  entries: number;
  errors: number;
  warnings: number;
  /** e.g. "UTC-07:00", "UTC-07:00 / UTC-08:00" (several), "no offset (UTC unknown)", "no offset, default UTC-05:00". */
  timeZone: string;
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
}
