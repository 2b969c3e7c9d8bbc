// P(min) alone: is the matrix a minimum (no negative pivot)? An up-looking (row-by-row) LDLᵀ
// without pivoting that needs row k of the matrix only after pivots 0..k−1 came out positive,
// and stops at the first negative pivot (src/cpu/lazy-pivots.ts is the float64 twin):
//   u_j = a_kj − Σ_{i<j} u_i·L_ji  (j < k),   d_k = a_kk − Σ_{j<k} u_j²/d_j,   L_kj = u_j/d_j.
// Row k is factored in a row buffer (u in place of a_kj); rows 0..k−1 of L are kept packed.
// Needs shaders/dense-inertia.wgsl (PACKED_CAPACITY, count_pivot's zero-pivot convention, the
// index kernel's SUSPECT test q_unreliable), shaders/pmin-main.wgsl (pmin_count) and the glue's
// `pmin_row(words, k, row: ptr<function, array<f32, N>>)` (the entry's row fill) and
// `pmin_fill(words, a)` (its whole fill).
//
// SUSPECT: the index kernel's test on the factor the answer rests on. A minimum rests on all N
// pivots, so the whole factor is tested; a first negative pivot at k rests on the leading
// (k + 1)-block alone (its inertia, one negative, is exact for A_k+1 + E unless ‖E‖ reaches
// its σ_min, and a leading block with a negative eigenvalue makes A no minimum by interlacing),
// so that block's factor is tested. trace(|L||D||Lᵀ|) over the block is the sum of its pivots
// and diagonal updates u_j²/d_j, which the row steps accumulate as they go.
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
// matrix only reads entries its own rows wrote, the SUSPECT test's solves included), not once
// per matrix.

struct PminState {
  negatives: u32,
  // trace(|L||D||Lᵀ|) of the rows factored so far.
  trace: f32,
}

// Turns row k of `row` into u (rows 0..k−1 of L packed in `l`), returns d_k.
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
    (*state).trace += abs(update);
    pivot -= update;
    row_j += j + 1u;
  }
  return pivot;
}

// Takes pivot k (count_pivot) and reports whether the matrix is decided: a negative pivot.
fn pmin_take(k: u32, pivot: f32, inverse: ptr<function, array<f32, N>>, state: ptr<function, PminState>) -> bool {
  var negatives = (*state).negatives;
  (*inverse)[k] = count_pivot(pivot, &negatives);
  *state = PminState(negatives, (*state).trace + abs(pivot));
  return negatives != 0u;
}

fn pmin_result(state: PminState, unreliable: bool) -> u32 {
  return select(0u, 1u, state.negatives != 0u) | select(0u, SUSPECT, unreliable);
}

// x ← (LDLᵀ)⁻¹x on the leading `size` rows, L packed by rows (unit diagonal not stored).
fn pmin_solve(size: u32, l: ptr<function, array<f32, PACKED_CAPACITY>>, inverse: ptr<function, array<f32, N>>, x: ptr<function, array<f32, N>>) {
  var row_i = 0u;
  for (var i = 0u; i < size; i++) {
    var y = (*x)[i];
    for (var j = 0u; j < i; j++) {
      y -= (*l)[row_i + j] * (*x)[j];
    }
    (*x)[i] = y;
    row_i += i + 1u;
  }
  for (var i = 0u; i < size; i++) {
    (*x)[i] *= (*inverse)[i];
  }
  for (var i = size - 1u; i > 0u; i--) {
    row_i -= i + 1u;
    let x_i = (*x)[i];
    for (var j = 0u; j < i; j++) {
      (*x)[j] -= (*l)[row_i + j] * x_i;
    }
  }
}

// Starts the inverse iteration in x, or, after the first solve, scales x to a largest entry of
// 1 and returns ‖x‖² (dense-inertia.wgsl's inertia_unreliable does the same steps).
fn pmin_start(size: u32, x: ptr<function, array<f32, N>>) {
  for (var i = 0u; i < size; i++) {
    (*x)[i] = certificate_start(i);
  }
}

fn pmin_rescale(size: u32, x: ptr<function, array<f32, N>>) -> f32 {
  var largest = 0.0;
  for (var i = 0u; i < size; i++) {
    largest = max(largest, abs((*x)[i]));
  }
  var norm = 0.0;
  for (var i = 0u; i < size; i++) {
    (*x)[i] /= largest;
    norm += (*x)[i] * (*x)[i];
  }
  return norm;
}

fn pmin_norm(size: u32, x: ptr<function, array<f32, N>>) -> f32 {
  var norm = 0.0;
  for (var i = 0u; i < size; i++) {
    norm += (*x)[i] * (*x)[i];
  }
  return norm;
}

// The SUSPECT test of the leading `size` rows' factor; `x` is scratch (the row buffer, free
// once its row of L is stored).
fn pmin_unreliable(size: u32, l: ptr<function, array<f32, PACKED_CAPACITY>>, inverse: ptr<function, array<f32, N>>, trace: f32, x: ptr<function, array<f32, N>>) -> bool {
  // One row: q = (1/|d₀|)·2u·|d₀| = 2u exactly, unless d₀ is NaN.
  if (size == 1u) {
    return !(abs(trace) < 3.0e38);
  }
  pmin_start(size, x);
  var first = 0.0;
  // Two steps in a loop rather than two calls: one copy of the solve in the compiled kernel.
  for (var step = 0u; step < 2u; step++) {
    pmin_solve(size, l, inverse, x);
    if (step == 0u) {
      first = pmin_rescale(size, x);
    }
  }
  return q_unreliable(first, pmin_norm(size, x), size, trace);
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
  var state = PminState(0u, 0.0);
  var k = 0u;
  var start = 0u;
  loop {
    pmin_row(words, k, &row);
    let decided = pmin_take(k, pmin_step(k, &row, &l, &inverse, &state), &inverse, &state);
    // Row k of L is stored even when the matrix is decided: the SUSPECT test solves with it.
    for (var j = 0u; j < k; j++) {
      l[start + j] = row[j] * inverse[j];
    }
    if (!decided && k + 1u < N) {
      start += k + 1u;
      k++;
      continue;
    }
    // The rows the answer rests on: up to the first negative pivot, or all of them.
    pmin_count(local, pmin_result(state, pmin_unreliable(k + 1u, &l, &inverse, state.trace, &row)), counts);
    // Written so that local + stride cannot wrap past 2³².
    if (count - local <= stride) {
      break;
    }
    local += stride;
    words = matrix_words(local);
    state = PminState(0u, 0.0);
    k = 0u;
    start = 0u;
  }
}

// The same answer for a matrix already filled whole into `a` (ensembles without a row fill):
// row k is copied out, factored, and its L written back over it.
fn pmin_filled(a: ptr<function, array<f32, PACKED_CAPACITY>>, row: ptr<function, array<f32, N>>, inverse: ptr<function, array<f32, N>>) -> u32 {
  var state = PminState(0u, 0.0);
  var start = 0u;
  var size = N;
  for (var k = 0u; k < N; k++) {
    for (var j = 0u; j <= k; j++) {
      (*row)[j] = (*a)[start + j];
    }
    let decided = pmin_take(k, pmin_step(k, row, a, inverse, &state), inverse, &state);
    for (var j = 0u; j < k; j++) {
      (*a)[start + j] = (*row)[j] * (*inverse)[j];
    }
    if (decided) {
      size = k + 1u;
      break;
    }
    start += k + 1u;
  }
  return pmin_result(state, pmin_unreliable(size, a, inverse, state.trace, row));
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
