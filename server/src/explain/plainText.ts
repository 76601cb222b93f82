// Putting untrusted text (log text, file names, typed input) into plain-text output: the Problems
// panel, the Outline, the merged view, notifications. Nothing is dropped: every control character
// is shown as a visible escape (`\x1b`, `\u{202e}`), so what the user reads is what the text holds.
// One function per output kind; all pure and linear-time.
import { escapeChar, UNSAFE_BUT_BREAKS_RE, UNSAFE_RE } from './controlChars';

/** Plain text that may span lines (diagnostic messages): controls visible, tab and line breaks kept. */
export function visible(text: string): string {
  return text.replace(UNSAFE_BUT_BREAKS_RE, escapeChar);
}

/** Plain text on one line (outline names, merged-view columns): line breaks shown as escapes too. */
export function visibleLine(text: string): string {
  return text.replace(UNSAFE_RE, escapeChar);
}

/**
 * A VS Code notification (showInformationMessage & co.): one line, and no `[label](command:...)`
 * link can form, since notifications make those clickable and know no escape. Apply it to the whole
 * message, so a link cannot be put together from untrusted text and ours either.
 */
export function notificationText(text: string): string {
  return visibleLine(text).replace(/\]\(/g, '] (');
}

/**
 * A pick list's label, description or detail: one line, and no `$(name)` can draw an icon there (they
 * render codicons, and know a backslash before `$(` as its escape).
 */
export function pickListText(text: string): string {
  return visibleLine(text).replace(/\$\(/g, '\\$(');
}
