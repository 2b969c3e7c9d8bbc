// Gradient descent on the sphere, the float64 CPU twin of shaders/landscape/pspin-step.wgsl:
// the same update, on the same J and starts, step for step.
//
// Each step, with g = ∇H(σ), r = σ·g/N and g_T = g − r·σ (the tangent gradient):
//   record u = σ·g/(pN) when step % recordEvery = 0;
//   stop (converged) when |g_T|/√N < tolerance;
//   v ← β·(v − (σ·v/N)·σ) − η·g_T      heavy-ball (Polyak 1964); β = 0 is projected GD;
//   σ ← √N·(σ + v)/|σ + v|              retraction onto the sphere.
// Projecting v onto the new tangent space is the simplest vector transport on the sphere.

import { gradient, type PspinCoupling } from './model.ts';

export const OPTIMIZERS = ['gd', 'momentum'] as const;
export type Optimizer = (typeof OPTIMIZERS)[number];

export interface DescentSettings {
  optimizer: Optimizer;
  eta: number;
  /** Heavy-ball coefficient; ignored (0) for 'gd'. */
  beta: number;
  maxSteps: number;
  /** Stop when the RMS tangent gradient |g_T|/√N falls below this. */
  tolerance: number;
  /** Record u every this many steps. */
  recordEvery: number;
}

export interface DescentEnd {
  sigma: Float64Array;
  /** Updates applied. */
  steps: number;
  converged: boolean;
  /** u at the last evaluated point. */
  energy: number;
  gradientRms: number;
  /** u at steps 0, recordEvery, 2·recordEvery, … (only those evaluated). */
  energies: number[];
}

export function effectiveBeta(s: DescentSettings): number {
  return s.optimizer === 'momentum' ? s.beta : 0;
}

export function descend(c: PspinCoupling, start: Float64Array, s: DescentSettings): DescentEnd {
  const n = c.n;
  const beta = effectiveBeta(s);
  const sigma = Float64Array.from(start);
  const v = new Float64Array(n);
  const g = new Float64Array(n);
  const energies: number[] = [];
  let energy = NaN;
  let gradientRms = NaN;
  for (let step = 0; ; step++) {
    gradient(c, sigma, g);
    let sg = 0;
    for (let i = 0; i < n; i++) sg += sigma[i] * g[i];
    const r = sg / n;
    let gt2 = 0;
    for (let i = 0; i < n; i++) {
      g[i] -= r * sigma[i];
      gt2 += g[i] * g[i];
    }
    energy = sg / (c.p * n);
    gradientRms = Math.sqrt(gt2 / n);
    if (step % s.recordEvery === 0) energies.push(energy);
    if (gradientRms < s.tolerance) return { sigma, steps: step, converged: true, energy, gradientRms, energies };
    if (step === s.maxSteps) return { sigma, steps: step, converged: false, energy, gradientRms, energies };
    let sv = 0;
    for (let i = 0; i < n; i++) sv += sigma[i] * v[i];
    const vr = sv / n;
    let norm2 = 0;
    for (let i = 0; i < n; i++) {
      v[i] = beta * (v[i] - vr * sigma[i]) - s.eta * g[i];
      sigma[i] += v[i];
      norm2 += sigma[i] * sigma[i];
    }
    const scale = Math.sqrt(n / norm2);
    for (let i = 0; i < n; i++) sigma[i] *= scale;
  }
}
