// The sampling kernels' bindings, declared once with typegpu so the WGSL struct and the bytes
// the host writes cannot drift apart (tests/gpu/kernel-layout.test.ts pins the offsets).

import tgpu from 'typegpu';
import * as d from 'typegpu/data';

/** One request's uniforms: the Philox key and counter base, the shift and the dispatch shape. */
export const Params = d
  .struct({
    /** The seed as the Philox key (lo, hi). */
    key: d.vec2u,
    /** First matrix index of the request (lo, hi). */
    firstIndex: d.vec2u,
    /** Matrices in the request; invocations at or past it do nothing. */
    count: d.u32,
    /** Fourth Philox counter word: streamTag(ensemble, N, 'matrix'). */
    streamTag: d.u32,
    /** s·R added to every diagonal entry. */
    diagonalShift: d.f32,
    /** Workgroups per row of the 2-D dispatch. */
    workgroupsX: d.u32,
    /** First bin of the workgroup histogram's window (see histogram-window.ts). */
    binOffset: d.u32,
    /** Room in `recheck` for the numbers of suspect matrices (recheck.ts). */
    recheckCapacity: d.u32,
  })
  .$name('Params');

/** WGSL size of Params: ten 4-byte fields (two vec2u count twice). */
export const PARAMS_BYTE_LENGTH = 40;

export const samplerLayout = tgpu
  .bindGroupLayout({
    params: { uniform: Params },
    /** Index histogram of the request, bins k = 0..N, u32 per dispatch. */
    histogram: { storage: d.arrayOf(d.atomic(d.u32)), access: 'mutable' },
    /** Per-matrix indices, written only by RECORD_INDICES pipelines (measurements, tests). */
    indices: { storage: d.arrayOf(d.u32), access: 'mutable' },
    /** [number of suspect matrices, their local numbers…]: recounted in float64 on the host. */
    recheck: { storage: d.arrayOf(d.atomic(d.u32)), access: 'mutable' },
  })
  .$name('samplerLayout');

export interface ParamsValue {
  key: readonly [number, number];
  firstIndex: readonly [number, number];
  count: number;
  streamTag: number;
  diagonalShift: number;
  workgroupsX: number;
  binOffset: number;
  recheckCapacity: number;
}

/** Writes `value` in the WGSL layout of Params at `byteOffset` (little-endian, as WebGPU). */
export function writeParams(view: DataView, byteOffset: number, value: ParamsValue): void {
  view.setUint32(byteOffset + 0, value.key[0], true);
  view.setUint32(byteOffset + 4, value.key[1], true);
  view.setUint32(byteOffset + 8, value.firstIndex[0], true);
  view.setUint32(byteOffset + 12, value.firstIndex[1], true);
  view.setUint32(byteOffset + 16, value.count, true);
  view.setUint32(byteOffset + 20, value.streamTag, true);
  view.setFloat32(byteOffset + 24, value.diagonalShift, true);
  view.setUint32(byteOffset + 28, value.workgroupsX, true);
  view.setUint32(byteOffset + 32, value.binOffset, true);
  view.setUint32(byteOffset + 36, value.recheckCapacity, true);
}
