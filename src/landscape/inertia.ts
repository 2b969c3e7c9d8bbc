// Eigenvalue facts from inertia counts alone (Sylvester's law: the number of eigenvalues of A
// below σ is the number of negative pivots of LDLᵀ(A − σI), src/cpu/pivots.ts), so end points
// are classified by the lab's own inertia code. λ's by bisection on those counts (the method of
// Barth, Martin & Wilkinson, 1967, with dense LDLᵀ in place of the Sturm sequence).

import { countNegativePivotsPacked, packedIndex } from '../cpu/pivots.ts';

/** Number of eigenvalues of the packed symmetric matrix below σ. */
export function eigenvaluesBelow(packed: Float64Array, size: number, sigma: number): number {
  const shifted = Float64Array.from(packed);
  for (let i = 0; i < size; i++) shifted[packedIndex(i, i)] -= sigma;
  return countNegativePivotsPacked(shifted, size);
}

/** Gershgorin interval [lo, hi] holding every eigenvalue. */
export function gershgorinBounds(packed: Float64Array, size: number): [number, number] {
  const radius = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < i; j++) {
      const value = Math.abs(packed[packedIndex(i, j)]);
      radius[i] += value;
      radius[j] += value;
    }
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < size; i++) {
    const centre = packed[packedIndex(i, i)];
    lo = Math.min(lo, centre - radius[i]);
    hi = Math.max(hi, centre + radius[i]);
  }
  return [lo, hi];
}

/**
 * The `count` smallest eigenvalues, each by bisection on inertia counts to within
 * `tolerance` (absolute). Cost: ~log2(width/tolerance) LDLᵀ factorizations per eigenvalue.
 */
export function smallestEigenvalues(packed: Float64Array, size: number, count: number, tolerance = 1e-10): number[] {
  const [lo0, hi0] = gershgorinBounds(packed, size);
  const values: number[] = [];
  let lo = lo0 - tolerance;
  for (let r = 1; r <= Math.min(count, size); r++) {
    // λ_r is the smallest σ with at least r eigenvalues below it.
    let a = lo;
    let b = hi0 + tolerance;
    while (b - a > tolerance) {
      const mid = 0.5 * (a + b);
      if (eigenvaluesBelow(packed, size, mid) >= r) b = mid;
      else a = mid;
    }
    const value = 0.5 * (a + b);
    values.push(value);
    lo = a;
  }
  return values;
}
