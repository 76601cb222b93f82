// "Did you mean ...?" for a mistyped name (a rule id): the known name fewest edits away, when it is
// close enough to be what was meant.

/** Names longer than this are not compared: the work is length × length, and no id is this long. */
const MAX_CHARS = 100;

/** The name of `known` nearest to `given` in edits (Levenshtein), if at most a third of its length away. */
export function nearestName(given: string, known: readonly string[]): string | undefined {
  if (given.length > MAX_CHARS) return undefined;
  let best: string | undefined, bestDistance = Infinity;
  for (const name of known) {
    if (name.length > MAX_CHARS) continue;
    const d = distance(given.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) { best = name; bestDistance = d; }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

/** Edits (insert, delete, replace) from a to b, two rows of the table at a time. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}
