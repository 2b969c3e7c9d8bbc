import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/landscape/pspin/classify.ts';
import { findCriticalPoints } from '../../../src/landscape/pspin/critical.ts';
import { descend, type DescentSettings } from '../../../src/landscape/pspin/descent.ts';
import { gradient, pspinCoupling } from '../../../src/landscape/pspin/model.ts';
import { POLISH_GRADIENT_RMS } from '../../../src/landscape/pspin/newton.ts';
import { pspinDisorder, pspinStart } from '../../../src/landscape/pspin/streams.ts';
import { jacobiEigenvalues } from '../../cpu/jacobi.ts';

const GD: DescentSettings = { optimizer: 'gd', eta: 0.1, beta: 0, maxSteps: 20000, tolerance: 1e-6, recordEvery: 10 };
const MOMENTUM: DescentSettings = { ...GD, optimizer: 'momentum', beta: 0.8 };

describe('descent on the 2-spin sphere (the control: no spurious minima)', () => {
  const n = 24;
  const c = pspinCoupling(2, n, pspinDisorder(5, 2, n, 1));
  // H = σᵀAσ with A = K/2 = (J + Jᵀ)/(2√N): the minima are ±√N·(bottom eigenvector of A),
  // i.e. ±the top eigenvector of −A, at u = λ_min(A) = −λ_max(−A).
  const eigenvalues = jacobiEigenvalues(c.k.map((v) => v / 2), n);

  it.each([['gd', GD], ['momentum', MOMENTUM]] as const)('ends every %s run at ±the bottom eigenvector of A, u = λ_min(A) by Jacobi, index 0', (_, settings) => {
    for (let run = 0; run < 8; run++) {
      const end = descend(c, pspinStart(5, 2, n, 1, run), settings);
      expect(end.converged).toBe(true);
      const point = classify(c, end.sigma);
      expect(point.polished).toBe(true);
      expect(point.gradientRms).toBeLessThanOrEqual(POLISH_GRADIENT_RMS);
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
    const starts = Array.from({ length: 40 }, (_, run) => pspinStart(6, 2, n, 1, run));
    const found = findCriticalPoints(c, starts);
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
  const c = pspinCoupling(3, n, pspinDisorder(9, 3, n, 0));

  it('lowers the energy and ends, after polishing, at local minima below the threshold band', () => {
    for (let run = 0; run < 6; run++) {
      const end = descend(c, pspinStart(9, 3, n, 0, run), MOMENTUM);
      expect(end.converged).toBe(true);
      expect(end.energies[0]).toBeGreaterThan(end.energy);
      const point = classify(c, end.sigma);
      expect(point.polished).toBe(true);
      expect(point.index).toBe(0);
      expect(point.lambdaMin).toBeGreaterThan(0);
      expect(Math.abs(point.energy - end.energy)).toBeLessThan(1e-6);
    }
  });

  it('finds saddles of several indices from points along a trajectory, none twice', () => {
    const starts: Float64Array[] = [];
    for (let run = 0; run < 4; run++) {
      // Points at steps 0, 2, 4, … 14 of a slow descent: energies spread from ~0 downwards.
      let sigma = pspinStart(10, 3, n, 0, run);
      for (let k = 0; k < 8; k++) {
        starts.push(sigma);
        sigma = descend(c, sigma, { ...GD, eta: 0.02, maxSteps: 2 }).sigma;
      }
    }
    const found = findCriticalPoints(c, starts);
    expect(found.points.length).toBeGreaterThan(5);
    const indices = new Set(found.points.map((q) => q.index));
    expect(indices.size).toBeGreaterThan(3);
    for (const q of found.points) expect(q.gradientRms).toBeLessThanOrEqual(POLISH_GRADIENT_RMS);
    expect(found.tried).toBe(starts.length);
  });
});
