import { describe, expect, it } from 'vitest';
import {
  MAX_SPACER_HEIGHT,
  computeViewport,
  pagesForRange,
  rowsPerViewport,
  scrollLeftToReveal,
  scrollScale,
  scrollTopToReveal,
  spacerHeight,
  toPhysical,
  toVirtual,
} from '../../src-renderer/src/lib/grid/viewport';

const sample = { rowCount: 19_382, rowHeight: 28, viewportHeight: 840 };
const million = { rowCount: 1_000_000, rowHeight: 28, viewportHeight: 840 };

describe('viewport', () => {
  it('renders the visible rows plus overscan at the top', () => {
    const v = computeViewport(0, sample, 5);
    expect(v).toMatchObject({ start: 0, visibleStart: 0, visibleEnd: 30, end: 35, offsetTop: 0 });
    expect(v.spacerHeight).toBe(19_382 * 28);
  });

  it('positions rows at their own offset when unscaled', () => {
    const v = computeViewport(28 * 100 + 10, sample, 5);
    expect(v.visibleStart).toBe(100);
    expect(v.start).toBe(95);
    expect(v.offsetTop).toBe(95 * 28);
  });

  it('clamps past the end and reaches the last row', () => {
    const v = computeViewport(1e9, sample, 5);
    expect(v.end).toBe(19_382);
    expect(v.visibleEnd).toBe(19_382);
    expect(v.visibleStart).toBe(19_382 - 30);
  });

  it('handles an empty dataset', () => {
    expect(computeViewport(0, { ...sample, rowCount: 0 })).toMatchObject({ start: 0, end: 0, spacerHeight: 0 });
  });

  it('caps the spacer and scales the scroll for a million rows', () => {
    expect(spacerHeight(million)).toBe(MAX_SPACER_HEIGHT);
    expect(scrollScale(million)).toBeGreaterThan(3);
    const bottom = MAX_SPACER_HEIGHT - million.viewportHeight;
    const v = computeViewport(bottom, million, 5);
    expect(v.visibleEnd).toBe(1_000_000);
    expect(v.end).toBe(1_000_000);
    // The last row's bottom sits exactly on the viewport's bottom edge.
    const lastRowTop = v.offsetTop + (999_999 - v.start) * 28;
    expect(lastRowTop + 28).toBeCloseTo(bottom + million.viewportHeight, 6);
  });

  it('maps the middle of the scroll range to the middle rows', () => {
    const mid = (MAX_SPACER_HEIGHT - million.viewportHeight) / 2;
    const v = computeViewport(mid, million, 0);
    expect(Math.abs(v.visibleStart - (1_000_000 - 30) / 2)).toBeLessThan(2);
    // rows are drawn near the physical scroll position
    expect(Math.abs(v.offsetTop - mid)).toBeLessThan(28);
  });

  it('round-trips physical and virtual offsets', () => {
    for (const top of [0, 12_345, 3_000_000, MAX_SPACER_HEIGHT - 840]) {
      expect(toPhysical(toVirtual(top, million), million)).toBeCloseTo(top, 6);
    }
  });

  it('reveals a row below, above, or leaves the scroll alone', () => {
    expect(scrollTopToReveal(10, 0, sample)).toBe(0);
    expect(scrollTopToReveal(30, 0, sample)).toBe(31 * 28 - 840);
    expect(scrollTopToReveal(5, 28 * 50, sample)).toBe(5 * 28);
    const last = scrollTopToReveal(999_999, 0, million);
    expect(computeViewport(last, million, 0).visibleEnd).toBe(1_000_000);
  });

  it('counts whole rows per viewport', () => {
    expect(rowsPerViewport(sample)).toBe(30);
    expect(rowsPerViewport({ ...sample, viewportHeight: 0 })).toBe(1);
  });

  it('lists the pages covering a row range', () => {
    expect(pagesForRange(0, 35, 200)).toEqual([0]);
    expect(pagesForRange(190, 230, 200)).toEqual([0, 1]);
    expect(pagesForRange(400, 400, 200)).toEqual([]);
    expect(pagesForRange(999_970, 1_000_000, 200)).toEqual([4999]);
  });

  it('scrolls horizontally to reveal a column beside the sticky gutter', () => {
    const widths = [100, 100, 100, 100];
    expect(scrollLeftToReveal(0, widths, 50, 0, 200)).toBe(0);
    expect(scrollLeftToReveal(3, widths, 50, 0, 200)).toBe(450 - 200);
    expect(scrollLeftToReveal(1, widths, 50, 250, 200)).toBe(100);
  });
});
