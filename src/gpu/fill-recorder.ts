// The f32 entries a dense ensemble's WGSL fill writes, and the df32 entries of its device-recount
// fill, for measurements and tests only: the entry-law tests check them against their
// distribution and against the float64 fill.

import { ensembleEntry } from '../ensembles/registry.ts';
import type { BatchRequest } from '../sampler.ts';
import { dispatchShape } from './dispatch.ts';
import { compilePipeline } from './compile-pipeline.ts';
import type { GpuContext } from './gpu-context.ts';
import { PARAMS_BYTE_LENGTH, samplerBindGroup, writeParams } from './kernel-layout.ts';
import { WORKGROUP_SIZE } from './pipeline-cache.ts';
import { requestParams } from './request-params.ts';
import { checkRequest } from './request-check.ts';
import { deviceRecount } from './recount.ts';
import { df32FillProbeSource, fillProbeSource, rowFillProbeSource } from './shader-source.ts';

/**
 * Packed lower triangles of the request's matrices, N(N+1)/2 f32 values each, in order; with
 * `rows`, assembled from the entry's row fill one row at a time (rowFillProbeSource), and with
 * `head` too, entries (0,0), (1,0), (1,1) from the row fill's head.
 */
export async function recordEntries(context: GpuContext, request: BatchRequest, { rows = false, head = false } = {}): Promise<Float32Array> {
  const { sampling } = ensembleEntry(request.ensemble);
  if (sampling.kind !== 'dense') throw new RangeError(`recordEntries: ${request.ensemble} has no dense fill`);
  const source = () => (rows ? rowFillProbeSource(sampling, request.n, { head }) : fillProbeSource(sampling, request.n));
  return runFillProbe(context, request, source, 1, rows ? (head ? 'row fill head probe' : 'row fill probe') : 'fill probe');
}

/**
 * The df32 fill's packed triangles (the device recount's entries), as float64 values hi + lo,
 * N(N+1)/2 per matrix, in order.
 */
export async function recordDf32Entries(context: GpuContext, request: BatchRequest): Promise<Float64Array> {
  const sampling = deviceRecount(request.ensemble);
  if (!sampling) throw new RangeError(`recordDf32Entries: ${request.ensemble} has no df32 recount fill`);
  const parts = await runFillProbe(context, request, () => df32FillProbeSource(sampling, request.n), 2, 'df32 fill probe');
  const values = new Float64Array(parts.length / 2);
  for (let t = 0; t < values.length; t++) values[t] = parts[2 * t]! + parts[2 * t + 1]!;
  return values;
}

/** Runs a fill probe writing `wordsPerEntry` f32 words per packed entry to `indices`. */
async function runFillProbe(context: GpuContext, request: BatchRequest, source: () => string, wordsPerEntry: number, name: string): Promise<Float32Array> {
  const { device, pipelines } = context;
  const packed = wordsPerEntry * ((request.n * (request.n + 1)) / 2);
  checkRequest(request, Math.floor(device.limits.maxStorageBufferBindingSize / (4 * packed)));
  const label = `${name} ${request.ensemble}-n${request.n}`;
  const { pipeline } = await compilePipeline(device, {
    label,
    source,
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
