import { describe, expect, it } from 'vitest';
import { indexMoments, mergeInto, summarize } from '../../src/stats/index-histogram.ts';

const context = { ensemble: 'goe', params: {}, n: 2, shift: 0, method: 'mc', backend: 'cpu', seed: 1, elapsedS: 0.5 } as const;

describe('index histograms', () => {
  it('merge by addition', () => {
    expect([...mergeInto(new Float64Array([1, 2, 3]), [4, 5, 6])]).toEqual([5, 7, 9]);
  });
  it('refuse to merge histograms of different N', () => {
    expect(() => mergeInto(new Float64Array(3), [1, 2])).toThrow(RangeError);
  });
  it('give the mean and unbiased variance of the index', () => {
    // indices 0, 1, 1, 2: mean 1, unbiased variance 2/3
    const moments = indexMoments([1, 2, 1])!;
    expect(moments.mean).toBe(1);
    expect(moments.variance).toBeCloseTo(2 / 3, 15);
  });
  it('give undefined moments when empty', () => expect(indexMoments([0, 0, 0])).toBeUndefined());
  it('summarize minima, maxima and p_min with its interval', () => {
    const s = summarize(context, [25, 50, 25]);
    expect(s.samples).toBe(100);
    expect(s.minima).toBe(25);
    expect(s.maxima).toBe(25);
    expect(s.pMin).toBe(0.25);
    expect(s.pMinLo).toBeLessThan(0.25);
    expect(s.pMinHi).toBeGreaterThan(0.25);
    expect(s.log10PMin).toBeCloseTo(Math.log10(0.25), 15);
  });
  it('summarize a zero count as an upper bound with −∞ log10', () => {
    const s = summarize(context, [0, 90, 10]);
    expect(s.pMin).toBe(0);
    expect(s.pMinHi).toBeGreaterThan(0);
    expect(s.log10PMin).toBe(-Infinity);
    expect(Number.isFinite(s.log10PMinHi)).toBe(true);
  });
});
