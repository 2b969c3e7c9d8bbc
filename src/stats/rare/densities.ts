// The two innovation densities of the β = 1 Dumitriu–Edelman tridiagonal model, in logs.
//
// Diagonal: a_i = μ + √2·z, μ = s·R, R = 2√N, so ln φ₂(a − μ) = −(a − μ)²/4 − ½ ln(4π).
// Off-diagonal: b ~ χ_k, ln f_k(b) = (k − 1) ln b − b²/2 − (k/2 − 1) ln 2 − ln Γ(k/2).
// Reference: Dumitriu & Edelman, J. Math. Phys. 43, 5830 (2002), Theorem 2.12. ln Γ is
// @stdlib's port of FreeBSD's e_lgamma_r.c: + − × ÷ and the fdlibm ln only, so the same bits
// in Chromium and Node (portable-math.ts).

import gammaln from '@stdlib/math-base-special-gammaln';
import { log } from '../portable-math.ts';

const HALF_LOG_4PI = 0.5 * log(4 * Math.PI);

/** ln of the N(0, 2) density at z. */
export function logNormalVar2(z: number): number {
  return -0.25 * z * z - HALF_LOG_4PI;
}

/** The constant −(k/2 − 1) ln 2 − ln Γ(k/2) of ln f_k. */
export function chiLogNormalizer(k: number): number {
  return -(k / 2 - 1) * Math.LN2 - gammaln(k / 2);
}

/** ln f_k(b) given the constant from chiLogNormalizer(k); −Infinity at b = 0 for k ≥ 2. */
export function logChi(k: number, logNormalizer: number, b: number): number {
  if (k === 1) return logNormalizer - 0.5 * b * b;
  return (k - 1) * log(b) - 0.5 * b * b + logNormalizer;
}
