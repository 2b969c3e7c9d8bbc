import { describe, expect, it } from 'vitest';
import { classifyEndPoint, type ClassifyCriteria } from '../../src/landscape/classify.ts';
import { PHASE } from '../../src/landscape/descent.ts';
import { createTeacherStudent, teacherPoint } from '../../src/landscape/teacher-student.ts';
import { descendOnCpu } from '../../src/cpu/cpu-descent.ts';

const criteria = (k: number): ClassifyCriteria => ({ globalLoss: 1e-6, curvatureTolerance: 1e-6, polish: { fallbackStep: 5 / k } });

describe('classification of end points', () => {
  // k = n = 2 with both students on the diagonal, w₁ = w₂ = c(1, 1)/√2: swapping the inputs and
  // the neurons maps the point to itself, so Newton stays on that line and finds the symmetric
  // critical point; splitting the two neurons apart lowers the loss, so it is a saddle.
  it('finds the symmetric two-neuron point a saddle of index ≥ 1, and the loss falls when the neurons split', () => {
    const landscape = createTeacherStudent({ k: 2, n: 2 });
    const c = 0.6 / Math.SQRT2;
    const verdict = classifyEndPoint(landscape, new Float64Array([c, c, c, c]), PHASE.converged, criteria(2));
    expect(verdict.endClass).toBe('saddle');
    expect(verdict.index).toBeGreaterThanOrEqual(1);
    const x = verdict.polished!.x;
    expect(verdict.polished!.gradientNorm).toBeLessThan(1e-9);
    // Both neurons stay on the diagonal (they may trade length: aligned neurons have a flat direction).
    expect(x[0]).toBeCloseTo(x[1], 12);
    expect(x[2]).toBeCloseTo(x[3], 12);
    const split = Float64Array.from(x);
    const epsilon = 1e-3;
    split[0] += epsilon; split[1] -= epsilon; split[2] -= epsilon; split[3] += epsilon;
    expect(landscape.loss(split)).toBeLessThan(landscape.loss(x) - 1e-8);
  });

  it('calls a descent that lands on the teacher (up to permutation) a global minimum', () => {
    const k = 4;
    const landscape = createTeacherStudent({ k, n: k });
    const near = teacherPoint(k).map((v, i) => v + 1e-3 * Math.cos(3 * i));
    const verdict = classifyEndPoint(landscape, near, PHASE.converged, criteria(k));
    expect(verdict.endClass).toBe('global-minimum');
    expect(verdict.polished!.loss).toBeLessThan(1e-12);
  });

  it('calls a run that spent its step budget not-converged, whatever its loss', () => {
    const landscape = createTeacherStudent({ k: 4, n: 4 });
    const verdict = classifyEndPoint(landscape, teacherPoint(4), PHASE.exhausted, criteria(4));
    expect(verdict).toMatchObject({ endClass: 'not-converged', reason: 'max-steps' });
    expect(classifyEndPoint(landscape, teacherPoint(4), PHASE.descending, criteria(4)).reason).toBe('stopped');
    expect(classifyEndPoint(landscape, teacherPoint(4), PHASE.diverged, criteria(4)).reason).toBe('diverged');
  });

  // Run 198 of seed 3 at k = n = 6 descends to the spurious minimum Safran & Shamir report for
  // k = 6 (loss ≈ 0.0251). Independent check: 50 random nudges of size 1e-3 all raise the loss.
  it('finds the k = 6 spurious minimum a strict local minimum that every small nudge raises', async () => {
    const k = 6;
    const landscape = createTeacherStudent({ k, n: k });
    const descent = await descendOnCpu({
      landscape, seed: 3, firstRun: 198, runs: 1, optimizer: { kind: 'gd', step: 5 / k, beta: 0 },
      gradientTolerance: 1e-5, maxSteps: 50_000, recordStride: 1000, recordCapacity: 0,
    });
    expect(descent.phase[0]).toBe(PHASE.converged);
    const verdict = classifyEndPoint(landscape, descent.positions, PHASE.converged, criteria(k));
    expect(verdict.endClass).toBe('spurious-minimum');
    const x = verdict.polished!.x;
    const loss = verdict.polished!.loss;
    expect(loss).toBeCloseTo(0.02508, 4);
    for (let trial = 0; trial < 50; trial++) {
      const nudged = x.map((v, i) => v + 1e-3 * Math.sin(7.3 * trial + 1.7 * i * (trial + 1)));
      expect(landscape.loss(nudged)).toBeGreaterThan(loss);
    }
  });
});
