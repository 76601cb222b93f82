// Symbolic names of Windows error values (Win32 codes, HRESULTs, NTSTATUS, Windows Update, BITS,
// WinHTTP, WMI, ADSI, LAN Manager) from the generated table. Names only: meanings are hand-written in
// errorCodes.ts. The table is decoded once, on the first lookup, into a Map (O(1) lookups after).
import { COUNT, NAMES, VALUES } from './errorCodeNames.generated';

export const SOURCE_WINDOWS_HEADERS = 'Windows SDK headers (symbol name as published in the MinGW-w64 headers, public domain)';

let byValue: Map<number, string> | undefined;

/** Builds the value -> name Map from the compact table (exported for the bench: its one-time cost). */
export function decodeHeaderNames(): Map<number, string> {
  const map = new Map<number, string>();
  const deltas = VALUES.split(',');
  const coded = NAMES.split(',');
  let value = 0;
  let name = '';
  for (let i = 0; i < COUNT; i++) {
    value += parseInt(deltas[i]!, 36);
    const c = coded[i]!;
    name = name.slice(0, parseInt(c[0]!, 36)) + c.slice(1);
    map.set(value, name);
  }
  return map;
}

/** The header name of exactly this unsigned 32-bit value (values up to 0xFFFF are Win32 codes). */
export function headerName(value: number): string | undefined {
  byValue ??= decodeHeaderNames();
  return byValue.get(value >>> 0);
}

/** How many values have a name (for the bench and tests). */
export function headerNameCount(): number {
  byValue ??= decodeHeaderNames();
  return byValue.size;
}
