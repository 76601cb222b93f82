// Highlight rules: several, each a colour of an 8-slot palette (theme colours in table.css), sent
// with every rows request; the server says which rule a row matches first, and every rule it could
// not run (bad syntax, or too slow: its words are the filter's, server/src/table/userRegex.ts).
// Those rules are kept in the list marked as not working, and no longer sent.
import type { TableHighlightError } from '../../server/src/protocol';
import { el, iconButton, shown } from './dom';
import { highlightRequest, markFailed, type HighlightRequest, type HighlightRule } from './highlightAnswer';
import { showPopup } from './menu';

export class Highlights {
  rules: HighlightRule[] = [];
  /** The box last opened: its list and alert line. */
  private box: { draw: () => void; alert: HTMLElement } | null = null;

  constructor(private readonly changed: () => void, saved?: HighlightRule[]) {
    if (Array.isArray(saved)) this.rules = Highlights.kept(saved.slice(0, 8));
  }

  /** The rules as saved with the page: a rule that was only too slow is tried again after a reload. */
  static kept(rules: readonly HighlightRule[]): HighlightRule[] {
    return rules.map(({ error, invalid, ...rule }) => (error && invalid ? { ...rule, error, invalid } : rule));
  }

  /** What a rows request carries: the rules that run. */
  request(): HighlightRequest {
    return highlightRequest(this.rules);
  }

  add(text: string, regex = false): void {
    const t = text.slice(0, 500);
    if (!t || this.rules.length >= 8) return;
    const used = new Set(this.rules.map((r) => r.slot));
    const slot = [0, 1, 2, 3, 4, 5, 6, 7].find((s) => !used.has(s)) ?? 0;
    this.rules.push(regex ? { regex: t, slot } : { text: t, slot });
    this.changed();
  }

  /**
   * A rows answer to `asked` said these of its rules cannot run: they are marked and no longer sent
   * (highlightAnswer.ts). What is said of them is shown in the open box, or returned (for the status line).
   */
  failed(errors: readonly TableHighlightError[] | undefined, asked: HighlightRequest): string | undefined {
    const said = markFailed(this.rules, errors, asked);
    if (said === undefined) return undefined;
    this.changed();
    if (!this.box?.alert.isConnected) return said;
    this.box.alert.textContent = shown(said);
    this.box.draw();
    return undefined;
  }

  open(x: number, y: number): void {
    const box = el('div', 'highlight-box');
    const list = el('ul', 'picker-list');
    const alert = el('div', 'highlight-error', undefined, { role: 'alert' });
    const draw = (): void => {
      list.replaceChildren(...this.rules.map((r, i) => {
        const li = el('li', r.error ? 'picker-item broken' : 'picker-item');
        const name = el('span', 'picker-name', r.regex !== undefined ? `/${r.regex}/` : r.text ?? '');
        li.append(el('span', `swatch hl-${r.slot}`, undefined, { 'aria-hidden': 'true' }), name);
        if (r.error) {
          li.append(el('span', 'highlight-broken', 'not working'));
          li.title = shown(r.error);
          name.setAttribute('aria-description', shown(`not working: ${r.error}`));
        }
        li.append(iconButton('close', 'Remove highlight', () => {
          this.rules.splice(i, 1);
          this.changed();
          draw();
        }));
        return li;
      }));
    };
    this.box = { draw, alert };
    const input = el('input', '', undefined, { type: 'text', placeholder: 'Highlight text (Enter adds)', 'aria-label': 'Highlight text' });
    const isRegex = el('input', '', undefined, { type: 'checkbox', 'aria-label': 'Regular expression' });
    const label = el('label', 'inline');
    label.append(isRegex, document.createTextNode(' regex'));
    input.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      alert.textContent = '';
      this.add(input.value, isRegex.checked);
      input.value = '';
      draw();
    });
    draw();
    box.append(list, input, label, alert);
    showPopup(x, y, box, 'Highlight rules');
    input.focus();
  }
}
