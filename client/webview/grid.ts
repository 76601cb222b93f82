// The rows: role=grid, virtualised with @tanstack/virtual-core. The view can hold millions of rows,
// so the virtualizer's items are blocks of rows (at most MAX_ITEMS of them: its measurements stay
// small), and the scroll space is scaled past the browsers' height cap (scrollScale.ts); only the
// rows in view (plus a few) exist as elements. Rows come from the page cache; missing pages are asked
// for, and the grid draws again when they arrive.
import { Virtualizer, type Rect } from '@tanstack/virtual-core';
import type { TableRow, TableSource } from '../../server/src/protocol';
import { COLUMNS, FIT_MAX, type ColumnId, type Columns } from './columns';
import { el, shown } from './dom';
import { formatUtc, rowLabel, SEVERITY_ICON } from './format';
import type { PageCache } from './pageCache';
import { clampOffset, scrollGeometry, toPhysical, toVirtual, type ScrollGeometry } from './scrollScale';
import type { Selection } from './selection';
import { swatchClass } from './sourceSwatch';

export const ROW_HEIGHT = 22;
const MAX_ITEMS = 20_000;
const OVERSCAN_ROWS = 6;

export interface GridHost {
  cache: PageCache<TableRow>;
  selection: Selection;
  columns(): Columns;
  sources(): TableSource[];
  /** Pages of rows [first, last] are needed. */
  need(first: number, last: number): void;
  selectionChanged(): void;
  rowMenu(row: number, x: number, y: number, selectedText: string, cell: ColumnId | null): void;
  headerMenu(x: number, y: number): void;
  keydown(e: KeyboardEvent): void;
  activate(row: number): void;
  /** The view's size changed (the panel, or the bars around the grid once filled): Live keeps its place. */
  resized(): void;
  /** Drawn (scrolled, resized, rows arrived): where the view is may have changed. */
  drawn(): void;
}

export class Grid {
  /** Holds the column widths (columns.ts), the resizers, then the grid: the Tab order is the header's, then the rows'. */
  readonly root = el('div', 'grid');
  /** The grid's tab stop when no row has the focus: named, its focus drawn by table.css. */
  private readonly view = el('div', 'grid-view', undefined, { role: 'grid', 'aria-multiselectable': 'true', 'aria-label': 'Log entries', tabindex: '0' });
  // Focusable by a click only: a tab stop of its own would be unnamed (Chromium makes scrollers tab stops).
  private readonly scroller = el('div', 'scroller', undefined, { tabindex: '-1' });
  /**
   * The columns' edges, over the header's but outside the grid (a tab stop inside it would come after
   * the grid's own): cells sized as the header's, moved with its horizontal scroll.
   */
  private readonly edges = el('div', 'edges');
  private readonly resizers = new Map<ColumnId, HTMLElement>();
  private readonly header = el('div', 'header row', undefined, { role: 'row', 'aria-rowindex': '1' });
  private readonly layer = el('div', 'layer', undefined, { role: 'rowgroup' });
  private readonly spacer = el('div', 'spacer');
  private readonly virt: Virtualizer<HTMLElement, HTMLElement>;
  private rows = 0;
  private block = 1;
  /** The rows' offset in view (px of the unscaled rows), and the scrollTop we last wrote. */
  private offset = 0;
  private written = -1;
  private geometry: ScrollGeometry = { virtualRange: 0, physicalRange: 0 };
  private offsetCallback: ((offset: number, scrolling: boolean) => void) | null = null;
  private frame = 0;
  private focusWanted = false;

