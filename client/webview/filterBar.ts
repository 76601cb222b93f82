// The filter bar: severity toggles (with counts), component and thread pickers (searchable, with
// counts, include or exclude), a merge's machine and log pickers (which narrow those counts to the
// logs they keep; the other filters do not), the time range (set from a row's menu), and text: contains / does not
// contain / regular expression (+ case). Every change applies at once (text after a short pause);
// the server's refusal (a regex that cannot run in time) shows here, and the table stays usable.
import type { TableFacetsResult, TableFilter, TableSource } from '../../server/src/protocol';
import { severalMachines } from '../../server/src/explain/logLabel';
import { logFacets, machineFacets, pickedScope, shownSources, type KeyedFacet, type Pick } from './sourceFacets';
import { SEVERITIES, type KeptFilter, type TextMode } from './keptFilter';
import type { SeverityName } from '../../server/src/severity';
import { el, iconButton, shown } from './dom';
import { formatCount, formatUtc, SEVERITY_ICON, SEVERITY_LABEL } from './format';
import { showPopup } from './menu';

export class FilterBar {
  readonly root = el('div', 'filter-bar', undefined, { role: 'toolbar', 'aria-label': 'Filter' });
  private readonly shown = new Set<SeverityName>(SEVERITIES);
  private readonly components: Pick = new Map();
  private readonly threads: Pick = new Map();
  /** A merge's logs, and the picks of their machines and of the logs themselves (by URI). */
  private sources: readonly TableSource[] = [];
  private readonly machines: Pick = new Map();
  private readonly logs: Pick = new Map();
  private readonly sourcePickers = el('span', 'source-pickers');
  /** The time range, UTC ms for the filter, and the time a chip shows: the row's own, as written. */
  private from: { utc: number; shown: string } | null = null;
  private to: { utc: number; shown: string } | null = null;
  private readonly contains: string[] = [];
  private readonly notContains: string[] = [];
  private facets: TableFacetsResult | null = null;
  /** How many logs the facets counted, when the Machines and Logs pickers narrowed them. */
  private picked: number | undefined;
  private readonly sevButtons = new Map<SeverityName, HTMLButtonElement>();
  private readonly chips = el('span', 'chips');
  private readonly error = el('span', 'filter-error', undefined, { role: 'alert' });
  readonly text = el('input', 'filter-text', undefined, { type: 'search', placeholder: 'Filter messages', 'aria-label': 'Filter messages' });
  private readonly mode = el('select', 'filter-mode', undefined, { 'aria-label': 'Filter text mode' });
  private readonly caseButton: HTMLButtonElement;
  private caseSensitive = false;
  private timer = 0;
  /** The picker list open now, redrawn when the facets change (a Machines or Logs pick counts anew). */
  private openList: { box: HTMLElement; redraw: () => void } | null = null;

