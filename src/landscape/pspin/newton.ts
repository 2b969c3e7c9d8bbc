// Newton's method on the sphere |σ|² = N, float64: the polisher of descent end points and the
// saddle finder (it converges to the nearest critical point of any index).
//
// At σ, with g_T the tangent gradient and T the tangent Hessian (model.ts), the step δ solves
// (T + σ̂σ̂ᵀ) δ = −g_T: σ̂ is an eigenvector of T + σ̂σ̂ᵀ (eigenvalue 1) and g_T ⊥ σ̂, so δ stays
// tangent and T δ = −g_T. Then σ ← √N (σ + t·δ)/|σ + t·δ|. The Newton direction is a descent
// direction of ½|g_T|² (its derivative along δ is g_Tᵀ T δ = −|g_T|²), so t is halved until
// |g_T| decreases: Newton on |∇H|², which keeps far starts from running off (Pennington & Bahri,
// ICML 2017, minimise |∇H|² for the same reason).
//
// Polishing criterion (stated once, used everywhere): a point is critical when the RMS tangent
// gradient |g_T|/√N ≤ POLISH_GRADIENT_RMS = 1e-11 AND the last full Newton step has RMS length
// ≤ POLISH_STEP_RMS = 1e-8. The gradient alone is not enough (Frye, Simon, Wadia, Ligeralde,
// DeWeese & Bouchard, Neural Computation 2021: gradient-norm methods stop at "gradient-flat"
// points with |∇|² ~ 1e-8 that are no critical points); a vanishing Newton step says the
// critical point itself is that close. 1e-11 sits about 100× above the float64 round-off of
// ∇H at N ≤ 256 (N² terms of size 1/N each), so a true critical point always reaches it.

import { gradient, retract, rms, tangentGradient, tangentHessian, type PspinCoupling } from './model.ts';
import { solveLinear } from './linear-solve.ts';

export const POLISH_GRADIENT_RMS = 1e-11;
export const POLISH_STEP_RMS = 1e-8;
const MAX_HALVINGS = 30;

export interface NewtonResult {
  sigma: Float64Array;
  /** RMS tangent gradient at the returned σ. */
  gradientRms: number;
  iterations: number;
  /** Met the polishing criterion. */
  converged: boolean;
}

function tangentGradientAt(c: PspinCoupling, sigma: Float64Array): Float64Array {
  return tangentGradient(sigma, gradient(c, sigma));
}

/** Newton on the sphere from `start` (not modified), at most `maxIterations` steps. */
export function newtonOnSphere(c: PspinCoupling, start: Float64Array, maxIterations = 50): NewtonResult {
  const n = c.n;
  let sigma = retract(Float64Array.from(start));
  let gT = tangentGradientAt(c, sigma);
  let gRms = rms(gT);
  let it = 0;
  for (; it < maxIterations; it++) {
    const t = tangentHessian(c, sigma);
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) t[a * n + b] += (sigma[a] * sigma[b]) / n;
    const minusG = gT.map((v) => -v);
    const delta = solveLinear(t, minusG, n);
    if (delta === undefined) break;
    const stepRms = rms(delta);
    if (gRms <= POLISH_GRADIENT_RMS && stepRms <= POLISH_STEP_RMS) return { sigma, gradientRms: gRms, iterations: it, converged: true };
    let accepted = false;
    for (let h = 0, scale = 1; h < MAX_HALVINGS; h++, scale /= 2) {
      const trial = new Float64Array(n);
      for (let i = 0; i < n; i++) trial[i] = sigma[i] + scale * delta[i];
      retract(trial);
      const gTrial = tangentGradientAt(c, trial);
      const trialRms = rms(gTrial);
      if (trialRms < gRms || (scale === 1 && trialRms <= POLISH_GRADIENT_RMS)) {
        sigma = trial;
        gT = gTrial;
        gRms = trialRms;
        accepted = true;
        break;
      }
    }
    if (!accepted) break;
  }
  return { sigma, gradientRms: gRms, iterations: it, converged: false };
}
