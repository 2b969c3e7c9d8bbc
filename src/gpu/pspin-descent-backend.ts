// The GPU descent backend for the spherical p-spin (issue 8), under the shared descent
// contract (src/landscape/descent.ts): the same jobs, results, phases and chunking as
// descent-runner.ts, with kernels shaped for this landscape instead of the generic one.
// - K (N × N^(p−1)) is generated on the device from the disorder's Philox words
//   (pspin-coupling.wgsl) and never uploaded; it is kept for the next job on the same disorder.
// - Each step is two dispatches: the gradient of every run as one tiled matrix product
//   (pspin-gradient.wgsl) and the sphere's heavy-ball update (pspin-step.wgsl). A submission
//   encodes a chunk of steps; each run counts its own, so no uniform changes inside a chunk.
// - Only the per-run status (16 bytes a run) is read back between chunks; positions and the
//   decimated loss records once at the end, or when the signal stops the job.
// The chunk length adapts to about targetSubmitS per submission (descent-chunks.ts, the loop
// shared with descent-runner.ts).

import * as d from 'typegpu/data';
import type { DescentBackend, DescentControl, DescentJob, DescentResult } from '../landscape/descent.ts';
import { momentumOf } from '../landscape/optimizer.ts';
import { isPspinLandscape, type PspinInstance } from '../landscape/pspin/landscape.ts';
import { couplingScale } from '../landscape/pspin/model.ts';
import { pspinTag } from '../landscape/pspin/streams.ts';
import { indexWords, seedKey } from '../model/stream.ts';
import { collectDescent, DEFAULT_TARGET_SUBMIT_S, descentLost, runChunks } from './descent-chunks.ts';
import { RUN_STATUS_BYTE_LENGTH } from './descent-layout.ts';
import { openGpuContext, type GpuContext } from './gpu-context.ts';
import { readBuffer } from './read-buffer.ts';
import { kernelCacheFor } from './kernel-cache.ts';
import { DisorderParams, GradientParams, StepParams } from './pspin-layout.ts';
import { pspinKernelLayout, pspinKernelSource, type PspinKernel } from './shader-source.ts';

const F32_BYTES = 4;
/** Output tile of pspin-gradient.wgsl (TILE_K = TILE_R). */
const GRADIENT_TILE = 32;
const FLAT_WORKGROUP = 256;
const PROBE_BYTES = 32;
const MAX_STEPS_PER_SUBMIT = 4096;

export interface PspinBackendOptions {
  /** Fixes the steps per submission (tests: results must not depend on it). */
  stepsPerSubmit?: number;
  targetSubmitS?: number;
  /** Whether destroy() also destroys the context's device (default true). */
  ownsContext?: boolean;
}

export interface PspinGpuBackend extends DescentBackend {
  /** Philox words and f32 J entries of disorder blocks first…first+count−1 (tests). */
  probeDisorder(instance: PspinInstance, firstBlock: number, blockCount: number): Promise<{ words: Uint32Array; entries: Float32Array }>;
  /** K of the instance as the device holds it (tests). */
  readCoupling(instance: PspinInstance): Promise<Float32Array>;
}

export async function createPspinGpuBackend(gpu: GPU, options: PspinBackendOptions = {}): Promise<PspinGpuBackend> {
  return pspinBackendOnContext(await openGpuContext(gpu), options);
}

const twoD = (workgroups: number, max: number): [number, number] => {
  const x = Math.max(1, Math.min(workgroups, max));
  return [x, Math.ceil(workgroups / x)];
};

const instanceKey = ({ p, n, seed, disorder }: PspinInstance) => `p${p}-n${n}-seed${seed}-disorder${disorder}`;

