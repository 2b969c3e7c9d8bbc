// Theory for the spherical p-spin landscape (src/landscape/pspin/model.ts), in the lab's
// shift convention. At a critical point of energy u = H/N the tangent Hessian is, for large N,
// a GOE_{N−1} of semicircle radius 2√(p(p−1)) shifted by −p·u (Auffinger, Ben Arous & Černý,
// CPAM 66, 165, 2013; Bray & Dean, PRL 98, 150201, 2007). With R = 2√(p(p−1)) the shift is
// s·R = −p·u, i.e. s(u) = −u/E_∞ with the threshold energy E_∞ = 2√((p−1)/p): the index
// fraction tends to F(−s(u)) (src/cpu/semicircle.ts), minima exist only below u = −E_∞, and
// descent from random starts ends near −E_∞ (Cugliandolo & Kurchan, PRL 71, 173, 1993).

import { asin } from './portable-math.ts';
import { semicircleIndexFraction } from './theory.ts';

/** E_∞ = 2√((p−1)/p): 1.63299… at p = 3, √2 at p = 2. */
export function pspinThreshold(p: number): number {
  return 2 * Math.sqrt((p - 1) / p);
}

/** The lab's shift s(u) = −u/E_∞ of the tangent Hessian at energy u. */
export function pspinShift(u: number, p: number): number {
  return -u / pspinThreshold(p);
}

/** Large-N index fraction index/(N − 1) of a critical point at energy u: F(−s(u)). */
export function pspinIndexFraction(u: number, p: number): number {
  // The critical-point CSV's theory column: the portable asin, so the page and the CLI agree.
  return semicircleIndexFraction(pspinShift(u, p), asin);
}

/**
 * Ground-state energy per coordinate: −√2 at p = 2 (the top eigenvalue of a GOE in this
 * normalization); ≈ −1.657 at p = 3 (Crisanti & Sommers, Z. Phys. B 87, 341, 1992, 1-RSB;
 * the value the issue and the literature quote, not computed here).
 */
export function pspinGroundState(p: number): number | undefined {
  if (p === 2) return -Math.SQRT2;
  if (p === 3) return -1.657;
  return undefined;
}
