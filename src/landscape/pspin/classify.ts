// Classification of an end point: polish in float64 (newton.ts), then count the tangent
// Hessian's index and λ_min by inertia (tangent-inertia.ts). Every point gets a row; one that
// does not meet the polishing criterion is kept and marked `polished: false`, never dropped.

import { energyFromGradient, gradient, tangentHessian, type PspinCoupling } from './model.ts';
import { newtonOnSphere } from './newton.ts';
import { tangentBlock, tangentIndex, tangentLambdaMin, tangentSpectrum } from './tangent-inertia.ts';

export interface ClassifiedPoint {
  sigma: Float64Array;
  /** u = H/N at the polished point. */
  energy: number;
  /** Negative tangent eigenvalues, 0..N−1. */
  index: number;
  lambdaMin: number;
  gradientRms: number;
  polished: boolean;
  newtonIterations: number;
}

/** Index, λ_min and u of σ as it stands (no polishing). */
export function classifyAt(c: PspinCoupling, sigma: Float64Array): Pick<ClassifiedPoint, 'energy' | 'index' | 'lambdaMin'> {
  const g = gradient(c, sigma);
  const spectrum = tangentSpectrum(tangentBlock(tangentHessian(c, sigma, g), sigma));
  return { energy: energyFromGradient(c.p, sigma, g) / c.n, index: tangentIndex(spectrum), lambdaMin: tangentLambdaMin(spectrum, 1e-10) };
}

export function classify(c: PspinCoupling, sigma: Float64Array, maxNewton = 50): ClassifiedPoint {
  const polished = newtonOnSphere(c, sigma, maxNewton);
  return {
    sigma: polished.sigma,
    ...classifyAt(c, polished.sigma),
    gradientRms: polished.gradientRms,
    polished: polished.converged,
    newtonIterations: polished.iterations,
  };
}
