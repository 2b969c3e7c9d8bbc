// Many gradient descents on one p-spin disorder at once (issue 8). The coupling K is generated
// on the GPU from Philox (shaders/landscape/pspin-coupling.wgsl) and never leaves it; the run
// state (σ, velocity, gradient, per-run status, decimated energies) lives in storage buffers
// that persist across dispatches. A chunk of steps is one submission of alternating
// gradient (tiled K·X product) and step dispatches; only the per-run status (16 bytes a run)
// is read back between chunks, to stop when every run has converged or run out of steps.
//
// Meant to fold into the shared descent machinery (src/gpu/ descent runner, issue 9) once it
// exists: the kernels are described as data (kernel-descriptor.ts), bound by name, and the
// landscape-specific part is only which kernels run per step.

import { pspinKernelSource } from './shader-source.ts';
import { KernelCache, type Kernel } from './kernel-descriptor.ts';

export const RUN_STATE = { running: 0, converged: 1, outOfSteps: 2 } as const;

export interface PspinShape {
  p: number;
  n: number;
  runs: number;
  /** Energy records kept per run (steps 0, recordEvery, …). */
  maxRecords: number;
}

export interface PspinStepSettings {
  eta: number;
  /** 0 for projected gradient descent. */
  beta: number;
  tolerance: number;
  maxSteps: number;
  recordEvery: number;
}

export interface PspinRunsResult {
  /** Run-major end points, runs × N. */
  sigma: Float32Array;
  steps: Uint32Array;
  /** RUN_STATE per run. */
  state: Uint32Array;
  /** u and RMS tangent gradient at each run's last evaluated point. */
  energy: Float32Array;
  gradientRms: Float32Array;
  /** maxRecords × runs, record-major; NaN where a run had stopped. */
  energies: Float32Array;
}

export interface DescendOptions {
  /** Steps encoded per submission (default grows from 8 towards ~0.25 s per chunk). */
  chunkSteps?: number;
  onProgress?: (progress: { steps: number; running: number }) => void;
  /** Checked between chunks; a stop keeps the partial state. */
  shouldStop?: () => boolean;
}

const F32 = 4;
const STATUS_BYTES = 16;
const TILE = 32;
const COUPLING_WORKGROUP = 256;
const STEP_PARAMS_BYTES = 32;

function twoD(workgroups: number, max: number): [number, number] {
  const x = Math.min(workgroups, max);
  return [x, Math.ceil(workgroups / x)];
}

interface PspinKernels {
  coupling: Kernel<'params' | 'coupling'>;
  gradient: Kernel<'params' | 'coupling' | 'sigma' | 'grad'>;
  step: Kernel<'params' | 'grad' | 'sigma' | 'velocity' | 'status' | 'energies'>;
  probe: Kernel<'params' | 'probe'>;
}

export class PspinDescentRunner {
  readonly #device: GPUDevice;
  readonly shape: PspinShape;
  readonly #kernels: PspinKernels;
  readonly #buffers: Record<'disorderParams' | 'gradientParams' | 'stepParams' | 'coupling' | 'sigma' | 'grad' | 'velocity' | 'status' | 'energies', GPUBuffer>;
  readonly #groups: { coupling: GPUBindGroup; gradient: GPUBindGroup; step: GPUBindGroup };

