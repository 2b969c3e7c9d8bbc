// P(min) alone: is the matrix a minimum (no negative pivot)? An up-looking (row-by-row) LDLᵀ
// without pivoting that needs row k of the matrix only after pivots 0..k−1 came out positive,
// and stops at the first negative pivot (src/cpu/lazy-pivots.ts is the float64 twin):
//   u_j = a_kj − Σ_{i<j} u_i·L_ji  (j < k),   d_k = a_kk − Σ_{j<k} u_j²/d_j,   L_kj = u_j/d_j.
// Row k is factored in a row buffer (u in place of a_kj); rows 0..k−1 of L are kept packed.
// Needs shaders/dense-inertia.wgsl (PACKED_CAPACITY, take_pivot: the index kernel's SUSPECT
// rule and zero-pivot convention) and, for pmin_lazy, the glue's
// `pmin_row(words, k, row: ptr<function, array<f32, N>>)` (the entry's row fill).
//
// SUSPECT: take_pivot compares each pivot with the largest pivot and diagonal update u_j²/d_j
// seen so far. Here only rows 0..k have been seen, whereas the right-looking index kernel has
// also applied steps < k to the rows below; pivot k's rounding comes from its own row and the
// rows above it, and every off-diagonal product is bounded by diagonal updates
// (|u_i·L_ji| ≤ √(u_i²/|d_i| · L_ji²|d_i|)), so this growth covers the error pivot k carries.
// A suspect matrix carries on to its first negative pivot (or the end), so that where the
// recheck list is full its f32 answer is still a whole answer, as in the index kernel.
//
// Result: 0 for a minimum, 1 otherwise, | SUSPECT when a pivot's f32 sign was unreliable.
//
// Storage: WGSL zero-initialises every function-scope array on every invocation, so an
// N(N+1)/2-float triangle costs about as much as the few rows most matrices need (measured on
// SwiftShader: 7–10× at N = 64 for a matrix that stops at row 0). pmin_lazy keeps the first
// FAST_ROWS rows of L in a small array and declares the whole triangle (pmin_deep) only for
// the matrices that survive them. WGSL has no generics over array length, hence the two
// copies of the row step.

const FAST_ROWS: u32 = min(N, 8u);
const FAST_CAPACITY: u32 = FAST_ROWS * (FAST_ROWS + 1u) / 2u;

struct PminState {
  negatives: u32,
  growth: f32,
  suspect: bool,
}

// The row step with L in the small array: turns row k of `row` into u, returns d_k.
fn pmin_step_fast(k: u32, row: ptr<function, array<f32, N>>, l: ptr<function, array<f32, FAST_CAPACITY>>, inverse: ptr<function, array<f32, N>>, state: ptr<function, PminState>) -> f32 {
  var pivot = (*row)[k];
  var row_j = 0u;
  for (var j = 0u; j < k; j++) {
    var u = (*row)[j];
    for (var i = 0u; i < j; i++) {
      u -= (*row)[i] * (*l)[row_j + i];
    }
    (*row)[j] = u;
    let update = u * u * (*inverse)[j];
    (*state).growth = max((*state).growth, abs(update));
    pivot -= update;
    row_j += j + 1u;
  }
  return pivot;
}

// The same step with L in the whole triangle.
fn pmin_step(k: u32, row: ptr<function, array<f32, N>>, l: ptr<function, array<f32, PACKED_CAPACITY>>, inverse: ptr<function, array<f32, N>>, state: ptr<function, PminState>) -> f32 {
  var pivot = (*row)[k];
  var row_j = 0u;
  for (var j = 0u; j < k; j++) {
    var u = (*row)[j];
    for (var i = 0u; i < j; i++) {
      u -= (*row)[i] * (*l)[row_j + i];
    }
    (*row)[j] = u;
    let update = u * u * (*inverse)[j];
    (*state).growth = max((*state).growth, abs(update));
    pivot -= update;
    row_j += j + 1u;
  }
  return pivot;
}

// Takes pivot k (take_pivot) and reports whether the matrix is decided: a negative pivot.
fn pmin_take(k: u32, pivot: f32, inverse: ptr<function, array<f32, N>>, state: ptr<function, PminState>) -> bool {
  var negatives = (*state).negatives;
  var growth = (*state).growth;
  var suspect = (*state).suspect;
  (*inverse)[k] = take_pivot(pivot, &negatives, &growth, &suspect);
  *state = PminState(negatives, growth, suspect);
  return negatives != 0u;
}

fn pmin_result(state: PminState) -> u32 {
  return select(0u, 1u, state.negatives != 0u) | select(0u, SUSPECT, state.suspect);
}

// Rows FAST_ROWS..N−1 with L in the whole triangle, whose first FAST_CAPACITY entries are
// copied from the small array.
fn pmin_deep(words: vec2<u32>, row: ptr<function, array<f32, N>>, fast: ptr<function, array<f32, FAST_CAPACITY>>, inverse: ptr<function, array<f32, N>>, state: ptr<function, PminState>) -> u32 {
  var l: array<f32, PACKED_CAPACITY>;
  for (var t = 0u; t < FAST_CAPACITY; t++) {
    l[t] = (*fast)[t];
  }
  var start = FAST_CAPACITY;
  for (var k = FAST_ROWS; k < N; k++) {
    pmin_row(words, k, row);
    if (pmin_take(k, pmin_step(k, row, &l, inverse, state), inverse, state)) {
      return pmin_result(*state);
    }
    for (var j = 0u; j < k; j++) {
      l[start + j] = (*row)[j] * (*inverse)[j];
    }
    start += k + 1u;
  }
  return pmin_result(*state);
}

// The matrix of the counter words, its rows drawn lazily by pmin_row.
fn pmin_lazy(words: vec2<u32>) -> u32 {
  var row: array<f32, N>;
  var inverse: array<f32, N>;
  var fast: array<f32, FAST_CAPACITY>;
  var state = PminState(0u, 0.0, false);
  var start = 0u;
  for (var k = 0u; k < FAST_ROWS; k++) {
    pmin_row(words, k, &row);
    if (pmin_take(k, pmin_step_fast(k, &row, &fast, &inverse, &state), &inverse, &state)) {
      return pmin_result(state);
    }
    for (var j = 0u; j < k; j++) {
      fast[start + j] = row[j] * inverse[j];
    }
    start += k + 1u;
  }
  if (FAST_ROWS < N) {
    return pmin_deep(words, &row, &fast, &inverse, &state);
  }
  return pmin_result(state);
}

// The same answer for a matrix already filled whole into `a` (ensembles without a row fill):
// row k is copied out, factored, and its L written back over it.
fn pmin_filled(a: ptr<function, array<f32, PACKED_CAPACITY>>) -> u32 {
  var row: array<f32, N>;
  var inverse: array<f32, N>;
  var state = PminState(0u, 0.0, false);
  var start = 0u;
  for (var k = 0u; k < N; k++) {
    for (var j = 0u; j <= k; j++) {
      row[j] = (*a)[start + j];
    }
    if (pmin_take(k, pmin_step(k, &row, a, &inverse, &state), &inverse, &state)) {
      return pmin_result(state);
    }
    for (var j = 0u; j < k; j++) {
      (*a)[start + j] = row[j] * inverse[j];
    }
    start += k + 1u;
  }
  return pmin_result(state);
}