export function pspinBackendOnContext(context: GpuContext, options: PspinBackendOptions = {}): PspinGpuBackend {
  const { device, root } = context;
  const cache = kernelCacheFor(device, root);
  const maxWorkgroups = device.limits.maxComputeWorkgroupsPerDimension;
  const targetSubmitS = options.targetSubmitS ?? DEFAULT_TARGET_SUBMIT_S;
  const storage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
  const disorderParams = root.createBuffer(DisorderParams).$usage('uniform').$name('pspin disorder params');
  let coupling: { key: string; buffer: GPUBuffer } | undefined;
  let destroyed = false;
  let queue: Promise<unknown> = Promise.resolve();

  const kernel = (name: PspinKernel, p: number, n: number) =>
    cache.get({ key: `pspin-${name}-p${p}-n${n}`, source: () => pspinKernelSource(name, p, n), layout: pspinKernelLayout(name) });

  const readBack = (source: GPUBuffer, byteLength: number, label: string) => readBuffer(device, source, byteLength, label);

  function writeDisorder(instance: PspinInstance, firstBlock = 0, blockCount = 0): void {
    const { p, n, seed, disorder } = instance;
    const [k0, k1] = seedKey(seed);
    const [c0, c1] = indexWords(disorder);
    disorderParams.write({ key: d.vec2u(k0, k1), disorder: d.vec2u(c0, c1), tag: pspinTag(p, n, 'disorder'), scale: couplingScale(p, n), firstBlock, blockCount });
  }

  /** The device's K for `instance`, generated unless it is the one already held. */
  async function couplingFor(instance: PspinInstance): Promise<GPUBuffer> {
    const key = instanceKey(instance);
    if (coupling?.key === key) return coupling.buffer;
    coupling?.buffer.destroy();
    coupling = undefined;
    const { p, n } = instance;
    const { pipeline } = await kernel('coupling', p, n);
    const buffer = device.createBuffer({ label: `pspin K ${key}`, size: n ** p * F32_BYTES, usage: storage });
    writeDisorder(instance);
    const group = root.unwrap(root.createBindGroup(pspinKernelLayout('coupling'), { params: disorderParams, coupling: buffer }));
    const encoder = device.createCommandEncoder({ label: 'pspin coupling' });
    const pass = encoder.beginComputePass({ label: 'pspin coupling pass' });
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, group);
    pass.dispatchWorkgroups(...twoD(Math.ceil(n ** p / FLAT_WORKGROUP), maxWorkgroups));
    pass.end();
    device.queue.submit([encoder.finish()]);
    coupling = { key, buffer };
    return buffer;
  }

  async function descend(job: DescentJob, control: DescentControl = {}): Promise<DescentResult> {
    if (destroyed) throw new Error('the p-spin GPU backend was destroyed');
    const { landscape, runs, recordCapacity } = job;
    if (!isPspinLandscape(landscape)) throw new Error(`the p-spin GPU backend cannot run landscape ${landscape.id}`);
    if (!Number.isInteger(runs) || runs < 1 || runs > maxWorkgroups) throw new RangeError(`invalid descent job runs: ${runs} (must be an integer in [1, ${maxWorkgroups}])`);
    const { p, n } = landscape.pspin;
    const compileStarted = performance.now();
    const [gradientKernel, stepKernel] = await Promise.all([kernel('gradient', p, n), kernel('step', p, n)]);
    const couplingBuffer = await couplingFor(landscape.pspin);
    const compileS = gradientKernel.compileS + stepKernel.compileS > 0 ? (performance.now() - compileStarted) / 1000 : 0;

    const starts = new Float32Array(runs * n);
    for (let run = 0; run < runs; run++) starts.set(landscape.start(job.seed, job.firstRun + run), run * n);
    const positionBytes = starts.byteLength;
    const statusBytes = runs * RUN_STATUS_BYTE_LENGTH;
    const recordBytes = Math.max(F32_BYTES, runs * recordCapacity * F32_BYTES);
    const positions = device.createBuffer({ label: 'pspin positions', size: positionBytes, usage: storage });
    // New buffers are zero-filled: velocities at rest, every status at step 0, DESCENDING.
    const velocities = device.createBuffer({ label: 'pspin velocities', size: positionBytes, usage: storage });
    const gradients = device.createBuffer({ label: 'pspin gradients', size: positionBytes, usage: storage });
    const status = device.createBuffer({ label: 'pspin status', size: statusBytes, usage: storage });
    const records = device.createBuffer({ label: 'pspin loss records', size: recordBytes, usage: storage });
    const gradientParams = root.createBuffer(GradientParams, { runs }).$usage('uniform').$name('pspin gradient params');
    const stepParams = root
      .createBuffer(StepParams, {
        step: job.optimizer.step,
        beta: momentumOf(job.optimizer),
        gradientTolerance: job.gradientTolerance,
        maxSteps: job.maxSteps,
        recordStride: job.recordStride,
        recordCapacity,
        runs,
      })
      .$usage('uniform')
      .$name('pspin step params');
    try {
      device.queue.writeBuffer(positions, 0, starts);
      if (recordCapacity > 0) device.queue.writeBuffer(records, 0, new Float32Array(runs * recordCapacity).fill(NaN));
      const gradientGroup = root.unwrap(root.createBindGroup(pspinKernelLayout('gradient'), { params: gradientParams, coupling: couplingBuffer, positions, gradients }));
      const stepGroup = root.unwrap(root.createBindGroup(pspinKernelLayout('step'), { params: stepParams, gradients, positions, velocities, status, records }));
      const gradientGroups: [number, number] = [Math.ceil(runs / GRADIENT_TILE), Math.ceil(n / GRADIENT_TILE)];
      const started = performance.now();
      // A run evaluates at most maxSteps + 1 points; past that every run has left DESCENDING.
      const end = await runChunks({
        device, runs, status, statusBytes, label: 'pspin', failure: 'GPU p-spin descent failed',
        fixedSteps: options.stepsPerSubmit, targetSubmitS, maxChunkSteps: MAX_STEPS_PER_SUBMIT, stepLimit: job.maxSteps + 1,
        encodeChunk(steps) {
          const encoder = device.createCommandEncoder({ label: 'pspin steps' });
          const pass = encoder.beginComputePass({ label: 'pspin steps pass' });
          for (let s = 0; s < steps; s++) {
            pass.setPipeline(gradientKernel.pipeline);
            pass.setBindGroup(0, gradientGroup);
            pass.dispatchWorkgroups(...gradientGroups);
            pass.setPipeline(stepKernel.pipeline);
            pass.setBindGroup(0, stepGroup);
            pass.dispatchWorkgroups(runs);
          }
          pass.end();
          return encoder.finish();
        },
      }, control);
      return await collectDescent(device, 'pspin', { positions, positionBytes, records, recordBytes }, { runs, dimension: n, recordCapacity }, end, { started, compileS });
    } finally {
      for (const buffer of [positions, velocities, gradients, status, records]) buffer.destroy();
      gradientParams.destroy();
      stepParams.destroy();
    }
  }

  async function probeDisorder(instance: PspinInstance, firstBlock: number, blockCount: number) {
    const { pipeline } = await kernel('disorder-probe', instance.p, instance.n);
    const probe = device.createBuffer({ label: 'pspin disorder probe', size: blockCount * PROBE_BYTES, usage: storage });
    try {
      writeDisorder(instance, firstBlock, blockCount);
      const group = root.unwrap(root.createBindGroup(pspinKernelLayout('disorder-probe'), { params: disorderParams, probe }));
      const encoder = device.createCommandEncoder({ label: 'pspin disorder probe' });
      const pass = encoder.beginComputePass();
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, group);
      pass.dispatchWorkgroups(...twoD(Math.ceil(blockCount / FLAT_WORKGROUP), maxWorkgroups));
      pass.end();
      device.queue.submit([encoder.finish()]);
      const raw = await readBack(probe, blockCount * PROBE_BYTES, 'pspin probe readback');
      const u = new Uint32Array(raw);
      const f = new Float32Array(raw);
      const words = new Uint32Array(4 * blockCount);
      const entries = new Float32Array(4 * blockCount);
      for (let i = 0; i < blockCount; i++)
        for (let m = 0; m < 4; m++) {
          words[4 * i + m] = u[8 * i + m];
          entries[4 * i + m] = f[8 * i + 4 + m];
        }
      return { words, entries };
    } finally {
      probe.destroy();
    }
  }

  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  };

  return {
    kind: 'gpu',
    description: context.description,
    descend: (job, control) => serial(() => descend(job, control)),
    probeDisorder: (instance, first, count) => serial(() => probeDisorder(instance, first, count)),
    readCoupling: (instance) =>
      serial(async () => new Float32Array(await readBack(await couplingFor(instance), instance.n ** instance.p * F32_BYTES, 'pspin K readback'))),
    lost: descentLost(context),
    destroy(): void {
      if (destroyed) return;
      destroyed = true;
      coupling?.buffer.destroy();
      disorderParams.destroy();
      if (options.ownsContext ?? true) context.destroy();
    },
  };
}
