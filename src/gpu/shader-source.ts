// Shader assembly: the only module that imports shaders/*.wgsl. Each kernel is the shared
// prelude (Philox, uniforms, normals) and shaders/sampling.wgsl (matrix index, histogram
// reduction) followed by its entry file, resolved by typegpu with the externals
// of one pipeline: N and its workgroup histogram size as WGSL consts, the Params struct and the
// bind group layout.

import tgpu from 'typegpu';
import * as d from 'typegpu/data';
import type { Ensemble } from '../config.ts';
import denseGoe from '../../shaders/dense-goe.wgsl?raw';
import philoxProbe from '../../shaders/philox-probe.wgsl?raw';
import prelude from '../../shaders/prelude.wgsl?raw';
import sampling from '../../shaders/sampling.wgsl?raw';
import tridiagonalGoe from '../../shaders/tridiagonal-goe.wgsl?raw';
import pspinCoupling from '../../shaders/landscape/pspin-coupling.wgsl?raw';
import pspinDisorder from '../../shaders/landscape/pspin-disorder.wgsl?raw';
import pspinDisorderProbe from '../../shaders/landscape/pspin-disorder-probe.wgsl?raw';
import pspinGradient from '../../shaders/landscape/pspin-gradient.wgsl?raw';
import pspinStep from '../../shaders/landscape/pspin-step.wgsl?raw';
import { wgslConstants } from './kernel-descriptor.ts';
import { Params, samplerLayout } from './kernel-layout.ts';

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

/** The p-spin kernels (shaders/landscape/): the disorder ones start from the prelude's Philox. */
const PSPIN_KERNELS = {
  coupling: [prelude, pspinDisorder, pspinCoupling],
  'disorder-probe': [prelude, pspinDisorder, pspinDisorderProbe],
  gradient: [pspinGradient],
  step: [pspinStep],
} as const;
export type PspinKernel = keyof typeof PSPIN_KERNELS;

/** WGSL of one p-spin kernel for (p, N): P, N, Q = N^(p−1), TOTAL = N^p as consts. */
export function pspinKernelSource(kernel: PspinKernel, p: number, n: number): string {
  const header = wgslConstants({ P: p, N: n, Q: n ** (p - 1), TOTAL: n ** p });
  return [header, ...PSPIN_KERNELS[kernel]].join('\n');
}
