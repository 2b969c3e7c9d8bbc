// Is a symmetric matrix a minimum (all eigenvalues ≥ 0, none negative)? The float64 twin of
// shaders/pmin-early-exit.wgsl: an up-looking (row-by-row) LDLᵀ without pivoting that needs
// row k of the matrix only once pivots d_0..d_{k−1} are known to be positive, and stops at the
// first negative one (Sylvester: a negative pivot means a negative eigenvalue). For a matrix
// A = L·D·Lᵀ, row k gives, with u_j = L_kj·d_j,
//   u_j = A_kj − Σ_{i<j} u_i·L_ji   (j < k),     d_k = A_kk − Σ_{j<k} u_j²/d_j,
// the same pivots as the right-looking elimination of pivots.ts (in exact arithmetic), at cost
// k²/2 multiply–adds for row k. Most matrices of a Wigner ensemble fail within a few rows, so
// the expected work per matrix stays O(1) at any N when rows are drawn lazily.

import { PIVOT_TINY } from './pivots.ts';

/**
 * Whether no pivot is negative, filling row k by `fillRow(k)` just before it is factored
 * (nothing, when `packed` already holds the matrix). Rows 0..k−1 of `packed` are overwritten
 * by L; `inversePivots` (length ≥ n) holds 1/d_j. An exact zero pivot counts as PIVOT_TINY
 * (positive), as in countNegativePivotsPacked.
 */
export function noNegativePivotByRows(packed: Float64Array, n: number, inversePivots: Float64Array, fillRow?: (k: number) => void): boolean {
  for (let k = 0, row = 0; k < n; row += ++k) {
    fillRow?.(k);
    let pivot = packed[row + k]!;
    for (let j = 0, rowJ = 0; j < k; rowJ += ++j) {
      let u = packed[row + j]!;
      for (let i = 0; i < j; i++) u -= packed[row + i]! * packed[rowJ + i]!;
      packed[row + j] = u;
      pivot -= u * u * inversePivots[j]!;
    }
    if (pivot < 0) return false;
    inversePivots[k] = 1 / (pivot === 0 ? PIVOT_TINY : pivot);
    for (let j = 0; j < k; j++) packed[row + j]! *= inversePivots[j]!;
  }
  return true;
}
