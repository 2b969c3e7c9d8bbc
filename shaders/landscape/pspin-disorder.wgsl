// The p-spin disorder J on the GPU, read straight from Philox (never stored, never uploaded):
// entry t of J is normal number t of the counter (disorder lo, disorder hi, block, tag), block
// t >> 2, the (cos, sin) pair of words (0, 1) for t mod 4 ∈ {0, 1} and of words (2, 3) for
// {2, 3}, as src/landscape/pspin/streams.ts reads it. Needs the prelude; the consts
// P, N, Q = N^(P−1), TOTAL = N^P and the bindings (pspin*Layout in src/gpu/, params a
// DisorderParams) come from src/gpu/shader-source.ts. (No word here may spell a binding's
// name followed by a dot: typegpu resolves externals inside comments too.)

fn disorder_words(block: u32) -> vec4<u32> {
  let params = layout.$.params;
  return philox4x32(vec4<u32>(params.disorder.x, params.disorder.y, block, params.tag), params.key);
}

fn disorder_entry(t: u32) -> f32 {
  let w = disorder_words(t >> 2u);
  let pair = select(normal_pair(w.z, w.w), normal_pair(w.x, w.y), (t & 2u) == 0u);
  return select(pair.y, pair.x, (t & 1u) == 0u);
}

// Flat invocation index of a 2-D dispatch of 256-wide workgroups (65535 per dimension at most).
fn flat_index(wg: vec3<u32>, groups: vec3<u32>, local: u32) -> u32 {
  return (wg.y * groups.x + wg.x) * 256u + local;
}
