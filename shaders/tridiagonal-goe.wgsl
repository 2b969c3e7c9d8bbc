// Tridiagonal GOE (β = 1 Dumitriu–Edelman, DESIGN.md §1): one invocation per matrix. Streams
// row by row — a_i ~ N(0, 2) + s·R, b_i ~ χ_{N−1−i} by Marsaglia–Tsang — straight into the
// Sturm recurrence d_0 = a_0, d_i = a_i − b²_{i−1}/d_{i−1}, so a matrix never exists in memory.
// Counts are reduced on the GPU (shaders/sampling.wgsl, shaders/sampling-main.wgsl). Float64 twin: src/cpu/tridiagonal-goe.ts and
// src/cpu/chi.ts (read there why the acceptance test is written as 3d·L(x), and the stream).
// One Philox block per row in the common case: its Box–Muller pair feeds a_i (cos) and the
// first χ attempt (sin, with word 2 as the uniform); a squeeze (chi.ts) accepts all but
// ~1/(36d) of attempts without a logarithm, so the full test and the retries rarely run.

const BLOCKS_PER_ROW: u32 = 16u;

// b² with b ~ χ_k, k ≥ 2, when attempt 0 (the sin normal and word 2 of block 16·row) rejected:
// attempts 1..CHI_ATTEMPTS−1 from blocks 16·row + attempt.
fn gamma_retries(words: vec2<u32>, key: vec2<u32>, tag: u32, row: u32, d: f32, c: f32) -> f32 {
  for (var attempt = 1u; attempt < CHI_ATTEMPTS; attempt++) {
    let w = philox4x32(vec4<u32>(words.x, words.y, BLOCKS_PER_ROW * row + attempt, tag), key);
    let gamma = gamma_attempt(d, c, normal_pair(w.x, w.y).x, w.z);
    if (gamma >= 0.0) {
      return gamma;
    }
  }
  return d;
}

fn tridiagonal_index(local: u32) -> u32 {
  let words = matrix_words(local);
  let key = layout.$.params.key;
  let tag = layout.$.params.streamTag;
  let shift = layout.$.params.diagonalShift;
  var negatives = 0u;
  var pivot = 1.0;
  var previous_squared = 0.0;
  for (var i = 0u; i < N; i++) {
    let w = philox4x32(vec4<u32>(words.x, words.y, BLOCKS_PER_ROW * i, tag), key);
    let z = normal_pair(w.x, w.y);
    let a = SQRT2 * z.x + shift;
    if (i == 0u) {
      pivot = a;
    } else {
      pivot = a - previous_squared / pivot;
    }
    if (pivot == 0.0) {
      pivot = PIVOT_TINY;
    }
    negatives += select(0u, 1u, pivot < 0.0);
    let k = N - 1u - i;
    if (k == 1u) {
      previous_squared = z.y * z.y;
    } else if (k >= 2u) {
      let d = f32(k) / 2.0 - 1.0 / 3.0;
      let c = 1.0 / sqrt(9.0 * d);
      var gamma = gamma_attempt(d, c, z.y, w.z);
      if (gamma < 0.0) {
        gamma = gamma_retries(words, key, tag, i, d, c);
      }
      previous_squared = 2.0 * gamma;
    }
  }
  return negatives;
}