  constructor(private readonly host: GridHost) {
    this.scroller.append(this.header, this.layer, this.spacer);
    this.view.append(this.scroller);
    const edgeBar = el('div', 'resizers');
    edgeBar.append(this.edges);
    this.root.append(edgeBar, this.view);
    this.buildHeader();
    this.virt = new Virtualizer<HTMLElement, HTMLElement>({
      count: 0,
      getScrollElement: () => this.scroller,
      estimateSize: (i) => this.rowsInBlock(i) * ROW_HEIGHT,
      overscan: 1,
      scrollToFn: (offset) => this.setOffset(offset),
      observeElementRect: (_v, cb) => {
        const report = (): void => {
          this.layout();
          cb(this.viewRect());
          this.host.resized();
        };
        const ro = new ResizeObserver(report);
        ro.observe(this.scroller);
        report();
        return () => ro.disconnect();
      },
      observeElementOffset: (_v, cb) => {
        this.offsetCallback = cb;
        cb(this.offset, false);
        return () => {
          this.offsetCallback = null;
        };
      },
      onChange: () => this.draw(),
    });
    this.scroller.addEventListener('scroll', () => {
      // Our own write comes back as a scroll event: keep the exact offset we set (the scaled scrollTop is rounded).
      if (Math.abs(this.scroller.scrollTop - this.written) > 1) this.offset = toVirtual(this.scroller.scrollTop, this.geometry);
      this.offsetCallback?.(this.offset, true);
      this.edges.style.transform = `translateX(${-this.scroller.scrollLeft}px)`;
      this.draw();
    });
    // When scaled, a wheel step would jump many rows: scroll by the rows' pixels instead.
    this.scroller.addEventListener('wheel', (e) => {
      if (this.geometry.physicalRange === this.geometry.virtualRange || e.ctrlKey) return;
      const unit = e.deltaMode === 1 ? ROW_HEIGHT : e.deltaMode === 2 ? this.viewHeight() : 1;
      if (e.deltaY === 0) return;
      e.preventDefault();
      this.setOffset(this.offset + e.deltaY * unit);
      if (e.deltaX) this.scroller.scrollLeft += e.deltaX * unit;
    }, { passive: false });
    this.layer.addEventListener('mousedown', (e) => this.onMouseDown(e));
    this.layer.addEventListener('dblclick', (e) => {
      const row = this.rowOf(e.target);
      if (row !== null) this.host.activate(row);
    });
    this.layer.addEventListener('contextmenu', (e) => {
      const row = this.rowOf(e.target);
      if (row === null) return;
      e.preventDefault();
      if (!this.host.selection.has(row)) {
        this.host.selection.click(row);
        this.host.selectionChanged();
      }
      const cell = (e.target as Element).closest('[data-col]')?.getAttribute('data-col') as ColumnId | null;
      this.host.rowMenu(row, e.clientX, e.clientY, window.getSelection()?.toString() ?? '', cell);
    });
    this.header.addEventListener('contextmenu', (e) => {
      e.preventDefault();
      this.host.headerMenu(e.clientX, e.clientY);
    });
    this.view.addEventListener('keydown', (e) => this.host.keydown(e));
    this.view.addEventListener('focusin', (e) => {
      if ((e.target === this.view || e.target === this.scroller) && this.host.selection.focus >= 0) this.focusRow();
    });
  }

  /** Start (after the element is in the document). */
  mount(): void {
    // The widths kept from before a reload were set after the grid was made. Afterwards only the
    // resizers' own drag, keys and fit change a width (hiding a column changes none): they sync.
    this.syncResizers();
    this.virt._didMount();
    this.virt._willUpdate();
  }

  /** The first row in view. */
  topRow(): number {
    return Math.min(Math.max(0, this.rows - 1), Math.floor(this.offset / ROW_HEIGHT));
  }

  /** Rows that fit in the view (a page for PageUp/PageDown). */
  pageRows(): number {
    return Math.max(1, Math.floor(this.viewHeight() / ROW_HEIGHT));
  }

  /** Rows a draw may show either side of a row in view, wherever in the view it is (the rows in view and the overscan). */
  drawnReach(): number {
    return Math.ceil(this.viewHeight() / ROW_HEIGHT) + OVERSCAN_ROWS + 1;
  }

