import { describe, expect, it } from 'vitest';
import type { RecipePreview } from '../../../src-main/core/recipe/preview';
import { isMulticlassTarget } from '../../../src-renderer/src/lib/prepare/choices';
import { balanceBars } from '../../../src-renderer/src/lib/prepare/previewFormat';

describe('the target balance of the Prepare preview', () => {
  it('draws each class as a bar of its count and share, the largest full, rare classes marked', () => {
    const bars = balanceBars({
      column: 'author_ban_status',
      classes: [
        { name: 'active', count: 15663, share: 15663 / 19382 },
        { name: 'banned', count: 1639, share: 1639 / 19382 },
        { name: 'under review', count: 2080, share: 2080 / 19382 },
      ],
    });
    expect(bars.map((b) => b.text)).toEqual(['15,663 · 80.8 %', '1,639 · 8.5 %', '2,080 · 10.7 %']);
    expect(bars[0].width).toBe(100);
    expect(bars[1].width).toBeCloseTo((100 * 1639) / 15663, 10);
    expect(bars.map((b) => b.rare)).toEqual([false, true, false]);
  });

  it('draws nothing without a target', () => {
    expect(balanceBars(null)).toEqual([]);
    expect(balanceBars({ column: 'y', classes: [] })).toEqual([]);
  });

  it('a previewed target of three classes takes no positive class', () => {
    const preview = (classes: string[]) => ({ target: { column: 'author_ban_status', positive: null, classes, counts: [] } }) as unknown as RecipePreview;
    expect(isMulticlassTarget(preview(['active', 'banned', 'under review']), 'author_ban_status')).toBe(true);
    expect(isMulticlassTarget(preview(['active', 'banned']), 'author_ban_status')).toBe(false);
    expect(isMulticlassTarget(preview(['active', 'banned', 'under review']), 'claim_status')).toBe(false);
    expect(isMulticlassTarget(null, 'author_ban_status')).toBe(false);
  });
});
