import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/stats/index-histogram.ts';
import { ResultsCache } from '../../src/ui/results-cache.ts';

const stream = { ensemble: 'goe' as const, params: {}, shift: 0, seed: 7 };
const row = (n: number, counts: number[], seed = 7) =>
  summarize({ ensemble: 'goe', params: {}, n, shift: 0, method: 'mc', backend: 'gpu', seed, elapsedS: 1.5 }, counts);

describe('ResultsCache', () => {
  it('resumes each N of a stream from the histogram stored last', () => {
    const cache = new ResultsCache();
    cache.storeSweep([row(1, [1, 1]), row(2, [1, 2, 1])], new Map([[1, new Float64Array([1, 1])], [2, new Float64Array([1, 2, 1])]]));
    cache.storeSweep([row(1, [5, 5])], new Map([[1, new Float64Array([5, 5])]]));
    const resumed = cache.resumeFrom(stream, [1, 2, 3]);
    expect([...resumed.keys()]).toEqual([1, 2]);
    expect([...resumed.get(1)!]).toEqual([5, 5]);
    expect(cache.resumeElapsedS(stream, [1])).toEqual(new Map([[1, 1.5]]));
  });

  it('keeps streams with another seed, shift or ensemble apart', () => {
    const cache = new ResultsCache();
    cache.storeSweep([row(1, [1, 1], 8)], new Map([[1, new Float64Array([1, 1])]]));
    expect(cache.resumeFrom(stream, [1]).size).toBe(0);
    expect(cache.rows({ ...stream, seed: 8 }, 1, 1)).toHaveLength(1);
    expect(cache.rows({ ...stream, shift: 0.5, seed: 8 }, 1, 1)).toHaveLength(0);
  });

  it('returns rows of every method within the N range, by N then method', () => {
    const cache = new ResultsCache();
    cache.storeSweep([row(3, [0, 1, 1, 0])], new Map());
    cache.storeRows([{ ...row(3, [0, 1, 1, 0]), method: 'rare' }, { ...row(9, [1, 0, 0, 0, 0, 0, 0, 0, 0, 0]), method: 'exact' }]);
    expect(cache.rows(stream, 1, 8).map((r) => `${r.n}${r.method}`)).toEqual(['3mc', '3rare']);
    expect(cache.rows(stream, 1, 9, ['exact']).map((r) => r.n)).toEqual([9]);
  });

  it('hides, and does not resume, Monte Carlo rows with more samples than asked for', () => {
    const cache = new ResultsCache();
    cache.storeSweep([row(1, [600, 400])], new Map([[1, new Float64Array([600, 400])]]));
    cache.storeRows([{ ...row(1, [1, 1]), method: 'rare' }]);
    const fewer = { ...stream, samples: 500 };
    expect(cache.rows(fewer, 1, 1).map((r) => r.method)).toEqual(['rare']);
    expect(cache.histograms(fewer, 1, 1)).toEqual([]);
    expect(cache.resumeFrom(fewer, [1]).size).toBe(0);
    expect(cache.rows({ ...stream, samples: 1000 }, 1, 1).map((r) => r.samples)).toEqual([1000, 2]);
  });

  it('hands out histograms only for Monte Carlo rows', () => {
    const cache = new ResultsCache();
    cache.storeSweep([row(2, [1, 2, 1])], new Map([[2, new Float64Array([1, 2, 1])]]));
    cache.storeRows([{ ...row(1, [1, 1]), method: 'rare' }]);
    expect(cache.histograms(stream, 1, 2).map((h) => h.n)).toEqual([2]);
  });
});
