// Seeded sampling runs against exact values and against an independent model.
// Exact references: P_1 = 1/2 and P_2 = (2 − √2)/4 (Dean & Majumdar, PRE 77, 041108, 2008);
// for N = 1 the shifted value is P(N(0, 2) + 2s > 0) = Φ(√2·s). The dense GOE and the
// Dumitriu–Edelman tridiagonal model share one eigenvalue law, so their index histograms must
// agree (two-sample chi-square). Every run is seeded, so each check is deterministic; the
// intervals are 99.9% so that a legitimate change of random stream rarely trips them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ensemble, RunConfig } from '../../src/config.ts';
import { runSweep as runEngineSweep } from '../../src/engine/sweep.ts';
import type { Sampler } from '../../src/sampler.ts';
import { wilsonInterval } from '../../src/stats/binomial.ts';
import { twoSampleChiSquare } from '../../src/stats/chi-square.ts';
import { exactPMin } from '../../src/stats/exact-table.ts';
import { openTestSampler } from '../gpu/test-sampler.ts';

const Z_999 = 3.2905267314918945;

let sampler: Sampler;
let close: () => void;
beforeAll(async () => ({ sampler, close } = await openTestSampler()));
afterAll(() => close?.());

/** A sweep that must finish: a sampler failing mid-way must not pass on partial counts. */
async function runSweep(...args: Parameters<typeof runEngineSweep>) {
  const result = await runEngineSweep(...args);
  expect(result.failure).toBeUndefined();
  expect(result.stopped).toBe(false);
  return result;
}

const config = (ensemble: Ensemble, ns: number[], samples: number, shift = 0, seed = 1): RunConfig => ({
  ensemble, params: {}, ns, samples, shift, seed, method: 'mc', backend: 'gpu',
});

/** Φ(x) = ½·(1 − erf(−x/√2)), erf by its Taylor series: exact to double precision for |x| < 2. */
function normalCdf(x: number): number {
  const z = -x / Math.SQRT2;
  let term = z;
  let sum = z;
  for (let n = 1; n < 200; n++) {
    term *= (-z * z) / n;
    sum += term / (2 * n + 1);
  }
  return 0.5 * (1 - (2 / Math.sqrt(Math.PI)) * sum);
}

function expectInside(minima: number, samples: number, exact: number): void {
  const interval = wilsonInterval(minima, samples, Z_999)!;
  expect(exact).toBeGreaterThanOrEqual(interval.lo);
  expect(exact).toBeLessThanOrEqual(interval.hi);
}

describe('GOE minima against exact values', () => {
  it('P_1 = 1/2 and P_2 = (2 − √2)/4 lie in the 99.9% intervals of 2e6 samples', async () => {
    const { summaries } = await runSweep(config('goe', [1, 2], 2_000_000), sampler);
    expectInside(summaries[0]!.minima, summaries[0]!.samples, 0.5);
    expectInside(summaries[1]!.minima, summaries[1]!.samples, (2 - Math.SQRT2) / 4);
  });

  it('N = 3..6 agree with the exact table (de Bruijn Pfaffian, data/exact-goe.json)', async () => {
    const { summaries } = await runSweep(config('goe', [3, 4, 5, 6], 2_000_000, 0, 2), sampler);
    for (const s of summaries) expectInside(s.minima, s.samples, exactPMin(s.n)!.p);
  });

  it('a shifted N = 4 agrees with the exact shifted table', async () => {
    const { summaries } = await runSweep(config('goe', [4], 1_000_000, 0.5, 5), sampler);
    expectInside(summaries[0]!.minima, summaries[0]!.samples, exactPMin(4, 0.5)!.p);
  });

  it('at N = 1 a shift s gives P = Φ(√2·s) (the shifted N = 4 test checks R = 2√N)', async () => {
    for (const shift of [-0.4, 0.3]) {
      const { summaries } = await runSweep(config('goe', [1], 1_000_000, shift, 3), sampler);
      expectInside(summaries[0]!.minima, summaries[0]!.samples, normalCdf(Math.SQRT2 * shift));
    }
  });

  it('the tridiagonal model gives the same P_2', async () => {
    const { summaries } = await runSweep(config('goe-tridiagonal', [2], 2_000_000), sampler);
    expectInside(summaries[0]!.minima, summaries[0]!.samples, (2 - Math.SQRT2) / 4);
  });

  it('the mean index at s = 0 is N/2 (H and −H have the same law)', async () => {
    const { summaries } = await runSweep(config('goe', [7, 16], 200_000, 0, 4), sampler);
    for (const s of summaries) {
      const halfWidth = Z_999 * Math.sqrt(s.indexVar / s.samples);
      expect(Math.abs(s.indexMean - s.n / 2)).toBeLessThan(halfWidth);
    }
  });
});

describe('dense GOE and the tridiagonal model have one index law', () => {
  for (const [n, samples, shift] of [[8, 400_000, 0], [32, 100_000, 0], [8, 400_000, 0.4]] as const) {
    it(`N = ${n}, shift ${shift}: two-sample chi-square p > 0.001`, async () => {
      const dense = await runSweep(config('goe', [n], samples, shift, 11), sampler);
      const tridiagonal = await runSweep(config('goe-tridiagonal', [n], samples, shift, 12), sampler);
      const test = twoSampleChiSquare(dense.histograms.get(n)!, tridiagonal.histograms.get(n)!);
      expect(test.degreesOfFreedom).toBeGreaterThan(2);
      expect(test.pValue).toBeGreaterThan(0.001);
    });
  }
});
