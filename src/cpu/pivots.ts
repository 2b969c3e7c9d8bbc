// Inertia by pivots (Sylvester's law of inertia): for a symmetric A = L·D·Lᵀ with L unit lower
// triangular, the number of negative eigenvalues of A equals the number of negative entries of
// D. The float64 twins of the pivot loops in shaders/dense-inertia.wgsl and
// shaders/tridiagonal-goe.wgsl.

/**
 * Stand-in for an exactly zero pivot. An exact zero means the leading block is singular; the
 * count of a matrix perturbed by +PIVOT_TINY on that pivot is taken instead (Kahan's convention
 * for Sturm counts). It is a normal number in float32 too, and 1/PIVOT_TINY times any entry
 * squared below ~1e8 still fits in float32, so the next pivot is a huge finite negative
 * number rather than a NaN. The WGSL `const PIVOT_TINY` holds the same value.
 */
export const PIVOT_TINY = 1e-30;

/** Row-major packed lower triangle: entry (i, j), j ≤ i, sits at i(i+1)/2 + j. */
export function packedIndex(i: number, j: number): number {
  return (i * (i + 1)) / 2 + j;
}

export function packedLength(n: number): number {
  return (n * (n + 1)) / 2;
}

/**
 * Negative pivots of the right-looking LDLᵀ without pivoting, in place on the packed lower
 * triangle (the input is overwritten by the Schur complements):
 *   d_k = A_kk;  A_ij ← A_ij − A_ik·A_jk / d_k  for k < j ≤ i.
 * Returns the number of d_k < 0, i.e. the index of A. Cost n³/6 multiply–adds.
 */
export function countNegativePivotsPacked(packed: Float64Array, n: number): number {
  let negatives = 0;
  for (let k = 0; k < n; k++) {
    const kk = packedIndex(k, k);
    let pivot = packed[kk];
    if (pivot === 0) pivot = PIVOT_TINY;
    if (pivot < 0) negatives++;
    const inverse = 1 / pivot;
    for (let i = k + 1; i < n; i++) {
      const rowI = packedIndex(i, 0);
      const factor = packed[rowI + k] * inverse;
      for (let j = k + 1; j <= i; j++) {
        packed[rowI + j] -= factor * packed[packedIndex(j, k)];
      }
    }
  }
  return negatives;
}

/**
 * Negative pivots of a symmetric tridiagonal matrix (diagonal a_0..a_{n−1}, off-diagonal
 * squares b²_0..b²_{n−2}): d_0 = a_0, d_i = a_i − b²_{i−1}/d_{i−1} (the Sturm sequence at 0).
 */
export function countNegativePivotsTridiagonal(diagonal: Float64Array, offDiagonalSquared: Float64Array): number {
  let negatives = 0;
  let pivot = 1;
  for (let i = 0; i < diagonal.length; i++) {
    pivot = i === 0 ? diagonal[0] : diagonal[i] - offDiagonalSquared[i - 1] / pivot;
    if (pivot === 0) pivot = PIVOT_TINY;
    if (pivot < 0) negatives++;
  }
  return negatives;
}
