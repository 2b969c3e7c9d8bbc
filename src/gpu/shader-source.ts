// Shader assembly: the only module that imports shaders/*.wgsl. Each kernel is the shared
// prelude (Philox, uniforms, normals) and shaders/sampling.wgsl (matrix index, histogram
// reduction) followed by its entry file, resolved by typegpu with the externals
// of one pipeline: N and its workgroup histogram size as WGSL consts, the Params struct and the
// bind group layout.

import tgpu from 'typegpu';
import * as d from 'typegpu/data';
import type { Ensemble } from '../config.ts';
import denseGoe from '../../shaders/dense-goe.wgsl?raw';
import descent from '../../shaders/landscape/descent.wgsl?raw';
import teacherStudent from '../../shaders/landscape/teacher-student.wgsl?raw';
import philoxProbe from '../../shaders/philox-probe.wgsl?raw';
import prelude from '../../shaders/prelude.wgsl?raw';
import sampling from '../../shaders/sampling.wgsl?raw';
import tridiagonalGoe from '../../shaders/tridiagonal-goe.wgsl?raw';
import { Params, samplerLayout } from './kernel-layout.ts';
import { DescentParams, descentLayout, RunStatus } from './descent-layout.ts';

const KERNELS: Record<Ensemble, string> = { goe: denseGoe, 'goe-tridiagonal': tridiagonalGoe };

export interface KernelOptions {
  ensemble: Ensemble;
  n: number;
  /** Also write each matrix's index to the `indices` binding (measurements and tests only). */
  recordIndices: boolean;
  /** Bins of the per-workgroup histogram window (histogram-window.ts). */
  sharedBins: number;
}

/** WGSL for one sampling pipeline; entry point `main`. */
export function kernelSource({ ensemble, n, recordIndices, sharedBins }: KernelOptions): string {
  return tgpu.resolve({
    template: [prelude, sampling, KERNELS[ensemble]].join('\n'),
    externals: {
      Params,
      layout: samplerLayout,
      N: tgpu.const(d.u32, n),
      SHARED_BINS: tgpu.const(d.u32, sharedBins),
      RECORD_INDICES: tgpu.const(d.bool, recordIndices),
    },
  });
}

/** WGSL of the Philox probe used by the GPU tests; entry point `main`. */
export function philoxProbeSource(): string {
  return [prelude, philoxProbe].join('\n');
}

/**
 * Each landscape's WGSL (landscape_gradient, landscape_tangent, landscape_retract; see
 * src/landscape/landscape.ts), keyed by Landscape.kernel.shader. A new landscape adds its file here.
 */
export const LANDSCAPE_SHADERS: Readonly<Record<string, string>> = { 'teacher-student': teacherStudent };

/**
 * WGSL for one descent pipeline: the landscape's file, then the generic descent kernel, with
 * DIM and the landscape's constants as WGSL `const u32`. Entry point `main`.
 */
export function descentKernelSource(shader: string, dimension: number, constants: Readonly<Record<string, number>>): string {
  const landscape = LANDSCAPE_SHADERS[shader];
  if (landscape === undefined) throw new Error(`no WGSL registered for landscape ${JSON.stringify(shader)}`);
  const consts = Object.fromEntries(Object.entries(constants).map(([name, value]) => [name, tgpu.const(d.u32, value)]));
  return tgpu.resolve({
    template: [landscape, descent].join('\n'),
    externals: { DescentParams, RunStatus, layout: descentLayout, DIM: tgpu.const(d.u32, dimension), ...consts },
  });
}
