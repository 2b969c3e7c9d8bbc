import { describe, expect, it } from 'vitest';
import { descendOnCpu } from '../../../src/cpu/cpu-descent.ts';
import { PHASE } from '../../../src/landscape/descent.ts';
import { polishAndRead, pspinPolishTolerance } from '../../../src/landscape/pspin/critical-point.ts';
import { findCriticalPoints } from '../../../src/landscape/pspin/critical.ts';
import { createPspinLandscape } from '../../../src/landscape/pspin/landscape.ts';
import { gradient } from '../../../src/landscape/pspin/model.ts';
import { jacobiEigenvalues } from '../../cpu/jacobi.ts';
import { endOf, GD, HEAVY_BALL, pspinJob } from './jobs.ts';

describe('descent on the 2-spin sphere (the control: no spurious minima)', () => {
  const n = 24;
  const landscape = createPspinLandscape({ p: 2, n, seed: 5, disorder: 1 });
  const c = landscape.coupling;
  // H = σᵀAσ with A = K/2 = (J + Jᵀ)/(2√N): the minima are ±√N·(bottom eigenvector of A),
  // i.e. ±the top eigenvector of −A, at u = λ_min(A) = −λ_max(−A).
  const eigenvalues = jacobiEigenvalues(c.k.map((v) => v / 2), n);

  it.each([['gd', GD], ['heavy-ball', HEAVY_BALL]] as const)('ends every %s run at ±the bottom eigenvector of A, u = λ_min(A) by Jacobi, index 0', async (_, optimizer) => {
    const result = await descendOnCpu(pspinJob(landscape, 8, { optimizer }));
    for (let run = 0; run < 8; run++) {
      expect(result.phase[run]).toBe(PHASE.converged);
      const point = polishAndRead(landscape, endOf(result.positions, n, run));
      expect(point.polished).toBe(true);
      expect(point.gradientNorm).toBeLessThanOrEqual(pspinPolishTolerance(n));
      expect(point.index).toBe(0);
      expect(point.energy).toBeCloseTo(eigenvalues[0], 10);
      // Aσ = uσ: σ is the eigenvector itself, not only at its energy.
      const g = gradient(c, point.sigma);
      for (let i = 0; i < n; i++) expect(g[i] / 2).toBeCloseTo(point.energy * point.sigma[i], 9);
      expect(point.lambdaMin).toBeCloseTo(2 * (eigenvalues[1] - eigenvalues[0]), 8);
    }
  });

  it('finds every eigenvector as a critical point, index k at the k-th eigenvalue from the bottom', () => {
    // Newton from random starts lands on eigenvectors of A; at the k-th one the tangent
    // Hessian 2(A − λ_k) has k negative eigenvalues.
    const starts = Array.from({ length: 40 }, (_, run) => landscape.start(6, run));
    const found = findCriticalPoints(landscape, starts);
    expect(found.points.length).toBeGreaterThan(3);
    for (const point of found.points) {
      const k = eigenvalues.findIndex((lambda) => Math.abs(lambda - point.energy) < 1e-9);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(point.index).toBe(k);
    }
  });
});

describe('descent on the 3-spin sphere', () => {
  const n = 20;
  const landscape = createPspinLandscape({ p: 3, n, seed: 9, disorder: 0 });

  it('lowers the energy and ends, after polishing, at local minima', async () => {
    const result = await descendOnCpu(pspinJob(landscape, 6));
    for (let run = 0; run < 6; run++) {
      expect(result.phase[run]).toBe(PHASE.converged);
      expect(result.records[run * result.recordCapacity]).toBeGreaterThan(result.loss[run]);
      const point = polishAndRead(landscape, endOf(result.positions, n, run));
      expect(point.polished).toBe(true);
      expect(point.index).toBe(0);
      expect(point.lambdaMin).toBeGreaterThan(0);
      expect(Math.abs(point.energy - result.loss[run] / n)).toBeLessThan(1e-6);
    }
  });

  it('finds saddles of several indices from points along descent trajectories, none twice', async () => {
    // Points at steps 0, 2, 4, … 14 of slow descents: energies spread from ~0 downwards.
    const starts: Float64Array[] = [];
    for (let steps = 0; steps <= 14; steps += 2) {
      const result = await descendOnCpu(pspinJob(landscape, 4, { seed: 10, optimizer: { ...GD, step: 0.02 }, maxSteps: steps }));
      for (let run = 0; run < 4; run++) starts.push(endOf(result.positions, n, run));
    }
    const found = findCriticalPoints(landscape, starts);
    expect(found.points.length).toBeGreaterThan(5);
    expect(new Set(found.points.map((q) => q.index)).size).toBeGreaterThan(3);
    for (const q of found.points) expect(q.gradientNorm).toBeLessThanOrEqual(pspinPolishTolerance(n));
    expect(found.tried).toBe(starts.length);
  });
});
