import { describe, expect, it } from 'vitest';
import { tracyWidomGoeCdf, tracyWidomGoeMoments } from '../../src/stats/tracy-widom.ts';
import { integrate } from '../../src/stats/gauss-legendre.ts';

// F₁ at integers: an independent evaluation of the same determinant in mpmath 1.3.0 (its own
// airyai and 192-point Gauss–Legendre nodes, 20 digits), computed for this test.
const MPMATH_F1: [number, number][] = [
  [-4, 0.007567678598796401], [-3, 0.06960011886736989], [-2, 0.2743201979092179],
  [-1, 0.5837898955197323], [0, 0.8319080662029519], [1, 0.9514212369115507], [2, 0.989597571084827],
];

describe('Tracy–Widom GOE F₁', () => {
  it('has the published mean −1.2065335745820 and variance 1.6077810345 (Bornemann 2010, Table 10)', () => {
    const { mean, variance } = tracyWidomGoeMoments();
    expect(Math.abs(mean - -1.206533574582)).toBeLessThan(1e-12);
    expect(Math.abs(variance - 1.6077810345)).toBeLessThan(1e-9);
  });
  it('matches an mpmath evaluation of det(I − K_s) to 1e-13 at s = −4…2', () => {
    for (const [s, value] of MPMATH_F1) expect(Math.abs(tracyWidomGoeCdf(s) - value), `s = ${s}`).toBeLessThan(1e-13);
  });
  it('has converged in the Nyström size: 2/3 of the points change nothing beyond 1e-13', () => {
    for (const s of [-6, -2, 1]) {
      const m = Math.ceil(16 + 2.2 * (16 - s));
      expect(Math.abs(tracyWidomGoeCdf(s, Math.ceil((2 * m) / 3)) - tracyWidomGoeCdf(s))).toBeLessThan(1e-13);
    }
  });
  it('is a distribution function: increasing from 0 to 1', () => {
    const grid = Array.from({ length: 53 }, (_, i) => -10 + i * 0.5);
    const values = grid.map((s) => tracyWidomGoeCdf(s));
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]!);
    expect(values[0]!).toBeLessThan(1e-15);
    expect(values.at(-1)!).toBeGreaterThan(1 - 1e-12);
  });
  it('has the left tail ln F₁(s) = −|s|³/24 − |s|^(3/2)/(3√2) − ln|s|/16 + ln τ₁ + o(1), even at F₁(−10) ≈ 3e-22', () => {
    // Baik, Buckingham & DiFranco, CMP 280 (2008) 463: τ₁ = 2^(−11/48)·e^(ζ′(−1)/2),
    // ln τ₁ = −0.241556800728546 (mpmath).
    const f = (s: number) => Math.log(tracyWidomGoeCdf(s)) + Math.abs(s) ** 3 / 24 + Math.abs(s) ** 1.5 / (3 * Math.SQRT2) + Math.log(Math.abs(s)) / 16;
    expect(Math.abs(f(-8) - -0.241556800728546)).toBeLessThan(2e-3);
    expect(Math.abs(f(-10) - -0.241556800728546)).toBeLessThan(1.5e-3);
  });
  it('rests on a Gauss–Legendre rule exact for degree 2m − 1', () => {
    expect(integrate((x) => x ** 9 - 3 * x ** 4, -1, 2, 5)).toBeCloseTo(102.3 - 3 * 33 / 5, 12);
    expect(integrate((x) => x ** 10, 0, 1, 5)).not.toBeCloseTo(1 / 11, 8);
  });
});
