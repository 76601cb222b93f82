// The table's columns: CMTrace's, plus UTC and (for a merge) the source. Widths and visibility are
// CSS variables and classes on the grid (one rule per column in table.css), so resizing or hiding a
// column touches one element, not every cell.

import type { TableColumnId, TableFacetsResult } from '../../server/src/protocol';

export type ColumnId = TableColumnId;

export interface Column { id: ColumnId; title: string; width: number; min: number; hideable: boolean }

/** The message column's least width (px). */
const MESSAGE_MIN = 200;

/** The widest a double-click on a column's edge fits it to (a long component or log name). */
export const FIT_MAX = 900;

export const COLUMNS: readonly Column[] = [
  { id: 'severity', title: 'Severity', width: 28, min: 24, hideable: false },
  { id: 'time', title: 'Time', width: 250, min: 60, hideable: true },
  { id: 'utc', title: 'UTC', width: 215, min: 60, hideable: true },
  { id: 'source', title: 'Source', width: 220, min: 60, hideable: true },
  // Wide enough for ConfigMgr's long component names (SMS_AZUREAD_DISCOVERY_AGENT, 27 characters).
  { id: 'component', title: 'Component', width: 240, min: 40, hideable: true },
  { id: 'thread', title: 'Thread', width: 70, min: 30, hideable: true },
  // The message takes the rest of the width, down to this minimum (it was 400 px: a wide Source
  // pushed the message off screen); it has no edge to drag, so no width of its own is kept.
  { id: 'message', title: 'Message', width: MESSAGE_MIN, min: MESSAGE_MIN, hideable: false },
];

/** What Columns touches of the grid element (an HTMLElement; narrowed so it is tested without a DOM). */
export interface ColumnsElement {
  style: { setProperty(name: string, value: string): void };
  classList: { toggle(token: string, force?: boolean): boolean };
}

/** `shown`: empty columns the user showed from the Columns menu (kept shown though empty). */
export interface ColumnState { widths: Partial<Record<ColumnId, number>>; hidden: ColumnId[]; shown?: ColumnId[] }

/** Columns hidden by themselves when no row has a value in them (CBS has no thread, MSI no component). */
const EMPTY_HIDES: readonly ColumnId[] = ['component', 'thread'];

/**
 * The columns no row of the facets' logs fills: their names are all '' (a format without the field
 * counts its rows under the empty name). Undefined when the facets count no row (nothing read
 * yet: a log being read from disk would flash its columns away).
 */
export function emptyColumns(f: TableFacetsResult): ColumnId[] | undefined {
  const rows = f.severities.success + f.severities.information + f.severities.warning + f.severities.error;
  if (!(rows > 0)) return undefined;
  const empty = (names: readonly { name: string }[]) => names.every((n) => n.name === '');
  return EMPTY_HIDES.filter((id) => empty(id === 'thread' ? f.threads : f.components));
}

export class Columns {
  widths = new Map<ColumnId, number>();
  /** Hidden by the user (saved). */
  hidden = new Set<ColumnId>();
  /** Empty in this table (emptyColumns): hidden unless the user showed them; never saved, the facets say it again. */
  private empty = new Set<ColumnId>();
  /** Empty columns the user showed (saved): kept shown. */
  private shownEmpty = new Set<ColumnId>();

  /** `utc`: the user's cmlog.table.utcColumn, null when not set (see WebviewOptions). */
  constructor(private readonly grid: ColumnsElement, saved: ColumnState | undefined, utc: boolean | null, merge: boolean) {
    for (const c of COLUMNS) this.widths.set(c.id, (c.id !== 'message' && saved?.widths?.[c.id]) || c.width);
    for (const id of saved?.hidden ?? []) this.hidden.add(id);
    for (const id of saved?.shown ?? []) if (EMPTY_HIDES.includes(id)) this.shownEmpty.add(id);
    if (!saved && !(utc ?? merge)) this.hidden.add('utc');
    if (!merge) this.hidden.add('source');
    this.apply();
  }

  /** Columns that can be shown in this table (no source column for one log). */
  available(merge: boolean): Column[] {
    return COLUMNS.filter((c) => merge || c.id !== 'source');
  }

  visible(id: ColumnId): boolean {
    return !this.hidden.has(id) && !(this.empty.has(id) && !this.shownEmpty.has(id));
  }

  /** The columns no row fills now (emptyColumns; undefined: unknown, left as they are); whether any was shown or hidden by it. */
  setEmpty(ids: readonly ColumnId[] | undefined): boolean {
    if (!ids) return false;
    const before = this.shown().join();
    this.empty = new Set(ids);
    this.apply();
    return this.shown().join() !== before;
  }

  /** The columns shown, in their order: what a copy writes. */
  shown(): ColumnId[] {
    return COLUMNS.filter((c) => this.visible(c.id)).map((c) => c.id);
  }

  setWidth(id: ColumnId, w: number): void {
    const c = COLUMNS.find((x) => x.id === id)!;
    this.widths.set(id, Math.max(c.min, Math.round(w)));
    this.apply();
  }

  /** The Columns menu: hides a column shown, shows one hidden (by the user, or because it is empty: then kept shown). */
  toggle(id: ColumnId): void {
    if (this.visible(id)) {
      this.hidden.add(id);
      this.shownEmpty.delete(id);
    } else {
      this.hidden.delete(id);
      if (this.empty.has(id)) this.shownEmpty.add(id);
    }
    this.apply();
  }

  /** Width of every column but the message's (which fills the rest). */
  fixedWidth(): number {
    let w = 0;
    for (const c of COLUMNS) if (c.id !== 'message' && this.visible(c.id)) w += this.widths.get(c.id)!;
    return w;
  }

  private apply(): void {
    for (const c of COLUMNS) {
      this.grid.style.setProperty(`--w-${c.id}`, `${this.widths.get(c.id)}px`);
      this.grid.classList.toggle(`hide-${c.id}`, !this.visible(c.id));
    }
    this.grid.style.setProperty('--w-fixed', `${this.fixedWidth()}px`);
  }

  state(): ColumnState {
    return { widths: Object.fromEntries(this.widths), hidden: [...this.hidden], ...(this.shownEmpty.size ? { shown: [...this.shownEmpty] } : {}) };
  }
}
