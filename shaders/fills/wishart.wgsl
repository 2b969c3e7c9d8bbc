// Wishart XᵀX/M and Gauss–Newton + residual XᵀX/M + √(2ε/N)·G fills. Model, stream, the
// row-k property and why M < N is filled as diag(XXᵀ/M, 0): src/cpu/wishart-fills.ts (the
// float64 twins). X is never stored: XᵀX adds the outer products of X's rows four rows at a
// time, one Philox block per column per group; XXᵀ adds those of X's columns.
// fillWords = (M, B = ⌈M/4⌉ blocks per column, unused, unused); fillFloats = (1/M, g = √(2ε/N), …).

const GOE_PART_BLOCK: u32 = 0x40000000u;

// The Philox words of rows 4·group..4·group + 3 of column j of X: block j·B + group. The one
// place X's stream is laid out, for both Gram forms and their df32 twins (df32-wishart.wgsl).
fn gram_x_block(words: vec2<u32>, j: u32, group: u32) -> vec4<u32> {
  let blocks_per_column = layout.$.params.fillWords.y;
  return philox4x32(vec4<u32>(words.x, words.y, j * blocks_per_column + group, layout.$.params.streamTag), layout.$.params.key);
}

// A Gram fill accumulates into `a`, so it starts from zeros.
fn gram_clear(a: ptr<function, array<f32, PACKED_CAPACITY>>) {
  for (var t = 0u; t < PACKED_CAPACITY; t++) {
    (*a)[t] = 0.0;
  }
}

// diag(XXᵀ/M, 0·I_{N−M}) for M < N: column j of X from blocks j·B..j·B + B − 1.
fn fill_dual_gram(words: vec2<u32>, a: ptr<function, array<f32, PACKED_CAPACITY>>) {
  let rows = layout.$.params.fillWords.x;
  let blocks_per_column = layout.$.params.fillWords.y;
  gram_clear(a);
  // M < N, so a column fits in ⌈N/4⌉ vec4s.
  var column: array<vec4<f32>, (N + 3u) / 4u>;
  for (var j = 0u; j < N; j++) {
    for (var group = 0u; group < blocks_per_column; group++) {
      let w = gram_x_block(words, j, group);
      column[group] = vec4<f32>(normal_pair(w.x, w.y), normal_pair(w.z, w.w));
    }
    var row = 0u;
    for (var p = 0u; p < rows; p++) {
      let xp = column[p / 4u][p % 4u];
      for (var q = 0u; q <= p; q++) {
        (*a)[row + q] += xp * column[q / 4u][q % 4u];
      }
      row += p + 1u;
    }
  }
  let inverse_rows = layout.$.params.fillFloats.x;
  for (var t = 0u; t < rows * (rows + 1u) / 2u; t++) {
    (*a)[t] *= inverse_rows;
  }
}

// XᵀX/M for M ≥ N, or its spectrum's twin diag(XXᵀ/M, 0) for M < N.
fn fill_gram(words: vec2<u32>, a: ptr<function, array<f32, PACKED_CAPACITY>>) {
  if (layout.$.params.fillWords.x < N) {
    fill_dual_gram(words, a);
  } else {
    fill_primal_gram(words, a);
  }
}

fn fill_primal_gram(words: vec2<u32>, a: ptr<function, array<f32, PACKED_CAPACITY>>) {
  let rows = layout.$.params.fillWords.x;
  let blocks_per_column = layout.$.params.fillWords.y;
  gram_clear(a);
  // xs[j] = rows 4g..4g+3 of column j of X (zero past row M − 1).
  var xs: array<vec4<f32>, N>;
  for (var group = 0u; group < blocks_per_column; group++) {
    let live = vec4<f32>(vec4<u32>(4u * group) + vec4<u32>(0u, 1u, 2u, 3u) < vec4<u32>(rows));
    for (var j = 0u; j < N; j++) {
      let w = gram_x_block(words, j, group);
      xs[j] = vec4<f32>(normal_pair(w.x, w.y), normal_pair(w.z, w.w)) * live;
    }
    var row = 0u;
    for (var i = 0u; i < N; i++) {
      let xi = xs[i];
      for (var j = 0u; j <= i; j++) {
        (*a)[row + j] += dot(xi, xs[j]);
      }
      row += i + 1u;
    }
  }
  let inverse_rows = layout.$.params.fillFloats.x;
  for (var t = 0u; t < PACKED_LENGTH; t++) {
    (*a)[t] *= inverse_rows;
  }
}

fn add_diagonal_shift(a: ptr<function, array<f32, PACKED_CAPACITY>>) {
  let shift = layout.$.params.diagonalShift;
  for (var i = 0u; i < N; i++) {
    let t = i * (i + 3u) / 2u;
    (*a)[t] += shift;
  }
}

fn fill_wishart(words: vec2<u32>, a: ptr<function, array<f32, PACKED_CAPACITY>>) {
  fill_gram(words, a);
  add_diagonal_shift(a);
}

fn fill_gauss_newton_residual(words: vec2<u32>, a: ptr<function, array<f32, PACKED_CAPACITY>>) {
  let gain = layout.$.params.fillFloats.y;
  // ε = 0 is Wishart, fill and all (its exact zeros stay exact).
  if (gain == 0.0) {
    fill_wishart(words, a);
    return;
  }
  fill_primal_gram(words, a);
  let key = layout.$.params.key;
  let tag = layout.$.params.streamTag;
  // GOE part, packed as GOE's own fill but from block GOE_PART_BLOCK; diagonal N(0, 2) = √2·z.
  var t = 0u;
  var w = vec4<f32>();
  for (var i = 0u; i < N; i++) {
    for (var j = 0u; j <= i; j++) {
      if (t % 4u == 0u) {
        let bits = philox4x32(vec4<u32>(words.x, words.y, GOE_PART_BLOCK + t / 4u, tag), key);
        w = vec4<f32>(normal_pair(bits.x, bits.y), normal_pair(bits.z, bits.w));
      }
      (*a)[t] += gain * select(1.0, SQRT2, i == j) * w[t % 4u];
      t++;
    }
  }
  add_diagonal_shift(a);
}
