// Highlight rules: several, each a colour of an 8-slot palette (theme colours in table.css), sent
// with every rows request; the server says which rule a row matches first. A regex rule the server
// cannot run (bad syntax, or too slow: its words are the filter's, server/src/table/userRegex.ts)
// is kept in the list marked as not working, and no longer sent.
import type { TableHighlight } from '../../server/src/protocol';
import { el, iconButton, shown } from './dom';
import { showPopup } from './menu';

export interface HighlightRule extends TableHighlight { slot: number; error?: string }

/** Asks the server to run one rule on rows (by default those in view): why it cannot run, or undefined. */
export type RowRange = { start: number; count: number };
export type CheckRule = (rule: TableHighlight, rows?: RowRange) => Promise<string | undefined>;

export class Highlights {
  rules: HighlightRule[] = [];
  /** The box last opened: its list and alert line. */
  private box: { draw: () => void; alert: HTMLElement } | null = null;
  /** A check under way: a second page's error waits for it rather than asking again. */
  private checking: Promise<string | undefined> | null = null;

  constructor(private readonly changed: () => void, private readonly check: CheckRule, saved?: HighlightRule[]) {
    if (Array.isArray(saved)) this.rules = saved.slice(0, 8);
  }

  /** The rules that run. */
  private working(): HighlightRule[] {
    return this.rules.filter((r) => !r.error);
  }

  /** What a rows request carries. */
  wire(): TableHighlight[] {
    return this.working().map(({ slot: _slot, error: _error, ...rule }) => rule);
  }

  add(text: string, regex = false): void {
    const t = text.slice(0, 500);
    if (!t || this.rules.length >= 8) return;
    const used = new Set(this.rules.map((r) => r.slot));
    const slot = [0, 1, 2, 3, 4, 5, 6, 7].find((s) => !used.has(s)) ?? 0;
    const rule: HighlightRule = regex ? { regex: t, slot } : { text: t, slot };
    this.rules.push(rule);
    this.changed();
    if (regex) void this.verify(undefined, [rule]);
  }

  /**
   * A rows answer said a rule could not run (it does not say which): each regex rule is run alone on
   * those rows; one that cannot run is marked. Its message is shown in the open box, or returned.
   */
  verify(rows?: RowRange, rules: readonly HighlightRule[] = this.working().filter((r) => r.regex !== undefined)): Promise<string | undefined> {
    this.checking ??= this.checkEach(rules, rows).finally(() => (this.checking = null));
    return this.checking;
  }

  private async checkEach(rules: readonly HighlightRule[], rows: RowRange | undefined): Promise<string | undefined> {
    let said: string | undefined;
    for (const rule of rules) {
      const error = await this.check({ regex: rule.regex, ...(rule.caseSensitive ? { caseSensitive: true } : {}) }, rows);
      if (!error || !this.rules.includes(rule) || rule.error) continue;
      rule.error = error;
      said ??= `Highlight /${rule.regex}/ is not working: ${error}`;
      this.changed();
    }
    if (!said || !this.box?.alert.isConnected) return said;
    this.box.alert.textContent = shown(said);
    this.box.draw();
    return undefined;
  }

  /** The rule index the server reports (among the rules sent) maps to its colour slot. */
  slot(index: number): number {
    return this.working()[index]?.slot ?? index;
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
