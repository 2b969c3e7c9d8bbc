// The descent kernel's bindings (shaders/landscape/descent.wgsl), declared once with typegpu
// and bound by name, so the WGSL structs and what the host writes cannot drift apart.

import tgpu from 'typegpu';
import * as d from 'typegpu/data';

/** Uniforms of one submission. */
export const DescentParams = d
  .struct({
    /** Runs in the job; invocations at or past it do nothing. */
    runs: d.u32,
    /** Workgroups per row of the 2-D dispatch. */
    workgroupsX: d.u32,
    /** Steps each invocation tries per dispatch (only the chunking; results do not depend on it). */
    stepsPerDispatch: d.u32,
    maxSteps: d.u32,
    recordStride: d.u32,
    recordCapacity: d.u32,
    /** η. */
    step: d.f32,
    /** β (0 for plain gradient descent). */
    beta: d.f32,
    gradientTolerance: d.f32,
  })
  .$name('DescentParams');

/** Per-run state that persists across dispatches (phase codes: src/landscape/descent.ts PHASE). */
export const RunStatus = d
  .struct({
    steps: d.u32,
    phase: d.u32,
    loss: d.f32,
    gradientNorm: d.f32,
  })
  .$name('RunStatus');

export const RUN_STATUS_BYTE_LENGTH = 16;

export const descentLayout = tgpu
  .bindGroupLayout({
    params: { uniform: DescentParams },
    /** run · DIM + i, f32. */
    positions: { storage: d.arrayOf(d.f32), access: 'mutable' },
    /** Heavy-ball velocities, same layout (zeros for plain descent). */
    velocities: { storage: d.arrayOf(d.f32), access: 'mutable' },
    status: { storage: d.arrayOf(RunStatus), access: 'mutable' },
    /** run · recordCapacity + slot: the loss every recordStride steps. */
    records: { storage: d.arrayOf(d.f32), access: 'mutable' },
    /** The landscape's read-only data (Landscape.kernel.data), or one placeholder word. */
    data: { storage: d.arrayOf(d.f32), access: 'readonly' },
  })
  .$name('descentLayout');
