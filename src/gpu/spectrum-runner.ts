// Spectrum counts on the GPU for a dense ensemble: one dispatch per request of at most
// maxMatrices matrices, counts below each threshold reduced on the GPU (workgroup atomics,
// then one atomicAdd per threshold per workgroup) and read back as THRESHOLDS u32 words, summed
// in float64 on the host. A u32 counter holds matrices × N, so requests are cut to
// ⌊(2³² − 1)/N⌋ matrices. Pipelines are cached per (fill, N, thresholds).

import type { EnsembleEntry, EnsembleParams, DenseSampling } from '../model/ensemble.ts';
import { indexWords, seedKey, streamTag } from '../model/stream.ts';
import { dispatchShape } from './dispatch.ts';
import type { GpuContext } from './gpu-context.ts';
import { kernelCacheFor } from './kernel-cache.ts';
import { PARAMS_BYTE_LENGTH, writeParams } from './kernel-layout.ts';
import { WORKGROUP_SIZE } from './pipeline-cache.ts';
import { spectrumKernelSource } from './shader-source.ts';
import { spectrumBindGroup, spectrumLayout } from './spectrum-layout.ts';

export interface SpectrumRequest {
  entry: EnsembleEntry;
  seed: number;
  n: number;
  shift: number;
  params: EnsembleParams;
  firstIndex: number;
  count: number;
  /** Thresholds λ_j (not normalised). */
  thresholds: ArrayLike<number>;
}

async function spectrumPipeline(context: GpuContext, sampling: DenseSampling, n: number, thresholds: number): Promise<GPUComputePipeline> {
  const { pipeline } = await kernelCacheFor(context.device, context.root).get({
    key: `spectrum-${sampling.wgsl.file}-${sampling.wgsl.fn}-n${n}-t${thresholds}`,
    source: () => spectrumKernelSource(sampling, n, thresholds),
    layout: spectrumLayout,
    constants: { WORKGROUP_SIZE },
  });
  return pipeline;
}

/** Σ over the request's matrices of #{λ < thresholds[j]}, counted in f32 on the GPU. */
export async function gpuSpectrumCounts(context: GpuContext, request: SpectrumRequest): Promise<Float64Array> {
  const { entry, n, thresholds } = request;
  if (entry.sampling.kind !== 'dense') throw new RangeError(`ensemble ${entry.id} has no dense fill: its spectrum is counted on the CPU`);
  const { device } = context;
  const pipeline = await spectrumPipeline(context, entry.sampling, n, thresholds.length);
  const totals = new Float64Array(thresholds.length);
  const maxMatrices = Math.min(Math.floor((2 ** 32 - 1) / Math.max(1, n)), WORKGROUP_SIZE * device.limits.maxComputeWorkgroupsPerDimension);
  const constants = entry.sampling.fillConstants?.(n, request.params) ?? {};
  const thresholdBytes = Math.max(16, thresholds.length * 4);
  const paramsBuffer = device.createBuffer({ label: 'spectrum params', size: PARAMS_BYTE_LENGTH, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  const thresholdBuffer = device.createBuffer({ label: 'spectrum thresholds', size: thresholdBytes, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
  const belowBuffer = device.createBuffer({ label: 'spectrum below', size: thresholdBytes, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC });
  const readback = device.createBuffer({ label: 'spectrum readback', size: thresholdBytes, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  try {
    device.queue.writeBuffer(thresholdBuffer, 0, Float32Array.from(thresholds));
    const bindGroup = spectrumBindGroup(device, context.root.unwrap(spectrumLayout), {
      params: { buffer: paramsBuffer },
      thresholds: { buffer: thresholdBuffer },
      below: { buffer: belowBuffer },
    });
    for (let done = 0; done < request.count; ) {
      const count = Math.min(maxMatrices, request.count - done);
      const shape = dispatchShape(count, WORKGROUP_SIZE, device.limits.maxComputeWorkgroupsPerDimension);
      const params = new DataView(new ArrayBuffer(PARAMS_BYTE_LENGTH));
      writeParams(params, 0, {
        key: seedKey(request.seed),
        firstIndex: indexWords(request.firstIndex + done),
        count,
        streamTag: streamTag(entry.streamCode, n, 'matrix'),
        diagonalShift: request.shift * entry.shiftScale(n, request.params),
        workgroupsX: shape.workgroupsX,
        binOffset: 0,
        recheckCapacity: 0,
        fillFloats: constants.floats ?? [],
        fillWords: constants.words ?? [],
      });
      device.queue.writeBuffer(paramsBuffer, 0, params.buffer);
      device.queue.writeBuffer(belowBuffer, 0, new Uint32Array(thresholdBytes / 4));
      const encoder = device.createCommandEncoder({ label: 'spectrum' });
      const pass = encoder.beginComputePass({ label: 'spectrum pass' });
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, bindGroup);
      pass.dispatchWorkgroups(shape.workgroupsX, shape.workgroupsY);
      pass.end();
      encoder.copyBufferToBuffer(belowBuffer, 0, readback, 0, thresholdBytes);
      device.queue.submit([encoder.finish()]);
      await readback.mapAsync(GPUMapMode.READ);
      const words = new Uint32Array(readback.getMappedRange().slice(0));
      readback.unmap();
      for (let j = 0; j < thresholds.length; j++) totals[j]! += words[j]!;
      done += count;
    }
  } finally {
    for (const buffer of [paramsBuffer, thresholdBuffer, belowBuffer, readback]) buffer.destroy();
  }
  return totals;
}
