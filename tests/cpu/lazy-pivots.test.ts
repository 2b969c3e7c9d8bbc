// The float64 early-exit twin: the same minima as the full LDLᵀ's k = 0 bin on the same
// streams, for every dense ensemble, and the zero-pivot convention of pivots.ts.
import { describe, expect, it } from 'vitest';
import { createCpuSampler } from '../../src/cpu/cpu-sampler.ts';
import { noNegativePivotByRows } from '../../src/cpu/lazy-pivots.ts';
import { countNegativePivotsPacked } from '../../src/cpu/pivots.ts';
import type { BatchRequest } from '../../src/sampler.ts';

describe('noNegativePivotByRows', () => {
  it('agrees with the right-looking count on small matrices, singular ones included', () => {
    // Packed lower triangles: [[2,1],[1,2]] (minimum), [[1,2],[2,1]] (index 1),
    // [[0,0],[0,1]] (a zero pivot counts as positive), [[1,1],[1,1]] (singular PSD).
    const cases = [[2, 1, 2], [1, 2, 1], [0, 0, 1], [1, 1, 1], [-1, 0, 3]];
    for (const packed of cases) {
      const full = countNegativePivotsPacked(Float64Array.from(packed), 2) === 0;
      expect(noNegativePivotByRows(Float64Array.from(packed), 2, new Float64Array(2)), JSON.stringify(packed)).toBe(full);
    }
  });

  it('asks for row k only after pivots 0..k−1 were positive', () => {
    const rows: number[] = [];
    const packed = Float64Array.from([1, 0, -1, 0, 0, 1]);
    expect(noNegativePivotByRows(packed, 3, new Float64Array(3), (k) => rows.push(k))).toBe(false);
    expect(rows).toEqual([0, 1]);
  });
});

describe('CPU twin: P(min) counts equal the index histogram\'s k = 0 bin', () => {
  const cpu = createCpuSampler();
  const cases: [string, Record<string, number>, number, number][] = [
    ['goe', {}, 6, 0.5], ['goe', {}, 64, 0.95], ['wigner-rademacher', {}, 16, 0.7], ['wigner-uniform', {}, 7, 0.4],
    ['wigner-t', { nu: 2.5 }, 12, 0.8], ['wishart', { phi: 0.5 }, 16, -0.1], ['wishart', { phi: 0.8 }, 10, -0.02],
    ['gauss-newton-residual', { phi: 0.5, epsilon: 0.05 }, 24, 0.2],
  ];
  for (const [ensemble, params, n, shift] of cases) {
    it(`${ensemble} ${JSON.stringify(params)} N = ${n}, shift ${shift}`, async () => {
      const request: BatchRequest = { ensemble, params, n, shift, seed: 4, firstIndex: 2 ** 40, count: n > 32 ? 200 : 1000 };
      const [[histogram], [pmin]] = [await cpu.sample([request]), await cpu.sample([{ ...request, statistic: 'pmin' }])];
      expect([...pmin!]).toEqual([histogram![0], request.count - histogram![0]!]);
      expect(pmin![0]).toBeGreaterThan(0);
      expect(pmin![1]).toBeGreaterThan(0);
    });
  }
});