  constructor(private readonly changed: () => void) {
    for (const name of SEVERITIES) {
      const b = el('button', `sev-toggle sev-${name}`, undefined, { type: 'button', 'aria-pressed': 'true', 'data-severity': name });
      b.append(el('span', `codicon codicon-${SEVERITY_ICON[name]}`, undefined, { 'aria-hidden': 'true' }), el('span', 'count', ''));
      b.addEventListener('click', () => this.toggleSeverity(name));
      this.sevButtons.set(name, b);
      this.root.append(b);
    }
    this.root.append(this.picker('Components', this.components, () => this.facets?.components ?? [], true), this.picker('Threads', this.threads, () => this.facets?.threads ?? [], true), this.sourcePickers);
    for (const [v, t] of [['contains', 'contains'], ['notContains', 'does not contain'], ['regex', 'regex']] as const) this.mode.append(el('option', '', t, { value: v }));
    this.caseButton = iconButton('case-sensitive', 'Match case', () => {
      this.caseSensitive = !this.caseSensitive;
      this.caseButton.setAttribute('aria-pressed', String(this.caseSensitive));
      this.changed();
    });
    this.caseButton.setAttribute('aria-pressed', 'false');
    this.text.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = window.setTimeout(this.changed, 250);
    });
    this.text.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        clearTimeout(this.timer);
        this.changed();
      }
    });
    this.mode.addEventListener('change', this.changed);
    this.root.append(this.mode, this.text, this.caseButton, this.chips, this.error);
  }

  /** A picker's button: opens its list of `list()` under it; `scoped`: its counts follow the logs picked. */
  private picker(label: string, pick: Pick, list: () => KeyedFacet[], scoped = false): HTMLButtonElement {
    const b = el('button', 'picker', `${label} ▾`, { type: 'button', 'aria-haspopup': 'dialog' });
    b.addEventListener('click', () => {
      const r = b.getBoundingClientRect();
      this.openPicker(r.left, r.bottom, label, pick, list, scoped);
    });
    return b;
  }

  /**
   * The table's logs: a merge gets a Logs picker, and a Machines picker when they span several
   * machines (the same component on two devices is otherwise one count).
   */
  setSources(sources: readonly TableSource[]): void {
    this.sources = sources;
    const counts = () => this.facets?.sources ?? [];
    const pickers: HTMLButtonElement[] = [];
    if (severalMachines(sources.map((s) => s.machine))) pickers.push(this.picker('Machines', this.machines, () => machineFacets(this.sources, counts())));
    if (sources.length > 1) pickers.push(this.picker('Logs', this.logs, () => logFacets(this.sources, counts())));
    this.sourcePickers.replaceChildren(...pickers);
  }

  /** The URIs of the logs the Machines and Logs pickers keep, or undefined when they keep every log. */
  pickedSources(): string[] | undefined {
    return shownSources(this.sources, this.machines, this.logs);
  }

  /** `picked`: how many logs `f` counted, when the pickers narrowed it (pickedSources). */
  setFacets(f: TableFacetsResult, picked?: number): void {
    this.facets = f;
    this.picked = picked;
    const scope = pickedScope(picked);
    for (const [name, b] of this.sevButtons) {
      const count = formatCount(f.severities[name] ?? 0);
      b.querySelector('.count')!.textContent = count;
      b.setAttribute('aria-label', `${SEVERITY_LABEL[name]}: ${count}${scope ? ` ${scope}` : ''}`);
      b.title = `Show ${SEVERITY_LABEL[name].toLowerCase()} records${scope ? ` (${count} ${scope})` : ''}`;
    }
    if (this.openList?.box.isConnected) this.openList.redraw();
  }

  /** The server refused part of the filter (or '' to clear). */
  setError(message: string): void {
    this.error.textContent = shown(message);
    this.text.setAttribute('aria-invalid', String(!!message));
  }

  toggleSeverity(name: SeverityName): void {
    if (this.shown.has(name)) this.shown.delete(name);
    else this.shown.add(name);
    this.sevButtons.get(name)!.setAttribute('aria-pressed', String(this.shown.has(name)));
    this.changed();
  }

  /** What the bar filters by, for the page's state (keptFilter.ts bounds it). */
  kept(): KeptFilter {
    return {
      severities: SEVERITIES.filter((s) => this.shown.has(s)),
      components: [...this.components], threads: [...this.threads], machines: [...this.machines], logs: [...this.logs],
      from: this.from, to: this.to, contains: [...this.contains], notContains: [...this.notContains],
      text: this.text.value, mode: this.mode.value as TextMode, caseSensitive: this.caseSensitive,
    };
  }

  /** Shows a kept filter (after setSources: it names their logs); the page applies it (no `changed`). */
  restore(k: KeptFilter): void {
    this.shown.clear();
    for (const s of k.severities) this.shown.add(s);
    for (const [name, b] of this.sevButtons) b.setAttribute('aria-pressed', String(this.shown.has(name)));
    for (const [p, entries] of [[this.components, k.components], [this.threads, k.threads], [this.machines, k.machines], [this.logs, k.logs]] as const) {
      p.clear();
      for (const [name, how] of entries) p.set(name, how);
    }
    this.from = k.from;
    this.to = k.to;
    this.contains.splice(0, this.contains.length, ...k.contains);
    this.notContains.splice(0, this.notContains.length, ...k.notContains);
    this.text.value = k.text;
    this.mode.value = k.mode;
    this.caseSensitive = k.caseSensitive;
    this.caseButton.setAttribute('aria-pressed', String(k.caseSensitive));
    this.drawChips();
  }

  pick(kind: 'component' | 'thread', name: string, how: 'include' | 'exclude'): void {
    const p = kind === 'component' ? this.components : this.threads;
    if (how === 'include') for (const [k, v] of p) if (v === 'include') p.delete(k);
    p.set(name, how);
    this.refresh();
  }

  /**
   * The range's end at a row: its UTC (what the filter compares across logs) and its time as the
   * row shows it (its log's wall clock: what a CMTrace user reads), or the UTC said to be UTC.
   */
  setTime(which: 'from' | 'to', utc: number | null, shown: string): void {
    this[which] = utc === null ? null : { utc, shown: shown || `${formatUtc(utc)} UTC` };
    this.refresh();
  }

  addText(which: 'contains' | 'notContains', text: string): void {
    const t = text.trim().slice(0, 500);
    if (t && !this[which].includes(t)) this[which].push(t);
    this.refresh();
  }

  filter(): TableFilter {
    const f: TableFilter = {};
    if (this.shown.size < SEVERITIES.length) f.severities = [...this.shown];
    const pick = (p: Pick): { include?: string[]; exclude?: string[] } | undefined => {
      const include = [...p].filter(([, v]) => v === 'include').map(([k]) => k);
      const exclude = [...p].filter(([, v]) => v === 'exclude').map(([k]) => k);
      return include.length || exclude.length ? { ...(include.length ? { include } : {}), ...(exclude.length ? { exclude } : {}) } : undefined;
    };
    const components = pick(this.components);
    const threads = pick(this.threads);
    if (components) f.components = components;
    if (threads) f.threads = threads;
    const sources = this.pickedSources();
    if (sources) f.sources = sources;
    if (this.from !== null) f.from = this.from.utc;
    if (this.to !== null) f.to = this.to.utc;
    const contains = [...this.contains];
    const notContains = [...this.notContains];
    let regex: string | undefined;
    const typed = this.text.value;
    if (typed) {
      const m = this.mode.value as TextMode;
      if (m === 'regex') regex = typed;
      else (m === 'contains' ? contains : notContains).push(typed);
    }
    if (contains.length || notContains.length || regex !== undefined) {
      f.text = { caseSensitive: this.caseSensitive };
      if (contains.length) f.text.contains = contains;
      if (notContains.length) f.text.notContains = notContains;
      if (regex !== undefined) f.text.regex = regex;
    }
    return f;
  }

  /** Redraws the chips and applies. */
  private refresh(): void {
    this.drawChips();
    this.changed();
  }

  /** The chips: what is filtered besides the toggles and the box. */
  private drawChips(): void {
    const chips: HTMLElement[] = [];
    const chip = (label: string, remove: () => void, title?: string): void => {
      const c = el('span', 'chip', undefined, title ? { title } : {});
      c.append(el('span', '', label), iconButton('close', `Remove filter ${label}`, () => {
        remove();
        this.refresh();
      }));
      chips.push(c);
    };
    for (const [kind, p] of [['component', this.components], ['thread', this.threads], ['machine', this.machines]] as const) {
      for (const [name, how] of p) chip(`${how === 'include' ? '' : 'not '}${kind} ${name}`, () => p.delete(name));
    }
    for (const [uri, how] of this.logs) chip(`${how === 'include' ? '' : 'not '}log ${this.sources.find((s) => s.uri === uri)?.label ?? uri}`, () => this.logs.delete(uri), uri);
    if (this.from !== null) chip(`from ${this.from.shown}`, () => (this.from = null), `UTC ${formatUtc(this.from.utc)}`);
    if (this.to !== null) chip(`to ${this.to.shown}`, () => (this.to = null), `UTC ${formatUtc(this.to.utc)}`);
    for (const t of this.contains) chip(`contains "${t}"`, () => this.contains.splice(this.contains.indexOf(t), 1));
    for (const t of this.notContains) chip(`not "${t}"`, () => this.notContains.splice(this.notContains.indexOf(t), 1));
    this.chips.replaceChildren(...chips);
  }

  /** `list`: its facets, read again when they change while it is open; `scoped`: see picker. */
  private openPicker(x: number, y: number, label: string, pick: Pick, list: () => KeyedFacet[], scoped: boolean): void {
    const box = el('div', 'picker-box');
    let facets = list();
    const search = el('input', '', undefined, { type: 'search', placeholder: `Search ${label.toLowerCase()}`, 'aria-label': `Search ${label.toLowerCase()}` });
    const ul = el('ul', 'picker-list', undefined, { role: 'list' });
    const draw = (): void => {
      const q = search.value.toLowerCase();
      const items: HTMLElement[] = [];
      for (const f of facets) {
        if (q && !f.name.toLowerCase().includes(q)) continue;
        if (items.length >= 300) break;
        const li = el('li', 'picker-item');
        const key = f.key ?? f.name;
        const state = pick.get(key);
        // What the row shows, and what its buttons are called by (a record with no component: "(none)").
        const shown = f.name || '(none)';
        const toggle = (how: 'include' | 'exclude'): HTMLButtonElement => {
          const b = el('button', `pick-${how}`, how === 'include' ? 'only' : 'hide', { type: 'button', 'aria-pressed': String(state === how), 'aria-label': `${how === 'include' ? 'Include' : 'Exclude'} ${shown}` });
          b.addEventListener('click', () => {
            if (pick.get(key) === how) pick.delete(key);
            else pick.set(key, how);
            this.refresh();
            draw();
          });
          return b;
        };
        li.append(el('span', 'picker-name', shown), el('span', 'picker-count', formatCount(f.count)), toggle('include'), toggle('exclude'));
        items.push(li);
      }
      if (items.length === 0) items.push(el('li', 'detail-note', 'Nothing matches.'));
      // A keyboard user keeps their place when the list is drawn again (a pick, new counts).
      const focused = ul.contains(document.activeElement) ? document.activeElement!.getAttribute('aria-label') : null;
      ul.replaceChildren(...items);
      if (focused !== null) ul.querySelectorAll('button').forEach((b) => { if (b.getAttribute('aria-label') === focused) b.focus(); });
    };
    const scopeNote = el('div', 'picker-scope detail-note');
    const drawScope = (): void => {
      const scope = scoped ? pickedScope(this.picked) : '';
      scopeNote.textContent = scope && `Counts ${scope}`;
      scopeNote.hidden = !scope;
    };
    search.addEventListener('input', draw);
    box.append(search, scopeNote, ul);
    drawScope();
    draw();
    this.openList = { box, redraw: () => { facets = list(); drawScope(); draw(); } };
    showPopup(x, y, box, label);
    search.focus();
  }
}
