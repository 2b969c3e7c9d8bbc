// The p-spin kernels' bindings (shaders/landscape/pspin-*.wgsl), declared once with typegpu and
// bound by name, so the WGSL structs and the bytes the host writes cannot drift apart. The
// descent state (positions, velocities, status, records) has the shared descent kernel's
// layout (descent-layout.ts), so results read back the same way.

import tgpu from 'typegpu';
import * as d from 'typegpu/data';
import { RunStatus } from './descent-layout.ts';

/** Philox key and counter words of one disorder (src/landscape/pspin/streams.ts). */
export const DisorderParams = d
  .struct({
    key: d.vec2u,
    disorder: d.vec2u,
    tag: d.u32,
    /** c = N^(−(p−1)/2). */
    scale: d.f32,
    /** Probe only: the first Philox block reported, and how many. */
    firstBlock: d.u32,
    blockCount: d.u32,
  })
  .$name('DisorderParams');

export const DisorderProbe = d.struct({ words: d.vec4u, entries: d.vec4f }).$name('DisorderProbe');

export const GradientParams = d.struct({ runs: d.u32 }).$name('GradientParams');

export const StepParams = d
  .struct({
    /** η. */
    step: d.f32,
    /** β (0 for plain gradient descent). */
    beta: d.f32,
    gradientTolerance: d.f32,
    maxSteps: d.u32,
    recordStride: d.u32,
    recordCapacity: d.u32,
    runs: d.u32,
  })
  .$name('StepParams');

export const pspinCouplingLayout = tgpu
  .bindGroupLayout({
    params: { uniform: DisorderParams },
    /** K, row-major N × N^(p−1), f32. */
    coupling: { storage: d.arrayOf(d.f32), access: 'mutable' },
  })
  .$name('pspinCouplingLayout');

export const pspinProbeLayout = tgpu
  .bindGroupLayout({
    params: { uniform: DisorderParams },
    probe: { storage: d.arrayOf(DisorderProbe), access: 'mutable' },
  })
  .$name('pspinProbeLayout');

export const pspinGradientLayout = tgpu
  .bindGroupLayout({
    params: { uniform: GradientParams },
    coupling: { storage: d.arrayOf(d.f32), access: 'readonly' },
    /** run · N + i. */
    positions: { storage: d.arrayOf(d.f32), access: 'readonly' },
    gradients: { storage: d.arrayOf(d.f32), access: 'mutable' },
  })
  .$name('pspinGradientLayout');

export const pspinStepLayout = tgpu
  .bindGroupLayout({
    params: { uniform: StepParams },
    gradients: { storage: d.arrayOf(d.f32), access: 'readonly' },
    positions: { storage: d.arrayOf(d.f32), access: 'mutable' },
    velocities: { storage: d.arrayOf(d.f32), access: 'mutable' },
    status: { storage: d.arrayOf(RunStatus), access: 'mutable' },
    /** run · recordCapacity + slot: the loss H every recordStride steps. */
    records: { storage: d.arrayOf(d.f32), access: 'mutable' },
  })
  .$name('pspinStepLayout');
