// Highlight rules: several, each a colour of an 8-slot palette (theme colours in table.css), sent
// with every rows request; the server says which rule a row matches first.
import type { TableHighlight } from '../../server/src/protocol';
import { el, iconButton } from './dom';
import { showPopup } from './menu';

export interface HighlightRule extends TableHighlight { slot: number }

export class Highlights {
  rules: HighlightRule[] = [];

  constructor(private readonly changed: () => void, saved?: HighlightRule[]) {
    if (Array.isArray(saved)) this.rules = saved.slice(0, 8);
  }

  /** What a rows request carries. */
  wire(): TableHighlight[] {
    return this.rules.map(({ slot: _slot, ...rule }) => rule);
  }

  add(text: string, regex = false): void {
    const t = text.slice(0, 500);
    if (!t || this.rules.length >= 8) return;
    const used = new Set(this.rules.map((r) => r.slot));
    const slot = [0, 1, 2, 3, 4, 5, 6, 7].find((s) => !used.has(s)) ?? 0;
    this.rules.push(regex ? { regex: t, slot } : { text: t, slot });
    this.changed();
  }

  /** The rule index the server reports maps to its colour slot. */
  slot(index: number): number {
    return this.rules[index]?.slot ?? index;
  }

  open(x: number, y: number): void {
    const box = el('div', 'highlight-box');
    const list = el('ul', 'picker-list');
    const draw = (): void => {
      list.replaceChildren(...this.rules.map((r, i) => {
        const li = el('li', 'picker-item');
        li.append(el('span', `swatch hl-${r.slot}`, undefined, { 'aria-hidden': 'true' }), el('span', 'picker-name', r.regex !== undefined ? `/${r.regex}/` : r.text ?? ''),
          iconButton('close', 'Remove highlight', () => {
            this.rules.splice(i, 1);
            this.changed();
            draw();
          }));
        return li;
      }));
    };
    const input = el('input', '', undefined, { type: 'text', placeholder: 'Highlight text (Enter adds)', 'aria-label': 'Highlight text' });
    const isRegex = el('input', '', undefined, { type: 'checkbox', 'aria-label': 'Regular expression' });
    const label = el('label', 'inline');
    label.append(isRegex, document.createTextNode(' regex'));
    input.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      this.add(input.value, isRegex.checked);
      input.value = '';
      draw();
    });
    draw();
    box.append(list, input, label);
    showPopup(x, y, box, 'Highlight rules');
    input.focus();
  }
}
