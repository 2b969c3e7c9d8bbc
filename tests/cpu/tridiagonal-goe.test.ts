import { describe, expect, it } from 'vitest';
import { CHI_ATTEMPTS, gammaAttempt, logTail, squeezeBound, uniformComplement } from '../../src/cpu/chi.ts';
import { boxMuller, uniformOpen } from '../../src/cpu/normals.ts';
import { philox4x32 } from '../../src/cpu/philox.ts';
import { countNegativePivotsTridiagonal } from '../../src/cpu/pivots.ts';
import { tridiagonalGoeIndex, tridiagonalGoeMatrix } from '../../src/ensembles/goe-tridiagonal.ts';
import { countNegative, jacobiEigenvalues, tridiagonalToFull } from './jacobi.ts';

describe('Marsaglia–Tsang acceptance test', () => {
  it('evaluates L(x) = ln(1+x) − x + x²/2 − x³/3 by series below |x| = 0.25 to float64 rounding', () => {
    // Reference: the naive formula is accurate at |x| ≥ 0.25, and L(x)/x⁴ = −1/4 + x/5 − x²/6 + … near 0.
    for (const x of [-0.2499, -0.1, -1e-3, 1e-3, 0.1, 0.2499]) {
      const naive = Math.log1p(x) - x + (x * x) / 2 - (x * x * x) / 3;
      expect(logTail(x)).toBeCloseTo(naive, Math.abs(x) > 0.05 ? 12 : 9);
    }
    expect(logTail(1e-4) / 1e-16).toBeCloseTo(-0.25 + 1e-4 / 5 - 1e-8 / 6, 9);
  });

  it('rewrites z²/2 + d − d·v + d·ln v as 3d·L(cz) (checked where neither cancels)', () => {
    for (const [d, z] of [
      [0.6667, 1.3],
      [2, -2.1],
      [5.5, 3],
    ]) {
      const c = 1 / Math.sqrt(9 * d);
      const v = (1 + c * z) ** 3;
      expect(3 * d * logTail(c * z)).toBeCloseTo((z * z) / 2 + d - d * v + d * Math.log(v), 10);
    }
  });

  it('rejects when 1 + c·z ≤ 0 (very negative z) and accepts the median draw', () => {
    // At a = 1, −1/c = −√6 ≈ −2.449: z = −2.5 has v ≤ 0 whatever u is.
    expect(gammaAttempt(1, -2.5, 0)).toBeNaN();
    expect(gammaAttempt(10, 0, 0x8000_0000)).toBeCloseTo(10 - 1 / 3, 12);
    expect(CHI_ATTEMPTS).toBe(15);
  });

  it('accepts by the full test where the squeeze fails and rejects above exp(3d·L(x))', () => {
    // a = 1, z = 1: exp(3d·L(x)) ≈ 0.98963; the squeeze bound 1 − q ≈ 0.98611 lies below it.
    const d = 2 / 3;
    const x = 1 / Math.sqrt(9 * d);
    const bound = Math.exp(3 * d * logTail(x));
    expect(1 - squeezeBound(d, x)).toBeLessThan(bound);
    const word = (u: number): number => Math.floor(u * 2 ** 32);
    expect(gammaAttempt(1, 1, word(0.98))).toBeCloseTo(d * (1 + x) ** 3, 12);
    expect(gammaAttempt(1, 1, word(bound - 1e-6))).not.toBeNaN();
    expect(gammaAttempt(1, 1, word(bound + 1e-6))).toBeNaN();
    expect(uniformComplement(0xffff_ffff)).toBe(2 ** -33);
    expect(uniformComplement(7) + uniformOpen(7)).toBe(1);
  });

  it('bounds 3d·L(x) below by −q = −3d·x⁴/(4(1 + min(x, 0))) on (−1, 3], tightly near 0', () => {
    // Without the 1/(1 + min(x, 0)) factor the bound fails for every x < 0 (L(−0.5) ≈ −0.0224 < −0.0156).
    for (let x = -0.999; x <= 3; x += 1e-3) {
      expect(logTail(x)).toBeGreaterThanOrEqual(-squeezeBound(1 / 3, x) * (1 + 1e-12));
    }
    expect(logTail(-0.5)).toBeLessThan(-(0.5 ** 4) / 4);
    // Relative gap ≈ |x|/5 for x < 0 and 4x/5 for x > 0.
    expect(-squeezeBound(1 / 3, -0.01) / logTail(-0.01)).toBeCloseTo(1 + 0.01 / 5, 4);
    expect(-squeezeBound(1 / 3, 0.01) / logTail(0.01)).toBeCloseTo(1 + 0.04 / 5, 4);
  });

  it('decides every attempt as the full test alone does (20 000 Philox draws per k)', () => {
    const words = new Uint32Array(4);
    const normals = new Float64Array(2);
    for (const k of [2, 3, 5, 40, 511, 4095]) {
      const d = k / 2 - 1 / 3;
      const c = 1 / Math.sqrt(9 * d);
      for (let draw = 0; draw < 20_000; draw++) {
        philox4x32(draw, 0, k, 0, 11, 0, words);
        boxMuller(words[0], words[1], normals, 0);
        const x = c * normals[0];
        const full = x > -1 && Math.log(uniformOpen(words[2])) < 3 * d * logTail(x);
        expect(Number.isNaN(gammaAttempt(k / 2, normals[0], words[2]))).toBe(!full);
      }
    }
  }, 30_000); // ~2 s alone; two loaded cores shared with other runs have taken 8 s
});

