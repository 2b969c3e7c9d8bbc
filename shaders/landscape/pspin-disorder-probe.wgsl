// Test probe, not a descent kernel: the Philox words of blocks first_block.. of the disorder
// stream and the four J entries each block gives, for word-for-word and f32 comparison with
// src/landscape/pspin/streams.ts.

struct DisorderProbe {
  words: vec4<u32>,
  entries: vec4<f32>,
}

@group(0) @binding(1) var<storage, read_write> probe: array<DisorderProbe>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let at = flat_index(wg, groups, local);
  if (at >= disorder_params.block_count) {
    return;
  }
  let block = disorder_params.first_block + at;
  let t = 4u * block;
  probe[at] = DisorderProbe(
    disorder_words(block),
    vec4<f32>(disorder_entry(t), disorder_entry(t + 1u), disorder_entry(t + 2u), disorder_entry(t + 3u)),
  );
}
