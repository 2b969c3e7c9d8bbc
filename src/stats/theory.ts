// Theory curves drawn next to the measurements. All in the GOE convention of DESIGN.md §1:
// off-diagonal N(0, 1), diagonal N(0, 2), semicircle radius R = 2√N.

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

/** Semicircle radius R = 2√N for this normalization. */
export function semicircleRadius(n: number): number {
  return 2 * Math.sqrt(n);
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
 * Fraction of the semicircle below −s·R: the large-N limit of (index / N) for H + s·R·I,
 * F(−s) = 1/2 − (s√(1 − s²) + asin s)/π for |s| ≤ 1 (0 for s ≥ 1, 1 for s ≤ −1).
 */
export function semicircleIndexFraction(shift: number): number {
  if (shift >= 1) return 0;
  if (shift <= -1) return 1;
  return 0.5 - (shift * Math.sqrt(1 - shift * shift) + Math.asin(shift)) / Math.PI;
}

/**
 * Leading growth of the index variance at s = 0, Var(k) ≈ ln N / π² (β = 1; Majumdar, Nadal,
 * Scardicchio & Vivo, PRL 103, 220603, 2009). The O(1) constant is not included.
 */
export function indexVarianceLeading(n: number): number {
  return Math.log(n) / (Math.PI * Math.PI);
}
