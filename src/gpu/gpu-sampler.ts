// The WebGPU sampler. Each sample() call is one queue submission holding every request: per
// request a dispatch of one invocation per matrix, whose index histogram is reduced on the GPU
// (workgroup atomics, then one atomicAdd per bin into the request's slice of a global buffer);
// a 'pmin' request runs the early-exit kernel instead and gets two bins, [minima, others].
// Where the entry declares a df32 fill, the matrices the index kernel flagged are recounted on
// the device by a second pass in the same submission (recount.ts), once its pipelines have
// compiled in the background (a df32 kernel is bigger than the f32 one, and the first points
// must not wait for it); until then the host recounts them, with the same counts. A 'pmin'
// request's suspects are recounted the same way, the recount adding bin 0 or 1. Readback is
// Σ (bins + 2) u32 per call, plus, in a second step only when some matrices are still suspect
// (or the entry has no device recount), the numbers of the matrices the host recounts in float64.

import type { Ensemble, Statistic } from '../config.ts';
import { resultLength, type BatchRequest, type Sampler } from '../sampler.ts';
import { dispatchShape, gpuMaxBatch } from './dispatch.ts';
import { openGpuContext, type GpuContext } from './gpu-context.ts';
import { PARAMS_BYTE_LENGTH, samplerBindGroup, writeParams } from './kernel-layout.ts';
import { PMIN_MATRICES_PER_INVOCATION, PMIN_MATRICES_PER_INVOCATION_CPU, WORKGROUP_SIZE } from './pipeline-cache.ts';
import { checkRequest } from './request-check.ts';
import { applyRecheck, listedSuspects, recheckWords } from './recheck.ts';
import { deviceRecount, encodeRecount, RECOUNT_ARGS_BYTES, recountPipelines, type RecountPipelines } from './recount.ts';
import { requestParams } from './request-params.ts';

const U32_BYTES = 4;

const alignUp = (value: number, alignment: number) => Math.ceil(value / alignment) * alignment;

/** Storage and readback buffers, grown on demand and reused across calls. */
class GrowingBuffer {
  #buffer: GPUBuffer | undefined;
  constructor(
    private readonly device: GPUDevice,
    private readonly label: string,
    private readonly usage: GPUBufferUsageFlags,
  ) {}

  atLeast(byteLength: number): GPUBuffer {
    if (!this.#buffer || this.#buffer.size < byteLength) {
      this.#buffer?.destroy();
      // Powers of two (capped at the device's largest buffer) so a growing sweep reallocates rarely.
      const size = Math.min(Math.max(256, 2 ** Math.ceil(Math.log2(byteLength))), Math.max(byteLength, this.device.limits.maxBufferSize));
      this.#buffer = this.device.createBuffer({ label: this.label, size, usage: this.usage });
    }
    return this.#buffer;
  }

  destroy(): void {
    this.#buffer?.destroy();
    this.#buffer = undefined;
  }
}

interface Slot {
  /** Position in the caller's request list. */
  at: number;
  request: BatchRequest;
  paramsOffset: number;
  histogramOffset: number;
  histogramBytes: number;
  recheckOffset: number;
  recheckBytes: number;
  /** The device recount's pipelines, or undefined when the suspects (if any) go to the host. */
  recount: RecountPipelines | undefined;
  /** The recount's host list [count, list…] (same size as the recheck slice); 0 bytes without a recount. */
  hostOffset: number;
  hostBytes: number;
}

/** A sampler on a device of its own; throws NoAdapterError when none is available. */
export async function createGpuSampler(gpu: GPU): Promise<Sampler> {
  return samplerOnContext(await openGpuContext(gpu));
}

