// P(min) alone: is the matrix a minimum (no negative pivot)? An up-looking (row-by-row) LDLᵀ
// without pivoting that needs row k of the matrix only after pivots 0..k−1 came out positive,
// and stops at the first negative pivot (src/cpu/lazy-pivots.ts is the float64 twin):
//   u_j = a_kj − Σ_{i<j} u_i·L_ji  (j < k),   d_k = a_kk − Σ_{j<k} u_j²/d_j,   L_kj = u_j/d_j.
// Row k is factored in a row buffer (u in place of a_kj); rows 0..k−1 of L are kept packed.
// Needs shaders/dense-inertia.wgsl (PACKED_CAPACITY, count_pivot's zero-pivot convention, the
// index kernel's SUSPECT test q_unreliable), shaders/pmin-main.wgsl (pmin_count) and the glue's
// `pmin_row(words, k, row: ptr<function, array<f32, N>>)` (the entry's row fill),
// `pmin_head(words, part) -> vec4<f32>` (its head) and `pmin_fill(words, a)` (its whole fill).
//
// SUSPECT: whether the f32 answer may differ from float64's, judged on the factor it rests on;
// the factor is the exact one of A + E with ‖E‖₂ ≤ γ·trace(|L||D||Lᵀ|) (backward_error; the
// trace over k + 1 rows is the sum of their pivots and diagonal updates u_j²/d_j, which the
// row steps accumulate as they go).
// - A minimum rests on all N pivots: the index kernel's test q_unreliable on the whole factor.
// - A first negative pivot d_k rests on the leading (k + 1)-block B alone (a leading block with
//   a negative eigenvalue makes A no minimum, by interlacing), and only on B keeping a negative
//   eigenvalue, not on its whole inertia: x = L⁻ᵀe_k gives xᵀ(LDLᵀ)x = d_k, so B + E has an
//   eigenvalue ≤ d_k/‖x‖², and B keeps one below 0 unless ‖E‖₂ reaches |d_k|/‖x‖² (Weyl).
//   The bound fails when r = γ·trace·‖x‖²/|d_k| ≥ FLAG_Q, the index kernel's margin
//   (r ≥ γ·trace/|λ| for that eigenvalue λ, as q is for σ_min): one back-substitution, where
//   q_unreliable needs two LDLᵀ solves. Only where it fails (rarely) does the block's q test
//   decide (pmin_negative_suspect). For k = 0, x = e_0 and r = 2u: it holds unless NaN.
//
// Rows 0..2 are drawn and factored in registers (pmin_head_step, with the entry's head: the
// row fill's bits, src/model/ensemble.ts RowFill.head) for N > 3 where the entry has one
// (PMIN_HEAD), row 2 only for matrices rows 0 and 1 leave undecided: most matrices end there
// (GOE at s = 0: 85% by row 1, 98% by row 2), and a row step through the dynamically indexed
// row buffer costs several heads on SwiftShader (and private arrays live in slow local memory
// on real GPUs).
//
// Result: 0 for a minimum, 1 otherwise, | SUSPECT when a pivot's f32 sign was unreliable.
//
// Persistent invocations: each invocation takes matrices first, first + stride, … of the
// request (grid-stride); pmin_lazy_run runs each through the head and queues the undecided
// for pmin_rows_run, one loop over *row steps*, not over matrices: a lane whose matrix ended
// at a negative pivot starts its next matrix on the next iteration instead of idling until
// the deepest matrix of its SIMD group is done. And WGSL zero-initialises
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

// The flag of a first negative pivot `pivot` = d_k (header): ‖x‖² given.
fn pmin_negative_flag(k: u32, norm: f32, pivot: f32, trace: f32) -> bool {
  return !(norm * backward_error(k + 1u, trace) < FLAG_Q * -pivot);
}

