// P(min) alone: is the matrix a minimum (no negative pivot)? An up-looking (row-by-row) LDLᵀ
// without pivoting that asks the glue's `pmin_row(words, k, a)` for row k of the packed
// triangle only after pivots 0..k−1 came out positive, and stops at the first negative pivot
// (src/cpu/lazy-pivots.ts is the float64 twin and states the recurrence):
//   u_j = a_kj − Σ_{i<j} u_i·L_ji  (j < k),   d_k = a_kk − Σ_{j<k} u_j²/d_j,   L_kj = u_j/d_j.
// Rows 0..k−1 of `a` hold L, row k holds u while it is factored. Needs shaders/dense-inertia.wgsl
// (PACKED_CAPACITY, take_pivot: the index kernel's SUSPECT rule and zero-pivot convention).
//
// SUSPECT: take_pivot compares each pivot with the largest pivot and diagonal update u_j²/d_j
// seen so far. Here only rows 0..k have been seen, whereas the right-looking index kernel has
// also applied steps < k to the rows below; pivot k's rounding comes from its own row and the
// rows above it, and every off-diagonal product is bounded by diagonal updates
// (|u_i·L_ji| ≤ √(u_i²/|d_i| · L_ji²|d_i|)), so this growth covers the error that pivot k carries.
// A suspect matrix carries on to its first negative pivot (or the end), so that where the
// recheck list is full its f32 answer is still a whole answer, as in the index kernel.
//
// Result: 0 for a minimum, 1 otherwise, | SUSPECT when a pivot's f32 sign was unreliable.
fn pmin_early_exit(words: vec2<u32>, a: ptr<function, array<f32, PACKED_CAPACITY>>) -> u32 {
  var inverse: array<f32, N>;
  var negatives = 0u;
  var growth = 0.0;
  var suspect = false;
  var row = 0u;
  for (var k = 0u; k < N; k++) {
    pmin_row(words, k, a);
    var pivot = (*a)[row + k];
    var row_j = 0u;
    for (var j = 0u; j < k; j++) {
      var u = (*a)[row + j];
      for (var i = 0u; i < j; i++) {
        u -= (*a)[row + i] * (*a)[row_j + i];
      }
      (*a)[row + j] = u;
      let update = u * u * inverse[j];
      growth = max(growth, abs(update));
      pivot -= update;
      row_j += j + 1u;
    }
    inverse[k] = take_pivot(pivot, &negatives, &growth, &suspect);
    if (negatives != 0u) {
      return 1u | select(0u, SUSPECT, suspect);
    }
    for (var j = 0u; j < k; j++) {
      (*a)[row + j] *= inverse[j];
    }
    row += k + 1u;
  }
  return select(0u, SUSPECT, suspect);
}
