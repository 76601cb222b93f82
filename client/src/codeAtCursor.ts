// The error code under the cursor, for "Look Up Error Code" when nothing is selected (the hover's
// link passes its code; a user who puts the cursor in `exit code [60001]` and runs the command from
// the palette means that one): a hex code (0x and 1-8 digits) or a decimal one (1-10 digits, a minus
// allowed), whole, as the lookup reads them.
const CODE = /0[xX][0-9A-Fa-f]{1,8}|-?\d{1,10}/g;
/** A letter, digit or underscore next to a code makes it part of a longer word (a GUID, a path). */
const WORD = /[0-9A-Za-z_]/;
/** How far either side of the cursor is looked at: a code is shorter, and a long line is not searched whole. */
const REACH = 24;

export function codeAtCursor(line: string, character: number): string | undefined {
  const from = Math.max(0, character - REACH);
  const part = line.slice(from, Math.min(line.length, character + REACH));
  for (const m of part.matchAll(CODE)) {
    const a = from + m.index, b = a + m[0].length;
    if (a > character || b < character) continue;
    if ((a > 0 && WORD.test(line[a - 1])) || (b < line.length && WORD.test(line[b]))) return undefined;
    // A time, date or version's digits (`08:00:00`, `01-15-2024`, `10.0.19045`) are no code.
    if (joinedDigits(line, a - 2, a - 1) || joinedDigits(line, b + 1, b)) return undefined;
    return m[0];
  }
  return undefined;
}

/** Whether line[sep] is a time, date or version separator with a digit at line[digit] beyond it. */
function joinedDigits(line: string, digit: number, sep: number): boolean {
  return /[-:/.]/.test(line[sep] ?? '') && /\d/.test(line[digit] ?? '');
}