  private constructor(device: GPUDevice, shape: PspinShape, kernels: PspinKernels) {
    this.#device = device;
    this.shape = shape;
    this.#kernels = kernels;
    const { n, p, runs, maxRecords } = shape;
    const storage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
    const make = (label: string, size: number, usage = storage) => device.createBuffer({ label: `pspin ${label}`, size: Math.max(16, size), usage });
    const uniform = GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST;
    this.#buffers = {
      disorderParams: make('disorder params', 32, uniform),
      gradientParams: make('gradient params', 16, uniform),
      stepParams: make('step params', STEP_PARAMS_BYTES, uniform),
      coupling: make('coupling K', n ** p * F32),
      sigma: make('sigma', runs * n * F32),
      grad: make('gradient', runs * n * F32),
      velocity: make('velocity', runs * n * F32),
      status: make('status', runs * STATUS_BYTES),
      energies: make('energies', maxRecords * runs * F32),
    };
    const b = this.#buffers;
    this.#groups = {
      coupling: kernels.coupling.bind({ params: b.disorderParams, coupling: b.coupling }),
      gradient: kernels.gradient.bind({ params: b.gradientParams, coupling: b.coupling, sigma: b.sigma, grad: b.grad }),
      step: kernels.step.bind({ params: b.stepParams, grad: b.grad, sigma: b.sigma, velocity: b.velocity, status: b.status, energies: b.energies }),
    };
    device.queue.writeBuffer(b.gradientParams, 0, new Uint32Array([runs, 0, 0, 0]));
  }

  static async create(device: GPUDevice, cache: KernelCache, shape: PspinShape): Promise<PspinDescentRunner> {
    const { p, n } = shape;
    const [coupling, gradient, step, probe] = await Promise.all([
      cache.get({ label: `pspin-coupling p${p} n${n}`, code: pspinKernelSource('coupling', p, n), bindings: { params: { binding: 0, kind: 'uniform' }, coupling: { binding: 1, kind: 'storage' } } }),
      cache.get({
        label: `pspin-gradient p${p} n${n}`,
        code: pspinKernelSource('gradient', p, n),
        bindings: { params: { binding: 0, kind: 'uniform' }, coupling: { binding: 1, kind: 'read-only-storage' }, sigma: { binding: 2, kind: 'read-only-storage' }, grad: { binding: 3, kind: 'storage' } },
      }),
      cache.get({
        label: `pspin-step p${p} n${n}`,
        code: pspinKernelSource('step', p, n),
        bindings: {
          params: { binding: 0, kind: 'uniform' },
          grad: { binding: 1, kind: 'read-only-storage' },
          sigma: { binding: 2, kind: 'storage' },
          velocity: { binding: 3, kind: 'storage' },
          status: { binding: 4, kind: 'storage' },
          energies: { binding: 5, kind: 'storage' },
        },
      }),
      cache.get({ label: `pspin-disorder-probe p${p} n${n}`, code: pspinKernelSource('disorder-probe', p, n), bindings: { params: { binding: 0, kind: 'uniform' }, probe: { binding: 1, kind: 'storage' } } }),
    ]);
    return new PspinDescentRunner(device, shape, { coupling, gradient, step, probe });
  }

  #writeDisorderParams(key: readonly [number, number], disorder: readonly [number, number], tag: number, scale: number, firstBlock = 0, blockCount = 0): void {
    const view = new DataView(new ArrayBuffer(32));
    view.setUint32(0, key[0], true);
    view.setUint32(4, key[1], true);
    view.setUint32(8, disorder[0], true);
    view.setUint32(12, disorder[1], true);
    view.setUint32(16, tag, true);
    view.setFloat32(20, scale, true);
    view.setUint32(24, firstBlock, true);
    view.setUint32(28, blockCount, true);
    this.#device.queue.writeBuffer(this.#buffers.disorderParams, 0, view.buffer);
  }

  /** Fills K for one disorder on the GPU (counter words from streams.ts's layout). */
  generateCoupling(key: readonly [number, number], disorder: readonly [number, number], tag: number, scale: number): void {
    const { p, n } = this.shape;
    this.#writeDisorderParams(key, disorder, tag, scale);
    const [x, y] = twoD(Math.ceil(n ** p / COUPLING_WORKGROUP), this.#device.limits.maxComputeWorkgroupsPerDimension);
    const encoder = this.#device.createCommandEncoder({ label: 'pspin coupling' });
    const pass = encoder.beginComputePass({ label: 'pspin coupling pass' });
    pass.setPipeline(this.#kernels.coupling.pipeline);
    pass.setBindGroup(0, this.#groups.coupling);
    pass.dispatchWorkgroups(x, y);
    pass.end();
    this.#device.queue.submit([encoder.finish()]);
  }

  /** Philox words and f32 J entries of disorder blocks first..first+count−1 (tests). */
  async probeDisorder(key: readonly [number, number], disorder: readonly [number, number], tag: number, firstBlock: number, blockCount: number): Promise<{ words: Uint32Array; entries: Float32Array }> {
    const device = this.#device;
    this.#writeDisorderParams(key, disorder, tag, 1, firstBlock, blockCount);
    const probe = device.createBuffer({ label: 'pspin disorder probe', size: blockCount * 32, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
    const group = this.#kernels.probe.bind({ params: this.#buffers.disorderParams, probe });
    const encoder = device.createCommandEncoder({ label: 'pspin disorder probe' });
    const pass = encoder.beginComputePass();
    pass.setPipeline(this.#kernels.probe.pipeline);
    pass.setBindGroup(0, group);
    const [x, y] = twoD(Math.ceil(blockCount / COUPLING_WORKGROUP), device.limits.maxComputeWorkgroupsPerDimension);
    pass.dispatchWorkgroups(x, y);
    pass.end();
    device.queue.submit([encoder.finish()]);
    const raw = await this.#read(probe, 0, blockCount * 32);
    probe.destroy();
    const words = new Uint32Array(4 * blockCount);
    const entries = new Float32Array(4 * blockCount);
    const u = new Uint32Array(raw);
    const f = new Float32Array(raw);
    for (let i = 0; i < blockCount; i++)
      for (let m = 0; m < 4; m++) {
        words[4 * i + m] = u[8 * i + m];
        entries[4 * i + m] = f[8 * i + 4 + m];
      }
    return { words, entries };
  }

  async readCoupling(): Promise<Float32Array> {
    const { p, n } = this.shape;
    return new Float32Array(await this.#read(this.#buffers.coupling, 0, n ** p * F32));
  }

  /** Runs every start (run-major runs × N, on the sphere) until converged or out of steps. */
  async descend(starts: Float32Array<ArrayBuffer>, settings: PspinStepSettings, options: DescendOptions = {}): Promise<PspinRunsResult> {
    const device = this.#device;
    const { n, runs, maxRecords } = this.shape;
    const b = this.#buffers;
    if (starts.length !== runs * n) throw new RangeError(`invalid starts: length ${starts.length} (must be runs·N = ${runs * n})`);
    device.queue.writeBuffer(b.sigma, 0, starts);
    device.queue.writeBuffer(b.velocity, 0, new Float32Array(runs * n));
    device.queue.writeBuffer(b.status, 0, new Uint32Array(runs * 4));
    device.queue.writeBuffer(b.energies, 0, new Float32Array(maxRecords * runs).fill(NaN));
    const params = new DataView(new ArrayBuffer(STEP_PARAMS_BYTES));
    params.setFloat32(0, settings.eta, true);
    params.setFloat32(4, settings.beta, true);
    params.setFloat32(8, settings.tolerance, true);
    params.setUint32(12, settings.maxSteps, true);
    params.setUint32(16, settings.recordEvery, true);
    params.setUint32(20, maxRecords, true);
    params.setUint32(24, runs, true);
    device.queue.writeBuffer(b.stepParams, 0, params.buffer);

    let chunk = options.chunkSteps ?? 8;
    let encoded = 0;
    let status = new Uint32Array(runs * 4);
    // A run takes at most maxSteps + 1 evaluations; stop encoding once every run has stopped.
    while (encoded <= settings.maxSteps) {
      const steps = Math.min(chunk, settings.maxSteps + 1 - encoded);
      const started = performance.now();
      this.#encodeSteps(steps);
      encoded += steps;
      status = new Uint32Array(await this.#read(b.status, 0, runs * STATUS_BYTES));
      let running = 0;
      for (let r = 0; r < runs; r++) if (status[4 * r + 1] === RUN_STATE.running) running++;
      options.onProgress?.({ steps: encoded, running });
      if (running === 0 || options.shouldStop?.()) break;
      const seconds = (performance.now() - started) / 1000;
      if (options.chunkSteps === undefined && seconds < 0.25) chunk = Math.min(chunk * 2, 4096);
    }
    const sigma = new Float32Array(await this.#read(b.sigma, 0, runs * n * F32));
    const energies = new Float32Array(await this.#read(b.energies, 0, maxRecords * runs * F32));
    const asFloat = new Float32Array(status.buffer);
    const result: PspinRunsResult = {
      sigma,
      steps: new Uint32Array(runs),
      state: new Uint32Array(runs),
      energy: new Float32Array(runs),
      gradientRms: new Float32Array(runs),
      energies,
    };
    for (let r = 0; r < runs; r++) {
      result.steps[r] = status[4 * r];
      result.state[r] = status[4 * r + 1];
      result.energy[r] = asFloat[4 * r + 2];
      result.gradientRms[r] = asFloat[4 * r + 3];
    }
    return result;
  }

  #encodeSteps(steps: number): void {
    const { n, runs } = this.shape;
    const encoder = this.#device.createCommandEncoder({ label: 'pspin steps' });
    const pass = encoder.beginComputePass({ label: 'pspin steps pass' });
    const gradientGroups: [number, number] = [Math.ceil(runs / TILE), Math.ceil(n / TILE)];
    for (let s = 0; s < steps; s++) {
      pass.setPipeline(this.#kernels.gradient.pipeline);
      pass.setBindGroup(0, this.#groups.gradient);
      pass.dispatchWorkgroups(...gradientGroups);
      pass.setPipeline(this.#kernels.step.pipeline);
      pass.setBindGroup(0, this.#groups.step);
      pass.dispatchWorkgroups(runs);
    }
    pass.end();
    this.#device.queue.submit([encoder.finish()]);
  }

  async #read(source: GPUBuffer, offset: number, byteLength: number): Promise<ArrayBuffer> {
    const device = this.#device;
    const readback = device.createBuffer({ label: 'pspin readback', size: byteLength, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    const encoder = device.createCommandEncoder({ label: 'pspin readback' });
    encoder.copyBufferToBuffer(source, offset, readback, 0, byteLength);
    device.queue.submit([encoder.finish()]);
    await readback.mapAsync(GPUMapMode.READ);
    const copy = readback.getMappedRange().slice(0);
    readback.unmap();
    readback.destroy();
    return copy;
  }

  destroy(): void {
    for (const buffer of Object.values(this.#buffers)) buffer.destroy();
  }
}
