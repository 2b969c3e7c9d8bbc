// The dense inertia shared by every dense ensemble: LDLᵀ without pivoting, in place on the
// packed lower triangle a fill wrote (shaders/fills/), counting negative pivots (= the index,
// Sylvester's law of inertia), with the matrix flagged SUSPECT when a pivot's f32 sign is
// unreliable. Float64 twin: countNegativePivotsPacked in src/cpu/pivots.ts; the recheck of
// flagged matrices: src/gpu/recheck.ts.

const PACKED_LENGTH: u32 = N * (N + 1u) / 2u;
const BLOCKS: u32 = (PACKED_LENGTH + 3u) / 4u;
// Fills write whole Philox blocks (4 values), so the array is rounded up to them.
const PACKED_CAPACITY: u32 = BLOCKS * 4u;
// A pivot smaller than RECHECK_RATIO times the largest pivot or rank-one update seen so far
// (≈ 170 f32 ulps of the rounding it may carry) makes its sign unreliable in f32: the matrix
// goes to the host, which recounts it in float64 (src/gpu/recheck.ts). Measured: every f32/f64
// disagreement at N ≤ 64 had a ratio below 1.8e-6; 0.6% of matrices are sent back at N = 16,
// 2.5% at N = 32, 9.5% at N = 64.
const RECHECK_RATIO: f32 = 1e-5;

// Counts pivot d (an exact zero counts as PIVOT_TINY), marks the matrix suspect when |d| is
// below RECHECK_RATIO times the largest pivot or update so far, and returns 1/d.
fn take_pivot(raw: f32, negatives: ptr<function, u32>, growth: ptr<function, f32>, suspect: ptr<function, bool>) -> f32 {
  var pivot = raw;
  if (pivot == 0.0) {
    pivot = PIVOT_TINY;
  }
  *negatives += select(0u, 1u, pivot < 0.0);
  // Written so that a NaN pivot is suspect too.
  *suspect = *suspect || !(abs(pivot) >= RECHECK_RATIO * *growth);
  *growth = max(*growth, abs(pivot));
  return 1.0 / pivot;
}

// The index of the packed matrix in `a` (overwritten), with SUSPECT set when a pivot was
// below RECHECK_RATIO of the largest pivot or update before it.
fn dense_inertia(a: ptr<function, array<f32, PACKED_CAPACITY>>) -> u32 {
  var negatives = 0u;
  var growth = 0.0;
  var suspect = false;
  // Two elimination steps k, k + 1 per pass, rows two at a time: each trailing element (i, j)
  // gets both rank-one updates, in the same order and roundings as one step at a time, from one
  // load and one store, and each column element loaded serves two rows. SwiftShader turns every
  // dynamic private-array access into a per-lane gather or masked scatter, which is where the
  // factorization's time goes: 1.5 accesses per update instead of 3, same bits out.
  for (var k = 0u; k < N; k += 2u) {
    let inverse = take_pivot((*a)[k * (k + 3u) / 2u], &negatives, &growth, &suspect);
    let next = k + 1u;
    if (next == N) {
      break;
    }
    // Step k on column k + 1 (the next pivot included), which step k + 1 needs first.
    let row_next = next * (next + 1u) / 2u;
    let a_next_k = (*a)[row_next + k];
    var row_j = row_next;
    for (var j = next; j < N; j++) {
      let a_jk = (*a)[row_j + k];
      let factor = a_jk * inverse;
      growth = max(growth, abs(factor * a_jk));
      (*a)[row_j + next] -= factor * a_next_k;
      row_j += j + 1u;
    }
    let inverse_next = take_pivot((*a)[row_next + next], &negatives, &growth, &suspect);
    // Steps k and k + 1 on the trailing block, rows and columns from k + 2.
    let first_row = (k + 2u) * (k + 3u) / 2u;
    var row_i = first_row;
    var i = k + 2u;
    for (; i + 1u < N; i += 2u) {
      let row_below = row_i + i + 1u;
      let factor = (*a)[row_i + k] * inverse;
      let a_i_next = (*a)[row_i + next];
      let factor_next = a_i_next * inverse_next;
      growth = max(growth, abs(factor_next * a_i_next));
      let factor_below = (*a)[row_below + k] * inverse;
      let a_below_next = (*a)[row_below + next];
      let factor_below_next = a_below_next * inverse_next;
      growth = max(growth, abs(factor_below_next * a_below_next));
      var row_j = first_row;
      for (var j = k + 2u; j <= i; j++) {
        let column_k = (*a)[row_j + k];
        let column_next = (*a)[row_j + next];
        let once = (*a)[row_i + j] - factor * column_k;
        (*a)[row_i + j] = once - factor_next * column_next;
        let once_below = (*a)[row_below + j] - factor_below * column_k;
        (*a)[row_below + j] = once_below - factor_below_next * column_next;
        row_j += j + 1u;
      }
      // Column i + 1 exists in the lower row only; its column entries are that row's own.
      let diagonal_below = row_below + i + 1u;
      let once_diagonal = (*a)[diagonal_below] - factor_below * (*a)[row_below + k];
      (*a)[diagonal_below] = once_diagonal - factor_below_next * a_below_next;
      row_i = diagonal_below + 1u;
    }
    if (i < N) {
      let factor = (*a)[row_i + k] * inverse;
      let a_i_next = (*a)[row_i + next];
      let factor_next = a_i_next * inverse_next;
      growth = max(growth, abs(factor_next * a_i_next));
      var row_j = first_row;
      for (var j = k + 2u; j <= i; j++) {
        let once = (*a)[row_i + j] - factor * (*a)[row_j + k];
        (*a)[row_i + j] = once - factor_next * (*a)[row_j + next];
        row_j += j + 1u;
      }
    }
  }
  return negatives | select(0u, SUSPECT, suspect);
}

