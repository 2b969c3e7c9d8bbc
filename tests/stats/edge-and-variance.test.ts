import { describe, expect, it } from 'vitest';
import { pMinTracyWidom, shiftOfTracyWidomArgument, smallestEigenvalueSurvival, tracyWidomArgumentOfShift } from '../../src/stats/edge-scaling.ts';
import { goeIndexVariance, INDEX_VARIANCE_CONSTANT_GOE, INDEX_VARIANCE_CONSTANT_GUE } from '../../src/stats/index-variance.ts';
import { tracyWidomGoeCdf } from '../../src/stats/tracy-widom.ts';

describe('Tracy–Widom edge scaling in the lab convention', () => {
  it('maps the shift s to 2(s − 1)N^(2/3) and back', () => {
    expect(tracyWidomArgumentOfShift(1, 64)).toBe(0);
    expect(tracyWidomArgumentOfShift(0.5, 64)).toBeCloseTo(-16, 12);
    expect(shiftOfTracyWidomArgument(tracyWidomArgumentOfShift(0.93, 1024), 1024)).toBeCloseTo(0.93, 14);
  });
  it('says the same about P(min | s) and P(λ_min > −sR)', () => {
    const n = 64;
    for (const s of [0.8, 0.95, 1.05]) expect(pMinTracyWidom(s, n)).toBeCloseTo(smallestEigenvalueSurvival(-s * 2 * Math.sqrt(n), n), 12);
    expect(pMinTracyWidom(1, n)).toBeCloseTo(tracyWidomGoeCdf(0), 14);
  });
});

describe('GOE index variance ln N/π² + C', () => {
  it('uses MNSV’s exact GUE constant C₂ = (γ + 1 + 3 ln 2)/2π² ≈ 0.185248 (PRE 83, 041105)', () =>
    expect(INDEX_VARIANCE_CONSTANT_GUE).toBeCloseTo(0.185248, 6));
  it('carries it to β = 1 as C₁ = 2C₂ − 1/8 ≈ 0.2455', () => expect(INDEX_VARIANCE_CONSTANT_GOE).toBeCloseTo(0.245497, 6));
  it('agrees with the tridiagonal model’s variance at N = 800 (numpy, 2e5 samples: 0.9277 ± 0.0029)', () =>
    expect(Math.abs(goeIndexVariance(800) - 0.9277)).toBeLessThan(3 * 0.0029));
});
