// Shared by every per-matrix kernel (sampling and spectrum): constants, and which matrix of
// the stream an invocation takes. Needs `layout.$.params` with workgroupsX and firstIndex.

const SQRT2: f32 = 1.4142135623730951;
// An exactly zero pivot counts as this tiny positive one (src/cpu/pivots.ts PIVOT_TINY).
const PIVOT_TINY: f32 = 1e-30;
// Top bit of a matrix's result: its index is unreliable in f32 (shaders/dense-inertia.wgsl).
const SUSPECT: u32 = 0x80000000u;

override WORKGROUP_SIZE: u32 = 64u;

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