// The same for row k of L packed at `start` in `l` (rows 0..k−1 before it): y = −x[0..k) by
// back-substitution with Lᵀ, y_m = l_km − Σ_{m<i<k} l_im·y_i, in `y` (scratch).
fn pmin_negative_unreliable(k: u32, start: u32, l: ptr<function, array<f32, PACKED_CAPACITY>>, pivot: f32, trace: f32, y: ptr<function, array<f32, N>>) -> bool {
  var norm = 1.0;
  if (k > 0u) {
    for (var j = 0u; j < k; j++) {
      (*y)[j] = (*l)[start + j];
    }
    var row_m = start;
    for (var m = k - 1u; ; m--) {
      row_m -= m + 1u;
      let y_m = (*y)[m];
      norm += y_m * y_m;
      if (m == 0u) {
        break;
      }
      for (var i = 0u; i < m; i++) {
        (*y)[i] -= (*l)[row_m + i] * y_m;
      }
    }
  }
  return pmin_negative_flag(k, norm, pivot, trace);
}

// The SUSPECT test of a first negative pivot at k: the bound, and where it fails, the index
// kernel's test of the block. The bound is loose where x is far from the eigenvector: after a
// tiny pivot d_j, ‖x‖² ≈ l_kj² is huge while the block's negative eigenvalue is not small (GOE
// N = 8 at s = 0: ~2e-5 of matrices, emulated in float64, against 0 flagged by the block test).
// Both bound error/|λ| for the eigenvalue λ that decides the answer from above (the bound
// exactly, q through σ_min ≤ |λ| and its estimate), so either one below FLAG_Q passes the
// answer: the index kernel's margin on the same quantity, and the q test only where needed.
fn pmin_negative_suspect(k: u32, start: u32, l: ptr<function, array<f32, PACKED_CAPACITY>>, inverse: ptr<function, array<f32, N>>, pivot: f32, trace: f32, x: ptr<function, array<f32, N>>) -> bool {
  return pmin_negative_unreliable(k, start, l, pivot, trace, x) && pmin_unreliable(k + 1u, l, inverse, trace, x);
}

// Whether the answer of a matrix decided at row k (by a negative pivot, or a minimum at
// k = N − 1) is SUSPECT; row k of L packed at `start`, `x` scratch.
fn pmin_answer_unreliable(decided: bool, k: u32, start: u32, pivot: f32, l: ptr<function, array<f32, PACKED_CAPACITY>>, inverse: ptr<function, array<f32, N>>, trace: f32, x: ptr<function, array<f32, N>>) -> bool {
  if (decided) {
    return pmin_negative_suspect(k, start, l, inverse, pivot, trace, x);
  }
  return pmin_unreliable(k + 1u, l, inverse, trace, x);
}

// pmin_head_step's outcomes besides a result: rows 0..2 stored and the matrix not decided (go
// on at row 3), or decided by a negative pivot whose bound failed: HEAD_UNCERTAIN + the size
// of the block whose q test decides (2 or 3).
const HEAD_UNDECIDED: u32 = 2u;
const HEAD_UNCERTAIN: u32 = 4u;

// Rows 0..2 of a matrix drawn and factored in registers: its inverse pivots, L's rows 1 and 2
// (l10; l20, l21) and state as far as the head went, and the outcome.
struct PminHead {
  outcome: u32,
  state: PminState,
  inverse: vec3<f32>,
  l: vec3<f32>,
}

