// Shared by the sampling kernels (dense and streaming): the matrix index,
// and the index histogram reduced on the GPU. Externals from the host (src/gpu): N,
// SHARED_BINS (const u32), RECORD_INDICES (const bool), Params and the bind group.

const SQRT2: f32 = 1.4142135623730951;
// An exactly zero pivot counts as this tiny positive one (src/cpu/pivots.ts PIVOT_TINY).
const PIVOT_TINY: f32 = 1e-30;
// Top bit of a matrix's result: its index is unreliable in f32 (shaders/dense-inertia.wgsl).
const SUSPECT: u32 = 0x80000000u;

override WORKGROUP_SIZE: u32 = 64u;

// The workgroup histogram holds SHARED_BINS consecutive bins from Params.binOffset (all N + 1
// bins when N < 256): workgroup memory is zero-filled by code whose size, and compile time,
// grows with the array. Indices outside the window add straight into the global histogram;
// the host centres the window on the semicircle's expected index, so that is rare.
var<workgroup> bins: array<atomic<u32>, SHARED_BINS>;

// This invocation's matrix number within the request (2-D dispatch beyond 65535 workgroups).
fn local_matrix(lid: u32, wid: vec3<u32>) -> u32 {
  return (wid.y * layout.$.params.workgroupsX + wid.x) * WORKGROUP_SIZE + lid;
}

// 64-bit matrix index = first index + local number, carried into the high word.
fn matrix_words(local: u32) -> vec2<u32> {
  let first = layout.$.params.firstIndex;
  let lo = first.x + local;
  return vec2<u32>(lo, first.y + select(0u, 1u, lo < first.x));
}

fn count_index(index: u32) {
  let slot = index - layout.$.params.binOffset;
  if (slot < SHARED_BINS) {
    atomicAdd(&bins[slot], 1u);
  } else {
    atomicAdd(&layout.$.histogram[index], 1u);
  }
}

// One atomicAdd per non-empty bin into the global histogram. Call from uniform control flow:
// it holds a barrier.
fn flush_bins(lid: u32) {
  workgroupBarrier();
  for (var slot = lid; slot < SHARED_BINS; slot += WORKGROUP_SIZE) {
    let binCount = atomicLoad(&bins[slot]);
    if (binCount != 0u) {
      atomicAdd(&layout.$.histogram[slot + layout.$.params.binOffset], binCount);
    }
  }
}
