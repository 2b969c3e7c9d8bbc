// χ_k variates by Marsaglia–Tsang on the Philox stream, float64 twin of the WGSL in
// shaders/tridiagonal-goe.wgsl. χ_k = √(2G) with G ~ Gamma(k/2, 1).
//
// Marsaglia & Tsang, "A simple method for generating gamma variables", ACM TOMS 26 (2000):
// d = a − 1/3, c = 1/√(9d); z ~ N(0,1), v = (1 + c·z)³; reject if v ≤ 0; with u ~ U(0,1)
// accept if ln u < z²/2 + d − d·v + d·ln v; then G = d·v.
//
// Precision: the right-hand side is a difference of terms of size d (up to 2048 here) that
// nearly cancel, so float32 would decide differently from float64 about once per 10⁴ draws
// and the GPU and CPU streams would part. With x = c·z (so z² = 9d·x²) it equals exactly
//   z²/2 + d − d·v + d·ln v = 3d·L(x),  L(x) = ln(1+x) − x + x²/2 − x³/3 = Σ_{m≥4} (−1)^{m+1} x^m/m,
// which both sides evaluate without cancellation (the series for |x| < SERIES_LIMIT).

import { boxMuller, uniformOpen } from './normals.ts';

/** Attempts per variate; all rejecting has probability < 1e-19, and then G = d. */
export const CHI_ATTEMPTS = 15;
/** Below this |x| the tail L(x) is summed as its Taylor series (WGSL: same const). */
export const SERIES_LIMIT = 0.25;

/** L(x) = ln(1+x) − x + x²/2 − x³/3 for x > −1, accurate to float64 rounding. */
export function logTail(x: number): number {
  if (Math.abs(x) >= SERIES_LIMIT) return Math.log1p(x) - x + (x * x) / 2 - (x * x * x) / 3;
  // Σ_{m=4}^{31} (−1)^{m+1} x^m/m: the first omitted term is below 0.25^28 ≈ 1.4e-17 of x⁴.
  let sum = 0;
  for (let m = 31; m >= 4; m--) sum = sum * x + (m % 2 === 0 ? -1 : 1) / m;
  return sum * x * x * x * x;
}

/**
 * One Marsaglia–Tsang attempt for Gamma(a), a = k/2 ≥ 1, from three Philox words: returns
 * G = d·v on acceptance, NaN on rejection.
 */
export function gammaAttempt(a: number, w0: number, w1: number, w2: number, normals: Float64Array): number {
  const d = a - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  boxMuller(w0, w1, normals, 0);
  const z = normals[0];
  const x = c * z;
  if (x <= -1) return Number.NaN;
  const v = (1 + x) * (1 + x) * (1 + x);
  const logU = Math.log(uniformOpen(w2));
  return logU < 3 * d * logTail(x) ? d * v : Number.NaN;
}
