// Test probe, not a descent kernel: the Philox words of blocks first_block.. of the disorder
// stream and the four J entries each block gives, for word-for-word and f32 comparison with
// src/landscape/pspin/streams.ts.

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let at = flat_index(wg, groups, local);
  if (at >= layout.$.params.blockCount) {
    return;
  }
  let block = layout.$.params.firstBlock + at;
  let t = 4u * block;
  layout.$.probe[at].words = disorder_words(block);
  layout.$.probe[at].entries = vec4<f32>(disorder_entry(t), disorder_entry(t + 1u), disorder_entry(t + 2u), disorder_entry(t + 3u));
}
