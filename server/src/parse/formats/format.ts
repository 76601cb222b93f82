// What a log format is to the rest of the code: one module per format (cmtrace.ts, legacy.ts,
// plain.ts) implements this, and the registry (index.ts) lists them. The scanner, detection, the
// grammar choice, the status bar and the model's record parts all ask a format through here.
import type { Codes } from '../time';

/** [start, end) character offsets in the log's text. */
export type Range = [number, number];

/**
 * Where a record's parts are written (global offsets), read on demand from the model: the
 * scanner stores only the message range; the rest is read again by the format's own reader.
 */
export interface RecordParts {
  /** The message text, without the format's markers. */
  message: Range;
  /** The message as the editor shows it, markers included (what is coloured and folded). */
  body: Range;
  /** Where the time and the date are written, markers included (what a time hover covers). */
  clock: Range[];
  // Attribute values as written, when the record has them.
  time?: Range;
  date?: Range;
  component?: Range;
  thread?: Range;
  context?: Range;
  type?: Range;
  file?: Range;
}

/** What a format's parts reader is given: the record's text and where its message is. */
export interface RecordView {
  start: number;
  end: number;
  msgStart: number;
  msgEnd: number;
  /** The record was cut off before its end marker. */
  truncated: boolean;
  /** The record's attributes could not be read by the scanner. */
  badAttributes: boolean;
  /** The text in [a, b) of the log. */
  text(a: number, b: number): string;
}

/**
 * A record of a format that the scanner does not read inline (see scan.ts): what `readLine`
 * found on one whole line. Local offsets into the scanned codes; -1 / empty ranges when absent.
 */
export interface LineRecord {
  msgStart: number;
  msgEnd: number;
  /** Wall clock in ms as if UTC, NaN when unreadable. */
  wall: number;
  /** Offset in minutes as written, or NO_OFFSET / BAD_OFFSET (see time.ts). */
  offset: number;
  /** 0..3 as written by the format, or -1: judged by the severity keywords of the message. */
  severity: number;
  compStart: number;
  compEnd: number;
  threadStart: number;
  threadEnd: number;
  /** Where the time (and date) are written, markers included; and the level word. Read by `parts`, not the scanner. */
  clockStart: number;
  clockEnd: number;
  levelStart: number;
  levelEnd: number;
}

/**
 * What a line format carries from line to line in one file (an MSI log's date, written once in its
 * banner): a few numbers, which the scanner copies before every line it asks the format about (to
 * resume a record from the state it was read in) — element by element, as an Object.assign there
 * cost MSI logs a third of their parse time.
 */
export type LineState = Float64Array;

/** Copies a LineState's numbers into another of its format's. */
export function copyState(to: LineState, from: LineState): LineState {
  for (let i = 0; i < from.length; i++) to[i] = from[i];
  return to;
}

/**
 * A line format decides whether it claims a line from the line's first LINE_HEAD characters (its
 * markers' searches stop there): the scanner stops re-reading a long last line still being
 * written, which no format claimed, once it is longer. Lines longer than LINE_MAX are never a
 * line format's record (a bound on what an append may read again).
 */
export const LINE_HEAD = 4096;
export const LINE_MAX = 64 * 1024;

export interface LogFormat<Id extends string = string> {
  /** Stable id: what `cmlog check --format json` and the status bar protocol say. */
  readonly id: Id;
  /** What the status bar calls it. */
  readonly name: string;
  /** The TextMate scope its records are coloured by. */
  readonly scope: string;
  /**
   * Whether a sample of text (a file's beginning) holds a record of this format. Cheap and
   * independent of the scanner: the client's language detection uses it alone.
   */
  recognise(sample: string): boolean;
  /** The message as features show it, from the text of its range. */
  messageText(raw: string): string;
  /** Where the parts of a record of this format are (see RecordParts). */
  parts(record: RecordView): RecordParts;
  /**
   * For formats the scanner does not read inline: reads the record on the whole line
   * codes[a, eol) into `out`, or returns false when the line is not one. CMTrace and legacy have
   * none (the scanner reads them itself, on its hot path), nor has plain text (no records).
   * Decides from codes[a, a + LINE_HEAD) (see LINE_HEAD).
   */
  readLine?(codes: Codes, a: number, eol: number, out: LineRecord, state?: LineState): boolean;
  /**
   * The state `readLine` is given, fresh for a file's start (formats without one have none).
   * `readLine` changes it only when it returns true.
   */
  newState?(): LineState;
  /**
   * Whether a record continues on the lines after it that no format claims (CBS, DISM, Panther):
   * they join its message, up to CONTINUATION_MAX_LINES / CONTINUATION_MAX_CHARS (scan.ts).
   */
  readonly continues?: boolean;
  /**
   * Whether a record's severity is its first line's alone: the lines that continue it are not
   * judged by the keywords (MSI: they are a custom action's output or a value on several lines,
   * and MSI writes its own verdict on lines of their own).
   */
  readonly judgedByFirstLine?: boolean;
  /**
   * Whether a record's written clock may lack the date (MSI: the banner's date carries to lines
   * that write a time of day, or no time at all): the table shows its wall clock instead.
   */
  readonly clockLacksDate?: boolean;
  /**
   * A record `readLine` read with no date (its wall clock NaN: an MSI line mixed into a log without
   * MSI's banner, a CMTrace agent log): its wall clock, dated by the record before it in the file
   * (`before`, that record's wall clock), or NaN. Asked by the scan for such records only.
   */
  datedBy?(state: LineState | undefined, before: number): number;
  /**
   * Whether its records are stamped in UTC (`Z`, Company Portal): the offset they carry is no
   * machine's bias, so it places them but never speaks for their folder (features/folderOffset.ts).
   */
  readonly writesUtc?: boolean;
}
