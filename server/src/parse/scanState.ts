// What a scan shares with the format readers it calls on its hot path (formats/cmtrace.ts,
// formats/legacy.ts): the text, the record being read, and the caches that make repeated dates and
// names cost nothing. The scanner (scan.ts) is the one implementation.
import type { EntryTable } from './entryTable';
import type { DateCache, NameCache } from './scanCaches';
import type { Codes } from './time';

export interface ScanState {
  readonly codes: Codes;
  readonly table: EntryTable;
  // The record being read: where its time and date are (-1 when missing), its component and
  // thread (empty ranges when missing), and its type as a character code (-1 when empty).
  timeA: number;
  timeB: number;
  dateA: number;
  dateB: number;
  compA: number;
  compB: number;
  threadA: number;
  threadB: number;
  typeCode: number;
  // What a reader read besides: the wall clock (offset in timeOut) and the name ids.
  wall: number;
  compId: number;
  threadId: number;
  /** The legacy thread's number (-1 when too long to be a key). */
  threadNumber: number;
  /** Where the legacy tail read by `readScanTail` ends (after its last `>`). */
  tailEnd: number;
  /** Where the name matched by `matchName` ends. */
  nameEnd: number;
  // Dates of attribute blocks and legacy tails, whose ends are found by comparing (see DateCache).
  readonly quotedDates: DateCache;
  readonly smsDates: DateCache;
  // Component names of CMTrace blocks and of legacy tails (which end at a `>`, which a CMTrace one may contain).
  readonly comps: NameCache;
  readonly smsComps: NameCache;
  /** Wall clock of the record read (from timeA..dateB; offset in timeOut), NaN when unreadable. */
  clock(): number;
  /** The id of the name at codes[a] ending at `term` if it is the one last seen in its slot (its end in nameEnd), else -1. */
  matchName(cache: NameCache, a: number, term: number): number;
  /** Interns the name in codes[a, b) and remembers it where `matchName` looks first. */
  keepName(cache: NameCache, a: number, b: number): number;
  /** Id of the thread in codes[a, b) whose digits make `value` (-1: not a number key). */
  threadNumberId(a: number, b: number, value: number): number;
}
