// The p-spin disorder J on the GPU, read straight from Philox (never stored, never uploaded):
// entry t of J is normal number t of the counter (disorder lo, disorder hi, block, tag), block
// t >> 2, the (cos, sin) pair of words (0, 1) for t mod 4 ∈ {0, 1} and of words (2, 3) for
// {2, 3}: the layout of src/landscape/pspin/streams.ts. Needs the prelude and the consts
// P, N, Q = N^(P−1), TOTAL = N^P injected by src/gpu/shader-source.ts.

struct DisorderParams {
  key: vec2<u32>,
  disorder: vec2<u32>,
  tag: u32,
  // c = N^(−(P−1)/2)
  scale: f32,
  // Probe only: the first Philox block it reports.
  first_block: u32,
  block_count: u32,
}

@group(0) @binding(0) var<uniform> disorder_params: DisorderParams;

fn disorder_words(block: u32) -> vec4<u32> {
  return philox4x32(vec4<u32>(disorder_params.disorder.x, disorder_params.disorder.y, block, disorder_params.tag), disorder_params.key);
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
