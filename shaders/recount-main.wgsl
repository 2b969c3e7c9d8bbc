// The device recount: a second pass, after the sampling pass in the same submission, over the
// compact list of matrices the f32 kernel flagged (shaders/sampling-main.wgsl writes it), so the
// sampling kernel itself has no divergent branch. Each invocation takes listed matrices
// grid-stride (the dispatch is indirect, sized by shaders/recount-args.wgsl from the list's
// count), regenerates each from its Philox words with the entry's double-f32 fill, factors it
// in df32 (shaders/df32-inertia.wgsl) and adds its index to the histogram. A matrix still
// SUSPECT in df32 goes on to `host`, the list the host recounts in float64 (src/gpu/recheck.ts).
// Input: a list of local matrix numbers; output: histogram counts (and, for RECORD_INDICES
// pipelines, each recounted index at its matrix's slot), so any kernel that lists suspects in
// this form can hand them here (the early-exit P(min) kernel does: its pipeline adds bin 0 for a
// df32 index of 0, else 1, src/gpu/shader-source.ts).
// Externals: N, RECORD_INDICES, Params and the recount bind group; `recount_index` is the glue
// src/gpu/shader-source.ts writes for the entry's df32 fill.

// Marks a recorded index as the recount's (src/gpu/recount.ts RECOUNTED_FLAG); indices are ≤ N.
const RECOUNTED_FLAG: u32 = 0x40000000u;

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  // suspects[0] counts every suspect; the list holds the first recheckCapacity of them.
  let listed = min(layout.$.suspects[0], layout.$.params.recheckCapacity);
  let stride = groups.x * WORKGROUP_SIZE;
  for (var at = gid.x; at < listed; at += stride) {
    let local = layout.$.suspects[1u + at];
    let result = recount_index(local);
    var counted = true;
    if ((result & SUSPECT) != 0u) {
      // host[0] counts the matrices still suspect; host[1 + m] lists the first recheckCapacity.
      let slot = atomicAdd(&layout.$.host[0], 1u);
      if (slot < layout.$.params.recheckCapacity) {
        atomicStore(&layout.$.host[1u + slot], local);
        counted = false;
      }
    }
    if (counted) {
      atomicAdd(&layout.$.histogram[result & ~SUSPECT], 1u);
    }
    if (RECORD_INDICES) {
      layout.$.indices[local] = result | RECOUNTED_FLAG;
    }
  }
}