// Rows 0..2 from the head, for N > 3: outcome is the matrix's result when a negative pivot
// decides it there and its bound holds (for d_0 the bound is 2u: always), else one of the
// outcomes above. The row steps' and the bound's arithmetic, in their order. Registers only,
// so that the heads' loop (pmin_lazy_run) touches no private array.
fn pmin_head_factor(words: vec2<u32>) -> PminHead {
  // (a00, a10, a11, a20)
  let head = pmin_head(words, 0u);
  var negatives = 0u;
  let inverse0 = count_pivot(head.x, &negatives);
  var trace = abs(head.x);
  if (negatives != 0u) {
    let state = PminState(negatives, trace);
    return PminHead(pmin_result(state, pmin_negative_flag(0u, 1.0, head.x, trace)), state, vec3<f32>(), vec3<f32>());
  }
  let update10 = head.y * head.y * inverse0;
  trace += abs(update10);
  let pivot1 = head.z - update10;
  let inverse1 = count_pivot(pivot1, &negatives);
  trace += abs(pivot1);
  let l10 = head.y * inverse0;
  if (negatives != 0u) {
    let state = PminState(negatives, trace);
    let uncertain = pmin_negative_flag(1u, 1.0 + l10 * l10, pivot1, trace);
    return PminHead(select(pmin_result(state, false), HEAD_UNCERTAIN + 2u, uncertain), state, vec3<f32>(inverse0, inverse1, 0.0), vec3<f32>(l10, 0.0, 0.0));
  }
  // (a21, a22): u = (a20, a21 − a20·l10).
  let rest = pmin_head(words, 1u);
  let u0 = head.w;
  let u1 = rest.x - u0 * l10;
  let update20 = u0 * u0 * inverse0;
  trace += abs(update20);
  var pivot2 = rest.y - update20;
  let update21 = u1 * u1 * inverse1;
  trace += abs(update21);
  pivot2 -= update21;
  let inverse2 = count_pivot(pivot2, &negatives);
  trace += abs(pivot2);
  let l20 = u0 * inverse0;
  let l21 = u1 * inverse1;
  let state = PminState(negatives, trace);
  var outcome = HEAD_UNDECIDED;
  if (negatives != 0u) {
    // pmin_negative_unreliable's back-substitution for k = 2: y = (l20 − l10·l21, l21).
    let y0 = l20 - l10 * l21;
    let uncertain = pmin_negative_flag(2u, 1.0 + l21 * l21 + y0 * y0, pivot2, trace);
    outcome = select(pmin_result(state, false), HEAD_UNCERTAIN + 3u, uncertain);
  }
  return PminHead(outcome, state, vec3<f32>(inverse0, inverse1, inverse2), vec3<f32>(l10, l20, l21));
}

// Whether the head left the matrix to the row steps: undecided, or decided with a bound that
// failed (the q test is theirs too). Results are 0 or 1, perhaps with SUSPECT set (so the mask);
// the outcomes are HEAD_UNDECIDED and HEAD_UNCERTAIN + 2 or 3.
fn pmin_head_queues(outcome: u32) -> bool {
  return (outcome & SUSPECT) == 0u && outcome >= HEAD_UNDECIDED;
}

// pmin_head_factor with its rows stored where the row steps and the SUSPECT test read them.
fn pmin_head_step(words: vec2<u32>, l: ptr<function, array<f32, PACKED_CAPACITY>>, inverse: ptr<function, array<f32, N>>, state: ptr<function, PminState>) -> u32 {
  let head = pmin_head_factor(words);
  // Indices ≥ 1 as min(i, N − 1): only reached for N > 3, but compiled at every N, and a
  // constant index past an array does not compile.
  (*inverse)[0] = head.inverse.x;
  (*inverse)[min(1u, N - 1u)] = head.inverse.y;
  (*inverse)[min(2u, N - 1u)] = head.inverse.z;
  (*l)[min(1u, PACKED_CAPACITY - 1u)] = head.l.x;
  (*l)[min(3u, PACKED_CAPACITY - 1u)] = head.l.y;
  (*l)[min(4u, PACKED_CAPACITY - 1u)] = head.l.z;
  *state = head.state;
  return head.outcome;
}

// Matrices the head leaves undecided wait in a private queue of this many for the row steps.
const PMIN_QUEUE: u32 = 16u;

