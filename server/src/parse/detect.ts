// Is this text a ConfigMgr log? Judged from content, never from the file name: `.log` files of
// other formats (CBS, DISM, PSADT) stay what they are, and a CMTrace log named `.txt` is found.
import type { Format } from '../model';
import { EntryTable } from './entryTable';
import { FORMATS } from './formats';
import { EntryFlag } from '../model';
import { scan, SpanList, START } from './scan';

export type Detected = Format;

/**
 * The format of the first records (up to `limit` characters) of a text (a string, or ASCII bytes
 * as `decode` gives them), read by the scanner: 'mixed' when they are of several formats.
 */
export function detectFormat(text: string | Uint8Array, limit = 64 * 1024): Detected {
  const sample = text.length <= limit ? text : typeof text === 'string' ? text.slice(0, limit) : text.subarray(0, limit);
  const table = new EntryTable(64);
  scan(sample, START, table, new SpanList());
  let found = -1;
  for (let i = 0; i < table.count; i++) {
    // A cut-off record alone proves little (the sample may end inside one): count whole ones.
    if (table.flags[i] & EntryFlag.Truncated) continue;
    if (found >= 0 && table.format[i] !== found) return 'mixed';
    found = table.format[i];
  }
  return found < 0 ? 'plain' : (FORMATS[found].id as Format);
}

/** What a log's name is: defined once (the client shares it). */
export { isLogFileName, liveLogName } from './formats/logName';
