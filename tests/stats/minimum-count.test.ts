import { describe, expect, it } from 'vitest';
import { summarize, type HistogramContext } from '../../src/stats/index-histogram.ts';
import { summarizeMinima } from '../../src/stats/minimum-count.ts';

const context: HistogramContext = { ensemble: 'goe', params: {}, n: 2, shift: 0, method: 'mc', backend: 'cpu', seed: 1, elapsedS: 0 };
const P_MIN_FIELDS = ['samples', 'minima', 'pMin', 'pMinLo', 'pMinHi', 'log10PMin', 'log10PMinLo', 'log10PMinHi'] as const;
const pick = (s: Record<string, unknown>) => P_MIN_FIELDS.map((f) => s[f]);

describe('P(min)-only summaries', () => {
  it.each([
    ['some minima', [25, 75], [25, 50, 25]],
    ['no minima', [0, 100], [0, 90, 10]],
    ['every matrix a minimum', [7, 0], [7, 0, 0]],
    ['no samples', [0, 0], [0, 0, 0]],
  ])('give the index summary’s p_min columns bit for bit (%s)', (_, minimaCounts, histogram) => {
    expect(pick({ ...summarizeMinima(context, minimaCounts) })).toEqual(pick({ ...summarize(context, histogram) }));
  });

  it('leave what only an index histogram knows empty', () => {
    const s = summarizeMinima(context, [25, 75]);
    expect([s.maxima, s.indexMean, s.indexVar]).toEqual([NaN, NaN, NaN]);
    expect(s.pMin).toBe(0.25);
  });
});
