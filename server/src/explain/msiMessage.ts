// The hover of an MSI verbose log's message lines (`Error 1722. ...`, `Note: 1: 2205`): what the Windows
// Installer message number means. Pure.
import { describeMsiMessage } from '../knowledge/msiMessages';
import type { LogFile } from '../logFile';
import { messageHead } from '../rules/logSet';
import { codeUnits } from '../parse/decode';
import { BARE_WORDS, INSTALL_FAILED_NOTE, MESSAGE_DIGITS, noteNumber } from '../parse/formats/msi';

/** The level words the MSI format reads as MSI's own messages. */
const KINDS = new Set(BARE_WORDS.map(([word]) => word));

/**
 * The Windows Installer message of entry i, an MSI record, or undefined: a bare line as the parser
 * read it (`Error 1722.`, `Warning N.`, `Info N.`, `DEBUG: Error N:`: its level word, its `type`
 * part, and the number after it), or a timed line that reports one: `Product: <name> -- Error 1722.
 * ...` (the message as the event log has it) or `Note: 1: 2205 2: ...` (an internal message, its
 * number in field 1). The same words in another log are not Windows Installer's numbers.
 */
function msiMessageOf(log: LogFile, i: number): { number: number; kind: string; debug: boolean } | undefined {
  if (log.formatOf(i).id !== 'msi') return undefined;
  const type = log.parts(i).type;
  if (!type) return reportedMessage(messageHead(log, i, REPORTED_HEAD));
  const kind = log.text(type[0], type[1]);
  if (!KINDS.has(kind)) return undefined;
  // The parser read `Word N` with one space: the digits follow it.
  const after = log.text(type[1] + 1, type[1] + 1 + MESSAGE_DIGITS);
  let n = 0, k = 0;
  while (k < after.length && after.charCodeAt(k) >= 48 && after.charCodeAt(k) <= 57) n = n * 10 + after.charCodeAt(k++) - 48;
  if (k === 0) return undefined;
  // `DEBUG: Error N:` is the only one whose word is not where the message starts.
  return { number: n, kind, debug: type[0] > log.messageStart(i) };
}

/** How much of a timed line's message is searched for a reported message (a product name comes first). */
const REPORTED_HEAD = 400;
// Anchored; the product name a bounded lazy run (at most 300 tries of the literal after it): linear.
const PRODUCT_ERROR_RE = /^Product: [^\r\n]{0,300}? -- (Error|Warning) (\d{1,5})\./;

function reportedMessage(head: string): { number: number; kind: string; debug: boolean } | undefined {
  const p = PRODUCT_ERROR_RE.exec(head);
  if (p) return { number: Number(p[2]), kind: p[1], debug: false };
  const note = noteNumber(codeUnits(head), 0, head.length);
  return note >= 0 ? { number: note, kind: 'Note', debug: false } : undefined;
}

/** The hover section for entry i when it is one of MSI's own message lines (see msiMessageOf); null otherwise. Only digits come from the log. */
export function msiMessageSection(log: LogFile, i: number): string | null {
  const ref = msiMessageOf(log, i);
  if (!ref) return null;
  const title = `**Windows Installer message ${ref.number}** (${ref.debug ? 'debug ' : ''}${ref.kind.toLowerCase()})`;
  const info = describeMsiMessage(ref.number);
  // A note is logged while the installation goes on (the parser reads it as information, but 1708):
  // on its own it is no failure, which is what an admin reading one needs to know first.
  const note = ref.kind === 'Note' && ref.number !== INSTALL_FAILED_NOTE
    ? ' MSI logged it as a note and went on: on its own it is no failure (an installation fails where an action returns 3).'
    : '';
  const notWin32 = `A Windows Installer message number, not a Win32 error code.${note}`;
  if (!info) {
    return `${title}\n\nMeaning **unknown**: no source this extension trusts describes Windows Installer message ${ref.number}, so none is claimed. ${notWin32}`;
  }
  return `${title}: ${info.meaning}\n\n${notWin32}\n\n*Source: ${info.source}.*`;
}
