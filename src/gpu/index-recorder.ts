// Per-matrix indices from the GPU, for measurements and tests only: the f32 vs f64
// disagreement rate needs to compare matrix by matrix, which the histograms cannot.

import type { BatchRequest } from '../sampler.ts';
import { dispatchShape, gpuMaxBatch } from './dispatch.ts';
import type { GpuContext } from './gpu-context.ts';
import { PARAMS_BYTE_LENGTH, samplerBindGroup, writeParams } from './kernel-layout.ts';
import { WORKGROUP_SIZE } from './pipeline-cache.ts';
import { checkRequest } from './request-check.ts';
import { recheckWords } from './recheck.ts';
import { deviceRecount, encodeRecount, RECOUNT_ARGS_BYTES, recountPipelines } from './recount.ts';
import { requestParams } from './request-params.ts';

/** Top bit of a recorded index: the kernel flagged the matrix for the float64 recheck. */
export const SUSPECT_FLAG = 0x8000_0000;

export interface RecordedIndices {
  /** The sampling kernel's f32 index of each matrix, SUSPECT_FLAG set on the flagged ones. */
  raw: Uint32Array;
  /**
   * Where the entry has a device recount: for each matrix it recounted, RECOUNTED_FLAG | its
   * df32 index, with SUSPECT_FLAG set when it goes on to the host; 0 for the others.
   */
  recounted: Uint32Array | undefined;
}

/**
 * Raw f32 index of each matrix of the request (firstIndex + m at position m), computed on the
 * GPU, with SUSPECT_FLAG set on those the sampler would recount.
 */
export async function recordIndices(context: GpuContext, request: BatchRequest): Promise<Uint32Array> {
  return (await recordRecountedIndices(context, request, false)).raw;
}

/** recordIndices, and the device recount's per-matrix results in the same submission. */
export async function recordRecountedIndices(context: GpuContext, request: BatchRequest, recount = true): Promise<RecordedIndices> {
  const { device, pipelines } = context;
  const maxWorkgroups = device.limits.maxComputeWorkgroupsPerDimension;
  const maxCount = Math.min(gpuMaxBatch(WORKGROUP_SIZE, maxWorkgroups), device.limits.maxStorageBufferBindingSize / 4);
  checkRequest(request, maxCount);
  // A multiple of 8, so the second half of the readback can be mapped at it.
  const indexBytes = Math.max(8, Math.ceil(request.count / 2) * 8);
  const histogramBytes = (request.n + 1) * 4;
  const { pipeline } = await pipelines.get(request.ensemble, request.n, { recordIndices: true, statistic: request.statistic });
  const sampling = recount ? deviceRecount(request.ensemble, request.statistic) : undefined;
  const recountKernels = sampling ? await recountPipelines(context, sampling, request.n, true) : undefined;
  const label = `recorder ${request.ensemble}-n${request.n}`;
  const shape = dispatchShape(request.count, WORKGROUP_SIZE, maxWorkgroups);
  const staging = new ArrayBuffer(PARAMS_BYTE_LENGTH);
  writeParams(new DataView(staging), 0, requestParams(request, shape));

  const listBytes = 4 * recheckWords(request);
  const params = device.createBuffer({ label: `${label} params`, size: PARAMS_BYTE_LENGTH, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  const histogram = device.createBuffer({ label: `${label} histogram`, size: histogramBytes, usage: GPUBufferUsage.STORAGE });
  const indices = device.createBuffer({ label: `${label} indices`, size: indexBytes, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
  const recounted = device.createBuffer({ label: `${label} recounted`, size: indexBytes, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
  const readback = device.createBuffer({ label: `${label} readback`, size: 2 * indexBytes, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  const recheck = device.createBuffer({ label: `${label} recheck`, size: listBytes, usage: GPUBufferUsage.STORAGE });
  const host = device.createBuffer({ label: `${label} host list`, size: listBytes, usage: GPUBufferUsage.STORAGE });
  const args = device.createBuffer({ label: `${label} recount arguments`, size: RECOUNT_ARGS_BYTES, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.INDIRECT });
  const buffers = [params, histogram, indices, recounted, readback, recheck, host, args];
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
    if (recountKernels) {
      encodeRecount(device, recountKernels, pass, label, {
        params: { buffer: params },
        histogram: { buffer: histogram },
        suspects: { buffer: recheck },
        host: { buffer: host },
        indices: { buffer: recounted },
        args: { buffer: args, offset: 0 },
      });
    }
    pass.end();
    encoder.copyBufferToBuffer(indices, 0, readback, 0, indexBytes);
    encoder.copyBufferToBuffer(recounted, 0, readback, indexBytes, indexBytes);
    device.queue.submit([encoder.finish()]);
    await readback.mapAsync(GPUMapMode.READ);
    const raw = new Uint32Array(readback.getMappedRange(0, indexBytes).slice(0, request.count * 4));
    const after = new Uint32Array(readback.getMappedRange(indexBytes, indexBytes).slice(0, request.count * 4));
    readback.unmap();
    return { raw, recounted: recountKernels ? after : undefined };
  } finally {
    for (const buffer of buffers) buffer.destroy();
  }
}
