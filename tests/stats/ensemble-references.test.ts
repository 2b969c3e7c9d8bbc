// The references of ensembles.stats.test.ts checked against closed forms and limits they must meet.
import { describe, expect, it } from 'vitest';
import {
  gaussNewtonResidualPMin1, rademacherIndexDistribution, studentTPMin2, uniformPMin2, wishartPMin1, wishartPMin2,
} from './ensemble-references.ts';

describe('small-N references', () => {
  it('Rademacher N = 2 by enumeration: index 0, 1, 2 with 1/4, 1/2, 1/4', () => {
    expect(rademacherIndexDistribution(2)).toEqual([0.25, 0.5, 0.25]);
  });

  it('uniform N = 2: the quadrature equals the closed form (2/9 + 1/2 − ln 2/6)/4', () => {
    // ∫₀¹ min(1, √(2xy)) dy = (2/3)√(2x) for x ≤ ½ and 1 − 1/(6x) above; integrate over x.
    expect(uniformPMin2()).toBeCloseTo((2 / 9 + 1 / 2 - Math.log(2) / 6) / 4, 5);
  });

  it('Student-t N = 2: converged in the grid, and near GOE’s P₂ = (2 − √2)/4 for large ν', () => {
    // The half-t weight narrows like 1/√ν in θ, so very large ν would need a finer grid.
    expect(studentTPMin2(3, 300)).toBeCloseTo(studentTPMin2(3, 600), 4);
    expect(studentTPMin2(40)).toBeCloseTo((2 - Math.SQRT2) / 4, 3);
  }, 30_000);

  it('Wishart N = 1 is e^(−x) for M = 2; N = 2 has all its mass above 0', () => {
    expect(wishartPMin1(2, 0.5)).toBeCloseTo(Math.exp(-0.5), 12);
    expect(wishartPMin2(4, 0)).toBe(1);
    expect(wishartPMin2(4, 0.3)).toBeLessThan(wishartPMin2(4, 0.1));
    // Converged in the grid far below the stats test's interval (±2e-3).
    expect(wishartPMin2(4, 0.3, 400)).toBeCloseTo(wishartPMin2(4, 0.3), 4);
  }, 30_000);

  it('Gauss–Newton + residual N = 1, M = 2, s = 0 is ½ + e^(2ε)·Φ̄(2√ε)', () => {
    // ∫₀^∞ e^(−az)φ(z) dz = e^(a²/2)Φ̄(a), a = 2√ε; Φ̄(2√0.1) = Φ̄(0.632456) = 0.2635446 (R: pnorm(-0.632456)).
    expect(gaussNewtonResidualPMin1(2, 0.1, 0)).toBeCloseTo(0.5 + Math.exp(0.2) * 0.26354462, 5);
    expect(gaussNewtonResidualPMin1(2, 1e-12, -0.5)).toBeCloseTo(wishartPMin1(2, 0.5), 4);
  });
});
