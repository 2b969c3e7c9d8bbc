import { describe, expect, it } from 'vitest';
import { addCountsBelow, countBelow, tridiagonalize } from '../../src/cpu/householder.ts';
import { denseGoeMatrix } from '../../src/ensembles/goe.ts';
import { tridiagonalGoeMatrix } from '../../src/ensembles/goe-tridiagonal.ts';
import { jacobiEigenvalues, tridiagonalToFull, unpack } from './jacobi.ts';

describe('Householder tridiagonalisation + Sturm counts', () => {
  it('keeps the eigenvalues: T from Householder has the Jacobi eigenvalues of A (seeded GOE, N = 2…24)', () => {
    for (const n of [2, 3, 5, 9, 24]) {
      const packed = denseGoeMatrix(11, n, 0.1, n);
      const expected = jacobiEigenvalues(unpack(packed, n), n);
      const t = tridiagonalize(packed, n);
      const offDiagonal = t.offDiagonalSquared.map(Math.sqrt);
      const got = jacobiEigenvalues(tridiagonalToFull(t.diagonal, offDiagonal), n);
      for (let i = 0; i < n; i++) expect(got[i]!).toBeCloseTo(expected[i]!, 10);
    }
  });
  it('counts the eigenvalues below every threshold as Jacobi does (N = 16, 20 matrices, 64 thresholds)', () => {
    const n = 16;
    const thresholds = Array.from({ length: 64 }, (_, j) => -10 + (j * 20) / 63 + 1e-7);
    for (let index = 0; index < 20; index++) {
      const packed = denseGoeMatrix(5, n, 0, index);
      const eigenvalues = jacobiEigenvalues(unpack(packed, n), n);
      const counts = new Float64Array(thresholds.length);
      addCountsBelow(tridiagonalize(packed, n), thresholds, counts);
      expect([...counts]).toEqual(thresholds.map((x) => eigenvalues.filter((e) => e < x).length));
    }
  });
  it('counts the tridiagonal model directly: 0 below everything, N above everything', () => {
    const { diagonal, offDiagonal } = tridiagonalGoeMatrix(3, 50, 0, 7);
    const t = { diagonal, offDiagonalSquared: offDiagonal.map((b) => b * b) };
    expect(countBelow(t, -1e3)).toBe(0);
    expect(countBelow(t, 1e3)).toBe(50);
  });
  it('handles N = 1 and an already diagonal matrix', () => {
    expect(countBelow(tridiagonalize(Float64Array.of(-2), 1), 0)).toBe(1);
    const diagonal = Float64Array.of(1, 0, 2, 0, 0, 3); // diag(1, 2, 3) packed
    const t = tridiagonalize(diagonal, 3);
    expect([0.5, 1.5, 2.5, 3.5].map((x) => countBelow(t, x))).toEqual([0, 1, 2, 3]);
  });
});
