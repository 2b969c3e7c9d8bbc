import { afterAll, describe, expect, it } from 'vitest';
import { descendOnCpu } from '../../src/cpu/cpu-descent.ts';
import { descentBackendOnContext } from '../../src/gpu/descent-runner.ts';
import { PHASE, type DescentJob } from '../../src/landscape/descent.ts';
import { createTeacherStudent } from '../../src/landscape/teacher-student.ts';
import { openGpuHarness } from './gpu-harness.ts';

const harness = await openGpuHarness();
afterAll(() => harness?.close());

const job = (k: number, n: number, over: Partial<DescentJob> = {}): DescentJob => ({
  landscape: createTeacherStudent({ k, n }),
  seed: 7,
  firstRun: 0,
  runs: 40,
  optimizer: { kind: 'gd', step: 5 / k, beta: 0 },
  gradientTolerance: 0,
  maxSteps: 150,
  recordStride: 10,
  recordCapacity: 16,
  ...over,
});

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
};

describe.skipIf(!harness)('GPU descents against the float64 twin on the same starts', () => {
  const gpu = harness ? descentBackendOnContext(harness.context, { ownsContext: false }) : undefined;
  afterAll(() => gpu?.destroy());

  // f32 tolerance: the gradient carries ~1e-7 relative rounding per step; over 150 steps of
  // step 5/k the trajectories stay within ~1e-4 of each other (measured ≤ 2e-5 here), far
  // below the O(1) distance between different end points.
  it('plain descent, k = n = 5: positions, losses and records agree to 2e-4 after 150 steps', async () => {
    const spec = job(5, 5);
    const [fromGpu, fromCpu] = await Promise.all([gpu!.descend(spec), descendOnCpu(spec)]);
    expect(fromGpu.steps).toEqual(fromCpu.steps);
    expect(Array.from(fromGpu.phase)).toEqual(new Array(spec.runs).fill(PHASE.exhausted));
    expect(maxAbsDiff(fromGpu.positions, fromCpu.positions)).toBeLessThan(2e-4);
    expect(maxAbsDiff(fromGpu.loss, fromCpu.loss)).toBeLessThan(2e-4);
    expect(maxAbsDiff(fromGpu.records, fromCpu.records)).toBeLessThan(2e-4);
  });

  it('heavy ball β = 0.9 with k = 4, n = 7 agrees to 2e-4 after 150 steps', async () => {
    const spec = job(4, 7, { optimizer: { kind: 'heavy-ball', step: 0.5 / 4, beta: 0.9 } });
    const [fromGpu, fromCpu] = await Promise.all([gpu!.descend(spec), descendOnCpu(spec)]);
    expect(maxAbsDiff(fromGpu.positions, fromCpu.positions)).toBeLessThan(2e-4);
  });

  it('gives the same bits whatever the chunking (1 or 13 steps per dispatch)', async () => {
    const spec = job(6, 6, { maxSteps: 60, runs: 20 });
    const one = await descentBackendOnContext(harness!.context, { ownsContext: false, stepsPerDispatch: 1 }).descend(spec);
    const thirteen = await descentBackendOnContext(harness!.context, { ownsContext: false, stepsPerDispatch: 13 }).descend(spec);
    expect(Array.from(one.positions)).toEqual(Array.from(thirteen.positions));
    expect(Array.from(one.records)).toEqual(Array.from(thirteen.records));
  });

  it('stops each run at the gradient tolerance, as the twin does', async () => {
    const spec = job(4, 4, { gradientTolerance: 1e-3, maxSteps: 5000, runs: 24 });
    const [fromGpu, fromCpu] = await Promise.all([gpu!.descend(spec), descendOnCpu(spec)]);
    expect(Array.from(fromGpu.phase)).toEqual(Array.from(fromCpu.phase));
    for (let run = 0; run < spec.runs; run++) {
      expect(fromGpu.gradientNorm[run]).toBeLessThanOrEqual(1e-3);
      // Crossing the threshold can shift by a step or two between f32 and f64.
      expect(Math.abs(fromGpu.steps[run] - fromCpu.steps[run])).toBeLessThanOrEqual(3);
    }
  });

  it('keeps partial results when the signal stops the job', async () => {
    const controller = new AbortController();
    const spec = job(5, 5, { maxSteps: 1_000_000, runs: 8 });
    const result = await gpu!.descend(spec, { signal: controller.signal, onChunk: () => controller.abort() });
    expect(result.stopped).toBe(true);
    expect(Math.min(...result.steps)).toBeGreaterThan(0);
    expect(Array.from(result.phase)).toEqual(new Array(8).fill(PHASE.descending));
    expect(result.positions.every(Number.isFinite)).toBe(true);
  });
});
