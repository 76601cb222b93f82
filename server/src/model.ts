// The shapes every layer shares. Pure data: no parsing, no LSP, no file system.
import type { FormatId } from './parse/formats/ids';

import type { FindingSeverity, Severity } from './severity';

export { Severity } from './severity';

/** What a file turned out to contain, judged from its content: a format's id, or records of several. */
export type Format = FormatId | 'mixed';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * How to read a written offset. ConfigMgr writes the Windows bias (UTC = local + bias);
 * some scripts (PSADT) write the .NET UTC offset (UTC = local - offset).
 */
export type OffsetConvention = 'bias' | 'utc-offset';

export interface ParseOptions {
  /** Minutes, read with `offsetConvention`, used for records that carry no offset. Unset: their UTC is unknown. */
  defaultOffset?: number | null;
  offsetConvention?: OffsetConvention;
  /** The file's name (a path will do): a writer's own name for its logs can say how it writes offsets (parse/utcOffsetWriters.ts). */
  fileName?: string | null;
}

/** Per-entry flags, stored in one byte. */
export const EntryFlag = {
  /** The offset is written as only scripts write it (`+-240`, glued to the fraction): a .NET UTC offset (time.ts). */
  UtcOffset: 1,
  /** CMTrace record cut off before `]LOG]!>`. */
  Truncated: 2,
  /** The attribute block is missing or could not be read. */
  BadAttributes: 4,
  /** Time or date missing or unreadable: no wall clock. */
  BadTime: 8,
  /** The time carries no offset. */
  NoOffset: 16,
  /** The time carries an offset that cannot be read. */
  BadOffset: 32,
} as const;

/** How the UTC of an entry was obtained. */
export type OffsetSource = 'written' | 'default' | 'missing' | 'unreadable';

/** One record, materialised on demand from the column store. */
export interface Entry {
  index: number;
  /** The record's format (its id in parse/formats). */
  kind: FormatId | (string & {});
  /** Character offsets into the decoded text; [start, end) includes the line end and blank lines after it. */
  start: number;
  end: number;
  /** 0-based first and last line of the record's content. */
  line: number;
  endLine: number;
  message: string;
  severity: Severity;
  component: string;
  thread: string;
  context?: string;
  file?: string;
  /** The `type` attribute as written ('' when empty, undefined when absent). */
  type?: string;
  /** Time and date exactly as written. */
  timeText?: string;
  dateText?: string;
  /** Wall clock as milliseconds, as if it were UTC (i.e. the digits as written); null if unreadable. */
  wall: number | null;
  /** The offset as written, in minutes (sign as written); null when absent or unreadable. */
  offset: number | null;
  offsetSource: OffsetSource;
  /** UTC in milliseconds since the epoch, null when the time or the offset is unknown. */
  utc: number | null;
  truncated: boolean;
}

/** Text that belongs to no record: banners, stack traces, plain-text logs. */
export interface UnparsedSpan {
  start: number;
  end: number;
  line: number;
}

/**
 * What a rule reports: pure data, turned into LSP diagnostics or CLI lines by the features layer.
 * `Data` is the rule's own (see its `Rule<Data>`); it reaches `cmlog check --format json` as is.
 */
export interface Finding<Data = unknown> {
  ruleId: string;
  severity: FindingSeverity;
  /** The file (a path or URI string, whatever the caller keyed its files by). */
  file: string;
  line: number;
  endLine: number;
  entryIndex?: number;
  message: string;
  data?: Data;
  related?: RelatedLocation[];
}

export interface RelatedLocation {
  file: string;
  line: number;
  message: string;
}