export interface SamplerOptions {
  /** Lower than the device's limit only to exercise 2-D dispatch in tests. */
  maxWorkgroupsPerDimension?: number;
  /**
   * Matrices per invocation of the persistent P(min) kernel (default PMIN_MATRICES_PER_INVOCATION,
   * or PMIN_MATRICES_PER_INVOCATION_CPU on an adapter that runs on the CPU); counts do not
   * depend on it. Tests and measurements only.
   */
  pminMatricesPerInvocation?: number;
  /** Lower than recheckCapacity only to exercise a full recheck list in tests. */
  maxRecheckCapacity?: number;
  /** Whether destroy() also destroys the context's device (default true). */
  ownsContext?: boolean;
  /**
   * Whether entries with a df32 fill recount their suspects on the device (default true). False
   * sends every suspect to the host, as before the device recount: measurements only.
   */
  deviceRecount?: boolean;
}

export interface GpuSampler extends Sampler {
  /** Matrices the kernels flagged for the float64 recheck so far (recheck.ts). */
  readonly suspectMatrices: number;
  /** Of those, the matrices recounted on the device in df32 (recount.ts). */
  readonly deviceRecounted: number;
  /** Matrices recounted in float64 on the host so far (recheck.ts). */
  readonly hostRecounted: number;
  /** Host seconds spent recounting them so far: time in which the GPU waits for the host. */
  readonly recheckSeconds: number;
  /**
   * Resolves once the device recount of (ensemble, N) is compiled and used by every later
   * sample() (at once where it does not apply), with the seconds it took; prepare() only starts it.
   */
  recountReady(ensemble: Ensemble, n: number, statistic?: Statistic): Promise<number>;
}

/** One (ensemble, N)'s device recount: compiling, compiled, or failed. */
interface RecountState {
  compiling: Promise<number>;
  pipelines?: RecountPipelines;
  failure?: unknown;
}

