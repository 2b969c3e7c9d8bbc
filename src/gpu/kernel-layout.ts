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
    /** diagonalShift − f32(diagonalShift): with it the device recount's df32 shift is float64's to 2⁻⁴⁸. */
    diagonalShiftLo: d.f32,
    /** The ensemble fill's f32 constants (its registry entry's fillConstants; zeros if none). */
    fillFloats: d.vec4f,
    /** The fill's u32 constants (Wishart's M, say). */
    fillWords: d.vec4u,
    /** fillFloats' float64 remainders, the lo parts of the device recount's df32 constants. */
    fillFloatsLo: d.vec4f,
  })
  .$name('Params');

/** WGSL size of Params: eleven 4-byte words, padding to 48 (vec4 alignment), three vec4s. */
export const PARAMS_BYTE_LENGTH = 96;
const FILL_FLOATS_OFFSET = 48;
const FILL_WORDS_OFFSET = 64;
const FILL_FLOATS_LO_OFFSET = 80;

/** The f32 nearest x and what float64 keeps beyond it: a df32 (hi, lo) for the device recount. */
export function splitDf32(x: number): [number, number] {
  const hi = Math.fround(x);
  return [hi, Math.fround(x - hi)];
}

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
  /** Up to four each; missing ones are written as 0. */
  fillFloats: readonly number[];
  fillWords: readonly number[];
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
  view.setFloat32(byteOffset + 40, splitDf32(value.diagonalShift)[1], true);
  for (let i = 0; i < 4; i++) {
    const [hi, lo] = splitDf32(value.fillFloats[i] ?? 0);
    view.setFloat32(byteOffset + FILL_FLOATS_OFFSET + 4 * i, hi, true);
    view.setUint32(byteOffset + FILL_WORDS_OFFSET + 4 * i, value.fillWords[i] ?? 0, true);
    view.setFloat32(byteOffset + FILL_FLOATS_LO_OFFSET + 4 * i, lo, true);
  }
}

/** Binding names of samplerLayout, in the order typegpu numbers them (declaration order). */
export type SamplerBinding = keyof typeof samplerLayout.entries;

/**
 * A bind group of samplerLayout built by name. typegpu 0.12's root.createBindGroup binds whole
 * buffers only, while the sampler packs many requests into slices of one buffer; this keeps
 * its by-name form and takes the binding numbers from the layout's own entry order, which is
 * how typegpu numbers them in the WGSL it resolves.
 */
export function samplerBindGroup(
  device: GPUDevice,
  gpuLayout: GPUBindGroupLayout,
  label: string,
  resources: Readonly<Record<SamplerBinding, GPUBufferBinding>>,
): GPUBindGroup {
  const names = Object.keys(samplerLayout.entries) as SamplerBinding[];
  return device.createBindGroup({
    label,
    layout: gpuLayout,
    entries: names.map((name, binding) => ({ binding, resource: resources[name] })),
  });
}
