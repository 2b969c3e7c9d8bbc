// The spectrum kernel's bindings (shaders/spectrum.wgsl): the sampling kernels' Params (the
// fills read key, stream tag, shift and constants from it), the thresholds in λ units, and the
// counts below them, reduced on the GPU.

import tgpu from 'typegpu';
import * as d from 'typegpu/data';
import { Params } from './kernel-layout.ts';

export const spectrumLayout = tgpu
  .bindGroupLayout({
    params: { uniform: Params },
    /** THRESHOLDS thresholds λ_j (f32). */
    thresholds: { storage: d.arrayOf(d.f32), access: 'readonly' },
    /** Σ over the request's matrices of #{λ < λ_j}, u32 per dispatch. */
    below: { storage: d.arrayOf(d.atomic(d.u32)), access: 'mutable' },
  })
  .$name('spectrumLayout');

export type SpectrumBinding = keyof typeof spectrumLayout.entries;

/** A bind group of spectrumLayout by name, binding numbers in the layout's declaration order. */
export function spectrumBindGroup(device: GPUDevice, gpuLayout: GPUBindGroupLayout, resources: Readonly<Record<SpectrumBinding, GPUBufferBinding>>): GPUBindGroup {
  const names = Object.keys(spectrumLayout.entries) as SpectrumBinding[];
  return device.createBindGroup({
    label: 'spectrum bind group',
    layout: gpuLayout,
    entries: names.map((name, binding) => ({ binding, resource: resources[name] })),
  });
}
