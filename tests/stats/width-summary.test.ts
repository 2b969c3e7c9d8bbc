import { describe, expect, it } from 'vitest';
import { lossClusters, median, mergeWidthCounts, widthRates } from '../../src/stats/width-summary.ts';

describe('Width summary statistics', () => {
  it('clusters equal losses (permutations of one minimum) and keeps distinct ones apart', () => {
    expect(lossClusters([0.0251, 0.0165 + 1e-12, 0.0165, 0.0251 - 5e-10, 0.02])).toEqual([
      { loss: 0.0165, count: 2 }, { loss: 0.02, count: 1 }, { loss: 0.0251 - 5e-10, count: 2 },
    ]);
  });

  it('gives rates with Wilson intervals, and undefined for no runs', () => {
    const rates = widthRates({ runs: 100, global: 60, spurious: 40, saddle: 0, degenerate: 0, notConverged: 0 })!;
    expect(rates.pSpurious).toBe(0.4);
    expect(rates.pSpuriousLo).toBeCloseTo(0.3094, 4);
    expect(rates.pSpuriousHi).toBeCloseTo(0.4980, 4);
    expect(widthRates({ runs: 0, global: 0, spurious: 0, saddle: 0, degenerate: 0, notConverged: 0 })).toBeUndefined();
  });

  it('merges counts field by field', () => {
    const a = { runs: 3, global: 1, spurious: 1, saddle: 1, degenerate: 1, notConverged: 0 };
    expect(mergeWidthCounts(a, a)).toEqual({ runs: 6, global: 2, spurious: 2, saddle: 2, degenerate: 2, notConverged: 0 });
  });

  it('takes medians of odd and even lists, NaN of none', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
