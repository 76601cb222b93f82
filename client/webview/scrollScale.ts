// Browsers cap an element's height (Chromium near 16.7M px, Firefox near 17.9M): 5 million rows of
// 22 px are 110M px. The scroll space is the rows' height up to MAX_SCROLL_PX; past that, a scroll
// position maps linearly onto the rows' offset, end to end (the last row stays reachable). Pure.

export const MAX_SCROLL_PX = 8_000_000;

export interface ScrollGeometry {
  /** Scrollable range of the rows: their height minus the viewport's (>= 0). */
  virtualRange: number;
  /** Scrollable range of the element (the spacer's height): virtualRange, capped. */
  physicalRange: number;
}

export function scrollGeometry(rows: number, rowHeight: number, viewport: number, max = MAX_SCROLL_PX): ScrollGeometry {
  const virtualRange = Math.max(0, rows * rowHeight - viewport);
  return { virtualRange, physicalRange: Math.min(virtualRange, max) };
}

/** The rows' offset shown at an element's scrollTop. */
export function toVirtual(scrollTop: number, g: ScrollGeometry): number {
  if (g.physicalRange <= 0) return 0;
  const t = Math.min(Math.max(scrollTop, 0), g.physicalRange);
  return g.physicalRange === g.virtualRange ? t : (t / g.physicalRange) * g.virtualRange;
}

/** The scrollTop that shows the rows' offset `offset`. */
export function toPhysical(offset: number, g: ScrollGeometry): number {
  if (g.virtualRange <= 0) return 0;
  const v = Math.min(Math.max(offset, 0), g.virtualRange);
  return g.physicalRange === g.virtualRange ? v : (v / g.virtualRange) * g.physicalRange;
}

/** Clamps an offset of the rows into their scrollable range. */
export function clampOffset(offset: number, g: ScrollGeometry): number {
  return Math.min(Math.max(offset, 0), g.virtualRange);
}
