// What repeats from record to record, kept by one scan so that it is read once: the date last
// read, and names last seen. A hit is confirmed by comparing characters and makes no string.
import type { Interner } from './entryTable';
import { type Codes, readDate } from './time';

/** A character whose code is 255 in the codes, alone or for others (see codeUnits). */
const WIDE = /[\xff-\uffff]/;

/** Slots of the per-scan name caches (a power of two). */
export const NAME_SLOTS = 1024;

/** The date read last: where it was and its day number (NaN when unreadable), to compare with. */
export class DateCache {
  at = -1;
  len = 0;
  days = NaN;
  /** Day number of the date in codes[a, b), read only when it is not the one kept. */
  read(codes: Codes, a: number, b: number): number {
    return this.at >= 0 && b - a === this.len && sameRange(codes, a, this.at, this.len) ? this.days : this.keep(codes, a, b);
  }
  /** Where the date at codes[a] ends when it is the one kept and `term` follows it, else -1. */
  endAt(codes: Codes, a: number, term: number): number {
    return this.at >= 0 && codes[a + this.len] === term && sameRange(codes, a, this.at, this.len) ? a + this.len : -1;
  }
  /** Reads and keeps the date in codes[a, b); returns its day number. */
  keep(codes: Codes, a: number, b: number): number {
    this.at = a;
    this.len = b - a;
    return (this.days = readDate(codes, a, b));
  }
}

/**
 * Names last seen, one per slot (picked by a hash of a few characters): the interned id, where in
 * the text the name was, and its length, to compare with before taking the interner's map.
 */
export class NameCache {
  readonly ids = new Int32Array(NAME_SLOTS).fill(-1);
  readonly at = new Int32Array(NAME_SLOTS);
  readonly len = new Int32Array(NAME_SLOTS);
  constructor(private readonly names: Interner) {}
  /**
   * Interns `name`, seen at `at`, and remembers it in `slot`; returns its id. A name with a
   * character from 255 up is not remembered: its codes say 255 for all of them (see codeUnits),
   * and a hit, compared by codes, could take another such name for it.
   */
  keep(slot: number, at: number, len: number, name: string): number {
    const id = this.names.id(name);
    if (WIDE.test(name)) return id;
    this.ids[slot] = id;
    this.at[slot] = at;
    this.len[slot] = len;
    return id;
  }
}

/** Whether codes[a, a + len) equals codes[b, b + len). */
export function sameRange(codes: Codes, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (codes[a + k] !== codes[b + k]) return false;
  return true;
}
