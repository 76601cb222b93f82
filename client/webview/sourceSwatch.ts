// A merged log's swatch in the Source column: one of the theme's 8 chart colours, and past 8 logs
// a shape too (square, round, diamond), so 24 logs are told apart where 8 colours repeated (a tour
// merged 13 logs: three pairs shared a colour). The shape also helps where colours are hard to tell.

/** Logs told apart by colour and shape together. */
export const SWATCHES = 24;

export function swatchClass(color: number): string {
  const k = ((color % SWATCHES) + SWATCHES) % SWATCHES;
  return `swatch src-${k % 8} shape-${Math.floor(k / 8)}`;
}
