// JSON arrays as long as the input (findings, related entries) printed one item per line as the
// items come: no string ever holds them all.
import { jsonText } from './escape';
import type { Io } from './common';

/** Items of a JSON array. Each is printed one behind, so the last one is known and gets no comma. */
export function jsonList(io: Io, indent = '    ') {
  let pending: string | null = null;
  return {
    item(value: unknown): void {
      if (pending !== null) io.out(pending + ',');
      pending = indent + jsonText(value);
    },
    /** Prints the last item and `closing` (the `]` and what follows it). */
    end(closing: string): void {
      if (pending !== null) io.out(pending);
      pending = null;
      io.out(closing);
    },
  };
}
