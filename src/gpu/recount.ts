// The device recount of suspect matrices (shaders/recount-main.wgsl): for a dense entry that
// declares a df32 fill (DenseSampling.recount), the f32 kernel's suspect list is recounted on the
// GPU in double-f32 by a second pass in the same submission, and only the matrices still suspect
// there reach the host's float64 recount (recheck.ts). Two dispatches per request: one invocation
// sizes the recount from the list's length on the device (shaders/recount-args.wgsl), then the
// recount runs as an indirect dispatch, so the host neither waits for nor reads the list.
// Input: a [count, local numbers…] list; output: counts added to a histogram and a [count, local
// numbers…] host list, so any kernel that lists its suspects that way can use it.

import type { Ensemble, Statistic } from '../config.ts';
import { ensembleEntry } from '../ensembles/registry.ts';
import type { GpuContext } from './gpu-context.ts';
import { kernelCacheFor } from './kernel-cache.ts';
import { bindGroupByName, RECOUNT_ARGS_BINDINGS, RECOUNT_BINDINGS, recountArgsLayout, recountLayout, type RecountBinding } from './recount-layout.ts';
import { recountArgsSource, recountKernelSource, type RecountSampling } from './shader-source.ts';

/** Invocations per recount workgroup. */
export const RECOUNT_WORKGROUP = 64;

/** Bytes of one request's indirect arguments (x, y, z). */
export const RECOUNT_ARGS_BYTES = 12;

/** Set in a recorded recount index (RECORD_INDICES pipelines): the device recounted this matrix. WGSL: same const. */
export const RECOUNTED_FLAG = 0x4000_0000;

/**
 * The entry's df32 recount for a request of this statistic, or undefined when its suspects go
 * straight to the host (or nowhere). For 'pmin' the recount adds bin 0 (a minimum: df32 index
 * 0) or bin 1, the early-exit kernel's bins; its own pipeline.
 */
export function deviceRecount(ensemble: Ensemble, statistic: Statistic = 'index'): RecountSampling | undefined {
  const { sampling } = ensembleEntry(ensemble);
  if (sampling.kind !== 'dense' || !sampling.recheck || !sampling.recount) return undefined;
  return { wgsl: sampling.wgsl, recount: sampling.recount, statistic };
}

export interface RecountPipelines {
  args: GPUComputePipeline;
  recount: GPUComputePipeline;
  argsLayout: GPUBindGroupLayout;
  layout: GPUBindGroupLayout;
  /** Seconds spent compiling them now (0 when cached). */
  compileS: number;
}

/** The recount's two pipelines for (fill, N), compiled once per device and cached. */
export async function recountPipelines(context: GpuContext, sampling: RecountSampling, n: number, recordIndices = false): Promise<RecountPipelines> {
  const { device, root } = context;
  const cache = kernelCacheFor(device, root);
  const maxGroups = device.limits.maxComputeWorkgroupsPerDimension;
  const [args, recount] = await Promise.all([
    cache.get({ key: `recount-args-g${maxGroups}`, source: () => recountArgsSource(RECOUNT_WORKGROUP, maxGroups), layout: recountArgsLayout }),
    cache.get({
      key: `recount-${sampling.statistic}-${sampling.wgsl.file}-${sampling.recount.file}-${sampling.recount.fn}-n${n}${recordIndices ? '-record' : ''}`,
      source: () => recountKernelSource(sampling, n, recordIndices),
      layout: recountLayout,
      constants: { WORKGROUP_SIZE: RECOUNT_WORKGROUP },
    }),
  ]);
  return {
    args: args.pipeline,
    recount: recount.pipeline,
    argsLayout: root.unwrap(recountArgsLayout),
    layout: root.unwrap(recountLayout),
    compileS: args.compileS + recount.compileS,
  };
}

/** One request's buffers for the recount: its Params, histogram and lists, and room for its indirect arguments. */
export type RecountBuffers = Readonly<Record<RecountBinding, GPUBufferBinding>> & {
  /** A buffer with STORAGE | INDIRECT usage and RECOUNT_ARGS_BYTES free at `offset` (a multiple of the storage alignment). */
  args: { buffer: GPUBuffer; offset: number };
};

/** Records one request's recount into `pass`, after its sampling dispatch (whose list it reads). */
export function encodeRecount(device: GPUDevice, pipelines: RecountPipelines, pass: GPUComputePassEncoder, label: string, buffers: RecountBuffers): void {
  const args = { buffer: buffers.args.buffer, offset: buffers.args.offset, size: RECOUNT_ARGS_BYTES };
  pass.setPipeline(pipelines.args);
  pass.setBindGroup(0, bindGroupByName(device, pipelines.argsLayout, RECOUNT_ARGS_BINDINGS, `${label} recount args`, { params: buffers.params, suspects: buffers.suspects, args }));
  pass.dispatchWorkgroups(1);
  pass.setPipeline(pipelines.recount);
  pass.setBindGroup(0, bindGroupByName(device, pipelines.layout, RECOUNT_BINDINGS, `${label} recount`, buffers));
  pass.dispatchWorkgroupsIndirect(buffers.args.buffer, buffers.args.offset);
}
