// The entry laws of the dense ensembles, as CDFs and moments, and the checks the CPU and GPU
// twins must pass: chi-square goodness of fit (src/stats/chi-square.ts for the p-value) and
// mean/variance within 5 standard errors. References: the t CDF and the regularized lower
// incomplete gamma from @stdlib (the fills under test use neither).
import gammainc from '@stdlib/math-base-special-gammainc';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { expect } from 'vitest';
import { chiSquareSurvival } from '../../src/stats/chi-square.ts';
import { packedIndex } from '../../src/cpu/pivots.ts';

export type Cdf = (x: number) => number;

export const uniformCdf = (halfWidth: number): Cdf => (x) => Math.min(1, Math.max(0, (x + halfWidth) / (2 * halfWidth)));
/** T·σ with T ~ t_ν. */
export const scaledTCdf = (nu: number, sigma: number): Cdf => (x) => tCdf(x / sigma, nu);
/** χ²_M / M. */
export const chiSquareOverMCdf = (m: number): Cdf => (x) => (x <= 0 ? 0 : gammainc((m * x) / 2, m / 2));

/** Off-diagonal and diagonal entries of packed triangles (count matrices of size n, back to back). */
export function splitEntries(packed: ArrayLike<number>, n: number, count: number): { off: number[]; diagonal: number[] } {
  const length = (n * (n + 1)) / 2;
  const off: number[] = [];
  const diagonal: number[] = [];
  for (let m = 0; m < count; m++) {
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) (i === j ? diagonal : off).push(packed[m * length + packedIndex(i, j)]!);
  }
  return { off, diagonal };
}

/**
 * Pearson's chi-square of `values` against `cdf` on bins cut at the given quantiles' x values;
 * p-value with bins − 1 degrees of freedom. Fails below p = 1e-4 (a seeded run: a failure is a
 * wrong law, not bad luck, at that level).
 */
export function expectFits(values: readonly number[], cdf: Cdf, edges: readonly number[], what: string): void {
  const cuts = [-Infinity, ...edges, Infinity];
  let statistic = 0;
  for (let b = 0; b + 1 < cuts.length; b++) {
    const lo = cuts[b]!;
    const hi = cuts[b + 1]!;
    const expected = values.length * ((hi === Infinity ? 1 : cdf(hi)) - (lo === -Infinity ? 0 : cdf(lo)));
    expect(expected, `${what}: bin (${lo}, ${hi}] needs ≥ 5 expected`).toBeGreaterThanOrEqual(5);
    const observed = values.filter((v) => v > lo && v <= hi).length;
    statistic += (observed - expected) ** 2 / expected;
  }
  const p = chiSquareSurvival(statistic, cuts.length - 2);
  expect(p, `${what}: chi-square ${statistic.toFixed(1)} on ${cuts.length - 2} df`).toBeGreaterThan(1e-4);
}

/** Sample mean and variance within 5 standard errors of the law's (needs a finite fourth moment). */
export function expectMoments(values: readonly number[], mean: number, variance: number, what: string): void {
  const count = values.length;
  const sampleMean = values.reduce((a, b) => a + b, 0) / count;
  const centred = values.map((v) => (v - sampleMean) ** 2);
  const sampleVariance = centred.reduce((a, b) => a + b, 0) / (count - 1);
  const fourth = centred.reduce((a, b) => a + b * b, 0) / count;
  expect(Math.abs(sampleMean - mean), `${what}: mean ${sampleMean}`).toBeLessThan(5 * Math.sqrt(variance / count));
  expect(Math.abs(sampleVariance - variance), `${what}: variance ${sampleVariance}`).toBeLessThan(5 * Math.sqrt(Math.max(fourth - sampleVariance ** 2, 1e-12) / count));
}

/** x values cutting the range [lo, hi] into `bins` equal pieces (inner edges only). */
export const evenEdges = (lo: number, hi: number, bins: number): number[] =>
  Array.from({ length: bins - 1 }, (_, i) => lo + ((i + 1) * (hi - lo)) / bins);
