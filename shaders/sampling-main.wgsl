// The entry point of every sampling kernel: one invocation per matrix. `matrix_index` is the
// glue src/gpu/shader-source.ts writes for the ensemble (dense: its fill, then
// shaders/dense-inertia.wgsl; streaming: its one-pass function). A SUSPECT result goes to the
// request's recheck list (list_suspect, shaders/sampling.wgsl) when there is room
// (recheckCapacity is 0 where the entry's recheck does not apply); everything else is counted
// on the GPU.

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3<u32>) {
  let local = local_matrix(lid, wid);
  if (local < layout.$.params.count) {
    let result = matrix_index(local);
    if (!list_suspect(local, result)) {
      count_index(result & ~SUSPECT);
    }
    if (RECORD_INDICES) {
      layout.$.indices[local] = result;
    }
  }
  flush_bins(lid);
}
