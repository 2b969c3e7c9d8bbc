import { describe, expect, it } from 'vitest';
import { closedFormExact, indexColumn, indexPlotData, MAX_INDEX_BINS, MAX_INDEX_COLUMNS, pMinPlotData, spread } from '../../src/ui/plot-data.ts';
import { GOE_THEORIES } from '../../src/ensembles/wigner-common.ts';

const noTable = () => undefined;

describe('pMinPlotData', () => {
  it('falls back to P_1 = 1/2 and P_2 = (2 − √2)/4 where the table has no value', () => {
    const data = pMinPlotData([], [1, 3], 0, noTable, GOE_THEORIES);
    expect(data.exact.map((p) => p.n)).toEqual([1, 2]);
    expect(data.exact[0]!.log10P).toBeCloseTo(-0.30103, 5);
    // (2 − √2)/4 = 0.146446609…, log10 = −0.8343207 (Python math.log10)
    expect(data.exact[1]!.log10P).toBeCloseTo(-0.8343207, 6);
  });

  it('prefers the table', () => {
    const data = pMinPlotData([], [1, 1], 0, () => -0.5, GOE_THEORIES);
    expect(data.exact).toEqual([{ n: 1, log10P: -0.5 }]);
  });

  it('draws 2^-N and exp(−(ln 3/4)N²) at every N of the range, only at shift 0', () => {
    const data = pMinPlotData([], [10, 12], 0, noTable, GOE_THEORIES);
    expect(data.naive.map((p) => p.n)).toEqual([10, 11, 12]);
    expect(data.naive[0]!.log10P).toBeCloseTo(-3.0103, 4);
    // ln 3/4 · 100 / ln 10 = 11.928
    expect(data.largeDeviation[0]!.log10P).toBeCloseTo(-11.928, 3);
    const shifted = pMinPlotData([], [10, 12], 0.5, noTable, GOE_THEORIES);
    expect(shifted.naive).toEqual([]);
    expect(shifted.largeDeviation).toEqual([]);
    expect(closedFormExact(1, 0.5)).toBeUndefined();
  });
});

describe('indexColumn', () => {
  it('gives one cell per k, each covering k/N ± 1/(2N) clipped to [0, 1]', () => {
    const column = indexColumn(2, [1, 2, 1], undefined)!;
    expect(column.cells).toEqual([
      { lo: 0, hi: 0.25, probability: 0.25, shade: 0.5 },
      { lo: 0.25, hi: 0.75, probability: 0.5, shade: 1 },
      { lo: 0.75, hi: 1, probability: 0.25, shade: 0.5 },
    ]);
    expect(column.samples).toBe(4);
  });

  it('bins large N so a column never has more than MAX_INDEX_BINS cells, keeping all mass', () => {
    const n = 1000;
    const counts = Array.from({ length: n + 1 }, (_, k) => (k === 500 ? 10 : 1));
    const column = indexColumn(n, counts, undefined)!;
    expect(column.cells.length).toBeLessThanOrEqual(MAX_INDEX_BINS);
    expect(column.cells.reduce((sum, c) => sum + c.probability, 0)).toBeCloseTo(1, 12);
    expect(column.cells[0]!.lo).toBe(0);
    expect(column.cells[column.cells.length - 1]!.hi).toBe(1);
  });

  it('takes mean and σ of k/N from the summary row', () => {
    const column = indexColumn(4, [0, 1, 2, 1, 0], { indexMean: 2, indexVar: 0.64 } as never)!;
    expect(column.mean).toBe(0.5);
    expect(column.sd).toBeCloseTo(0.2, 15);
  });

  it('gives no column for an empty histogram', () => {
    expect(indexColumn(3, [0, 0, 0, 0], undefined)).toBeUndefined();
  });
});

describe('indexPlotData', () => {
  it('shows at most MAX_INDEX_COLUMNS evenly spread N, the first and last included', () => {
    const histograms = Array.from({ length: 200 }, (_, i) => ({ n: i + 1, counts: new Array(i + 2).fill(1) }));
    const ns = indexPlotData(histograms, [], 0, GOE_THEORIES).columns.map((c) => c.n);
    expect(ns).toHaveLength(MAX_INDEX_COLUMNS);
    expect([ns[0], ns[ns.length - 1]]).toEqual([1, 200]);
    expect(spread([1, 2, 3, 4, 5], 3)).toEqual([1, 3, 5]);
    expect(spread([1, 2], 3)).toEqual([1, 2]);
  });

  it('gives the semicircle limit of k/N for the shift: 1/2 at s = 0, 0 from s = 1 on', () => {
    expect(indexPlotData([], [], 0, GOE_THEORIES).semicircleFraction).toBe(0.5);
    expect(indexPlotData([], [], 1.5, GOE_THEORIES).semicircleFraction).toBe(0);
  });
});
