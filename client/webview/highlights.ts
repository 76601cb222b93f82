// Highlight rules: several, each a colour of an 8-slot palette (theme colours in table.css), sent
// with every rows request; the server says which rule a row matches first, and every rule it could
// not run (bad syntax, or too slow: its words are the filter's, server/src/table/userRegex.ts).
// Those rules are kept in the list marked as not working, and no longer sent.
import type { TableHighlight, TableHighlightError, TableRow } from '../../server/src/protocol';
import { el, iconButton, shown } from './dom';
import { showPopup } from './menu';

/** `invalid`: the pattern itself is wrong, kept across reloads; any other error (too slow on the rows it ran on) is not. */
export interface HighlightRule extends TableHighlight { slot: number; error?: string; invalid?: true }

/**
 * What one rows request carries (`highlights`), and the rules they are (`rules`): its answer's rule
 * indexes are read against this list, kept with the request, never against a later one.
 */
export interface HighlightRequest { rules: readonly HighlightRule[]; highlights: TableHighlight[] }

/** A rows answer's rule indexes made colour slots of the rules asked with (`-1`: none), in place. */
export function slotsOf(items: TableRow[], asked: HighlightRequest): void {
  for (const it of items) it.highlight = it.highlight >= 0 ? asked.rules[it.highlight]?.slot ?? -1 : -1;
}

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
    const rules = this.rules.filter((r) => !r.error);
    return { rules, highlights: rules.map(({ slot: _slot, error: _error, invalid: _invalid, ...rule }) => rule) };
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
   * A rows answer to `asked` said these of its rules cannot run: they are marked and no longer sent,
   * all at once. What is said of them is shown in the open box, or returned (for the status line).
   */
  failed(errors: readonly TableHighlightError[] | undefined, asked: HighlightRequest): string | undefined {
    if (!Array.isArray(errors)) return undefined;
    // A rule removed, or already marked by another page's answer, meanwhile, is left as it is.
    const marked: { regex: string | undefined; error: string }[] = [];
    for (const { rule: k, error, invalid } of errors) {
      const rule = asked.rules[k];
      if (!rule || !this.rules.includes(rule) || rule.error) continue;
      rule.error = error;
      if (invalid) rule.invalid = true;
      marked.push({ regex: rule.regex, error });
    }
    if (marked.length === 0) return undefined;
    this.changed();
    // Said once, however many: one answer marks them all.
    const said = marked.length === 1 ? `Highlight /${marked[0].regex}/ is not working: ${marked[0].error}` :
      `${marked.length} highlights are not working: ${marked.map((m) => `/${m.regex}/: ${m.error}`).join('; ')}`;
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
