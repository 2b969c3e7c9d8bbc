// The dense inertia shared by every dense ensemble: LDLᵀ without pivoting, in place on the
// packed lower triangle a fill wrote (shaders/fills/), counting negative pivots (= the index,
// Sylvester's law of inertia), with the matrix flagged SUSPECT when its f32 index may differ
// from the float64 one (inertia_unreliable below). Float64 twin: countNegativePivotsPacked in
// src/cpu/pivots.ts; the recounts of flagged matrices: src/gpu/recount.ts, src/gpu/recheck.ts.

const PACKED_LENGTH: u32 = N * (N + 1u) / 2u;
const BLOCKS: u32 = (PACKED_LENGTH + 3u) / 4u;
// Fills write whole Philox blocks (4 values), so the array is rounded up to them.
const PACKED_CAPACITY: u32 = BLOCKS * 4u;
// A pivot: counted, an exact zero as PIVOT_TINY; returns 1/d. Whether the count can be trusted
// is decided once, for the whole factor, by inertia_unreliable (P(min): pmin_unreliable). The
// flag once compared each pivot with the largest pivot or update before it (1e-5 of it); that
// missed a matrix whose error was amplified by a near-singular matrix rather than by a small
// pivot (Rademacher N = 64, seed 1, matrix 87 881: every pivot ratio above 1.9e-4).
fn count_pivot(raw: f32, negatives: ptr<function, u32>) -> f32 {
  var pivot = raw;
  if (pivot == 0.0) {
    pivot = PIVOT_TINY;
  }
  *negatives += select(0u, 1u, pivot < 0.0);
  return 1.0 / pivot;
}

// Why the index, not each pivot, is what the flag must guard. The f32 factors are the exact
// factors of a nearby matrix: L̂D̂L̂ᵀ = A + E with |E| ≤ γ·|L̂||D̂||L̂ᵀ|, γ ≈ (N + 1)u (Higham,
// Accuracy and Stability, Thm 10.3; the f32 fill's own rounding adds a few u·|A| ≤ u·|L̂||D̂||L̂ᵀ|),
// so the f32 count is exactly the inertia of A + E. Eigenvalues move by at most ‖E‖₂ (Weyl), so
// the count equals A's unless ‖E‖₂ ≥ σ_min(A + E). |L̂||D̂||L̂ᵀ| is a Gram matrix, so
// ‖E‖₂ ≤ γ·trace(|L̂||D̂||L̂ᵀ|) = γ·Σᵢ (|dᵢ| + Σₖ a_ik²/|dₖ|), which the factor gives in O(N²);
// 1/σ_min(A + E) = ‖(L̂D̂L̂ᵀ)⁻¹‖₂ is estimated by two steps of inverse iteration with the
// factor (two O(N²) solves). The ratio
//   q = ‖(L̂D̂L̂ᵀ)⁻¹‖₂ · (N + 1)u · trace(|L̂||D̂||L̂ᵀ|)
// is ≥ 1 before any sign can flip. The bound is a worst case (rounding errors add like a random
// walk, and E is far from its bound entrywise): in 3 f32 flips found among 2e4 emulated N = 64
// matrices (GOE, Rademacher; scripts/flag-emulation.ts) q was ≥ 9.3e3, whereas half of all
// matrices have q ≥ 1, so the flag is set at q ≥ FLAG_Q (2% of N = 64 matrices; the old ratio
// rule, count_pivot's comment, flagged 9.5%). The matrix the ratio rule missed has q = 7e4: σ_min ≈ 2e-6 against a trace of 3.8e4. Inverse
// iteration can only underestimate ‖·⁻¹‖ (each step is a Rayleigh-type lower bound); two steps
// from a ±1 start are within a small factor unless the start is nearly orthogonal to the
// smallest eigenvector, which FLAG_Q's margin of ~100 below the flips seen covers.
const FLAG_Q: f32 = 100.0;

// The flag from the two inverse-iteration steps on a factor of `size` rows: `first` and
// `second` are ‖x₁‖² and ‖x₂‖² (x₁ scaled to a largest entry of 1, x₂ = (L̂D̂L̂ᵀ)⁻¹x₁), `trace` is
// trace(|L̂||D̂||L̂ᵀ|). Written so that a NaN or an overflow compares unreliable.
fn q_unreliable(first: f32, second: f32, size: u32, trace: f32) -> bool {
  let inverse_norm = sqrt(second / first);
  return !(inverse_norm * backward_error(size, trace) < FLAG_Q);
}

// The bound γ·trace(|L̂||D̂||L̂ᵀ|) on ‖E‖₂ for a factor of `size` rows, γ = (size + 1)u.
fn backward_error(size: u32, trace: f32) -> f32 {
  return f32(size + 1u) * 0x1p-24f * trace;
}

// The start of the inverse iteration: pseudo-random signs (the top bit of a Weyl sequence), so
// that no structured eigenvector is orthogonal to it.
fn certificate_start(i: u32) -> f32 {
  return select(1.0, -1.0, ((i + 1u) * 0x9E3779B9u) >= 0x80000000u);
}

