// Tridiagonal GOE (β = 1 Dumitriu–Edelman, DESIGN.md §1): one invocation per matrix. Streams
// row by row — a_i ~ N(0, 2) + s·R, b_i ~ χ_{N−1−i} by Marsaglia–Tsang — straight into the
// Sturm recurrence d_0 = a_0, d_i = a_i − b²_{i−1}/d_{i−1}, so a matrix never exists in memory.
// Counts are reduced on the GPU (shaders/sampling.wgsl). Float64 twin: src/cpu/tridiagonal-goe.ts and
// src/cpu/chi.ts (read there why the acceptance test is written as 3d·L(x), and the stream).
// One Philox block per row in the common case: its Box–Muller pair feeds a_i (cos) and the
// first χ attempt (sin, with word 2 as the uniform); a squeeze (chi.ts) accepts all but
// ~1/(36d) of attempts without a logarithm, so the full test and the retries rarely run.

const BLOCKS_PER_ROW: u32 = 16u;
const CHI_ATTEMPTS: u32 = 15u;
const SERIES_LIMIT: f32 = 0.25;

// L(x) = ln(1+x) − x + x²/2 − x³/3; below SERIES_LIMIT its series Σ_{m=4}^{17} (−1)^{m+1} x^m/m
// (the first omitted term is 0.25^14 ≈ 4e-9 of the sum).
fn log_tail(x: f32) -> f32 {
  if (abs(x) >= SERIES_LIMIT) {
    return log(1.0 + x) - x + x * x / 2.0 - x * x * x / 3.0;
  }
  var sum = 0.0;
  for (var m = 17; m >= 4; m--) {
    sum = sum * x + select(1.0, -1.0, m % 2 == 0) / f32(m);
  }
  return sum * x * x * x * x;
}

// One Marsaglia–Tsang attempt for Gamma(d + 1/3), c = 1/√(9d): d·v on acceptance, −1 on
// rejection. The squeeze decides first; ln u only where it fails (chi.ts has the proof).
fn gamma_attempt(d: f32, c: f32, z: f32, uniform_word: u32) -> f32 {
  let x = c * z;
  if (x <= -1.0) {
    return -1.0;
  }
  let v = (1.0 + x) * (1.0 + x) * (1.0 + x);
  // 1 − u, exact, against q = 3d·x⁴/(4(1 + min(x, 0))) (squeezeBound in chi.ts).
  let complement = (f32(~uniform_word) + 0.5) * 2.3283064365386963e-10;
  let x2 = x * x;
  if (complement > 0.75 * d * x2 * x2 / (1.0 + min(x, 0.0))) {
    return d * v;
  }
  // Near acceptance ln u ≈ 3d·L(x) ≈ 0, where log_uniform keeps its relative accuracy.
  return select(-1.0, d * v, log_uniform(uniform_word) < 3.0 * d * log_tail(x));
}

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

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3<u32>) {
  let local = local_matrix(lid, wid);
  if (local < layout.$.params.count) {
    let index = tridiagonal_index(local);
    count_index(index);
    if (RECORD_INDICES) {
      layout.$.indices[local] = index;
    }
  }
  flush_bins(lid);
}
