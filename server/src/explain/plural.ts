// Counts in words: "1 error", "2 errors", "1 entry", "3 entries". One place, so no message says
// "1 times" or "1 errors".

/** `n` and the noun, singular when n is 1; `many` when the plural is not the noun + "s". */
export function counted(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}