// x ← (L̂D̂L̂ᵀ)⁻¹x with the factor as dense_inertia leaves it (a_ik unscaled below the diagonal,
// pivots on it; l_ik = a_ik/d_k), `inverse` the pivots' inverses. Forward: z_i = (x_i −
// Σₖ a_ik z_k)/d_i (= D⁻¹L⁻¹x); back: x_k = z_k − Σ_{i>k} l_ik x_i, row by row.
fn factor_back(a: ptr<function, array<f32, PACKED_CAPACITY>>, inverse: ptr<function, array<f32, N>>, x: ptr<function, array<f32, N>>) {
  var row_i = PACKED_LENGTH;
  for (var i = N - 1u; i > 0u; i--) {
    row_i -= i + 1u;
    let x_i = (*x)[i];
    for (var k = 0u; k < i; k++) {
      (*x)[k] -= (*a)[row_i + k] * (*inverse)[k] * x_i;
    }
  }
}

// Whether the f32 count of the factor in `a` may differ from float64's: q ≥ FLAG_Q (above), or
// NaN anywhere. The first forward solve also takes the pivots' inverses and the trace.
fn inertia_unreliable(a: ptr<function, array<f32, PACKED_CAPACITY>>) -> bool {
  var inverse: array<f32, N>;
  var x: array<f32, N>;
  var trace = 0.0;
  var row_i = 0u;
  for (var i = 0u; i < N; i++) {
    var y = certificate_start(i);
    var sum = 0.0;
    for (var k = 0u; k < i; k++) {
      let a_ik = (*a)[row_i + k];
      y -= a_ik * x[k];
      sum += a_ik * a_ik * abs(inverse[k]);
    }
    var pivot = (*a)[row_i + i];
    if (pivot == 0.0) {
      pivot = PIVOT_TINY;
    }
    inverse[i] = 1.0 / pivot;
    trace += abs(pivot) + sum;
    x[i] = y * inverse[i];
    row_i += i + 1u;
  }
  factor_back(a, &inverse, &x);
  var largest = 0.0;
  for (var i = 0u; i < N; i++) {
    largest = max(largest, abs(x[i]));
  }
  // Scaled to a largest entry of 1 so the second solve cannot overflow where the first did not.
  var first = 0.0;
  for (var i = 0u; i < N; i++) {
    x[i] /= largest;
    first += x[i] * x[i];
  }
  row_i = 0u;
  for (var i = 0u; i < N; i++) {
    var y = x[i];
    for (var k = 0u; k < i; k++) {
      y -= (*a)[row_i + k] * x[k];
    }
    x[i] = y * inverse[i];
    row_i += i + 1u;
  }
  factor_back(a, &inverse, &x);
  var second = 0.0;
  for (var i = 0u; i < N; i++) {
    second += x[i] * x[i];
  }
  return q_unreliable(first, second, N, trace);
}

// The index of the packed matrix in `a` (overwritten by its factor), with SUSPECT set when
// inertia_unreliable says the f32 count may differ from float64's.
fn dense_inertia(a: ptr<function, array<f32, PACKED_CAPACITY>>) -> u32 {
  var negatives = 0u;
  // Two elimination steps k, k + 1 per pass, rows two at a time: each trailing element (i, j)
  // gets both rank-one updates, in the same order and roundings as one step at a time, from one
  // load and one store, and each column element loaded serves two rows. SwiftShader turns every
  // dynamic private-array access into a per-lane gather or masked scatter, which is where the
  // factorization's time goes: 1.5 accesses per update instead of 3, same bits out.
  for (var k = 0u; k < N; k += 2u) {
    let inverse = count_pivot((*a)[k * (k + 3u) / 2u], &negatives);
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
      (*a)[row_j + next] -= factor * a_next_k;
      row_j += j + 1u;
    }
    let inverse_next = count_pivot((*a)[row_next + next], &negatives);
    // Steps k and k + 1 on the trailing block, rows and columns from k + 2.
    let first_row = (k + 2u) * (k + 3u) / 2u;
    var row_i = first_row;
    var i = k + 2u;
    for (; i + 1u < N; i += 2u) {
      let row_below = row_i + i + 1u;
      let factor = (*a)[row_i + k] * inverse;
      let a_i_next = (*a)[row_i + next];
      let factor_next = a_i_next * inverse_next;
      let factor_below = (*a)[row_below + k] * inverse;
      let a_below_next = (*a)[row_below + next];
      let factor_below_next = a_below_next * inverse_next;
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
      var row_j = first_row;
      for (var j = k + 2u; j <= i; j++) {
        let once = (*a)[row_i + j] - factor * (*a)[row_j + k];
        (*a)[row_i + j] = once - factor_next * (*a)[row_j + next];
        row_j += j + 1u;
      }
    }
  }
  return negatives | select(0u, SUSPECT, inertia_unreliable(a));
}

