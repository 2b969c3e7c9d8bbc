// Chi-square tests for comparing index histograms from two samplers or two models. The
// incomplete gamma is @stdlib's port of Boost's gamma.hpp (power series for the lower tail,
// Lentz continued fraction for the upper), built on the same fdlibm elementary functions as
// portable-math.ts.

import gammainc from '@stdlib/math-base-special-gammainc';

/** P(χ²_df ≥ statistic) = Q(df/2, statistic/2), the regularized upper incomplete gamma. */
export function chiSquareSurvival(statistic: number, degreesOfFreedom: number): number {
  return gammainc(statistic / 2, degreesOfFreedom / 2, true, true);
}

export interface ChiSquareResult {
  statistic: number;
  degreesOfFreedom: number;
  pValue: number;
}

/**
 * Two-sample chi-square test of homogeneity for histograms a and b over the same bins
 * (Press et al., Numerical Recipes §14.3): with A = Σa, B = Σb,
 *   χ² = Σ_k (√(B/A)·a_k − √(A/B)·b_k)² / (a_k + b_k),
 * over bins where a_k + b_k > 0; degrees of freedom = used bins − 1. Bins with fewer than
 * `minBinCount` total counts are pooled into their neighbour so the χ² law holds.
 */
export function twoSampleChiSquare(a: ArrayLike<number>, b: ArrayLike<number>, minBinCount = 10): ChiSquareResult {
  const pooledA: number[] = [];
  const pooledB: number[] = [];
  let carryA = 0;
  let carryB = 0;
  for (let k = 0; k < a.length; k++) {
    carryA += a[k]!;
    carryB += b[k]!;
    if (carryA + carryB >= minBinCount) {
      pooledA.push(carryA);
      pooledB.push(carryB);
      carryA = carryB = 0;
    }
  }
  if (carryA + carryB > 0) {
    if (pooledA.length === 0) {
      pooledA.push(0);
      pooledB.push(0);
    }
    pooledA[pooledA.length - 1]! += carryA;
    pooledB[pooledB.length - 1]! += carryB;
  }
  const totalA = pooledA.reduce((s, x) => s + x, 0);
  const totalB = pooledB.reduce((s, x) => s + x, 0);
  const ratio = Math.sqrt(totalB / totalA);
  let statistic = 0;
  for (let k = 0; k < pooledA.length; k++) {
    statistic += (ratio * pooledA[k]! - pooledB[k]! / ratio) ** 2 / (pooledA[k]! + pooledB[k]!);
  }
  const degreesOfFreedom = Math.max(pooledA.length - 1, 1);
  return { statistic, degreesOfFreedom, pValue: chiSquareSurvival(statistic, degreesOfFreedom) };
}
