// An error code as rules write it in a message: hex, name and meaning from the one error table.
import { describeErrorCode } from '../knowledge/errorCodes';

/** `0x80004005 (E_FAIL: ...)`; a code the table does not know says so rather than guess. */
export function codeText(value: number): string {
  const d = describeErrorCode(value);
  const what = [d.name, d.meaning?.replace(/\.$/, '')].filter(Boolean).join(': ');
  return what ? `${d.hex} (${what})` : `${d.hex} (not in the error table; run \`cmlog lookup ${d.hex}\`)`;
}
