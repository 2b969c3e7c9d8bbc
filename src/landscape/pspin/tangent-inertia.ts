// Index and smallest eigenvalue of the tangent Hessian on the sphere by the lab's inertia code
// (Sylvester: negative pivots of LDLᵀ, src/cpu/pivots.ts), never by an eigen-solver.
//
// T = P∇²H P − r·P annihilates σ, so its N×N form has a spurious 0 on σ. A Householder
// reflection Q (Qσ̂ = ∓e_N) turns it into QTQ, whose last row and column vanish and whose
// leading (N − 1)×(N − 1) block is T in an orthonormal basis of the tangent space σ̂⊥: the
// landscape contract's classification Hessian. With w = σ̂ ± e_N, h = wᵀw, u = Tw, c = wᵀu:
//   QTQ = T − (2/h)(w uᵀ + u wᵀ) + (4c/h²) w wᵀ.
// Counting the negative pivots of that block minus λI gives the tangent eigenvalues below λ;
// λ_min is a bisection on those counts.

import { countNegativePivotsPacked, packedLength } from '../../cpu/pivots.ts';
import type { ClassificationHessian } from '../landscape.ts';

/** The (N − 1)-dimensional tangent block of the N×N row-major `t` (which annihilates σ). */
export function tangentBlock(t: Float64Array, sigma: Float64Array): ClassificationHessian {
  const n = sigma.length;
  const norm = Math.hypot(...sigma);
  const w = sigma.map((v) => v / norm);
  w[n - 1] += w[n - 1] >= 0 ? 1 : -1;
  let h = 0;
  for (let i = 0; i < n; i++) h += w[i] * w[i];
  const u = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    let s = 0;
    for (let b = 0; b < n; b++) s += t[a * n + b] * w[b];
    u[a] = s;
  }
  let c = 0;
  for (let i = 0; i < n; i++) c += w[i] * u[i];
  const size = n - 1;
  const packed = new Float64Array(packedLength(size));
  let at = 0;
  for (let a = 0; a < size; a++)
    for (let b = 0; b <= a; b++) packed[at++] = t[a * n + b] - (2 / h) * (w[a] * u[b] + u[a] * w[b]) + ((4 * c) / (h * h)) * w[a] * w[b];
  return { packed, size };
}

export interface TangentSpectrum {
  /** Number of tangent eigenvalues below `lambda`. */
  countBelow(lambda: number): number;
  /** Every tangent eigenvalue lies in [−bound, bound] (Gershgorin). */
  bound: number;
}

export function tangentSpectrum({ packed, size }: ClassificationHessian): TangentSpectrum {
  const rowSums = new Float64Array(size);
  let at = 0;
  for (let a = 0; a < size; a++)
    for (let b = 0; b <= a; b++, at++) {
      rowSums[a] += Math.abs(packed[at]);
      if (b !== a) rowSums[b] += Math.abs(packed[at]);
    }
  const bound = Math.max(0, ...rowSums);
  const scratch = new Float64Array(packed.length);
  const countBelow = (lambda: number): number => {
    scratch.set(packed);
    for (let a = 0; a < size; a++) scratch[(a * (a + 1)) / 2 + a] -= lambda;
    return countNegativePivotsPacked(scratch, size);
  };
  return { countBelow, bound };
}

/** Index = number of negative tangent eigenvalues. */
export function tangentIndex(spectrum: TangentSpectrum): number {
  return spectrum.countBelow(0);
}

/** Smallest tangent eigenvalue by bisection on inertia counts, to `relTol`·(bound + 1). */
export function tangentLambdaMin(spectrum: TangentSpectrum, relTol = 1e-12): number {
  let lo = -spectrum.bound - 1;
  let hi = spectrum.bound + 1;
  const tol = relTol * (spectrum.bound + 1);
  while (hi - lo > tol) {
    const mid = 0.5 * (lo + hi);
    if (spectrum.countBelow(mid) >= 1) hi = mid;
    else lo = mid;
  }
  return 0.5 * (lo + hi);
}
