// Speed of the Width descents (issue 9): descents × steps per second at k = n = 10 and 20 on the
// GPU path (Dawn; SwiftShader on a machine without a GPU), on the float64 CPU twin, and on a
// numpy batched implementation of the same update (scripts/bench-width.py), all in one run on
// this machine. Plain descent with the tolerance at 0, so every run takes every step; compile
// time excluded (a warm-up job first) and reported.
// Usage: npx tsx scripts/bench-width.ts [--runs 256] [--steps 200]   (one JSON line per measurement)

import './raw-imports.ts';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';

// Dawn reads these when it loads (below, through a dynamic import), as vite.config.ts sets them for the tests.
process.env.VK_ICD_FILENAMES ??= '/usr/lib/chromium/vk_swiftshader_icd.json';
process.env.XDG_RUNTIME_DIR ??= '/tmp';

const { values } = parseArgs({ options: { runs: { type: 'string' }, steps: { type: 'string' } } });
const runs = Number(values.runs ?? 256);
const baseSteps = Number(values.steps ?? 200);

const { descendOnCpu } = await import('../src/cpu/cpu-descent.ts');
const { createTeacherStudent } = await import('../src/landscape/teacher-student.ts');
const { nodeGpu } = await import('../src/gpu/node-gpu.ts');
const { createGpuDescentBackend } = await import('../src/gpu/descent-runner.ts');
type Job = import('../src/landscape/descent.ts').DescentJob;

const provider = await nodeGpu();
const gpu = await createGpuDescentBackend(provider.gpu);
const line = (record: object) => console.log(JSON.stringify(record));

for (const k of [10, 20]) {
  // Fewer steps at k = 20 (8× the work per step) keep each measurement near the same length.
  const steps = k === 10 ? baseSteps : Math.max(10, Math.round(baseSteps / 4));
  const job = (count: number, maxSteps: number): Job => ({
    landscape: createTeacherStudent({ k, n: k }), seed: 1, firstRun: 0, runs: count,
    optimizer: { kind: 'gd', step: 5 / k, beta: 0 }, gradientTolerance: 0, maxSteps, recordStride: 1000, recordCapacity: 1,
  });
  const warm = await gpu.descend(job(runs, 1));
  const onGpu = await gpu.descend(job(runs, steps));
  line({ backend: 'gpu', device: gpu.description, k, n: k, runs, steps, seconds: onGpu.descentS, descent_steps_per_s: (runs * steps) / onGpu.descentS, compile_s: warm.compileS });
  const cpuRuns = Math.max(8, Math.round(runs / 8));
  await descendOnCpu(job(4, steps));
  const onCpu = await descendOnCpu(job(cpuRuns, steps));
  line({ backend: 'cpu', k, n: k, runs: cpuRuns, steps, seconds: onCpu.descentS, descent_steps_per_s: (cpuRuns * steps) / onCpu.descentS });
  const numpy = execFileSync('python3', ['scripts/bench-width.py', String(k), String(k), String(runs), String(steps)], { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' } });
  process.stdout.write(numpy);
}
gpu.destroy();
provider.release();
