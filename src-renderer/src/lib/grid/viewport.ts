/**
 * Viewport maths for a virtualized grid with a fixed row height.
 *
 * Browsers cap element heights (Firefox near 17.9 M px, Chromium near 33.5 M px),
 * so the scroll spacer never exceeds `maxSpacerHeight`. When the full
 * height `rows × rowHeight` is larger, physical scroll positions are scaled
 * linearly onto virtual ones: the first and last physical positions map to
 * the first and last virtual ones, so every row stays reachable.
 */

/** Safely below every browser's element-height cap. */
export const MAX_SPACER_HEIGHT = 8_000_000;

export interface GridGeometry {
  rowCount: number;
  rowHeight: number;
  /** Height of the visible row area (the scroll container minus the sticky header). */
  viewportHeight: number;
  maxSpacerHeight?: number;
}

export interface Viewport {
  /** First row to render (0-based, with overscan). */
  start: number;
  /** One past the last row to render. */
  end: number;
  /** First and one past last row actually on screen (no overscan). */
  visibleStart: number;
  visibleEnd: number;
  /** Top of row `start` in spacer (physical) coordinates. */
  offsetTop: number;
  spacerHeight: number;
}

export function virtualHeight(g: GridGeometry): number {
  return g.rowCount * g.rowHeight;
}

export function spacerHeight(g: GridGeometry): number {
  return Math.min(virtualHeight(g), g.maxSpacerHeight ?? MAX_SPACER_HEIGHT);
}

/** Virtual pixels per physical pixel of scroll; 1 unless the grid is taller than the cap. */
export function scrollScale(g: GridGeometry): number {
  const physicalRange = spacerHeight(g) - g.viewportHeight;
  const virtualRange = virtualHeight(g) - g.viewportHeight;
  if (physicalRange <= 0 || virtualRange <= physicalRange) return 1;
  return virtualRange / physicalRange;
}

/** Physical scrollTop → virtual offset of the viewport's top edge. */
export function toVirtual(scrollTop: number, g: GridGeometry): number {
  const maxVirtual = Math.max(0, virtualHeight(g) - g.viewportHeight);
  return clamp(scrollTop * scrollScale(g), 0, maxVirtual);
}

/** Virtual offset → physical scrollTop. */
export function toPhysical(virtualTop: number, g: GridGeometry): number {
  const maxPhysical = Math.max(0, spacerHeight(g) - g.viewportHeight);
  return clamp(virtualTop / scrollScale(g), 0, maxPhysical);
}

export function computeViewport(scrollTop: number, g: GridGeometry, overscan = 6): Viewport {
  const spacer = spacerHeight(g);
  if (g.rowCount <= 0 || g.rowHeight <= 0) {
    return { start: 0, end: 0, visibleStart: 0, visibleEnd: 0, offsetTop: 0, spacerHeight: 0 };
  }
  const maxPhysical = Math.max(0, spacer - g.viewportHeight);
  const physical = clamp(scrollTop, 0, maxPhysical);
  const virtualTop = toVirtual(physical, g);
  const visibleStart = Math.min(g.rowCount - 1, Math.floor(virtualTop / g.rowHeight));
  const visibleEnd = Math.min(g.rowCount, Math.ceil((virtualTop + Math.max(0, g.viewportHeight)) / g.rowHeight));
  const start = Math.max(0, visibleStart - overscan);
  const end = Math.min(g.rowCount, Math.max(visibleEnd, visibleStart + 1) + overscan);
  // Rows are laid out at their virtual distance from the viewport's top,
  // anchored at the physical scroll position.
  const offsetTop = physical + (start * g.rowHeight - virtualTop);
  return { start, end, visibleStart, visibleEnd: Math.max(visibleEnd, visibleStart + 1), offsetTop, spacerHeight: spacer };
}

/** The physical scrollTop that brings `row` fully into view, moving as little as possible. */
export function scrollTopToReveal(row: number, scrollTop: number, g: GridGeometry): number {
  const virtualTop = toVirtual(scrollTop, g);
  const rowTop = row * g.rowHeight;
  const rowBottom = rowTop + g.rowHeight;
  if (rowTop < virtualTop) return Math.floor(toPhysical(rowTop, g));
  if (rowBottom > virtualTop + g.viewportHeight) return Math.ceil(toPhysical(rowBottom - g.viewportHeight, g));
  return scrollTop;
}

/** Number of whole rows that fit in the viewport (at least 1), for PageUp/PageDown. */
export function rowsPerViewport(g: GridGeometry): number {
  return Math.max(1, Math.floor(g.viewportHeight / g.rowHeight));
}

/** Page indexes covering rows [start, end). */
export function pagesForRange(start: number, end: number, pageSize: number): number[] {
  if (end <= start) return [];
  const first = Math.floor(start / pageSize);
  const last = Math.floor((end - 1) / pageSize);
  const pages: number[] = [];
  for (let p = first; p <= last; p++) pages.push(p);
  return pages;
}

/**
 * The scrollLeft that shows column `index` fully, given a sticky gutter of
 * `gutter` px on the left that hides what scrolls under it.
 */
export function scrollLeftToReveal(
  index: number,
  widths: readonly number[],
  gutter: number,
  scrollLeft: number,
  clientWidth: number,
): number {
  let left = gutter;
  for (let i = 0; i < index; i++) left += widths[i];
  const right = left + (widths[index] ?? 0);
  if (left - gutter < scrollLeft) return left - gutter;
  if (right > scrollLeft + clientWidth) return Math.min(left - gutter, right - clientWidth);
  return scrollLeft;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** The physical scrollTop that puts `row` in the middle of the viewport (as far as the ends allow). */
export function scrollTopToCenter(row: number, g: GridGeometry): number {
  return Math.round(toPhysical(row * g.rowHeight - (g.viewportHeight - g.rowHeight) / 2, g));
}
