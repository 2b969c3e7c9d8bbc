// P(min) alone: is the matrix a minimum (no negative pivot)? An up-looking (row-by-row) LDLᵀ
// without pivoting that needs row k of the matrix only after pivots 0..k−1 came out positive,
// and stops at the first negative pivot (src/cpu/lazy-pivots.ts is the float64 twin):
//   u_j = a_kj − Σ_{i<j} u_i·L_ji  (j < k),   d_k = a_kk − Σ_{j<k} u_j²/d_j,   L_kj = u_j/d_j.
// Row k is factored in a row buffer (u in place of a_kj); rows 0..k−1 of L are kept packed.
// Needs shaders/dense-inertia.wgsl (PACKED_CAPACITY, take_pivot: the index kernel's SUSPECT
// rule and zero-pivot convention), shaders/pmin-main.wgsl (pmin_count) and the glue's
// `pmin_row(words, k, row: ptr<function, array<f32, N>>)` (the entry's row fill) and
// `pmin_fill(words, a)` (its whole fill).
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
// Persistent invocations: each invocation takes matrices first, first + stride, … of the
// request (grid-stride), and pmin_lazy_run is one loop over *row steps*, not over matrices: a
// lane whose matrix ended at a negative pivot starts its next matrix on the next iteration
// instead of idling until the deepest matrix of its SIMD group is done (GOE at s = 0 ends
// after 1.7 rows on average, but a group waits for its deepest lane). And WGSL zero-initialises
// every function-scope array where it is declared: declared once per invocation, the row
// buffer, the inverse pivots and the triangle of L are cleared once for all its matrices (a
// matrix only reads entries its own rows wrote), not once per matrix.

struct PminState {
  negatives: u32,
  growth: f32,
  suspect: bool,
}

// Turns row k of `row` into u (rows 0..k−1 of L packed in `l`), returns d_k before take_pivot.
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

// Matrices first, first + stride, … below Params.count, their rows drawn lazily by pmin_row,
// each counted by pmin_count into `counts` [minima, others].
fn pmin_lazy_run(first: u32, stride: u32, counts: ptr<function, vec2<u32>>) {
  let count = layout.$.params.count;
  if (first >= count) {
    return;
  }
  var row: array<f32, N>;
  var inverse: array<f32, N>;
  var l: array<f32, PACKED_CAPACITY>;
  var local = first;
  var words = matrix_words(local);
  var state = PminState(0u, 0.0, false);
  var k = 0u;
  var start = 0u;
  loop {
    pmin_row(words, k, &row);
    let decided = pmin_take(k, pmin_step(k, &row, &l, &inverse, &state), &inverse, &state);
    if (!decided && k + 1u < N) {
      for (var j = 0u; j < k; j++) {
        l[start + j] = row[j] * inverse[j];
      }
      start += k + 1u;
      k++;
      continue;
    }
    pmin_count(local, pmin_result(state), counts);
    // Written so that local + stride cannot wrap past 2³².
    if (count - local <= stride) {
      break;
    }
    local += stride;
    words = matrix_words(local);
    state = PminState(0u, 0.0, false);
    k = 0u;
    start = 0u;
  }
}

// The same answer for a matrix already filled whole into `a` (ensembles without a row fill):
// row k is copied out, factored, and its L written back over it.
fn pmin_filled(a: ptr<function, array<f32, PACKED_CAPACITY>>, row: ptr<function, array<f32, N>>, inverse: ptr<function, array<f32, N>>) -> u32 {
  var state = PminState(0u, 0.0, false);
  var start = 0u;
  for (var k = 0u; k < N; k++) {
    for (var j = 0u; j <= k; j++) {
      (*row)[j] = (*a)[start + j];
    }
    if (pmin_take(k, pmin_step(k, row, a, inverse, &state), inverse, &state)) {
      return pmin_result(state);
    }
    for (var j = 0u; j < k; j++) {
      (*a)[start + j] = (*row)[j] * (*inverse)[j];
    }
    start += k + 1u;
  }
  return pmin_result(state);
}

// Matrices first, first + stride, … filled whole by pmin_fill (which writes every entry of
// `a`, so the array is declared, and cleared, once per invocation).
fn pmin_filled_run(first: u32, stride: u32, counts: ptr<function, vec2<u32>>) {
  let count = layout.$.params.count;
  if (first >= count) {
    return;
  }
  var a: array<f32, PACKED_CAPACITY>;
  var row: array<f32, N>;
  var inverse: array<f32, N>;
  for (var local = first; ; local += stride) {
    pmin_fill(matrix_words(local), &a);
    pmin_count(local, pmin_filled(&a, &row, &inverse), counts);
    if (count - local <= stride) {
      break;
    }
  }
}
