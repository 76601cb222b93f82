// A small popup menu (rows' and header's context menus, pickers): role=menu, arrow keys, Escape
// closes and gives the focus back. One open at a time.
import { el } from './dom';

export interface MenuItem { label: string; action: () => void; checked?: boolean; disabled?: boolean }

let open: { root: HTMLElement; back: Element | null } | null = null;

export function closeMenu(): void {
  if (!open) return;
  const { root, back } = open;
  open = null;
  root.remove();
  if (back instanceof HTMLElement) back.focus();
}

function place(root: HTMLElement, x: number, y: number): void {
  document.body.append(root);
  const r = root.getBoundingClientRect();
  root.style.left = `${Math.max(0, Math.min(x, window.innerWidth - r.width - 4))}px`;
  root.style.top = `${Math.max(0, Math.min(y, window.innerHeight - r.height - 4))}px`;
}

/** A popup holding `content` (a picker); closes on Escape or a click outside. */
export function showPopup(x: number, y: number, content: HTMLElement, label: string): HTMLElement {
  closeMenu();
  const root = el('div', 'popup', undefined, { role: 'dialog', 'aria-label': label });
  root.append(content);
  open = { root, back: document.activeElement };
  place(root, x, y);
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      closeMenu();
    }
  });
  return root;
}

export function showMenu(x: number, y: number, items: MenuItem[], label: string): void {
  if (items.length === 0) return;
  closeMenu();
  const root = el('div', 'popup menu', undefined, { role: 'menu', 'aria-label': label });
  const buttons = items.map((it) => {
    const b = el('button', 'menu-item', undefined, { role: it.checked === undefined ? 'menuitem' : 'menuitemcheckbox', type: 'button' });
    if (it.checked !== undefined) b.setAttribute('aria-checked', String(it.checked));
    b.append(el('span', `codicon ${it.checked ? 'codicon-check' : 'codicon-blank'}`, undefined, { 'aria-hidden': 'true' }), el('span', '', it.label));
    b.disabled = !!it.disabled;
    b.tabIndex = -1;
    b.addEventListener('click', () => {
      closeMenu();
      it.action();
    });
    root.append(b);
    return b;
  });
  root.addEventListener('keydown', (e) => {
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const go = (j: number): void => buttons[(j + buttons.length) % buttons.length].focus();
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') go(i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(buttons.length - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') closeMenu();
    else return;
    e.preventDefault();
    e.stopPropagation();
  });
  open = { root, back: document.activeElement };
  place(root, x, y);
  buttons[0].focus();
}

document.addEventListener('mousedown', (e) => {
  if (open && !open.root.contains(e.target as Node)) closeMenu();
}, true);
