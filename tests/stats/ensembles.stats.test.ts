// Seeded GPU runs of the new ensembles against independent small-N references
// (tests/stats/ensemble-references.ts, each checked against closed forms in its unit test):
// - Rademacher: the exact index distributions at N = 2 and 3, by enumerating all sign patterns;
// - uniform and Student-t: P(min) at N = 2 by numerical integrals of the entry laws;
// - Wishart: P(λ_min > x) at N = 1 (incomplete gamma) and N = 2 (integral of the joint
//   eigenvalue density), and P(min) = 1 exactly at φ > 1, shift 0, where zero eigenvalues must
//   not count as negative;
// - Gauss–Newton + residual: P(min) at N = 1 by a one-dimensional integral.
// Intervals are 99.9% Wilson; distributions by chi-square at p > 1e-3.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunConfig } from '../../src/config.ts';
import { wishartRows } from '../../src/cpu/wishart-fills.ts';
import { runSweep as runEngineSweep } from '../../src/engine/sweep.ts';
import type { Sampler } from '../../src/sampler.ts';
import { wilsonInterval } from '../../src/stats/binomial.ts';
import { chiSquareSurvival } from '../../src/stats/chi-square.ts';
import { openTestSampler } from '../gpu/test-sampler.ts';
import {
  gaussNewtonResidualPMin1, rademacherIndexDistribution, studentTPMin2, uniformPMin2, wishartPMin1, wishartPMin2,
} from './ensemble-references.ts';

const Z_999 = 3.2905267314918945;
const SAMPLES = 400_000;

let sampler: Sampler;
let close: () => void;
beforeAll(async () => ({ sampler, close } = await openTestSampler()));
afterAll(() => close?.());

const config = (ensemble: string, params: Record<string, number>, ns: number[], shift = 0, samples = SAMPLES): RunConfig => ({
  ensemble, params, ns, samples, shift, seed: 2026, method: 'mc', backend: 'gpu',
});

async function sweep(c: RunConfig) {
  const result = await runEngineSweep(c, sampler);
  expect(result.failure).toBeUndefined();
  expect(result.stopped).toBe(false);
  return result;
}

function expectInside(minima: number, samples: number, reference: number): void {
  const interval = wilsonInterval(minima, samples, Z_999)!;
  expect(reference).toBeGreaterThanOrEqual(interval.lo);
  expect(reference).toBeLessThanOrEqual(interval.hi);
}

function expectDistribution(counts: Float64Array, probabilities: number[]): void {
  const total = counts.reduce((a, b) => a + b, 0);
  let statistic = 0;
  probabilities.forEach((p, k) => (statistic += (counts[k]! - total * p) ** 2 / (total * p)));
  expect(chiSquareSurvival(statistic, probabilities.length - 1)).toBeGreaterThan(1e-3);
}

describe('new ensembles against independent references', () => {
  it('Rademacher N = 2, 3: index distributions equal the enumeration of all sign patterns', async () => {
    const { histograms, summaries } = await sweep(config('wigner-rademacher', {}, [2, 3]));
    expectInside(summaries[0]!.minima, SAMPLES, 0.25);
    expectDistribution(histograms.get(2)!, rademacherIndexDistribution(2));
    expectDistribution(histograms.get(3)!, rademacherIndexDistribution(3));
  });

  it('uniform N = 2: P(min) equals ¼∫∫min(1, √(2xy)) = 0.15167', async () => {
    const { summaries } = await sweep(config('wigner-uniform', {}, [2]));
    expectInside(summaries[0]!.minima, SAMPLES, uniformPMin2());
  });

  it('Student-t N = 2 at ν = 3 and ν = 2.5: P(min) equals the quadrature over |t_ν| variables', async () => {
    for (const nu of [3, 2.5]) {
      const { summaries } = await sweep(config('wigner-t', { nu }, [2]));
      expectInside(summaries[0]!.minima, SAMPLES, studentTPMin2(nu));
    }
  });

  it('Wishart φ = 0.5: P(λ_min > 0.5) at N = 1 (incomplete gamma) and P(λ_min > 0.3) at N = 2 (joint density)', async () => {
    const one = await sweep(config('wishart', { phi: 0.5 }, [1], -0.5));
    expectInside(one.summaries[0]!.minima, SAMPLES, wishartPMin1(wishartRows(1, 0.5), 0.5));
    const two = await sweep(config('wishart', { phi: 0.5 }, [2], -0.3));
    expectInside(two.summaries[0]!.minima, SAMPLES, wishartPMin2(wishartRows(2, 0.5), 0.3));
  });

  it('Wishart φ = 2 at shift 0: every matrix is a minimum (its N − M zero eigenvalues are not negative)', async () => {
    const { summaries } = await sweep(config('wishart', { phi: 2 }, [2, 8, 20], 0, 20_000));
    for (const s of summaries) expect(s.minima).toBe(s.samples);
  });

  it('Gauss–Newton + residual N = 1 (φ = 0.5, ε = 0.1): P(min) equals ∫P(χ²_M/M > −2√ε·z)φ(z)dz', async () => {
    const { summaries } = await sweep(config('gauss-newton-residual', { phi: 0.5, epsilon: 0.1 }, [1]));
    expectInside(summaries[0]!.minima, SAMPLES, gaussNewtonResidualPMin1(wishartRows(1, 0.5), 0.1, 0));
  });
});
