// Select all, as the table means it. VS Code answers Ctrl+A in a webview with its own select-all
// (document.execCommand('selectAll') in the page), which would select the whole page's text:
// toolbar counts, headers, the detail pane; Ctrl+C then copied that instead of the rows. A
// page-wide select-all fires `selectstart` at the body (an input's own select-all fires at the
// input, a drag at what it starts on): that one is cancelled and becomes "all rows", or, when the
// user's text selection is in the detail pane, that pane's text only.

/** The text the user selected, when it lies wholly inside one of `roots` (else ''). */
export function textSelectedIn(roots: readonly Node[]): string {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || !sel.anchorNode || !sel.focusNode) return '';
  const inside = roots.some((r) => r.contains(sel.anchorNode) && r.contains(sel.focusNode));
  return inside ? sel.toString() : '';
}

export function guardSelectAll(detail: HTMLElement, selectRows: () => void): void {
  document.addEventListener('selectstart', (e) => {
    if (e.target !== document.body && e.target !== document.documentElement) return;
    e.preventDefault();
    const sel = window.getSelection();
    if (sel?.anchorNode && detail.contains(sel.anchorNode)) sel.selectAllChildren(detail);
    else selectRows();
  });
}

/** Drops the page's text selection (all rows selected: Ctrl+C must copy them, not a stale cell selection). */
export function clearTextSelection(): void {
  window.getSelection()?.removeAllRanges();
}
