// The dense inertia again in double-f32 (shaders/df32.wgsl), for the device recount of matrices
// the f32 kernel flagged (shaders/recount-main.wgsl): LDLᵀ without pivoting on the packed lower
// triangle a df32 fill wrote (shaders/fills/df32-*.wgsl), counting negative pivots, with
// SUSPECT set when a pivot's df32 sign is still unreliable. Same elimination, zero-pivot rule
// and growth measure as shaders/dense-inertia.wgsl and the float64 twin (src/cpu/pivots.ts),
// written one step at a time: it runs on the few matrices the f32 kernel lists.

// A pivot smaller than RECOUNT_RATIO times the largest pivot or rank-one update before it goes
// on to the host's float64 recount. The df32 entries differ from float64's by ≲ 5e-14 of the
// matrix scale (measured, tests/gpu/df32-fills.gpu.test.ts) and the factorization adds ~u² =
// 3.6e-15 per operation. The f32 kernel's old rule of this kind (1e-5 for entries good to ~1e-7)
// missed one matrix in 1e5 whose error came from near-singularity rather than a small pivot
// (the f32 kernel now bounds that, shaders/dense-inertia.wgsl); in df32 the same matrix has
// q ≈ 7e4·u²/u ≈ 4e-3, so 1e-10 — a margin of ~2000 over the df32 entries' error — still sends
// almost no matrix to the host (scripts/measure-disagreement.ts measures it).
const RECOUNT_RATIO: f32 = 1e-10;

// Counts pivot d (an exact zero counts as PIVOT_TINY), marks the matrix suspect when |d| is below
// RECOUNT_RATIO times the largest pivot or update so far, and returns 1/d in df32.
fn df_take_pivot(raw: vec2<f32>, negatives: ptr<function, u32>, growth: ptr<function, f32>, suspect: ptr<function, bool>) -> vec2<f32> {
  var pivot = raw;
  if (pivot.x == 0.0) {
    pivot = vec2<f32>(PIVOT_TINY, 0.0);
  }
  *negatives += select(0u, 1u, pivot.x < 0.0);
  // Written so that a NaN pivot is suspect too.
  *suspect = *suspect || !(abs(pivot.x) >= RECOUNT_RATIO * *growth);
  *growth = max(*growth, abs(pivot.x));
  return df_div(vec2<f32>(1.0, 0.0), pivot);
}

// The index of the packed df32 matrix in `a` (overwritten), SUSPECT set as above.
fn df_dense_inertia(a: ptr<function, array<vec2<f32>, PACKED_CAPACITY>>) -> u32 {
  var negatives = 0u;
  var growth = 0.0;
  var suspect = false;
  for (var k = 0u; k < N; k++) {
    let inverse = df_take_pivot((*a)[k * (k + 3u) / 2u], &negatives, &growth, &suspect);
    var row_i = (k + 1u) * (k + 2u) / 2u;
    for (var i = k + 1u; i < N; i++) {
      let a_ik = (*a)[row_i + k];
      let factor = df_mul(a_ik, inverse);
      growth = max(growth, abs(factor.x * a_ik.x));
      var row_j = (k + 1u) * (k + 2u) / 2u;
      for (var j = k + 1u; j <= i; j++) {
        (*a)[row_i + j] = df_sub((*a)[row_i + j], df_mul(factor, (*a)[row_j + k]));
        row_j += j + 1u;
      }
      row_i += i + 1u;
    }
  }
  return negatives | select(0u, SUSPECT, suspect);
}
