// A p-spin point polished to a critical point and read off: u = H/N, the index and λ_min of its
// tangent Hessian, all in float64, the eigenvalue facts from inertia counts (../inertia.ts).
//
// Polishing criterion (stated once, used for end points and saddles alike): Newton on the sphere
// (landscape.ts newtonStep through ../polish.ts) until ‖g_T‖ ≤ PSPIN_POLISH_RMS·√N, i.e. an RMS
// tangent gradient of 1e-11 per coordinate. 1e-8 is not enough for gradient-norm methods
// (Frye, Simon, Wadia, Ligeralde, DeWeese & Bouchard, Neural Computation 33, 1469, 2021: they
// stop at "gradient-flat" points with squared norms ~1e-8 that are no critical points); here
// Newton converges quadratically, so a true critical point passes from ~1e-5 to round-off in
// two or three steps, and 1e-11 sits ~100× above the float64 round-off of ∇H at N ≤ 256 (N²
// terms of size 1/N per component). No fallback descent: it would slide off a saddle.

import { eigenvaluesBelow, smallestEigenvalues } from '../inertia.ts';
import { polish, type PolishResult } from '../polish.ts';
import type { PspinLandscape } from './landscape.ts';

export const PSPIN_POLISH_RMS = 1e-11;

export function pspinPolishTolerance(n: number): number {
  return PSPIN_POLISH_RMS * Math.sqrt(n);
}

export interface PspinPoint {
  sigma: Float64Array;
  /** u = H/N. */
  energy: number;
  /** Negative tangent eigenvalues, 0..N−1. */
  index: number;
  lambdaMin: number;
  gradientNorm: number;
  polished: boolean;
  newtonSteps: number;
}

/** Index, λ_min and u of σ as it stands. */
export function readPoint(landscape: PspinLandscape, sigma: Float64Array): Pick<PspinPoint, 'energy' | 'index' | 'lambdaMin'> {
  const { packed, size } = landscape.classificationHessian(sigma);
  return {
    energy: landscape.loss(sigma) / landscape.dimension,
    index: eigenvaluesBelow(packed, size, 0),
    lambdaMin: smallestEigenvalues(packed, size, 1, 1e-10)[0],
  };
}

export function polishPspin(landscape: PspinLandscape, start: Float64Array, maxNewtonSteps = 50): PolishResult {
  return polish(landscape, start, { gradientTolerance: pspinPolishTolerance(landscape.dimension), maxNewtonSteps, fallbackStep: 0, fallbackSteps: 0 });
}

/** Polishes then reads off; a point that misses the criterion is returned with polished: false. */
export function polishAndRead(landscape: PspinLandscape, start: Float64Array, maxNewtonSteps = 50): PspinPoint {
  const polished = polishPspin(landscape, start, maxNewtonSteps);
  return {
    sigma: polished.x,
    ...readPoint(landscape, polished.x),
    gradientNorm: polished.gradientNorm,
    polished: polished.converged,
    newtonSteps: polished.newtonSteps,
  };
}
