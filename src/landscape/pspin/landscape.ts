// The spherical p-spin model (model.ts) under the landscape contract (../landscape.ts), for one
// disorder: loss H (not u = H/N, so that η acts on ∇H, whose components are O(1) at every N),
// the sphere |σ|² = N as the manifold hook, the tangent block as classification Hessian, and
// Newton's step on the sphere for polishing (src/landscape/polish.ts): δ solves
// (T + σσᵀ/N) δ = −g_T. σ̂ is an eigenvector of T + σ̂σ̂ᵀ (eigenvalue 1) and g_T ⊥ σ̂, so δ is
// tangent and T δ = −g_T; polish.ts then retracts σ + δ onto the sphere.
// The GPU runs it with its own kernels (src/gpu/pspin-descent-backend.ts: K generated on the
// device, a tiled K·X product), not through the generic one-invocation-per-run descent kernel,
// which would have to upload K and loop over N^(p−1) per invocation.

import type { Landscape } from '../landscape.ts';
import { energyFromGradient, gradient, hessian, pspinCoupling, retract, tangentHessian, type PspinCoupling } from './model.ts';
import { pspinDisorder, pspinStart } from './streams.ts';
import { tangentBlock } from './tangent-block.ts';
import { packedLength } from '../../cpu/pivots.ts';
import { solvePackedSymmetric } from '../linear-solve.ts';

export interface PspinInstance {
  p: number;
  n: number;
  /** Seed of J (the job's seed drives the starts; the lab uses one seed for both). */
  seed: number;
  disorder: number;
}

export interface PspinLandscape extends Landscape {
  readonly pspin: PspinInstance;
  /** K in float64, built from J on first use (N^p doubles). */
  readonly coupling: PspinCoupling;
}

export function isPspinLandscape(landscape: Landscape): landscape is PspinLandscape {
  return landscape.id === 'p-spin' && 'pspin' in landscape;
}

export function createPspinLandscape(instance: PspinInstance): PspinLandscape {
  const { p, n, seed, disorder } = instance;
  let coupling: PspinCoupling | undefined;
  const k = () => (coupling ??= pspinCoupling(p, n, pspinDisorder(seed, p, n, disorder)));
  const scratch = new Float64Array(n);
  return {
    id: 'p-spin',
    dimension: n,
    pspin: { ...instance },
    get coupling() {
      return k();
    },
    loss: (x) => energyFromGradient(p, x, gradient(k(), x, scratch)),
    gradient: (x, out) => energyFromGradient(p, x, gradient(k(), x, out)),
    hessian(x) {
      const full = hessian(k(), x);
      const packed = new Float64Array(packedLength(n));
      let at = 0;
      for (let a = 0; a < n; a++) for (let b = 0; b <= a; b++) packed[at++] = full[a * n + b];
      return packed;
    },
    classificationHessian: (x) => tangentBlock(tangentHessian(k(), x), x),
    newtonStep(x, g) {
      const t = tangentHessian(k(), x);
      const packed = new Float64Array(packedLength(n));
      let at = 0;
      for (let a = 0; a < n; a++) for (let b = 0; b <= a; b++) packed[at++] = t[a * n + b] + (x[a] * x[b]) / n;
      return solvePackedSymmetric(packed, n, g.map((v) => -v));
    },
    start: (startSeed, run) => pspinStart(startSeed, p, n, disorder, run),
    manifold: {
      projectTangent(x, v) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += x[i] * v[i];
        const r = dot / n;
        for (let i = 0; i < n; i++) v[i] -= r * x[i];
      },
      retract: (x) => void retract(x),
    },
    kernel: { shader: 'p-spin', constants: { P: p, N: n } },
  };
}
