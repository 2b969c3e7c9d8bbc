// Double-f32 twins of the Gram fills (shaders/fills/wishart.wgsl) for the device recount: X's
// normals through shaders/df32-random.wgsl and the Gram products summed in df32, so the entries
// are the float64 fills' (src/cpu/wishart-fills.ts) to ~1e-14 of their scale. Same streams, same
// block order, same diag(XXᵀ/M, 0) form for M < N (its zero block stays exactly zero).
// fillWords = (M, B = ⌈M/4⌉, …); fillFloats + fillFloatsLo = (1/M, g = √(2ε/N), …) in df32.
// Needs shaders/fills/wishart.wgsl (GOE_PART_BLOCK, gram_x_block) before it.

fn df_fill_float(i: u32) -> vec2<f32> {
  return vec2<f32>(layout.$.params.fillFloats[i], layout.$.params.fillFloatsLo[i]);
}

// gram_clear's df32 twin.
fn df_gram_clear(a: ptr<function, array<vec2<f32>, PACKED_CAPACITY>>) {
  for (var t = 0u; t < PACKED_CAPACITY; t++) {
    (*a)[t] = vec2<f32>(0.0, 0.0);
  }
}

// diag(XXᵀ/M, 0·I_{N−M}) for M < N: column j of X from blocks j·B..j·B + B − 1.
fn df_fill_dual_gram(words: vec2<u32>, a: ptr<function, array<vec2<f32>, PACKED_CAPACITY>>) {
  let rows = layout.$.params.fillWords.x;
  let blocks_per_column = layout.$.params.fillWords.y;
  df_gram_clear(a);
  // M < N, so a column fits in 4·⌈N/4⌉ df32 values.
  var column: array<vec2<f32>, 4u * ((N + 3u) / 4u)>;
  for (var j = 0u; j < N; j++) {
    for (var group = 0u; group < blocks_per_column; group++) {
      let w = gram_x_block(words, j, group);
      let low = df_normal_pair(w.x, w.y);
      let high = df_normal_pair(w.z, w.w);
      column[4u * group] = low.xy;
      column[4u * group + 1u] = low.zw;
      column[4u * group + 2u] = high.xy;
      column[4u * group + 3u] = high.zw;
    }
    var row = 0u;
    for (var p = 0u; p < rows; p++) {
      let xp = column[p];
      for (var q = 0u; q <= p; q++) {
        (*a)[row + q] = df_add((*a)[row + q], df_mul(xp, column[q]));
      }
      row += p + 1u;
    }
  }
  let inverse_rows = df_fill_float(0u);
  for (var t = 0u; t < rows * (rows + 1u) / 2u; t++) {
    (*a)[t] = df_mul((*a)[t], inverse_rows);
  }
}

// XᵀX/M for M ≥ N: the outer products of X's rows, four rows (one block per column) at a time.
fn df_fill_primal_gram(words: vec2<u32>, a: ptr<function, array<vec2<f32>, PACKED_CAPACITY>>) {
  let rows = layout.$.params.fillWords.x;
  let blocks_per_column = layout.$.params.fillWords.y;
  df_gram_clear(a);
  // Rows 4g..4g+3 of column j of X, hi and lo parts (zero past row M − 1).
  var xs_hi: array<vec4<f32>, N>;
  var xs_lo: array<vec4<f32>, N>;
  for (var group = 0u; group < blocks_per_column; group++) {
    let live = vec4<f32>(vec4<u32>(4u * group) + vec4<u32>(0u, 1u, 2u, 3u) < vec4<u32>(rows));
    for (var j = 0u; j < N; j++) {
      let w = gram_x_block(words, j, group);
      let low = df_normal_pair(w.x, w.y);
      let high = df_normal_pair(w.z, w.w);
      xs_hi[j] = vec4<f32>(low.x, low.z, high.x, high.z) * live;
      xs_lo[j] = vec4<f32>(low.y, low.w, high.y, high.w) * live;
    }
    var row = 0u;
    for (var i = 0u; i < N; i++) {
      let xi_hi = xs_hi[i];
      let xi_lo = xs_lo[i];
      for (var j = 0u; j <= i; j++) {
        let xj_hi = xs_hi[j];
        let xj_lo = xs_lo[j];
        var sum = (*a)[row + j];
        for (var r = 0u; r < 4u; r++) {
          sum = df_add(sum, df_mul(vec2<f32>(xi_hi[r], xi_lo[r]), vec2<f32>(xj_hi[r], xj_lo[r])));
        }
        (*a)[row + j] = sum;
      }
      row += i + 1u;
    }
  }
  let inverse_rows = df_fill_float(0u);
  for (var t = 0u; t < PACKED_LENGTH; t++) {
    (*a)[t] = df_mul((*a)[t], inverse_rows);
  }
}

fn df_add_diagonal_shift(a: ptr<function, array<vec2<f32>, PACKED_CAPACITY>>) {
  let shift = vec2<f32>(layout.$.params.diagonalShift, layout.$.params.diagonalShiftLo);
  for (var i = 0u; i < N; i++) {
    let t = i * (i + 3u) / 2u;
    (*a)[t] = df_add((*a)[t], shift);
  }
}

fn df_fill_wishart(words: vec2<u32>, a: ptr<function, array<vec2<f32>, PACKED_CAPACITY>>) {
  if (layout.$.params.fillWords.x < N) {
    df_fill_dual_gram(words, a);
  } else {
    df_fill_primal_gram(words, a);
  }
  df_add_diagonal_shift(a);
}

fn df_fill_gauss_newton_residual(words: vec2<u32>, a: ptr<function, array<vec2<f32>, PACKED_CAPACITY>>) {
  let gain = df_fill_float(1u);
  // ε = 0 is Wishart, fill and all (its exact zeros stay exact).
  if (gain.x == 0.0) {
    df_fill_wishart(words, a);
    return;
  }
  df_fill_primal_gram(words, a);
  let key = layout.$.params.key;
  let tag = layout.$.params.streamTag;
  // GOE part from block GOE_PART_BLOCK + ⌊t/4⌋; float64 multiplies (g·√2)·z on the diagonal.
  let diagonal_gain = df_mul(gain, DF_SQRT2);
  var t = 0u;
  var w = array<vec2<f32>, 4>();
  for (var i = 0u; i < N; i++) {
    for (var j = 0u; j <= i; j++) {
      if (t % 4u == 0u) {
        let bits = philox4x32(vec4<u32>(words.x, words.y, GOE_PART_BLOCK + t / 4u, tag), key);
        let low = df_normal_pair(bits.x, bits.y);
        let high = df_normal_pair(bits.z, bits.w);
        w = array<vec2<f32>, 4>(low.xy, low.zw, high.xy, high.zw);
      }
      (*a)[t] = df_add((*a)[t], df_mul(select(gain, diagonal_gain, i == j), w[t % 4u]));
      t++;
    }
  }
  df_add_diagonal_shift(a);
}
