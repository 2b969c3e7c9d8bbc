// Shared by the sampling kernels (dense and streaming): the index histogram reduced on the
// GPU. Externals from the host (src/gpu): N, SHARED_BINS (const u32), RECORD_INDICES (const
// bool), Params and the bind group. Needs shaders/matrix-words.wgsl before it.

// The workgroup histogram holds SHARED_BINS consecutive bins from Params.binOffset (all N + 1
// bins when N < 256): workgroup memory is zero-filled by code whose size, and compile time,
// grows with the array. Indices outside the window add straight into the global histogram;
// the host centres the window on the semicircle's expected index, so that is rare.
var<workgroup> bins: array<atomic<u32>, SHARED_BINS>;

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
