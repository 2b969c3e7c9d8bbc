// Dense Wigner fills with non-Gaussian entries, GOE's variances (off-diagonal 1, diagonal 2).
// Streams and normalizations: src/cpu/wigner-fills.ts (the float64 twins). Each entry reads only
// its own Philox blocks, so row k can be generated alone (the *_row fills, same bits).

const SQRT3: f32 = 1.7320508075688772;
const T_BLOCKS_PER_ENTRY: u32 = 16u;

// ±1 from the top bit of a word.
fn rademacher(word: u32) -> f32 {
  return select(1.0, -1.0, word >= 0x80000000u);
}

// U(−√3, √3) from a word's open uniform.
fn centred_uniform(word: u32) -> f32 {
  return SQRT3 * (2.0 * uniform_open(word) - 1.0);
}

// Diagonal entries are √2 times the off-diagonal law, plus the shift.
fn scale_diagonal(a: ptr<function, array<f32, PACKED_CAPACITY>>) {
  let shift = layout.$.params.diagonalShift;
  for (var i = 0u; i < N; i++) {
    let t = i * (i + 3u) / 2u;
    (*a)[t] = SQRT2 * (*a)[t] + shift;
  }
}

fn fill_rademacher(words: vec2<u32>, a: ptr<function, array<f32, PACKED_CAPACITY>>) {
  let key = layout.$.params.key;
  let tag = layout.$.params.streamTag;
  for (var block = 0u; block < BLOCKS; block++) {
    let w = philox4x32(vec4<u32>(words.x, words.y, block, tag), key);
    let t = 4u * block;
    (*a)[t] = rademacher(w.x);
    (*a)[t + 1u] = rademacher(w.y);
    (*a)[t + 2u] = rademacher(w.z);
    (*a)[t + 3u] = rademacher(w.w);
  }
  scale_diagonal(a);
}

// Row k of a one-word-per-entry fill (row[j] = entry (k, j), j ≤ k): word t mod 4 of block
// ⌊t/4⌋ through `law`, diagonal scaled by √2 and shifted. WGSL has no function pointers, so
// `law` is 0 (Rademacher) or 1 (uniform), a constant at every call site.
fn one_word_row(words: vec2<u32>, k: u32, row: ptr<function, array<f32, N>>, law: u32) {
  let key = layout.$.params.key;
  let tag = layout.$.params.streamTag;
  let start = k * (k + 1u) / 2u;
  let end = start + k;
  for (var block = start / 4u; 4u * block <= end; block++) {
    let w = philox4x32(vec4<u32>(words.x, words.y, block, tag), key);
    for (var q = 0u; q < 4u; q++) {
      let t = 4u * block + q;
      if (t >= start && t <= end) {
        (*row)[t - start] = select(rademacher(w[q]), centred_uniform(w[q]), law == 1u);
      }
    }
  }
  (*row)[k] = SQRT2 * (*row)[k] + layout.$.params.diagonalShift;
}

// Rows 0..2 of fill_rademacher_row's matrix (RowFill.head): part 0 is words 0..3 of block 0,
// (a00, a10, a11, a20); part 1 words 0, 1 of block 1, (a21, a22). (The uniform law has no
// head: src/model/ensemble.ts RowFill.head says why.)
fn fill_rademacher_head(words: vec2<u32>, part: u32) -> vec4<f32> {
  let w = philox4x32(vec4<u32>(words.x, words.y, part, layout.$.params.streamTag), layout.$.params.key);
  let shift = layout.$.params.diagonalShift;
  if (part == 0u) {
    return vec4<f32>(SQRT2 * rademacher(w.x) + shift, rademacher(w.y), SQRT2 * rademacher(w.z) + shift, rademacher(w.w));
  }
  return vec4<f32>(rademacher(w.x), SQRT2 * rademacher(w.y) + shift, 0.0, 0.0);
}

fn fill_rademacher_row(words: vec2<u32>, k: u32, row: ptr<function, array<f32, N>>) {
  one_word_row(words, k, row, 0u);
}

fn fill_uniform_row(words: vec2<u32>, k: u32, row: ptr<function, array<f32, N>>) {
  one_word_row(words, k, row, 1u);
}

fn fill_uniform(words: vec2<u32>, a: ptr<function, array<f32, PACKED_CAPACITY>>) {
  let key = layout.$.params.key;
  let tag = layout.$.params.streamTag;
  for (var block = 0u; block < BLOCKS; block++) {
    let w = philox4x32(vec4<u32>(words.x, words.y, block, tag), key);
    let t = 4u * block;
    (*a)[t] = centred_uniform(w.x);
    (*a)[t + 1u] = centred_uniform(w.y);
    (*a)[t + 2u] = centred_uniform(w.z);
    (*a)[t + 3u] = centred_uniform(w.w);
  }
  scale_diagonal(a);
}

// Student-t entries scaled to variance 1: z·√((ν − 2)/(2G)), G ~ Gamma(ν/2) by Marsaglia–Tsang
// (shaders/gamma.wgsl). fillFloats = (d = ν/2 − 1/3, c = 1/√(9d), ν − 2, unused).
fn student_t_entry(words: vec2<u32>, t: u32) -> f32 {
  let key = layout.$.params.key;
  let tag = layout.$.params.streamTag;
  let d = layout.$.params.fillFloats.x;
  let c = layout.$.params.fillFloats.y;
  let nu_minus_2 = layout.$.params.fillFloats.z;
  let first = T_BLOCKS_PER_ENTRY * t;
  let w = philox4x32(vec4<u32>(words.x, words.y, first, tag), key);
  let z = normal_pair(w.x, w.y);
  var gamma = gamma_attempt(d, c, z.y, w.z);
  for (var attempt = 1u; gamma < 0.0 && attempt < CHI_ATTEMPTS; attempt++) {
    let retry = philox4x32(vec4<u32>(words.x, words.y, first + attempt, tag), key);
    gamma = gamma_attempt(d, c, normal_pair(retry.x, retry.y).x, retry.z);
  }
  if (gamma < 0.0) {
    gamma = d;
  }
  return z.x * sqrt(nu_minus_2 / (2.0 * gamma));
}

fn fill_student_t(words: vec2<u32>, a: ptr<function, array<f32, PACKED_CAPACITY>>) {
  for (var t = 0u; t < PACKED_LENGTH; t++) {
    (*a)[t] = student_t_entry(words, t);
  }
  scale_diagonal(a);
}

fn fill_student_t_row(words: vec2<u32>, k: u32, row: ptr<function, array<f32, N>>) {
  let start = k * (k + 1u) / 2u;
  for (var j = 0u; j < k; j++) {
    (*row)[j] = student_t_entry(words, start + j);
  }
  (*row)[k] = SQRT2 * student_t_entry(words, start + k) + layout.$.params.diagonalShift;
}

// Rows 0..2 of fill_student_t_row's matrix (RowFill.head): entries 0..3, then 4 and 5.
fn fill_student_t_head(words: vec2<u32>, part: u32) -> vec4<f32> {
  let shift = layout.$.params.diagonalShift;
  if (part == 0u) {
    return vec4<f32>(SQRT2 * student_t_entry(words, 0u) + shift, student_t_entry(words, 1u), SQRT2 * student_t_entry(words, 2u) + shift, student_t_entry(words, 3u));
  }
  return vec4<f32>(student_t_entry(words, 4u), SQRT2 * student_t_entry(words, 5u) + shift, 0.0, 0.0);
}
