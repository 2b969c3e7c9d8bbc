// Double-f32 twins of the Wigner-family fills (shaders/fills/goe.wgsl, wigner.wgsl) for the
// device recount: the same entries from the same Philox words, through shaders/df32-random.wgsl
// and shaders/df32-gamma.wgsl, so they are the float64 fills' (src/cpu/dense-goe.ts,
// wigner-fills.ts) to ~1e-14.
// Signature: fn(words: vec2<u32>, a: ptr<function, array<vec2<f32>, PACKED_CAPACITY>>).

// The shift as df32: f32(s·R) and its float64 remainder (Params.diagonalShiftLo).
fn df_diagonal_shift() -> vec2<f32> {
  return vec2<f32>(layout.$.params.diagonalShift, layout.$.params.diagonalShiftLo);
}

// Diagonal entries are √2 times the off-diagonal law, plus the shift (√2·z + s·R in float64).
fn df_scale_diagonal(a: ptr<function, array<vec2<f32>, PACKED_CAPACITY>>) {
  let shift = df_diagonal_shift();
  for (var i = 0u; i < N; i++) {
    let t = i * (i + 3u) / 2u;
    (*a)[t] = df_add(df_mul(DF_SQRT2, (*a)[t]), shift);
  }
}

fn df_fill_goe(words: vec2<u32>, a: ptr<function, array<vec2<f32>, PACKED_CAPACITY>>) {
  let key = layout.$.params.key;
  let tag = layout.$.params.streamTag;
  for (var block = 0u; block < BLOCKS; block++) {
    let w = philox4x32(vec4<u32>(words.x, words.y, block, tag), key);
    let low = df_normal_pair(w.x, w.y);
    let high = df_normal_pair(w.z, w.w);
    let t = 4u * block;
    (*a)[t] = low.xy;
    (*a)[t + 1u] = low.zw;
    (*a)[t + 2u] = high.xy;
    (*a)[t + 3u] = high.zw;
  }
  df_scale_diagonal(a);
}

// ±1 from the top bit of a word, exact in any precision.
fn df_rademacher(word: u32) -> vec2<f32> {
  return vec2<f32>(select(1.0, -1.0, word >= 0x80000000u), 0.0);
}

fn df_fill_rademacher(words: vec2<u32>, a: ptr<function, array<vec2<f32>, PACKED_CAPACITY>>) {
  let key = layout.$.params.key;
  let tag = layout.$.params.streamTag;
  for (var block = 0u; block < BLOCKS; block++) {
    let w = philox4x32(vec4<u32>(words.x, words.y, block, tag), key);
    let t = 4u * block;
    (*a)[t] = df_rademacher(w.x);
    (*a)[t + 1u] = df_rademacher(w.y);
    (*a)[t + 2u] = df_rademacher(w.z);
    (*a)[t + 3u] = df_rademacher(w.w);
  }
  df_scale_diagonal(a);
}

// √3(2u − 1) with u exact and 2u − 1 to 2u².
fn df_centred_uniform(word: u32) -> vec2<f32> {
  return df_mul(DF_SQRT3, df_add_f(df_uniform_open(word) * 2.0, -1.0));
}

fn df_fill_uniform(words: vec2<u32>, a: ptr<function, array<vec2<f32>, PACKED_CAPACITY>>) {
  let key = layout.$.params.key;
  let tag = layout.$.params.streamTag;
  for (var block = 0u; block < BLOCKS; block++) {
    let w = philox4x32(vec4<u32>(words.x, words.y, block, tag), key);
    let t = 4u * block;
    (*a)[t] = df_centred_uniform(w.x);
    (*a)[t + 1u] = df_centred_uniform(w.y);
    (*a)[t + 2u] = df_centred_uniform(w.z);
    (*a)[t + 3u] = df_centred_uniform(w.w);
  }
  df_scale_diagonal(a);
}

// Philox blocks per Student-t entry: T_BLOCKS_PER_ENTRY of fills/wigner.wgsl and wigner-fills.ts
// (GOE's recount includes fills/goe.wgsl, not wigner.wgsl, so the value is repeated here; a
// mismatch would fail tests/gpu/df32-fills.gpu.test.ts).
const DF_T_BLOCKS_PER_ENTRY: u32 = 16u;

// Student-t entries z·√((ν − 2)/(2G)) with the f32 fill's blocks and attempts (fill_student_t),
// every step in df32. fillFloats + fillFloatsLo = (d = ν/2 − 1/3, c = 1/√(9d), ν − 2, unused).
fn df_fill_student_t(words: vec2<u32>, a: ptr<function, array<vec2<f32>, PACKED_CAPACITY>>) {
  let key = layout.$.params.key;
  let tag = layout.$.params.streamTag;
  let floats = layout.$.params.fillFloats;
  let lows = layout.$.params.fillFloatsLo;
  let d = vec2<f32>(floats.x, lows.x);
  let c = vec2<f32>(floats.y, lows.y);
  let nu_minus_2 = vec2<f32>(floats.z, lows.z);
  for (var t = 0u; t < PACKED_LENGTH; t++) {
    let first = DF_T_BLOCKS_PER_ENTRY * t;
    let w = philox4x32(vec4<u32>(words.x, words.y, first, tag), key);
    let z = df_normal_pair(w.x, w.y);
    var gamma = df_gamma_attempt(d, c, z.zw, w.z);
    for (var attempt = 1u; gamma.x < 0.0 && attempt < CHI_ATTEMPTS; attempt++) {
      let retry = philox4x32(vec4<u32>(words.x, words.y, first + attempt, tag), key);
      gamma = df_gamma_attempt(d, c, df_normal_pair(retry.x, retry.y).xy, retry.z);
    }
    if (gamma.x < 0.0) {
      gamma = d;
    }
    (*a)[t] = df_mul(z.xy, df_sqrt(df_div(nu_minus_2, gamma * 2.0)));
  }
  df_scale_diagonal(a);
}
