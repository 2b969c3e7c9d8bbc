// Per-matrix indices from the GPU, for measurements and tests only: the f32 vs f64
// disagreement rate needs to compare matrix by matrix, which the histograms cannot.

import type { BatchRequest } from '../sampler.ts';
import { dispatchShape, gpuMaxBatch } from './dispatch.ts';
import type { GpuContext } from './gpu-context.ts';
import { PARAMS_BYTE_LENGTH, samplerBindGroup, writeParams } from './kernel-layout.ts';
import { WORKGROUP_SIZE } from './pipeline-cache.ts';
import { checkRequest } from './request-check.ts';
import { recheckWords } from './recheck.ts';
import { requestParams } from './request-params.ts';

/** Top bit of a recorded index: the kernel flagged the matrix for the float64 recheck. */
export const SUSPECT_FLAG = 0x8000_0000;

/**
 * Raw f32 index of each matrix of the request (firstIndex + m at position m), computed on the
 * GPU, with SUSPECT_FLAG set on those the sampler would recount in float64.
 */
export async function recordIndices(context: GpuContext, request: BatchRequest): Promise<Uint32Array> {
  const { device, pipelines } = context;
  const maxWorkgroups = device.limits.maxComputeWorkgroupsPerDimension;
  const maxCount = Math.min(gpuMaxBatch(WORKGROUP_SIZE, maxWorkgroups), device.limits.maxStorageBufferBindingSize / 4);
  checkRequest(request, maxCount);
  const indexBytes = Math.max(4, request.count * 4);
  const histogramBytes = (request.n + 1) * 4;
  const { pipeline } = await pipelines.get(request.ensemble, request.n, { recordIndices: true, statistic: request.statistic });
  const label = `recorder ${request.ensemble}-n${request.n}`;
  const shape = dispatchShape(request.count, WORKGROUP_SIZE, maxWorkgroups);
  const staging = new ArrayBuffer(PARAMS_BYTE_LENGTH);
  writeParams(new DataView(staging), 0, requestParams(request, shape));

  const params = device.createBuffer({ label: `${label} params`, size: PARAMS_BYTE_LENGTH, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  const histogram = device.createBuffer({ label: `${label} histogram`, size: histogramBytes, usage: GPUBufferUsage.STORAGE });
  const indices = device.createBuffer({ label: `${label} indices`, size: indexBytes, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
  const readback = device.createBuffer({ label: `${label} readback`, size: indexBytes, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  const recheck = device.createBuffer({ label: `${label} recheck`, size: 4 * recheckWords(request), usage: GPUBufferUsage.STORAGE });
  try {
    device.queue.writeBuffer(params, 0, staging);
    const encoder = device.createCommandEncoder({ label });
    const pass = encoder.beginComputePass({ label: `${label} pass` });
    pass.setPipeline(pipeline);
    pass.setBindGroup(
      0,
      samplerBindGroup(device, pipelines.bindGroupLayout, `${label} bind group`, {
        params: { buffer: params },
        histogram: { buffer: histogram },
        indices: { buffer: indices },
        recheck: { buffer: recheck },
      }),
    );
    if (request.count > 0) pass.dispatchWorkgroups(shape.workgroupsX, shape.workgroupsY);
    pass.end();
    encoder.copyBufferToBuffer(indices, 0, readback, 0, indexBytes);
    device.queue.submit([encoder.finish()]);
    await readback.mapAsync(GPUMapMode.READ);
    const result = new Uint32Array(readback.getMappedRange().slice(0, request.count * 4));
    readback.unmap();
    return result;
  } finally {
    for (const buffer of [params, histogram, indices, readback, recheck]) buffer.destroy();
  }
}
