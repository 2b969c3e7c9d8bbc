// χ_k variates by Marsaglia–Tsang on the Philox stream, float64 twin of the WGSL in
// shaders/tridiagonal-goe.wgsl. χ_k = √(2G) with G ~ Gamma(k/2, 1).
//
// Marsaglia & Tsang, "A simple method for generating gamma variables", ACM TOMS 26 (2000):
// d = a − 1/3, c = 1/√(9d); z ~ N(0,1), v = (1 + c·z)³; reject if v ≤ 0; with u ~ U(0,1)
// accept if ln u < z²/2 + d − d·v + d·ln v; then G = d·v.
//
// Squeeze (decides first, without a logarithm; it changes the cost, never the outcome, so the
// law stays exactly Gamma(a)): with x = c·z and L as below, L(x) = −∫₀ˣ t³/(1+t) dt, so
// L(x) ≥ −x⁴/(4(1 + min(x, 0))) for x > −1 (1/(1+t) ≤ 1 for t ≥ 0, ≤ 1/(1+x) for x < t < 0).
// With δ = 1 − u and q = 3d·x⁴/(4(1 + min(x, 0))): δ > q ⇒ ln u ≤ −δ < −q ≤ 3d·L(x) ⇒ accept.
// The full test runs only when δ ≤ q: ~1/(36d) of attempts for large d (measured: 6.3% at
// k = 2, 0.1% at k = 56, 0.009% at k = 511). δ = (~w + ½)·2⁻³² is exact and q is a product,
// so float32 and float64 decide the squeeze alike except within ~1e-7 relative of q, where
// the full test accepts anyway (q exceeds 1 − e^{3d·L(x)} by |x|/5 to 4|x|/5 relative).
//
// Precision: the right-hand side is a difference of terms of size d (up to 2048 here) that
// nearly cancel, so float32 would decide differently from float64 about once per 10⁴ draws
// and the GPU and CPU streams would part. With x = c·z (so z² = 9d·x²) it equals exactly
//   z²/2 + d − d·v + d·ln v = 3d·L(x),  L(x) = ln(1+x) − x + x²/2 − x³/3 = Σ_{m≥4} (−1)^{m+1} x^m/m,
// which both sides evaluate without cancellation (the series for |x| < SERIES_LIMIT).

import { log, log1p } from '../stats/portable-math.ts';
import { uniformOpen } from './normals.ts';

const TWO_POW_MINUS_32 = 2 ** -32;

/** Attempts per variate; all rejecting has probability < 1e-19, and then G = d. */
export const CHI_ATTEMPTS = 15;
/** Below this |x| the tail L(x) is summed as its Taylor series (WGSL: same const). */
export const SERIES_LIMIT = 0.25;

/** L(x) = ln(1+x) − x + x²/2 − x³/3 for x > −1, accurate to float64 rounding. */
export function logTail(x: number): number {
  if (Math.abs(x) >= SERIES_LIMIT) return log1p(x) - x + (x * x) / 2 - (x * x * x) / 3;
  // Σ_{m=4}^{31} (−1)^{m+1} x^m/m: the first omitted term is below 0.25^28 ≈ 1.4e-17 of x⁴.
  let sum = 0;
  for (let m = 31; m >= 4; m--) sum = sum * x + (m % 2 === 0 ? -1 : 1) / m;
  return sum * x * x * x * x;
}

/** 1 − u for the open uniform u of `word`: (~w + ½)·2⁻³², exact (no cancellation near u = 1). */
export function uniformComplement(word: number): number {
  return (0xffff_ffff - word + 0.5) * TWO_POW_MINUS_32;
}

/**
 * q(x) = 3d·x⁴/(4(1 + min(x, 0))), x > −1: the squeeze accepts when 1 − u > q, since
 * 3d·L(x) ≥ −q (header).
 */
export function squeezeBound(d: number, x: number): number {
  const x2 = x * x;
  return (0.75 * d * x2 * x2) / (1 + Math.min(x, 0));
}

/**
 * One Marsaglia–Tsang attempt for Gamma(a), a ≥ 1 (k/2 for χ_k, ν/2 for χ²_ν), from a standard normal z and the
 * Philox word of the uniform u: returns G = d·v on acceptance, NaN on rejection.
 */
export function gammaAttempt(a: number, z: number, uniformWord: number): number {
  const d = a - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  const x = c * z;
  if (x <= -1) return Number.NaN;
  const v = (1 + x) * (1 + x) * (1 + x);
  if (uniformComplement(uniformWord) > squeezeBound(d, x)) return d * v;
  return log(uniformOpen(uniformWord)) < 3 * d * logTail(x) ? d * v : Number.NaN;
}
