// The f32 entries a dense ensemble's WGSL fill writes, for measurements and tests only: the
// entry-law tests check them against their distribution and against the float64 fill.

import { ensembleEntry } from '../ensembles/registry.ts';
import type { BatchRequest } from '../sampler.ts';
import { dispatchShape } from './dispatch.ts';
import { compilePipeline } from './compile-pipeline.ts';
import type { GpuContext } from './gpu-context.ts';
import { PARAMS_BYTE_LENGTH, samplerBindGroup, writeParams } from './kernel-layout.ts';
import { WORKGROUP_SIZE } from './pipeline-cache.ts';
import { requestParams } from './request-params.ts';
import { checkRequest } from './request-check.ts';
import { fillProbeSource, rowFillProbeSource } from './shader-source.ts';

/**
 * Packed lower triangles of the request's matrices, N(N+1)/2 f32 values each, in order; with
 * `rows`, assembled from the entry's row fill one row at a time (rowFillProbeSource).
 */
export async function recordEntries(context: GpuContext, request: BatchRequest, { rows = false } = {}): Promise<Float32Array> {
  const { device, pipelines } = context;
  const { sampling } = ensembleEntry(request.ensemble);
  if (sampling.kind !== 'dense') throw new RangeError(`recordEntries: ${request.ensemble} has no dense fill`);
  const packed = (request.n * (request.n + 1)) / 2;
  checkRequest(request, Math.floor(device.limits.maxStorageBufferBindingSize / (4 * packed)));
  const label = `${rows ? 'row ' : ''}fill probe ${request.ensemble}-n${request.n}`;
  const { pipeline } = await compilePipeline(device, {
    label,
    source: () => (rows ? rowFillProbeSource(sampling, request.n) : fillProbeSource(sampling, request.n)),
    bindGroupLayout: () => pipelines.bindGroupLayout,
    entryPoint: 'main',
    constants: { WORKGROUP_SIZE },
  });

  const shape = dispatchShape(request.count, WORKGROUP_SIZE, device.limits.maxComputeWorkgroupsPerDimension);
  const staging = new ArrayBuffer(PARAMS_BYTE_LENGTH);
  writeParams(new DataView(staging), 0, requestParams(request, shape));
  const bytes = Math.max(4, request.count * packed * 4);
  const params = device.createBuffer({ label: `${label} params`, size: PARAMS_BYTE_LENGTH, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  // Two writable bindings may not share a buffer in one dispatch, so each unused one has its own.
  const histogram = device.createBuffer({ label: `${label} unused histogram`, size: 4 * (request.n + 1), usage: GPUBufferUsage.STORAGE });
  const recheck = device.createBuffer({ label: `${label} unused recheck`, size: 4, usage: GPUBufferUsage.STORAGE });
  const entries = device.createBuffer({ label: `${label} entries`, size: bytes, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
  const readback = device.createBuffer({ label: `${label} readback`, size: bytes, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  device.pushErrorScope('validation');
  try {
    device.queue.writeBuffer(params, 0, staging);
    const encoder = device.createCommandEncoder({ label });
    const pass = encoder.beginComputePass({ label });
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, samplerBindGroup(device, pipelines.bindGroupLayout, label, {
      params: { buffer: params }, histogram: { buffer: histogram }, indices: { buffer: entries }, recheck: { buffer: recheck },
    }));
    if (request.count > 0) pass.dispatchWorkgroups(shape.workgroupsX, shape.workgroupsY);
    pass.end();
    encoder.copyBufferToBuffer(entries, 0, readback, 0, bytes);
    device.queue.submit([encoder.finish()]);
    const failure = await device.popErrorScope();
    if (failure) throw new Error(`${label} failed: ${failure.message}`);
    await readback.mapAsync(GPUMapMode.READ);
    const result = new Float32Array(readback.getMappedRange().slice(0, request.count * packed * 4));
    readback.unmap();
    return result;
  } finally {
    for (const buffer of [params, histogram, recheck, entries, readback]) buffer.destroy();
  }
}
