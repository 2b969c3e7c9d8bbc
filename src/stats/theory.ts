// Theory curves drawn next to the measurements. All in the GOE convention of DESIGN.md §1:
// off-diagonal N(0, 1), diagonal N(0, 2), semicircle radius R = 2√N.

import { semicircleRadius } from '../cpu/semicircle.ts';

export { semicircleIndexFraction, semicircleRadius } from '../cpu/semicircle.ts';

/** ln 3 / 4: the rate θ in P(min) ≈ exp(−θN²) (Dean & Majumdar, PRL 97, 160201, 2006). */
export const LARGE_DEVIATION_RATE = Math.log(3) / 4;

/** log10 of the naive "each direction is a coin flip" guess 2^−N. */
export function log10NaiveCoinFlip(n: number): number {
  return -n * Math.log10(2);
}

/**
 * log10 of the leading large-deviation law exp(−(ln 3/4)·N²). It is only the leading term:
 * the exact log P also has O(N) and O(ln N) corrections, so it sits off the exact values by
 * a slowly varying factor and serves to show the N² shape.
 */
export function log10LargeDeviation(n: number): number {
  return (-LARGE_DEVIATION_RATE * n * n) / Math.LN10;
}

/**
 * Wigner semicircle density of the eigenvalues of an N×N GOE matrix (mass 1):
 * ρ(x) = 2/(πR²)·√(R² − x²) for |x| < R, R = 2√N; 0 outside.
 */
export function semicircleDensity(x: number, n: number): number {
  const r = semicircleRadius(n);
  return Math.abs(x) < r ? (2 / (Math.PI * r * r)) * Math.sqrt(r * r - x * x) : 0;
}

/**
 * Leading growth of the index variance at s = 0, Var(k) ≈ ln N / π² (β = 1; Majumdar, Nadal,
 * Scardicchio & Vivo, PRL 103, 220603, 2009). The O(1) constant is not included.
 */
export function indexVarianceLeading(n: number): number {
  return Math.log(n) / (Math.PI * Math.PI);
}
