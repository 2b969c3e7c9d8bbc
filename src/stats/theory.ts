// Theory curves drawn next to the measurements. All in the GOE convention of DESIGN.md §1:
// off-diagonal N(0, 1), diagonal N(0, 2), semicircle radius R = 2√N.

export { semicircleIndexFraction } from '../model/semicircle.ts';

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
