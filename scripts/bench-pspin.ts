// Speed of the p-spin descent step (issue 8), a command rather than a timed test:
//   npx tsx scripts/bench-pspin.ts [N …]      (default 64 128 256)
// For p = 3 and each N: the WGSL kernels on whatever adapter Dawn finds (SwiftShader here), the
// float64 CPU twin (src/cpu/cpu-descent.ts), and a numpy batched implementation of the same
// update (scripts/bench-pspin-numpy.py) in the same run. One JSON line each: run-steps per
// second and GFLOP/s of the contraction (2·N³ flops per run-step; the step's O(N) work and, on
// the GPU, the per-submission status readback are included in the time, compile and K
// generation are not). Needs VK_ICD_FILENAMES for SwiftShader (see vite.config.ts).
import './raw-imports.ts';
import { execFileSync } from 'node:child_process';

const { nodeGpu } = await import('../src/gpu/node-gpu.ts');
const { createPspinGpuBackend } = await import('../src/gpu/pspin-descent-backend.ts');
const { descendOnCpu } = await import('../src/cpu/cpu-descent.ts');
const { createPspinLandscape } = await import('../src/landscape/pspin/landscape.ts');

const ns = process.argv.slice(2).map(Number);
/** (runs, steps) per backend and N: sized so each measurement takes ~5–40 s on 2 shared cores. */
const SIZES: Record<number, { gpu: [number, number]; cpu: [number, number]; numpy: [number, number] }> = {
  64: { gpu: [64, 16], cpu: [4, 20], numpy: [64, 40] },
  128: { gpu: [32, 4], cpu: [2, 4], numpy: [64, 10] },
  256: { gpu: [32, 1], cpu: [1, 1], numpy: [32, 2] },
};

const provider = await nodeGpu();
const gpu = await createPspinGpuBackend(provider.gpu);
const line = (fields: Record<string, unknown>) => console.log(JSON.stringify(fields));
for (const n of ns.length > 0 ? ns : [64, 128, 256]) {
  const size = SIZES[n] ?? SIZES[64]!;
  const landscape = createPspinLandscape({ p: 3, n, seed: 1, disorder: 0 });
  const job = (runs: number, maxSteps: number) => ({
    landscape, seed: 1, firstRun: 0, runs, optimizer: { kind: 'heavy-ball' as const, step: 0.1, beta: 0.9 },
    gradientTolerance: 0, maxSteps, recordStride: 1, recordCapacity: 0,
  });
  const rate = (runs: number, steps: number, seconds: number) => ({
    run_steps_per_s: (runs * steps) / seconds,
    gflops: (2 * n ** 3 * runs * steps) / seconds / 1e9,
  });
  {
    const [runs, steps] = size.gpu;
    await gpu.descend(job(runs, 1)); // compiles and generates K
    const started = performance.now();
    await gpu.descend(job(runs, steps));
    line({ backend: 'gpu', adapter: gpu.description, n, runs, steps, ...rate(runs, steps, (performance.now() - started) / 1000) });
  }
  {
    const [runs, steps] = size.cpu;
    await descendOnCpu(job(1, 0)); // builds J and K in float64
    const started = performance.now();
    await descendOnCpu(job(runs, steps));
    line({ backend: 'cpu', n, runs, steps, ...rate(runs, steps, (performance.now() - started) / 1000) });
  }
  {
    const [runs, steps] = size.numpy;
    const out = execFileSync('python3', ['scripts/bench-pspin-numpy.py', String(n), String(runs), String(steps)], {
      env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
    });
    process.stdout.write(out);
  }
}
gpu.destroy();
provider.release();
