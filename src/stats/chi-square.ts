// Chi-square tests for comparing index histograms from two samplers or two models.

/**
 * ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, n = 9 coefficients; Godfrey's set,
 * relative error below 1e-15), with the reflection formula unused since x > 0 here.
 */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * Regularized upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a): the power series of P = 1 − Q
 * below x < a + 1, the Legendre continued fraction (modified Lentz) above.
 */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const logPrefactor = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000 && Math.abs(term) > Math.abs(sum) * 1e-16; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return 1 - sum * Math.exp(logPrefactor);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(logPrefactor) * h;
}

/** P(χ²_df ≥ statistic). */
export function chiSquareSurvival(statistic: number, degreesOfFreedom: number): number {
  return gammaQ(degreesOfFreedom / 2, statistic / 2);
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
