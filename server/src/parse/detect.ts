// Is this text a ConfigMgr log? Judged from content, never from the file name: `.log` files of
// other formats (CBS, DISM, PSADT) stay what they are, and a CMTrace log named `.txt` is found.
import { EntryTable } from './entryTable';
import { scan, SpanList, START } from './scan';

export type Detected = 'ccm' | 'sms' | 'mixed' | 'plain';

/** Looks at the first records (up to `limit` characters) of a text (a string, or ASCII bytes as `decode` gives them). */
export function detectFormat(text: string | Uint8Array, limit = 64 * 1024): Detected {
  const sample = text.length <= limit ? text : typeof text === 'string' ? text.slice(0, limit) : text.subarray(0, limit);
  const table = new EntryTable(64);
  scan(sample, START, table, new SpanList());
  let sms = 0, ccm = 0;
  for (let i = 0; i < table.count; i++) {
    // A cut-off record alone proves little (the sample may end inside one): count whole ones.
    if (table.flags[i] & 2 /* Truncated */) continue;
    if (table.flags[i] & 1 /* Sms */) sms++;
    else ccm++;
  }
  if (ccm === 0 && sms === 0) return 'plain';
  return sms === 0 ? 'ccm' : ccm === 0 ? 'sms' : 'mixed';
}

/** File names that are logs by convention: live, rotated (`.lo_`, `.log_`) and dated history. */
export function isLogFileName(name: string): boolean {
  return /\.(?:log|lo_|log_)$/i.test(name);
}

/** `CloudUserSync.lo_` -> `CloudUserSync.log`; `smsexec-20240101-120000.log` -> `smsexec.log`. */
export function liveLogName(name: string): string {
  return name.replace(/\.(?:lo_|log_)$/i, '.log').replace(/-\d{8}-\d{6}(\.log)$/i, '$1');
}
