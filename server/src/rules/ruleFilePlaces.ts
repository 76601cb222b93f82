// Where each rule of a rule file starts, so a problem in a rule is shown on that rule (not on the
// file's first line). JSON.parse says nothing of places; this walks the text once (linear, no
// recursion, no regex), for text JSON.parse has already accepted.

/** Line and column (both 0-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 0, start = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) { line++; start = i + 1; }
  return { line, column: end - start };
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * The offset of each element of the top-level object's `rules` array (its last `rules` key, as
 * JSON.parse keeps the last), in order; empty when there is none. `text` must be valid JSON.
 */
export function ruleOffsets(text: string): number[] {
  let depth = 0;
  let offsets: number[] = [];
  let collecting: number[] | null = null; // the elements of the `rules` array being read
  let expectElement = false;
  let lastString = '';
  let afterKey = false; // `"rules":` was just read at depth 1
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 0xfeff) continue;
    if (collecting && depth === 2 && expectElement && c !== 0x5d /* ] */) {
      collecting.push(i);
      expectElement = false;
    }
    if (c === 0x22 /* " */) {
      const from = i + 1;
      for (i = from; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22) break;
      }
      lastString = depth === 1 ? text.slice(from, Math.min(i, from + 8)) : '';
      continue;
    }
    if (c === 0x3a /* : */) {
      afterKey = depth === 1 && lastString === 'rules';
      continue;
    }
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth++;
      if (afterKey && depth === 2 && c === 0x5b) { collecting = []; expectElement = true; }
      afterKey = false;
      continue;
    }
    afterKey = false;
    if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      if (collecting && depth === 2) { offsets = collecting; collecting = null; }
      depth--;
      continue;
    }
    if (c === 0x2c /* , */ && collecting && depth === 2) expectElement = true;
  }
  return offsets;
}
