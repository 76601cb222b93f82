// Putting untrusted text (log text, file names, typed input) into plain-text output: the Problems
// panel, the Outline, the merged view, notifications. Nothing is dropped: every control character
// is shown as a visible escape (`\x1b`, `\u{202e}`), so what the user reads is what the text holds.
// One function per output kind; all pure and linear-time.
import { CONTROL_RE } from './controlChars';

function escape(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16).padStart(4, '0')}}`;
}

/** Plain text that may span lines (diagnostic messages): controls visible, tab and line breaks kept. */
export function visible(text: string): string {
  return text.replace(CONTROL_RE, escape);
}

/** Plain text on one line (outline names, merged-view columns): line breaks shown as escapes too. */
export function visibleLine(text: string): string {
  return visible(text).replace(/[\r\n]/g, escape);
}

/**
 * A VS Code notification (showInformationMessage & co.): one line, and no `[label](command:...)`
 * link can form, since notifications make those clickable and know no escape. Apply it to the whole
 * message, so a link cannot be put together from untrusted text and ours either.
 */
export function notificationText(text: string): string {
  return visibleLine(text).replace(/\]\(/g, '] (');
}
