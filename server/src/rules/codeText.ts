// An error code as rules write it in a message: hex, name and meaning from the one error table.
import { describeErrorCode } from '../knowledge/errorCodes';

/** `E_FAIL: Generic failure ...` of a code the table knows (its meaning), else ''. */
export function codeMeaning(value: number): string {
  const d = describeErrorCode(value);
  return d.known ? [d.name, d.meaning?.replace(/\.$/, '')].filter(Boolean).join(': ') : '';
}

/** `0x80004005 (E_FAIL: ...)`; a code the table does not know says so rather than guess. */
export function codeText(value: number): string {
  const d = describeErrorCode(value);
  const what = codeMeaning(value) || (d.name ?? '');
  return what ? `${d.hex} (${what})` : `${d.hex} (not in the error table; run \`cmlog lookup ${d.hex}\`)`;
}
