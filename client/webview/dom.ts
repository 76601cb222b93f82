// Building elements in code: text always goes in as text (textContent), never as markup, and with
// its control and format characters shown as escapes (a bidi override in a log must not reorder
// what the page shows): the same rule as the text outputs (server/src/explain/plainText.ts).
import { visible } from '../../server/src/explain/plainText';
import { attrValue } from './attrText';

/** Untrusted text (log text, file names) as the page shows it: controls visible, line breaks kept. */
export const shown = visible;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls = '', text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = shown(text);
  for (const k in attrs) e.setAttribute(k, attrValue(k, attrs[k]));
  return e;
}

/** A toolbar button with a codicon and an accessible name. */
export function iconButton(icon: string, label: string, onClick: () => void, cls = '', badge?: string): HTMLButtonElement {
  const b = el('button', `icon-button ${cls}`.trim(), undefined, { type: 'button', title: label, 'aria-label': label });
  b.append(el('span', `codicon codicon-${icon}`, undefined, { 'aria-hidden': 'true' }));
  // A second, small icon (the direction of "previous/next error").
  if (badge) b.append(el('span', `codicon codicon-${badge} badge`, undefined, { 'aria-hidden': 'true' }));
  b.addEventListener('click', onClick);
  return b;
}
