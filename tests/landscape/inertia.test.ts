import { describe, expect, it } from 'vitest';
import { packedIndex, packedLength } from '../../src/cpu/pivots.ts';
import { eigenvaluesBelow, gershgorinBounds, smallestEigenvalues } from '../../src/landscape/inertia.ts';
import { solvePackedSymmetric } from '../../src/landscape/linear-solve.ts';
import { runNormals } from '../../src/landscape/streams.ts';
import { jacobiEigenvalues } from '../cpu/jacobi.ts';

/** A seeded symmetric n×n matrix with N(0, 1) entries: packed and full. */
function randomSymmetric(n: number, seed: number): { packed: Float64Array; full: Float64Array } {
  const z = runNormals(seed, 0, 0x777, packedLength(n));
  const packed = Float64Array.from(z);
  const full = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) full[i * n + j] = full[j * n + i] = packed[packedIndex(i, j)];
  return { packed, full };
}

describe('eigenvalues from inertia counts', () => {
  it('counts eigenvalues below σ as the Jacobi method finds them (n = 12, five shifts)', () => {
    const { packed, full } = randomSymmetric(12, 1);
    const exact = jacobiEigenvalues(full, 12);
    for (const sigma of [-4, -1, 0, 0.7, 3]) expect(eigenvaluesBelow(packed, 12, sigma)).toBe(exact.filter((v) => v < sigma).length);
  });

  it('bisects the three smallest eigenvalues to 1e-9 of Jacobi’s (n = 15)', () => {
    const { packed, full } = randomSymmetric(15, 2);
    const exact = jacobiEigenvalues(full, 15);
    smallestEigenvalues(packed, 15, 3, 1e-10).forEach((value, r) => expect(Math.abs(value - exact[r])).toBeLessThan(1e-9));
  });

  it('Gershgorin bounds hold every eigenvalue', () => {
    const { packed, full } = randomSymmetric(9, 3);
    const [lo, hi] = gershgorinBounds(packed, 9);
    const exact = jacobiEigenvalues(full, 9);
    expect(lo).toBeLessThanOrEqual(exact[0]);
    expect(hi).toBeGreaterThanOrEqual(exact[8]);
  });
});

describe('dense symmetric solve', () => {
  it('solves an indefinite system to a residual below 1e-12 (n = 20)', () => {
    const n = 20;
    const { packed, full } = randomSymmetric(n, 4);
    const b = runNormals(5, 0, 0x778, n);
    const x = solvePackedSymmetric(packed, n, b)!;
    for (let i = 0; i < n; i++) {
      let row = 0;
      for (let j = 0; j < n; j++) row += full[i * n + j] * x[j];
      expect(Math.abs(row - b[i])).toBeLessThan(1e-12);
    }
  });

  it('returns undefined for a singular matrix', () => {
    // [[1, 1], [1, 1]]
    expect(solvePackedSymmetric(new Float64Array([1, 1, 1]), 2, new Float64Array([1, 0]))).toBeUndefined();
  });
});