  setRows(rows: number): void {
    this.rows = rows;
    this.view.setAttribute('aria-rowcount', String(rows + 1));
    this.block = Math.max(1, Math.ceil(rows / MAX_ITEMS));
    this.layout();
    this.virt.setOptions({ ...this.virt.options, count: Math.ceil(rows / this.block) });
    this.virt._willUpdate();
    this.setOffset(this.offset);
  }

  /** Draws again (rows arrived, selection or highlights changed), at the next frame. */
  draw(): void {
    if (this.frame || this.drawingNow) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  /** Set while drawNow's change runs: what it changes is drawn at its end, no frame is asked for. */
  private drawingNow = false;

  /**
   * Makes `change` (a new view's rows, selection, place) and draws it now, not at the next frame:
   * the rows of the old view must not stay drawn, with a selection that is no longer theirs, while
   * the status already says the new one.
   */
  drawNow(change: () => void): void {
    this.drawingNow = true;
    try {
      change();
    } finally {
      this.drawingNow = false;
    }
    // A frame asked for before the change would only draw the same again.
    if (this.frame) {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    }
    this.render();
  }

  /** Scrolls so that `row` is in view (`align` center for a jump, nearest for a step). */
  scrollToRow(row: number, align: 'nearest' | 'center' | 'end' = 'nearest'): void {
    const top = row * ROW_HEIGHT;
    const h = this.viewHeight();
    let o = this.offset;
    if (align === 'center') o = top - (h - ROW_HEIGHT) / 2;
    else if (align === 'end') o = top + ROW_HEIGHT - h;
    else if (top < o) o = top;
    else if (top + ROW_HEIGHT > o + h) o = top + ROW_HEIGHT - h;
    this.setOffset(o);
  }

  /** Where `row` is drawn, in px from the top of the view, or null when it is not in view. */
  placeOf(row: number): number | null {
    const at = row * ROW_HEIGHT - this.offset;
    return at >= 0 && at + ROW_HEIGHT <= this.viewHeight() ? at : null;
  }

  /** Scrolls so that `row` is drawn `at` px from the top of the view (where placeOf saw it). */
  scrollToRowAt(row: number, at: number): void {
    this.setOffset(row * ROW_HEIGHT - at);
  }

  scrollToEnd(): void {
    this.setOffset(this.geometry.virtualRange);
  }

  /** Puts the keyboard focus on the focused row once it is drawn. */
  focusRow(): void {
    this.focusWanted = true;
    this.draw();
  }

  private setOffset(o: number): void {
    this.offset = clampOffset(o, this.geometry);
    const top = toPhysical(this.offset, this.geometry);
    this.scroller.scrollTop = top;
    this.written = this.scroller.scrollTop;
    this.offsetCallback?.(this.offset, false);
    this.draw();
  }

  private rowsInBlock(i: number): number {
    return Math.min(this.block, this.rows - i * this.block);
  }

  private viewHeight(): number {
    return Math.max(0, this.scroller.clientHeight - this.header.offsetHeight);
  }

  private viewRect(): Rect {
    return { width: this.scroller.clientWidth, height: this.viewHeight() };
  }

  /** The layer is exactly the view under the header; the spacer is the scroll range. */
  private layout(): void {
    const h = this.viewHeight();
    this.layer.style.height = `${h}px`;
    this.geometry = scrollGeometry(this.rows, ROW_HEIGHT, h);
    this.spacer.style.height = `${this.geometry.physicalRange}px`;
    this.offset = clampOffset(this.offset, this.geometry);
  }

  private buildHeader(): void {
    for (const c of COLUMNS) {
      const cell = el('div', `cell c-${c.id}`, c.id === 'severity' ? '' : c.title, { role: 'columnheader', 'data-col': c.id });
      if (c.id === 'severity') cell.setAttribute('aria-label', c.title);
      // The ARIA splitter pattern: the edge takes the focus, arrows resize (shift: by more).
      // Its value is the column's width in px (syncResizers).
      const handle = el('div', 'resizer', undefined, {
        role: 'separator', 'aria-orientation': 'vertical', 'aria-label': `Resize the ${c.title} column`, tabindex: '0', 'aria-valuemin': String(c.min),
      });
      handle.addEventListener('keydown', (e) => {
        const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
        if (!step) return;
        e.preventDefault();
        e.stopPropagation();
        this.host.columns().setWidth(c.id, this.host.columns().widths.get(c.id)! + step * (e.shiftKey ? 50 : 10));
        this.syncResizers();
        this.root.dispatchEvent(new CustomEvent('columns-changed', { bubbles: true }));
      });
      // A double-click on the edge fits the column to its widest drawn cell (as VS Code's tables and CMTrace do).
      handle.addEventListener('dblclick', (e) => {
        e.preventDefault();
        e.stopPropagation();
        this.fitColumn(c.id);
      });
      handle.addEventListener('pointerdown', (e) => {
        e.preventDefault();
        handle.setPointerCapture(e.pointerId);
        const x0 = e.clientX;
        const w0 = this.host.columns().widths.get(c.id)!;
        const move = (m: PointerEvent): void => {
          this.host.columns().setWidth(c.id, w0 + m.clientX - x0);
          this.syncResizers();
        };
        const up = (): void => {
          handle.removeEventListener('pointermove', move);
          handle.removeEventListener('pointerup', up);
          this.root.dispatchEvent(new CustomEvent('columns-changed', { bubbles: true }));
        };
        handle.addEventListener('pointermove', move);
        handle.addEventListener('pointerup', up);
      });
      if (c.id !== 'message') {
        const edgeCell = el('div', `cell c-${c.id}`);
        edgeCell.append(handle);
        this.edges.append(edgeCell);
        this.resizers.set(c.id, handle);
      }
      this.header.append(cell);
    }
  }

  /** The resizers' values: each column's width (a drag may go past the widest a fit makes). */
  private syncResizers(): void {
    for (const [id, handle] of this.resizers) {
      const w = String(this.host.columns().widths.get(id));
      if (handle.getAttribute('aria-valuenow') === w) continue;
      handle.setAttribute('aria-valuenow', w);
      handle.setAttribute('aria-valuemax', String(Math.max(FIT_MAX, Number(w))));
    }
  }

  /**
   * Fits a column to the widest of its cells drawn now (the rows in view and the header): each at its
   * natural width for one measure (one layout, on a click), then the width set as a drag sets it.
   */
  private fitColumn(id: ColumnId): void {
    const cells = this.root.querySelectorAll<HTMLElement>(`.header .c-${id}, .layer .c-${id}`);
    this.root.style.setProperty(`--w-${id}`, 'max-content');
    let widest = 0;
    cells.forEach((cell) => { widest = Math.max(widest, cell.getBoundingClientRect().width); });
    this.host.columns().setWidth(id, Math.min(FIT_MAX, Math.ceil(widest)));
    this.syncResizers();
    this.root.dispatchEvent(new CustomEvent('columns-changed', { bubbles: true }));
  }

  private rowOf(target: EventTarget | null): number | null {
    const r = (target as Element | null)?.closest?.('[data-row]');
    return r ? Number(r.getAttribute('data-row')) : null;
  }

  private onMouseDown(e: MouseEvent): void {
    const row = this.rowOf(e.target);
    if (row === null || e.button !== 0) return;
    const s = this.host.selection;
    if (e.shiftKey) s.shiftClick(row);
    else if (e.ctrlKey || e.metaKey) s.ctrlClick(row);
    else if (!(s.has(row) && s.count() === 1)) s.click(row);
    else s.focus = row;
    if (e.shiftKey) e.preventDefault(); // no text selection on a range click
    this.host.selectionChanged();
    this.focusRow();
  }

  private render(): void {
    const items = this.virt.getVirtualItems();
    const h = this.viewHeight();
    const frag = document.createDocumentFragment();
    let focusEl: HTMLElement | null = null;
    if (this.rows > 0 && items.length > 0) {
      const first = Math.max(items[0].index * this.block, Math.floor(this.offset / ROW_HEIGHT) - OVERSCAN_ROWS, 0);
      const last = Math.min((items[items.length - 1].index + 1) * this.block - 1, Math.ceil((this.offset + h) / ROW_HEIGHT) + OVERSCAN_ROWS, this.rows - 1);
      this.host.need(first, last);
      const sources = this.host.sources();
      for (let row = first; row <= last; row++) {
        const e = this.renderRow(row, this.host.cache.get(row), sources);
        e.style.transform = `translateY(${row * ROW_HEIGHT - this.offset}px)`;
        if (row === this.host.selection.focus) focusEl = e;
        frag.append(e);
      }
    }
    const active = document.activeElement;
    const hadFocus = this.view.contains(active);
    // A focus asked for before this frame must not take it back from a field the user moved to since.
    const wanted = this.focusWanted && (hadFocus || active === null || active === document.body);
    this.layer.replaceChildren(frag);
    if (focusEl && (wanted || hadFocus)) focusEl.focus({ preventScroll: true });
    else if (hadFocus) this.view.focus({ preventScroll: true });
    this.focusWanted = false;
    this.host.drawn();
  }

  private renderRow(row: number, r: TableRow | undefined, sources: TableSource[]): HTMLElement {
    const sel = this.host.selection;
    const selected = sel.has(row);
    const e = el('div', 'row', undefined, { role: 'row', 'data-row': String(row), 'aria-rowindex': String(row + 2), 'aria-selected': String(selected) });
    e.tabIndex = row === sel.focus ? 0 : -1;
    if (selected) e.classList.add('selected');
    if (row === sel.focus) e.classList.add('focused');
    if (!r) {
      e.classList.add('loading');
      e.setAttribute('aria-label', `Row ${row + 1}, loading`);
      e.append(el('div', 'cell c-message', '…', { role: 'gridcell' }));
      return e;
    }
    e.classList.add(`sev-${r.severity}`);
    // Rows are cached with their rule's colour slot (highlightAnswer.ts slotsOf).
    if (r.highlight >= 0) e.classList.add(`hl-${r.highlight % 8}`);
    const src = sources[r.source];
    e.setAttribute('aria-label', shown(rowLabel(r, sources.length > 1 ? src?.label : undefined)));
    const sev = el('div', 'cell c-severity', undefined, { role: 'gridcell', 'data-col': 'severity' });
    sev.append(el('span', `codicon codicon-${SEVERITY_ICON[r.severity]}`, undefined, { 'aria-hidden': 'true' }));
    if (r.problems > 0) sev.classList.add('has-problems');
    e.append(sev);
    e.append(el('div', 'cell c-time', r.time, { role: 'gridcell', 'data-col': 'time' }));
    // Hidden by default: not formatted for every row drawn (showing it draws again).
    if (this.host.columns().visible('utc')) e.append(el('div', 'cell c-utc', formatUtc(r.utc), { role: 'gridcell', 'data-col': 'utc' }));
    const source = el('div', 'cell c-source', undefined, { role: 'gridcell', 'data-col': 'source' });
    if (src) {
      source.append(el('span', swatchClass(src.color), undefined, { 'aria-hidden': 'true' }), el('span', '', src.label));
      source.title = shown(src.note ? `${src.uri}\n${src.note}` : src.uri);
    }
    e.append(source);
    e.append(el('div', 'cell c-component', r.component, { role: 'gridcell', 'data-col': 'component' }));
    e.append(el('div', 'cell c-thread', r.thread, { role: 'gridcell', 'data-col': 'thread' }));
    const msg = el('div', 'cell c-message', r.message + (r.more ? ' …' : ''), { role: 'gridcell', 'data-col': 'message' });
    e.append(msg);
    return e;
  }
}
