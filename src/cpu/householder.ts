// Householder tridiagonalisation of a symmetric matrix, float64 (Golub & Van Loan, Matrix
// Computations, 4th ed., Alg. 8.3.1): Q ᵀAQ = T with Q a product of n − 2 reflections, so T has
// A's eigenvalues. Step k reflects x = A[k+1:, k] onto ∓‖x‖e₁ with P = I − β·v·vᵀ and updates the
// trailing block as A ← A − v·wᵀ − w·vᵀ, p = β·A·v, w = p − (β·pᵀv/2)·v. n³·2/3 flops.
// Then the eigenvalue count below x is the number of negative pivots of T − xI (Sturm).

import { packedIndex, PIVOT_TINY } from './pivots.ts';

export interface SymmetricTridiagonal {
  diagonal: Float64Array;
  /** Squares of the off-diagonal entries b²_0..b²_{n−2} (all a Sturm count needs). */
  offDiagonalSquared: Float64Array;
}

/** T of the packed lower triangle `packed` (row-major, as src/cpu/pivots.ts; not modified). */
export function tridiagonalize(packed: Float64Array, n: number): SymmetricTridiagonal {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const value = packed[packedIndex(i, j)]!;
      a[i * n + j] = value;
      a[j * n + i] = value;
    }
  }
  const diagonal = new Float64Array(n);
  const offDiagonalSquared = new Float64Array(Math.max(n - 1, 0));
  const v = new Float64Array(n);
  const w = new Float64Array(n);
  for (let k = 0; k + 2 < n; k++) {
    let norm2 = 0;
    for (let i = k + 1; i < n; i++) norm2 += a[i * n + k]! ** 2;
    const head = a[(k + 1) * n + k]!;
    const tail2 = norm2 - head * head;
    offDiagonalSquared[k] = norm2;
    if (tail2 === 0) continue; // already tridiagonal in this column
    const norm = Math.sqrt(norm2);
    // v = x + sign(x₀)‖x‖e₁ (no cancellation), β = 2/vᵀv.
    const alpha = head >= 0 ? -norm : norm;
    for (let i = k + 1; i < n; i++) v[i] = a[i * n + k]!;
    v[k + 1] = head - alpha;
    const beta = 2 / (tail2 + v[k + 1]! * v[k + 1]!);
    let pv = 0;
    for (let i = k + 1; i < n; i++) {
      let sum = 0;
      for (let j = k + 1; j < n; j++) sum += a[i * n + j]! * v[j]!;
      w[i] = beta * sum;
      pv += w[i]! * v[i]!;
    }
    const half = (beta * pv) / 2;
    for (let i = k + 1; i < n; i++) w[i]! -= half * v[i]!;
    for (let i = k + 1; i < n; i++) {
      for (let j = k + 1; j < n; j++) a[i * n + j]! -= v[i]! * w[j]! + w[i]! * v[j]!;
    }
  }
  for (let i = 0; i < n; i++) diagonal[i] = a[i * n + i]!;
  if (n >= 2) offDiagonalSquared[n - 2] = a[(n - 1) * n + n - 2]! ** 2;
  return { diagonal, offDiagonalSquared };
}

/** Number of eigenvalues of T below x: negative pivots of T − xI (a zero pivot as +PIVOT_TINY). */
export function countBelow(t: SymmetricTridiagonal, x: number): number {
  const { diagonal, offDiagonalSquared } = t;
  let negatives = 0;
  let pivot = 1;
  for (let i = 0; i < diagonal.length; i++) {
    pivot = i === 0 ? diagonal[0]! - x : diagonal[i]! - x - offDiagonalSquared[i - 1]! / pivot;
    if (pivot === 0) pivot = PIVOT_TINY;
    if (pivot < 0) negatives++;
  }
  return negatives;
}

/**
 * Adds to counts[j] the number of eigenvalues below thresholds[j] for each j (one Sturm pass
 * per threshold, O(n) each).
 */
export function addCountsBelow(t: SymmetricTridiagonal, thresholds: ArrayLike<number>, counts: Float64Array): void {
  for (let j = 0; j < thresholds.length; j++) counts[j]! += countBelow(t, thresholds[j]!);
}