// Matrices first, first + stride, … below Params.count, their rows drawn lazily, each counted
// by pmin_count into `counts` [minima, others]. Two loops, the second outside the first: every
// matrix goes through the head in the inner loop, which queues the few it leaves undecided (GOE
// at s = 0: 2%) until PMIN_QUEUE of them wait or the matrices run out; then pmin_rows_run
// takes the queue. On SwiftShader the row steps' code in the head's loop body slowed the head
// by a third to a half even where no row step ever ran (scripts/speed/profile-pmin.ts,
// variant deadtail; a flush inside the head's loop did not help), and a lane in a row step
// held its SIMD group's heads. Without a head (PMIN_HEAD false, or N ≤ 3) every matrix is
// queued.
fn pmin_lazy_run(first: u32, stride: u32, counts: ptr<function, vec2<u32>>) {
  let count = layout.$.params.count;
  if (first >= count) {
    return;
  }
  var row: array<f32, N>;
  var inverse: array<f32, N>;
  var l: array<f32, PACKED_CAPACITY>;
  var queue: array<u32, PMIN_QUEUE>;
  var local = first;
  var done = false;
  loop {
    // Heads until the queue is full or the matrices run out; the row steps outside this loop.
    var queued = 0u;
    loop {
      var result = HEAD_UNDECIDED;
      if (PMIN_HEAD && N > 3u) {
        result = pmin_head_factor(matrix_words(local)).outcome;
      }
      if (pmin_head_queues(result)) {
        queue[queued] = local;
        queued++;
      } else {
        pmin_count(local, result, counts);
      }
      // Written so that local + stride cannot wrap past 2³².
      if (count - local <= stride) {
        done = true;
        break;
      }
      local += stride;
      if (queued == PMIN_QUEUE) {
        break;
      }
    }
    if (queued != 0u) {
      pmin_rows_run(&queue, queued, &row, &l, &inverse, counts);
    }
    if (done) {
      break;
    }
  }
}

// Queued matrices 0..queued−1, one loop over *row steps* (a lane whose matrix ended starts its
// next on the next iteration): each matrix's rows 0..2 through the head again (the same bits,
// so again undecided), then row k by pmin_row and pmin_step; without a head every row by the
// row fill.
fn pmin_rows_run(queue: ptr<function, array<u32, PMIN_QUEUE>>, queued: u32, row: ptr<function, array<f32, N>>, l: ptr<function, array<f32, PACKED_CAPACITY>>, inverse: ptr<function, array<f32, N>>, counts: ptr<function, vec2<u32>>) {
  var next = 0u;
  var local = (*queue)[0];
  var words = matrix_words(local);
  var state = PminState(0u, 0.0);
  var k = 0u;
  var start = 0u;
  loop {
    var result = 0u;
    if (PMIN_HEAD && N > 3u && k == 0u) {
      let outcome = pmin_head_step(words, l, inverse, &state);
      if (outcome == HEAD_UNDECIDED) {
        start = 6u;
        k = 3u;
        continue;
      }
      // Decided in the head by a negative pivot whose bound failed: the block's q test.
      result = pmin_result(state, pmin_unreliable(outcome - HEAD_UNCERTAIN, l, inverse, state.trace, row));
    } else {
      pmin_row(words, k, row);
      let pivot = pmin_step(k, row, l, inverse, &state);
      let decided = pmin_take(k, pivot, inverse, &state);
      // Row k of L is stored even when the matrix is decided: the SUSPECT test solves with it.
      for (var j = 0u; j < k; j++) {
        (*l)[start + j] = (*row)[j] * (*inverse)[j];
      }
      if (!decided && k + 1u < N) {
        start += k + 1u;
        k++;
        continue;
      }
      result = pmin_result(state, pmin_answer_unreliable(decided, k, start, pivot, l, inverse, state.trace, row));
    }
    pmin_count(local, result, counts);
    next++;
    if (next == queued) {
      break;
    }
    local = (*queue)[next];
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
  for (var k = 0u; ; k++) {
    for (var j = 0u; j <= k; j++) {
      (*row)[j] = (*a)[start + j];
    }
    let pivot = pmin_step(k, row, a, inverse, &state);
    let decided = pmin_take(k, pivot, inverse, &state);
    for (var j = 0u; j < k; j++) {
      (*a)[start + j] = (*row)[j] * (*inverse)[j];
    }
    if (decided || k + 1u == N) {
      return pmin_result(state, pmin_answer_unreliable(decided, k, start, pivot, a, inverse, state.trace, row));
    }
    start += k + 1u;
  }
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
