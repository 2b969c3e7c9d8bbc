// The entry point of the P(min) kernel (shaders/pmin-early-exit.wgsl): persistent invocations.
// The host dispatches about count / M invocations (M matrices each, src/gpu/gpu-sampler.ts);
// invocation `first` takes matrices first, first + stride, … where stride is the whole grid,
// so which matrices an invocation takes depends on the dispatch, but every matrix is taken
// exactly once and counted by its own result. Counts [minima, others] stay in registers and
// reach the workgroup histogram once per invocation. Suspects are listed per matrix by the same
// list_suspect as the index kernel's (shaders/sampling.wgsl), for the recount.

// One matrix's result: listed for the recount when SUSPECT and the list has room, else
// counted in `counts` (bin 0: minimum, bin 1: not).
fn pmin_count(local: u32, result: u32, counts: ptr<function, vec2<u32>>) {
  if (!list_suspect(local, result)) {
    (*counts)[result & 1u] += 1u;
  }
  if (RECORD_INDICES) {
    layout.$.indices[local] = result;
  }
}

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  var counts = vec2<u32>(0u, 0u);
  pmin_run(local_matrix(lid, wid), groups.x * groups.y * WORKGROUP_SIZE, &counts);
  // A P(min) request's window is bins 0 and 1 (binOffset 0).
  if (counts.x != 0u) {
    atomicAdd(&bins[0], counts.x);
  }
  if (counts.y != 0u) {
    atomicAdd(&bins[1], counts.y);
  }
  flush_bins(lid);
}
