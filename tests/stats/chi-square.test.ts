import { describe, expect, it } from 'vitest';
import { chiSquareSurvival, twoSampleChiSquare } from '../../src/stats/chi-square.ts';

describe('chi-square', () => {
  // Reference quantiles: scipy.stats.chi2.sf.
  it('survival matches the 95% quantile for 1 degree of freedom', () =>
    expect(chiSquareSurvival(3.841458820694124, 1)).toBeCloseTo(0.05, 10));
  it('survival matches the 99% quantile for 10 degrees of freedom', () =>
    expect(chiSquareSurvival(23.209251158954356, 10)).toBeCloseTo(0.01, 10));
  it('survival for 2 degrees of freedom is exp(−x/2)', () => expect(chiSquareSurvival(7, 2)).toBeCloseTo(Math.exp(-3.5), 12));
  it('finds identical histograms homogeneous', () => {
    const result = twoSampleChiSquare([100, 200, 300], [100, 200, 300]);
    expect(result.statistic).toBe(0);
    expect(result.pValue).toBe(1);
  });
  it('rejects clearly different histograms', () =>
    expect(twoSampleChiSquare([500, 500], [300, 700]).pValue).toBeLessThan(1e-10));
  it('pools sparse bins into their neighbours', () =>
    expect(twoSampleChiSquare([1, 2, 500, 500, 3], [2, 1, 500, 500, 2]).degreesOfFreedom).toBe(1));
});
