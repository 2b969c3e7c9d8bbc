// Dense GOE fill (DESIGN.md §1): off-diagonal N(0, 1), diagonal N(0, 2), plus s·R on the
// diagonal. Entry (i, j), j ≤ i, of the packed triangle is normal number t = i(i+1)/2 + j: the
// Box–Muller pairs of words (0, 1) and (2, 3) of Philox block ⌊t/4⌋. Row k needs only its own
// blocks, so it can be generated alone. Float64 twin: src/cpu/dense-goe.ts.

fn fill_goe(words: vec2<u32>, a: ptr<function, array<f32, PACKED_CAPACITY>>) {
  let key = layout.$.params.key;
  let tag = layout.$.params.streamTag;
  for (var block = 0u; block < BLOCKS; block++) {
    let w = philox4x32(vec4<u32>(words.x, words.y, block, tag), key);
    let low = normal_pair(w.x, w.y);
    let high = normal_pair(w.z, w.w);
    let t = 4u * block;
    (*a)[t] = low.x;
    (*a)[t + 1u] = low.y;
    (*a)[t + 2u] = high.x;
    (*a)[t + 3u] = high.y;
  }
  let shift = layout.$.params.diagonalShift;
  for (var i = 0u; i < N; i++) {
    let t = i * (i + 3u) / 2u;
    (*a)[t] = SQRT2 * (*a)[t] + shift;
  }
}

// Row k of fill_goe's matrix alone, from the same blocks (same bits): row[j] = entry (k, j),
// j ≤ k. The early-exit P(min) kernel draws only the rows it factors. A block straddling two
// rows is drawn for each.
fn fill_goe_row(words: vec2<u32>, k: u32, row: ptr<function, array<f32, N>>) {
  let key = layout.$.params.key;
  let tag = layout.$.params.streamTag;
  let start = k * (k + 1u) / 2u;
  let end = start + k;
  for (var block = start / 4u; 4u * block <= end; block++) {
    let w = philox4x32(vec4<u32>(words.x, words.y, block, tag), key);
    let v = vec4<f32>(normal_pair(w.x, w.y), normal_pair(w.z, w.w));
    for (var q = 0u; q < 4u; q++) {
      let t = 4u * block + q;
      if (t >= start && t <= end) {
        (*row)[t - start] = v[q];
      }
    }
  }
  (*row)[k] = SQRT2 * (*row)[k] + layout.$.params.diagonalShift;
}

// Rows 0..2 of fill_goe_row's matrix in registers for the early-exit kernel's head, the same
// bits (src/model/ensemble.ts RowFill.head): part 0 is normals t = 0..3, (a00, a10, a11, a20),
// all of Philox block 0; part 1 is t = 4, 5, (a21, a22), block 1's first pair.
fn fill_goe_head(words: vec2<u32>, part: u32) -> vec4<f32> {
  let w = philox4x32(vec4<u32>(words.x, words.y, part, layout.$.params.streamTag), layout.$.params.key);
  let low = normal_pair(w.x, w.y);
  let shift = layout.$.params.diagonalShift;
  if (part == 0u) {
    let high = normal_pair(w.z, w.w);
    return vec4<f32>(SQRT2 * low.x + shift, low.y, SQRT2 * high.x + shift, high.y);
  }
  return vec4<f32>(low.x, SQRT2 * low.y + shift, 0.0, 0.0);
}
