import { describe, expect, it } from 'vitest';
import { descendOnCpu } from '../../src/cpu/cpu-descent.ts';
import { PHASE, type DescentJob } from '../../src/landscape/descent.ts';
import type { Landscape } from '../../src/landscape/landscape.ts';
import { createTeacherStudent } from '../../src/landscape/teacher-student.ts';

const job = (over: Partial<DescentJob> = {}): DescentJob => ({
  landscape: createTeacherStudent({ k: 4, n: 4 }),
  seed: 1, firstRun: 0, runs: 3, optimizer: { kind: 'gd', step: 1.25, beta: 0 },
  gradientTolerance: 1e-6, maxSteps: 5000, recordStride: 5, recordCapacity: 8, ...over,
});

/** L(x) = ½|x|² on the unit circle in ℝ² is constant: a landscape to check the manifold hook. */
const circle: Landscape = {
  id: 'circle', dimension: 2,
  loss: (x) => x[1],
  gradient: (x, out) => { out[0] = 0; out[1] = 1; return x[1]; },
  hessian: () => new Float64Array(3),
  classificationHessian: () => ({ packed: new Float64Array(1), size: 1 }),
  start: () => new Float64Array([1, 0]),
  manifold: {
    projectTangent(x, v) { const dot = x[0] * v[0] + x[1] * v[1]; v[0] -= dot * x[0]; v[1] -= dot * x[1]; },
    retract(x) { const r = Math.hypot(x[0], x[1]); x[0] /= r; x[1] /= r; },
  },
  kernel: { shader: 'none', constants: {} },
};

describe('float64 descent twin', () => {
  it('gd and heavy-ball with β = 0 give the same bits', async () => {
    const plain = await descendOnCpu(job());
    const ball = await descendOnCpu(job({ optimizer: { kind: 'heavy-ball', step: 1.25, beta: 0 } }));
    expect(Array.from(ball.positions)).toEqual(Array.from(plain.positions));
    expect(Array.from(ball.steps)).toEqual(Array.from(plain.steps));
  });

  it('records the loss every recordStride steps, decreasing under plain descent, NaN past the end', async () => {
    const result = await descendOnCpu(job({ runs: 1, maxSteps: 20, gradientTolerance: 0 }));
    const records = Array.from(result.records);
    expect(records.slice(0, 5).every(Number.isFinite)).toBe(true);
    for (let i = 1; i < 5; i++) expect(records[i]).toBeLessThan(records[i - 1]);
    expect(records.slice(5).every(Number.isNaN)).toBe(true);
    expect(result.phase[0]).toBe(PHASE.exhausted);
    expect(result.steps[0]).toBe(20);
  });

  it('stops at the gradient tolerance with the final point’s loss and norm', async () => {
    const result = await descendOnCpu(job());
    for (let run = 0; run < 3; run++) {
      expect(result.phase[run]).toBe(PHASE.converged);
      expect(result.gradientNorm[run]).toBeLessThanOrEqual(1e-6);
    }
  });

  it('keeps a manifold landscape on its manifold (projected steps, retraction)', async () => {
    const result = await descendOnCpu({ ...job({ runs: 1, maxSteps: 200, gradientTolerance: 1e-9 }), landscape: circle, optimizer: { kind: 'heavy-ball', step: 0.1, beta: 0.5 } });
    const [a, b] = result.positions;
    expect(Math.hypot(a, b)).toBeCloseTo(1, 14);
    // Descending L = x₂ on the circle ends at the bottom, (0, −1).
    expect(b).toBeCloseTo(-1, 6);
  });

  it('a stopped job keeps the runs it made and marks the rest as not started', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const result = await descendOnCpu(job({ runs: 4, gradientTolerance: 0, maxSteps: 1e7 }), { signal: controller.signal });
    expect(result.stopped).toBe(true);
    expect(result.phase.every((p) => p === PHASE.descending)).toBe(true);
    expect(result.steps[0]).toBeGreaterThan(0);
    expect(Array.from(result.steps.slice(1))).toEqual([0, 0, 0]);
    const landscape = job().landscape;
    for (let run = 1; run < 4; run++) expect(Array.from(result.positions.slice(16 * run, 16 * run + 16))).toEqual(Array.from(landscape.start(1, run)));
  });
});
