// The GPU backend of the descent machinery: every run of a job advances in one dispatch per
// submission, each dispatch doing up to stepsPerDispatch steps per run (descent.wgsl). State
// stays on the device between submissions; each submission reads back only the per-run status
// (16 bytes a run) to count finished runs and report progress, and the job reads back final
// positions and the decimated loss records once at the end, or when the signal stops it
// (partial results are kept). stepsPerDispatch adapts so a submission takes about
// targetSubmitS (descent-chunks.ts, the loop shared with the p-spin backend).

import type { DescentBackend, DescentControl, DescentJob, DescentResult } from '../landscape/descent.ts';
import { momentumOf } from '../landscape/optimizer.ts';
import { collectDescent, DEFAULT_TARGET_SUBMIT_S, descentLost, runChunks } from './descent-chunks.ts';
import { descentLayout, DescentParams, RUN_STATUS_BYTE_LENGTH } from './descent-layout.ts';
import { dispatchShape } from './dispatch.ts';
import { openGpuContext, type GpuContext } from './gpu-context.ts';
import { kernelCacheFor } from './kernel-cache.ts';
import { descentKernelSource } from './shader-source.ts';

/** Invocations per workgroup (the WGSL `override WORKGROUP_SIZE`); one run each. */
export const DESCENT_WORKGROUP_SIZE = 64;
const F32_BYTES = 4;
const MAX_STEPS_PER_DISPATCH = 4096;

export interface DescentRunnerOptions {
  /** Fixes stepsPerDispatch (tests: results must not depend on it); adaptive when absent. */
  stepsPerDispatch?: number;
  targetSubmitS?: number;
  /** Lower than the device's limit only to exercise 2-D dispatch in tests. */
  maxWorkgroupsPerDimension?: number;
  /** Whether destroy() also destroys the context's device (default true). */
  ownsContext?: boolean;
}

export async function createGpuDescentBackend(gpu: GPU, options: DescentRunnerOptions = {}): Promise<DescentBackend> {
  return descentBackendOnContext(await openGpuContext(gpu), options);
}

function checkJob(job: DescentJob): void {
  const fail = (field: string, value: unknown, rule: string): never => {
    throw new RangeError(`invalid descent job ${field}: ${String(value)} (${rule})`);
  };
  if (!Number.isInteger(job.runs) || job.runs < 1) fail('runs', job.runs, 'must be a positive integer');
  if (!Number.isInteger(job.maxSteps) || job.maxSteps < 0 || job.maxSteps >= 2 ** 32) fail('maxSteps', job.maxSteps, 'must be a u32');
  if (!Number.isInteger(job.recordStride) || job.recordStride < 1) fail('recordStride', job.recordStride, 'must be a positive integer');
  if (!Number.isInteger(job.recordCapacity) || job.recordCapacity < 0) fail('recordCapacity', job.recordCapacity, 'must be a non-negative integer');
  if (!(job.gradientTolerance >= 0)) fail('gradientTolerance', job.gradientTolerance, 'must be ≥ 0');
}