export function samplerOnContext(context: GpuContext, options: SamplerOptions = {}): GpuSampler {
  const { device, pipelines } = context;
  const { limits } = device;
  const maxWorkgroups = Math.min(options.maxWorkgroupsPerDimension ?? Infinity, limits.maxComputeWorkgroupsPerDimension);
  const maxBatch = gpuMaxBatch(WORKGROUP_SIZE, maxWorkgroups);
  const paramsStride = alignUp(PARAMS_BYTE_LENGTH, limits.minUniformBufferOffsetAlignment);
  const storageAlignment = limits.minStorageBufferOffsetAlignment;

  const paramsBuffer = new GrowingBuffer(device, 'sampler params', GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST);
  // Histograms first, then each request's recheck slice [suspect count, list…].
  const resultsBuffer = new GrowingBuffer(
    device,
    'sampler histograms and recheck lists',
    GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST,
  );
  const readbackBuffer = new GrowingBuffer(device, 'sampler histogram readback', GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST);
  const listReadbackBuffer = new GrowingBuffer(device, 'sampler recheck list readback', GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST);
  // Each request's indirect dispatch arguments for the device recount, one storage-aligned slot each.
  const argsBuffer = new GrowingBuffer(device, 'sampler recount arguments', GPUBufferUsage.STORAGE | GPUBufferUsage.INDIRECT);
  const argsStride = alignUp(RECOUNT_ARGS_BYTES, storageAlignment);
  const useDeviceRecount = options.deviceRecount ?? true;
  const pminPerInvocation = options.pminMatricesPerInvocation ?? (context.cpuAdapter ? PMIN_MATRICES_PER_INVOCATION_CPU : PMIN_MATRICES_PER_INVOCATION);
  if (!Number.isInteger(pminPerInvocation) || pminPerInvocation < 1) throw new RangeError(`pminMatricesPerInvocation must be a positive integer, got ${pminPerInvocation}`);
  const maxRecheck = options.maxRecheckCapacity ?? Infinity;
  /** Room in a request's recheck list (recheck.ts), at most maxRecheck. */
  const listedOf = (request: BatchRequest, found: number) => Math.min(listedSuspects(request, found), maxRecheck);
  /** The P(min) kernel's invocations loop over matrices (shaders/pmin-main.wgsl); the others take one. */
  const matricesPerInvocation = (request: BatchRequest) => (request.statistic === 'pmin' ? pminPerInvocation : 1);
  // The kernels' `indices` binding, unused unless RECORD_INDICES: a 4-byte placeholder.
  const noIndices = device.createBuffer({ label: 'sampler no-indices placeholder', size: 4, usage: GPUBufferUsage.STORAGE });

  let destroyed = false;
  let suspects = 0;
  let deviceRecounted = 0;
  let hostRecounted = 0;
  let recheckSeconds = 0;
  // sample() calls share the buffers above, so they run one after another.
  let queue: Promise<unknown> = Promise.resolve();
  const recounts = new Map<string, RecountState>();

  /** The device recount of (ensemble, N), its compile started on first use; undefined where it does not apply. */
  function recountState(ensemble: Ensemble, n: number, statistic?: Statistic): RecountState | undefined {
    const sampling = useDeviceRecount ? deviceRecount(ensemble, statistic) : undefined;
    if (!sampling) return undefined;
    const key = `${ensemble}|${n}|${sampling.statistic}`;
    let state = recounts.get(key);
    if (!state) {
      const fresh: RecountState = { compiling: Promise.resolve(0) };
      fresh.compiling = recountPipelines(context, sampling, n).then(
        (compiled) => {
          fresh.pipelines = compiled;
          return compiled.compileS;
        },
        (error: unknown) => {
          // Reported by the next sample() of this (ensemble, N), never swallowed.
          fresh.failure = error;
          return 0;
        },
      );
      recounts.set(key, (state = fresh));
    }
    return state;
  }

  function layOut(requests: readonly BatchRequest[]): { slots: Slot[]; paramsBytes: number; resultBytes: number } {
    const slots: Slot[] = [];
    let offset = 0;
    for (const [i, request] of requests.entries()) {
      const histogramBytes = resultLength(request) * U32_BYTES;
      slots.push({ at: i, request, paramsOffset: i * paramsStride, histogramOffset: offset, histogramBytes, recheckOffset: 0, recheckBytes: 0, recount: undefined, hostOffset: 0, hostBytes: 0 });
      offset = alignUp(offset + histogramBytes, storageAlignment);
    }
    for (const slot of slots) {
      slot.recheckOffset = offset;
      slot.recheckBytes = recheckWords(slot.request) * U32_BYTES;
      offset = alignUp(offset + slot.recheckBytes, storageAlignment);
      const state = recountState(slot.request.ensemble, slot.request.n, slot.request.statistic);
      if (state?.failure !== undefined) throw state.failure;
      slot.recount = state?.pipelines;
      if (slot.recount) {
        slot.hostOffset = offset;
        slot.hostBytes = slot.recheckBytes;
        offset = alignUp(offset + slot.hostBytes, storageAlignment);
      }
    }
    return { slots, paramsBytes: requests.length * paramsStride, resultBytes: offset };
  }

  async function run(requests: readonly BatchRequest[]): Promise<Float64Array[]> {
    if (destroyed) throw new Error('the GPU sampler was destroyed');
    for (const request of requests) checkRequest(request, maxBatch);
    const results = requests.map((request) => new Float64Array(resultLength(request)));
    const { slots: allSlots, paramsBytes, resultBytes } = layOut(requests);
    const slots = allSlots.filter((slot) => slot.request.count > 0);
    if (slots.length === 0) return results;

    const kernels = await Promise.all(slots.map(({ request }) => pipelines.get(request.ensemble, request.n, { statistic: request.statistic })));
    const params = paramsBuffer.atLeast(paramsBytes);
    if (resultBytes > limits.maxBufferSize) {
      throw new RangeError(`requests need ${resultBytes} bytes of results, above maxBufferSize ${limits.maxBufferSize}: send fewer or smaller requests`);
    }
    const resultsOnGpu = resultsBuffer.atLeast(resultBytes);

    const staging = new ArrayBuffer(paramsBytes);
    const view = new DataView(staging);
    const shapes = slots.map(({ request }) => dispatchShape(Math.ceil(request.count / matricesPerInvocation(request)), WORKGROUP_SIZE, maxWorkgroups));
    slots.forEach((slot, i) => {
      const params = requestParams(slot.request, shapes[i]);
      writeParams(view, slot.paramsOffset, { ...params, recheckCapacity: Math.min(params.recheckCapacity, maxRecheck) });
    });

    const histogramBytes = slots.reduce((end, slot) => Math.max(end, slot.histogramOffset + slot.histogramBytes), 0);
    // Phase 1 reads back the histograms and, right after them, each request's suspect count and
    // the count its device recount left for the host.
    const countsOffset = alignUp(histogramBytes, U32_BYTES);
    const countsBytes = 2 * slots.length * U32_BYTES;
    const readback = readbackBuffer.atLeast(countsOffset + countsBytes);
    const recountArgs = argsBuffer.atLeast(slots.length * argsStride);

    device.pushErrorScope('out-of-memory');
    device.pushErrorScope('validation');
    device.queue.writeBuffer(params, 0, staging);
    const encoder = device.createCommandEncoder({ label: 'sampler batch' });
    encoder.clearBuffer(resultsOnGpu, 0, alignUp(histogramBytes, U32_BYTES));
    // Only the counts need zeros; list entries are written before they are read.
    for (const slot of slots) {
      encoder.clearBuffer(resultsOnGpu, slot.recheckOffset, U32_BYTES);
      if (slot.recount) encoder.clearBuffer(resultsOnGpu, slot.hostOffset, U32_BYTES);
    }
    const pass = encoder.beginComputePass({ label: 'sampler batch pass' });
    slots.forEach((slot, i) => {
      const { ensemble, n } = slot.request;
      const bindGroup = samplerBindGroup(device, pipelines.bindGroupLayout, `sampler ${ensemble}-n${n} request ${i}`, {
        params: { buffer: params, offset: slot.paramsOffset, size: PARAMS_BYTE_LENGTH },
        histogram: { buffer: resultsOnGpu, offset: slot.histogramOffset, size: slot.histogramBytes },
        indices: { buffer: noIndices },
        recheck: { buffer: resultsOnGpu, offset: slot.recheckOffset, size: slot.recheckBytes },
      });
      pass.setPipeline(kernels[i].pipeline);
      pass.setBindGroup(0, bindGroup);
      pass.dispatchWorkgroups(shapes[i].workgroupsX, shapes[i].workgroupsY);
    });
    // The recounts follow every sampling dispatch: WebGPU orders dispatches of a pass, so each
    // sees its request's complete list.
    slots.forEach((slot, i) => {
      if (!slot.recount) return;
      encodeRecount(device, slot.recount, pass, `sampler ${slot.request.ensemble}-n${slot.request.n} request ${i}`, {
        params: { buffer: params, offset: slot.paramsOffset, size: PARAMS_BYTE_LENGTH },
        histogram: { buffer: resultsOnGpu, offset: slot.histogramOffset, size: slot.histogramBytes },
        suspects: { buffer: resultsOnGpu, offset: slot.recheckOffset, size: slot.recheckBytes },
        host: { buffer: resultsOnGpu, offset: slot.hostOffset, size: slot.hostBytes },
        indices: { buffer: noIndices },
        args: { buffer: recountArgs, offset: i * argsStride },
      });
    });
    pass.end();
    encoder.copyBufferToBuffer(resultsOnGpu, 0, readback, 0, countsOffset);
    slots.forEach((slot, i) => {
      encoder.copyBufferToBuffer(resultsOnGpu, slot.recheckOffset, readback, countsOffset + 2 * i * U32_BYTES, U32_BYTES);
      if (slot.recount) encoder.copyBufferToBuffer(resultsOnGpu, slot.hostOffset, readback, countsOffset + (2 * i + 1) * U32_BYTES, U32_BYTES);
    });
    device.queue.submit([encoder.finish()]);
    const validation = await device.popErrorScope();
    const outOfMemory = await device.popErrorScope();
    if (validation || outOfMemory) throw new Error(`GPU sampling failed: ${(validation ?? outOfMemory)!.message}`);

    // Per request, how many matrices the host recounts, and where their list is.
    const listed: number[] = [];
    const listOffsets: number[] = [];
    await readback.mapAsync(GPUMapMode.READ, 0, countsOffset + countsBytes);
    try {
      const words = new Uint32Array(readback.getMappedRange(0, countsOffset + countsBytes));
      slots.forEach((slot, i) => {
        const histogram = results[slot.at];
        const first = slot.histogramOffset / U32_BYTES;
        for (let k = 0; k < histogram.length; k++) histogram[k] = words[first + k];
        const found = words[countsOffset / U32_BYTES + 2 * i];
        suspects += found;
        if (slot.recount) {
          deviceRecounted += listedOf(slot.request, found);
          listed.push(listedOf(slot.request, words[countsOffset / U32_BYTES + 2 * i + 1]));
          listOffsets.push(slot.hostOffset);
        } else {
          listed.push(listedOf(slot.request, found));
          listOffsets.push(slot.recheckOffset);
        }
      });
    } finally {
      readback.unmap();
    }
    await recheckListed(slots, listed, listOffsets, resultsOnGpu, results);
    return results;
  }

  /** Phase 2, only when some request had suspects: read back the used part of their lists. */
  async function recheckListed(slots: Slot[], listed: number[], listOffsets: number[], resultsOnGpu: GPUBuffer, results: Float64Array[]): Promise<void> {
    const totalWords = listed.reduce((a, b) => a + b, 0);
    if (totalWords === 0) return;
    hostRecounted += totalWords;
    const lists = listReadbackBuffer.atLeast(totalWords * U32_BYTES);
    const encoder = device.createCommandEncoder({ label: 'sampler recheck lists' });
    let offset = 0;
    listed.forEach((count, i) => {
      if (count === 0) return;
      encoder.copyBufferToBuffer(resultsOnGpu, listOffsets[i]! + U32_BYTES, lists, offset, count * U32_BYTES);
      offset += count * U32_BYTES;
    });
    device.queue.submit([encoder.finish()]);
    await lists.mapAsync(GPUMapMode.READ, 0, totalWords * U32_BYTES);
    let words: Uint32Array;
    try {
      // Copied out so the buffer is unmapped before the (yielding) recount.
      words = new Uint32Array(lists.getMappedRange(0, totalWords * U32_BYTES)).slice();
    } finally {
      lists.unmap();
    }
    let at = 0;
    const start = performance.now();
    for (const [i, slot] of slots.entries()) {
      if (listed[i] === 0) continue;
      await applyRecheck(slot.request, words.subarray(at, at + listed[i]), results[slot.at]);
      at += listed[i];
    }
    recheckSeconds += (performance.now() - start) / 1000;
  }

  return {
    get suspectMatrices() {
      return suspects;
    },
    get deviceRecounted() {
      return deviceRecounted;
    },
    get hostRecounted() {
      return hostRecounted;
    },
    get recheckSeconds() {
      return recheckSeconds;
    },
    backend: 'gpu',
    description: context.description,
    maxBatch,
    async prepare(ensemble: Ensemble, n: number, statistic?: Statistic): Promise<number> {
      recountState(ensemble, n, statistic);
      const { compileS } = await pipelines.get(ensemble, n, { statistic });
      return compileS;
    },
    async recountReady(ensemble: Ensemble, n: number, statistic?: Statistic): Promise<number> {
      const state = recountState(ensemble, n, statistic);
      if (!state) return 0;
      const seconds = await state.compiling;
      if (state.failure !== undefined) throw state.failure;
      return seconds;
    },
    sample(requests: readonly BatchRequest[]): Promise<Float64Array[]> {
      const result = queue.then(() => run(requests));
      queue = result.catch(() => undefined);
      return result;
    },
    lost: context.lost,
    destroy(): void {
      if (destroyed) return;
      destroyed = true;
      paramsBuffer.destroy();
      resultsBuffer.destroy();
      readbackBuffer.destroy();
      listReadbackBuffer.destroy();
      argsBuffer.destroy();
      noIndices.destroy();
      if (options.ownsContext ?? true) context.destroy();
    },
  };
}
