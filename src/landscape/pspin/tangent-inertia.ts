// Index and smallest eigenvalue of a tangent Hessian T on the sphere by the lab's inertia code
// (Sylvester: negative pivots of LDLᵀ, src/cpu/pivots.ts), never by an eigen-solver.
//
// T annihilates the normal σ, so the N×N matrix has a spurious 0 on σ. Adding α·σ̂σ̂ᵀ with α
// above every eigenvalue (a Gershgorin bound) moves that one to α and leaves the N − 1 tangent
// eigenvalues alone: for λ < α, the negative pivots of T + α·σ̂σ̂ᵀ − λI count exactly the
// tangent eigenvalues below λ. λ_min is then a bisection on those counts.

import { countNegativePivotsPacked, packedLength } from '../../cpu/pivots.ts';

/** Largest absolute row sum: every eigenvalue of the symmetric `t` lies in [−bound, bound]. */
function gershgorinBound(t: Float64Array, n: number): number {
  let bound = 0;
  for (let a = 0; a < n; a++) {
    let s = 0;
    for (let b = 0; b < n; b++) s += Math.abs(t[a * n + b]);
    bound = Math.max(bound, s);
  }
  return bound;
}

export interface TangentSpectrum {
  /** Number of tangent eigenvalues below `lambda`. */
  countBelow(lambda: number): number;
  /** Every tangent eigenvalue lies in [−bound, bound]. */
  bound: number;
}

export function tangentSpectrum(t: Float64Array, sigma: Float64Array): TangentSpectrum {
  const n = sigma.length;
  const bound = gershgorinBound(t, n);
  const alpha = 2 * bound + 1;
  let norm2 = 0;
  for (let i = 0; i < n; i++) norm2 += sigma[i] * sigma[i];
  const packed = new Float64Array(packedLength(n));
  const countBelow = (lambda: number): number => {
    let at = 0;
    for (let a = 0; a < n; a++)
      for (let b = 0; b <= a; b++) packed[at++] = t[a * n + b] + (alpha * sigma[a] * sigma[b]) / norm2 - (a === b ? lambda : 0);
    return countNegativePivotsPacked(packed, n);
  };
  return { countBelow, bound };
}

/** Index = number of negative tangent eigenvalues. */
export function tangentIndex(spectrum: TangentSpectrum): number {
  return spectrum.countBelow(0);
}

/** Smallest tangent eigenvalue by bisection on inertia counts, to `relTol`·bound. */
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