export function descentBackendOnContext(context: GpuContext, options: DescentRunnerOptions = {}): DescentBackend {
  const { device, root } = context;
  const kernels = kernelCacheFor(device, root);
  const maxWorkgroups = Math.min(options.maxWorkgroupsPerDimension ?? Infinity, device.limits.maxComputeWorkgroupsPerDimension);
  const targetSubmitS = options.targetSubmitS ?? DEFAULT_TARGET_SUBMIT_S;
  let destroyed = false;
  // Jobs share nothing but the device; they still run one at a time so timings stay honest.
  let queue: Promise<unknown> = Promise.resolve();

  async function descend(job: DescentJob, control: DescentControl = {}): Promise<DescentResult> {
    if (destroyed) throw new Error('the GPU descent backend was destroyed');
    checkJob(job);
    const { landscape, runs, recordCapacity } = job;
    const dimension = landscape.dimension;
    const { shader, constants, data } = landscape.kernel;
    const constantsKey = Object.entries(constants).map(([name, value]) => `${name}${value}`).join('-');
    const { pipeline, compileS } = await kernels.get({
      key: `descent-${shader}-${constantsKey}-dim${dimension}`,
      source: () => descentKernelSource(shader, dimension, constants),
      layout: descentLayout,
      constants: { WORKGROUP_SIZE: DESCENT_WORKGROUP_SIZE },
    });

    const starts = new Float32Array(runs * dimension);
    for (let run = 0; run < runs; run++) starts.set(landscape.start(job.seed, job.firstRun + run), run * dimension);
    const positionBytes = starts.byteLength;
    const statusBytes = runs * RUN_STATUS_BYTE_LENGTH;
    const recordBytes = Math.max(F32_BYTES, runs * recordCapacity * F32_BYTES);
    const storage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
    const positions = device.createBuffer({ label: 'descent positions', size: positionBytes, usage: storage });
    // New buffers are zero-filled: velocities start at rest and every status at step 0, DESCENDING.
    const velocities = device.createBuffer({ label: 'descent velocities', size: positionBytes, usage: storage });
    const status = device.createBuffer({ label: 'descent status', size: statusBytes, usage: storage });
    const records = device.createBuffer({ label: 'descent loss records', size: recordBytes, usage: storage });
    const dataBuffer = device.createBuffer({ label: 'landscape data', size: Math.max(F32_BYTES, data?.byteLength ?? 0), usage: storage });
    const params = root.createBuffer(DescentParams).$usage('uniform').$name('descent params');
    try {
      device.queue.writeBuffer(positions, 0, starts);
      if (recordCapacity > 0) device.queue.writeBuffer(records, 0, new Float32Array(runs * recordCapacity).fill(NaN));
      if (data && data.byteLength > 0) device.queue.writeBuffer(dataBuffer, 0, data);
      const bindGroup = root.unwrap(
        root.createBindGroup(descentLayout, { params, positions, velocities, status, records, data: dataBuffer }),
      );
      const shape = dispatchShape(runs, DESCENT_WORKGROUP_SIZE, maxWorkgroups);
      const started = performance.now();
      const end = await runChunks({
        device, runs, status, statusBytes, label: 'descent', failure: 'GPU descent failed',
        fixedSteps: options.stepsPerDispatch, targetSubmitS, maxChunkSteps: MAX_STEPS_PER_DISPATCH,
        encodeChunk(stepsPerDispatch) {
          params.write({
            runs,
            workgroupsX: shape.workgroupsX,
            stepsPerDispatch,
            maxSteps: job.maxSteps,
            recordStride: job.recordStride,
            recordCapacity,
            step: job.optimizer.step,
            beta: momentumOf(job.optimizer),
            gradientTolerance: job.gradientTolerance,
          });
          const encoder = device.createCommandEncoder({ label: 'descent chunk' });
          const pass = encoder.beginComputePass({ label: 'descent chunk pass' });
          pass.setPipeline(pipeline);
          pass.setBindGroup(0, bindGroup);
          pass.dispatchWorkgroups(shape.workgroupsX, shape.workgroupsY);
          pass.end();
          return encoder.finish();
        },
      }, control);
      return await collectDescent(device, 'descent', { positions, positionBytes, records, recordBytes }, { runs, dimension, recordCapacity }, end, { started, compileS });
    } finally {
      positions.destroy();
      velocities.destroy();
      status.destroy();
      records.destroy();
      dataBuffer.destroy();
      params.destroy();
    }
  }

  return {
    kind: 'gpu',
    description: context.description,
    descend(job, control) {
      const result = queue.then(() => descend(job, control));
      queue = result.catch(() => undefined);
      return result;
    },
    lost: descentLost(context),
    destroy(): void {
      if (destroyed) return;
      destroyed = true;
      if (options.ownsContext ?? true) context.destroy();
    },
  };
}
