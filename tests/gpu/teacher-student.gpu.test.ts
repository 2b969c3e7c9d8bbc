import { afterAll, describe, expect, it } from 'vitest';
import { createCpuDescentBackend } from '../../src/cpu/cpu-descent.ts';
import { descentBackendOnContext } from '../../src/gpu/descent-runner.ts';
import { runWidthSweep } from '../../src/engine/width-sweep.ts';
import { PHASE, type DescentJob } from '../../src/landscape/descent.ts';
import { createTeacherStudent, teacherPoint } from '../../src/landscape/teacher-student.ts';
import { DEFAULT_WIDTH_CONFIG } from '../../src/width-config.ts';
import { openGpuHarness } from './gpu-harness.ts';

const harness = await openGpuHarness();
afterAll(() => harness?.close());

describe.skipIf(!harness)('teacher–student WGSL against its float64 twin', () => {
  const gpu = harness ? descentBackendOnContext(harness.context, { ownsContext: false }) : undefined;
  afterAll(() => gpu?.destroy());

  // f32 tolerance: ‖g_f32 − g_f64‖∞ ≤ 2e-5 for |g| ~ 1 (measured 2.6e-7 here, 5e-7 at k = n = 20): the one-step
  // difference (x₀ − x₁)/η carries f32 rounding of x (~3e-8) divided by η plus the gradient's own.
  it('takes the same first step: the f32 gradient matches float64 to 2e-5 at 32 Xavier starts (k = 7, n = 9)', async () => {
    const landscape = createTeacherStudent({ k: 7, n: 9 });
    const step = 5 / 9;
    const job: DescentJob = { landscape, seed: 21, firstRun: 0, runs: 32, optimizer: { kind: 'gd', step, beta: 0 }, gradientTolerance: 0, maxSteps: 1, recordStride: 1, recordCapacity: 2 };
    const result = await gpu!.descend(job);
    const g = new Float64Array(landscape.dimension);
    for (let run = 0; run < job.runs; run++) {
      const x0 = Float64Array.from(Float32Array.from(landscape.start(21, run)));
      const loss = landscape.gradient(x0, g);
      expect(Math.abs(result.records[2 * run] - loss)).toBeLessThan(2e-5 * Math.max(1, loss));
      for (let i = 0; i < landscape.dimension; i++) {
        const fromGpu = (x0[i] - result.positions[run * landscape.dimension + i]) / step;
        expect(Math.abs(fromGpu - g[i])).toBeLessThan(2e-5);
      }
    }
  });

  it('sees the aligned, non-smooth global minimum W = V (permuted) as critical in f32: loss and ‖g‖ below 1e-5', async () => {
    const k = 6;
    const permuted = new Float64Array(k * k);
    [5, 0, 4, 1, 3, 2].forEach((from, j) => permuted.set(teacherPoint(k).subarray(from * k, from * k + k), j * k));
    const landscape = { ...createTeacherStudent({ k, n: k }), start: () => permuted };
    const result = await gpu!.descend({ landscape, seed: 0, firstRun: 0, runs: 1, optimizer: { kind: 'gd', step: 5 / k, beta: 0 }, gradientTolerance: 1e-5, maxSteps: 10, recordStride: 1, recordCapacity: 1 });
    expect(result.phase[0]).toBe(PHASE.converged);
    expect(result.steps[0]).toBe(0);
    expect(Math.abs(result.loss[0])).toBeLessThan(1e-5);
  });

  // Basins are O(1) apart, f32 rounding moves a trajectory by ~1e-4: a run can change basin
  // only near a basin boundary. Measured: identical classes in 64/64 runs at k = n = 8 and 12 (seed 5), and equal counts at k = 6, 8, 14 (seed 3).
  it('classifies GPU and float64 descents of k = n = 8 alike in ≥ 95% of 64 runs, and finds the same spurious minima', async () => {
    const config = { ...DEFAULT_WIDTH_CONFIG, ks: [8], widths: [1], runs: 64, seed: 5 };
    const [fromGpu, fromCpu] = await Promise.all([runWidthSweep(config, gpu!), runWidthSweep(config, createCpuDescentBackend())]);
    const a = fromGpu.cells[0]!.endPoints;
    const b = fromCpu.cells[0]!.endPoints;
    const same = a.filter((e, i) => e.endClass === b[i]!.endClass).length;
    expect(same).toBeGreaterThanOrEqual(61);
    for (let i = 0; i < a.length; i++) {
      if (a[i]!.endClass === 'spurious-minimum' && b[i]!.endClass === 'spurious-minimum') expect(Math.abs(a[i]!.loss - b[i]!.loss)).toBeLessThan(1e-10);
    }
    expect(a.some((e) => e.endClass === 'spurious-minimum')).toBe(true);
  });
});
