import { describe, expect, it } from 'vitest';
import table from '../../data/exact-goe.json';
import { fitLargeDeviation, leastSquares } from '../../src/stats/large-deviation-fit.ts';
import { LARGE_DEVIATION_RATE } from '../../src/stats/theory.ts';

const model = (n: number, [theta, a, b, c]: number[]) => -theta * n * n + a * n + b * Math.log(n) + c;

describe('leastSquares', () => {
  it('solves a square system exactly', () => {
    const x = leastSquares([[2, 1], [1, 3]], [5, 10])!;
    expect(x[0]).toBeCloseTo(1, 14);
    expect(x[1]).toBeCloseTo(3, 14);
  });

  it('returns the mean for a column of ones and undefined for a rank-deficient design', () => {
    expect(leastSquares([[1], [1], [1]], [1, 2, 6])![0]).toBeCloseTo(3, 14);
    expect(leastSquares([[1, 2], [2, 4], [3, 6]], [1, 2, 3])).toBeUndefined();
    expect(leastSquares([], [])).toBeUndefined();
  });
});

describe('fitLargeDeviation', () => {
  it('recovers θ, a, b, c from noise-free synthetic data on N = 5..100', () => {
    const truth = [0.3, -1.2, 0.7, 2.5];
    const points = Array.from({ length: 96 }, (_, i) => ({ n: i + 5, lnP: model(i + 5, truth) }));
    const fit = fitLargeDeviation(points)!;
    expect(fit.theta).toBeCloseTo(0.3, 11);
    expect(fit.a).toBeCloseTo(-1.2, 9);
    expect(fit.b).toBeCloseTo(0.7, 8);
    expect(fit.c).toBeCloseTo(2.5, 7);
    expect(fit.rmsResidual).toBeLessThan(1e-9);
  });

  it('reports the residuals of a perturbed point and skips non-finite values', () => {
    const truth = [LARGE_DEVIATION_RATE, 0.5, -0.25, 1];
    const points = Array.from({ length: 30 }, (_, i) => ({ n: i + 1, lnP: model(i + 1, truth) }));
    points.push({ n: 31, lnP: Number.NEGATIVE_INFINITY });
    const fit = fitLargeDeviation(points)!;
    expect(fit.residuals).toHaveLength(30);
    expect(fit.thetaRelativeError).toBeCloseTo(0, 10);
    const bumped = points.slice(0, 30).map((p) => (p.n === 10 ? { ...p, lnP: p.lnP + 1 } : p));
    const off = fitLargeDeviation(bumped)!;
    const worst = off.residuals.reduce((m, r) => (Math.abs(r.residual) > Math.abs(m.residual) ? r : m));
    expect(worst.n).toBe(10);
  });

  it('needs four distinct N', () => {
    expect(fitLargeDeviation([])).toBeUndefined();
    expect(fitLargeDeviation([1, 2, 3, 3].map((n) => ({ n, lnP: -n })))).toBeUndefined();
  });

  // Measured: θ over N = 20..100 is 0.2746530 (ln 3/4 = 0.27465307, relative error 3e-7,
  // rms residual 3e-6 in ln P); N = 5..100 gives 1.3e-6. The model leaves out O(1/N) terms, so
  // the bounds below leave 30× and 75× room for them, not for a wrong table.
  it('finds θ ≈ ln 3/4 in the exact table (Dean & Majumdar 2006)', () => {
    const points = table.unshifted.map((r) => ({ n: r.n, lnP: r.log10p * Math.LN10 }));
    const wide = fitLargeDeviation(points.filter((p) => p.n >= 20))!;
    expect(Math.abs(wide.thetaRelativeError)).toBeLessThan(1e-5);
    expect(wide.rmsResidual).toBeLessThan(1e-4);
    const small = fitLargeDeviation(points.filter((p) => p.n >= 5))!;
    expect(Math.abs(small.thetaRelativeError)).toBeLessThan(1e-4);
  });
});
