// The device recount's bindings (shaders/recount-main.wgsl, shaders/recount-args.wgsl). Every
// storage binding is read_write, the recount's inputs too: the sampler packs histograms and lists
// as slices of one buffer, and WebGPU lets one buffer be bound several times in a dispatch only
// when every such use is writable storage.

import tgpu from 'typegpu';
import * as d from 'typegpu/data';
import { Params } from './kernel-layout.ts';

export const recountLayout = tgpu
  .bindGroupLayout({
    /** The request's Params, as the sampling pass read them (the fills need the same key, tag, shift). */
    params: { uniform: Params },
    /** The request's index histogram, to which recounted matrices are added. */
    histogram: { storage: d.arrayOf(d.atomic(d.u32)), access: 'mutable' },
    /** [number of suspects, their local numbers…]: the sampling pass's recheck list, read only. */
    suspects: { storage: d.arrayOf(d.u32), access: 'mutable' },
    /** [number still suspect in df32, their local numbers…]: what the host recounts in float64. */
    host: { storage: d.arrayOf(d.atomic(d.u32)), access: 'mutable' },
    /** Per-matrix indices, written only by RECORD_INDICES pipelines (measurements, tests). */
    indices: { storage: d.arrayOf(d.u32), access: 'mutable' },
  })
  .$name('recountLayout');

export const recountArgsLayout = tgpu
  .bindGroupLayout({
    params: { uniform: Params },
    suspects: { storage: d.arrayOf(d.u32), access: 'mutable' },
    /** The recount's indirect dispatch: (workgroups x, 1, 1). */
    args: { storage: d.arrayOf(d.u32), access: 'mutable' },
  })
  .$name('recountArgsLayout');

export type RecountBinding = keyof typeof recountLayout.entries;
export type RecountArgsBinding = keyof typeof recountArgsLayout.entries;

/** A bind group by name, binding numbers in the layout's declaration order (as typegpu numbers them). */
export function bindGroupByName<Name extends string>(
  device: GPUDevice,
  gpuLayout: GPUBindGroupLayout,
  names: readonly Name[],
  label: string,
  resources: Readonly<Record<Name, GPUBufferBinding>>,
): GPUBindGroup {
  return device.createBindGroup({ label, layout: gpuLayout, entries: names.map((name, binding) => ({ binding, resource: resources[name] })) });
}

export const RECOUNT_BINDINGS = Object.keys(recountLayout.entries) as RecountBinding[];
export const RECOUNT_ARGS_BINDINGS = Object.keys(recountArgsLayout.entries) as RecountArgsBinding[];
