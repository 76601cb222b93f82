// The hover of an MSI verbose log's own message lines (`Error 1722. ...`): what the Windows
// Installer message number means. Pure.
import { describeMsiMessage, parseMsiMessage } from '../knowledge/msiMessages';

/**
 * The section for a record of the MSI format whose message starts `Error N.`, `Warning N.`,
 * `Info N.` or `DEBUG: Error N:`; null for any other message. The caller checks the format: the
 * same words in another log are not Windows Installer's numbers. Only digits come from the log.
 */
export function msiMessageSection(message: string): string | null {
  const ref = parseMsiMessage(message);
  if (!ref) return null;
  const title = `**Windows Installer message ${ref.number}** (${ref.debug ? 'debug ' : ''}${ref.kind.toLowerCase()})`;
  const info = describeMsiMessage(ref.number);
  const notWin32 = `A Windows Installer message number, not a Win32 error code.`;
  if (!info) {
    return `${title}\n\nMeaning **unknown**: no source this extension trusts describes Windows Installer message ${ref.number}, so none is claimed. ${notWin32}`;
  }
  return `${title}: ${info.meaning}\n\n${notWin32}\n\n*Source: ${info.source}.*`;
}
