// Wishart XᵀX/M and Gauss–Newton + residual XᵀX/M + √(2ε/N)·G fills. Model, stream and the
// row-k property: src/cpu/wishart-fills.ts (the float64 twins). X is never stored: the outer
// products of its rows are added four rows at a time, one Philox block per column per group.
// fillWords = (M, B = ⌈M/4⌉ blocks per column, unused, unused); fillFloats = (1/M, g = √(2ε/N), …).

const GOE_PART_BLOCK: u32 = 0x40000000u;

fn fill_gram(words: vec2<u32>, a: ptr<function, array<f32, PACKED_CAPACITY>>) {
  let key = layout.$.params.key;
  let tag = layout.$.params.streamTag;
  let rows = layout.$.params.fillWords.x;
  let blocks_per_column = layout.$.params.fillWords.y;
  for (var t = 0u; t < PACKED_CAPACITY; t++) {
    (*a)[t] = 0.0;
  }
  // xs[j] = rows 4g..4g+3 of column j of X (zero past row M − 1).
  var xs: array<vec4<f32>, N>;
  for (var group = 0u; group < blocks_per_column; group++) {
    let live = vec4<f32>(vec4<u32>(4u * group) + vec4<u32>(0u, 1u, 2u, 3u) < vec4<u32>(rows));
    for (var j = 0u; j < N; j++) {
      let w = philox4x32(vec4<u32>(words.x, words.y, j * blocks_per_column + group, tag), key);
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
  fill_gram(words, a);
  let key = layout.$.params.key;
  let tag = layout.$.params.streamTag;
  let gain = layout.$.params.fillFloats.y;
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