describe('tridiagonal GOE stream', () => {
  it('has E[b_i²] = k and Var(b_i²) = 2k for k = N−1−i (5σ bands over 3000 matrices)', () => {
    const n = 6;
    const matrices = 3000;
    const sum = new Float64Array(n - 1);
    const sumSq = new Float64Array(n - 1);
    for (let m = 0; m < matrices; m++) {
      const { offDiagonal } = tridiagonalGoeMatrix(77, n, 0, m);
      for (let i = 0; i < n - 1; i++) {
        const b2 = offDiagonal[i] ** 2;
        sum[i] += b2;
        sumSq[i] += b2 * b2;
      }
    }
    for (let i = 0; i < n - 1; i++) {
      const k = n - 1 - i;
      const mean = sum[i] / matrices;
      const variance = sumSq[i] / matrices - mean * mean;
      // χ²_k: mean k, variance 2k, fourth central moment 12k(k+4).
      expect(Math.abs(mean - k)).toBeLessThan(5 * Math.sqrt((2 * k) / matrices));
      const varianceSe = Math.sqrt((12 * k * (k + 4) - 4 * k * k) / matrices);
      expect(Math.abs(variance - 2 * k)).toBeLessThan(5 * varianceSe);
    }
  });

  it('has E[b²] = k for large k too (k = 999 and 2047, 400 matrices)', () => {
    for (const n of [1000, 2048]) {
      let sum = 0;
      const matrices = 400;
      for (let m = 0; m < matrices; m++) sum += tridiagonalGoeMatrix(3, n, 0, m).offDiagonal[0] ** 2;
      const k = n - 1;
      expect(Math.abs(sum / matrices - k)).toBeLessThan(5 * Math.sqrt((2 * k) / matrices));
    }
  });

  it('has diagonal mean s·R and variance 2 (5σ bands)', () => {
    const n = 50;
    const shift = 0.25;
    let sum = 0;
    let sumSq = 0;
    let count = 0;
    for (let m = 0; m < 200; m++) {
      for (const a of tridiagonalGoeMatrix(8, n, shift, m).diagonal) {
        const centred = a - shift * 2 * Math.sqrt(n);
        sum += centred;
        sumSq += centred * centred;
        count++;
      }
    }
    expect(Math.abs(sum / count)).toBeLessThan(5 * Math.sqrt(2 / count));
    expect(Math.abs(sumSq / count - 2)).toBeLessThan(5 * 2 * Math.sqrt(2 / count));
  });
});

describe('tridiagonal GOE index', () => {
  it.each([
    [1, 0],
    [2, 0.2],
    [9, 0],
    [24, -0.3],
    [40, 0.6],
  ])('equals the Jacobi eigenvalue count at N = %i, shift %f (50 seeded matrices)', (n, shift) => {
    let checked = 0;
    for (let m = 0; m < 50; m++) {
      const { diagonal, offDiagonal } = tridiagonalGoeMatrix(31, n, shift, m);
      const expected = countNegative(jacobiEigenvalues(tridiagonalToFull(diagonal, offDiagonal), n), 1e-9);
      if (expected === undefined) continue;
      expect(tridiagonalGoeIndex(31, n, shift, m)).toBe(expected);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(48);
  });

  it('streams the same count as generating the matrix and then counting (N = 300)', () => {
    for (let m = 0; m < 20; m++) {
      const { diagonal, offDiagonal } = tridiagonalGoeMatrix(5, 300, 0.1, m);
      const squares = offDiagonal.map((b) => b * b);
      expect(tridiagonalGoeIndex(5, 300, 0.1, m)).toBe(countNegativePivotsTridiagonal(diagonal, squares));
    }
  });
});
