// What the status bar item shows for a merge in front: the facts of its first MERGE_ASKED_MAX logs
// (one fileInfo request each), named as the table names them (`DEVICE1 › CcmExec.log`: a merge of
// two machines' CcmExec.log is otherwise named "CcmExec.log" twice). Pure: tested with fakes.
import type { FileInfo } from '../../server/src/protocol';
import { askedUris } from './statusRefresh';
import { mergeStatusText, type StatusShown } from './statusText';

export async function mergeStatus(
  subject: string,
  nameOf: (uri: string) => string,
  infoOf: (uri: string) => Promise<FileInfo | null>,
): Promise<StatusShown | null> {
  const { asked, more } = askedUris(subject);
  // A log the server does not hold (or a failed request) answers null and is said so.
  const infos = await Promise.all(asked.map((u) => infoOf(u).catch(() => null)));
  return mergeStatusText(asked.map((u, i) => ({ name: nameOf(u), info: infos[i]! })), more);
}
