// Shared by the sampling kernels (dense and streaming, index and P(min)): the suspect list and
// the index histogram reduced on the GPU. Externals from the host (src/gpu): N, SHARED_BINS (const u32), RECORD_INDICES (const
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

// Lists matrix `local` for the recount (the device's df32 pass where the entry has one, then the
// host's float64; src/gpu/recount.ts, recheck.ts) when its result is SUSPECT and the list has
// room; true when listed, and then the caller does not count it. recheck[0] counts every
// suspect; recheck[1 + m] holds the first recheckCapacity of them.
fn list_suspect(local: u32, result: u32) -> bool {
  if ((result & SUSPECT) == 0u) {
    return false;
  }
  let at = atomicAdd(&layout.$.recheck[0], 1u);
  if (at >= layout.$.params.recheckCapacity) {
    return false;
  }
  atomicStore(&layout.$.recheck[1u + at], local);
  return true;
}
