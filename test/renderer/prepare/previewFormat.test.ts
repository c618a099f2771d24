import { describe, expect, it } from 'vitest';
import type { RecipeWarning } from '../../../src-main/core/recipe/warnings';
import { detailsSummary } from '../../../src-renderer/src/lib/prepare/previewFormat';

const warning = (pairs: number, vifs: number): RecipeWarning => ({
  severity: 'warning',
  code: pairs ? 'correlation' : 'vif',
  message: '',
  details: [],
  group: {
    columns: [],
    drop: 'a',
    pairs: Array.from({ length: pairs }, () => ({ a: 'a', b: 'b', r: 0.8 })),
    vifs: Array.from({ length: vifs }, () => ({ column: 'a', vif: 6 })),
  },
});

describe('a warning’s details toggle', () => {
  it('says what it holds', () => {
    expect(detailsSummary(warning(4, 5))).toBe('4 pairs with r, 5 VIFs');
    expect(detailsSummary(warning(1, 0))).toBe('1 pair with r');
    expect(detailsSummary(warning(0, 1))).toBe('the VIF');
  });
});
