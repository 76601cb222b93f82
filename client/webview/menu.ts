// A small popup menu (rows' and header's context menus, pickers): role=menu, arrow keys, Escape
// closes and gives the focus back. One open at a time. A checkbox item toggles in place and the
// menu stays open; an action item (or Escape, Tab, a click outside) closes it.
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

/** Shows an item's tick (a checkbox item's state; none for an action). */
function tick(b: HTMLElement, checked: boolean | undefined): void {
  if (checked !== undefined) b.setAttribute('aria-checked', String(checked));
  b.firstElementChild!.className = `codicon ${checked ? 'codicon-check' : 'codicon-blank'}`;
}

export function showMenu(x: number, y: number, items: MenuItem[], label: string): void {
  if (items.length === 0) return;
  closeMenu();
  const root = el('div', 'popup menu', undefined, { role: 'menu', 'aria-label': label });
  const buttons = items.map((it) => {
    let checked = it.checked;
    const b = el('button', 'menu-item', undefined, { role: checked === undefined ? 'menuitem' : 'menuitemcheckbox', type: 'button' });
    b.append(el('span', 'codicon', undefined, { 'aria-hidden': 'true' }), el('span', '', it.label));
    tick(b, checked);
    b.disabled = !!it.disabled;
    b.tabIndex = -1;
    b.addEventListener('click', () => {
      // A tick keeps the menu open for the next (as VS Code's column menus do); an action closes it.
      if (checked === undefined) closeMenu();
      it.action();
      if (checked !== undefined) tick(b, (checked = !checked));
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
