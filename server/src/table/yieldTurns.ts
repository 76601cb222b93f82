// Giving the event loop back between pieces of long work (reading a log from disk, filtering a
// merge), so the table's requests are answered meanwhile.

/** One turn of the event loop (an immediate). */
export const yieldNow = (): Promise<void> => new Promise<void>((r) => setImmediate(r));

/** `n` turns, one after another. */
export async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await yieldNow();
}
