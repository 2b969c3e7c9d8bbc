// What each dense ensemble's entries must look like: the cases both twins are checked on.
import { expect } from 'vitest';
import { wishartRows } from '../../src/cpu/wishart-fills.ts';
import { chiSquareOverMCdf, evenEdges, expectFits, expectMoments, scaledTCdf, uniformCdf } from './entry-law.ts';

export interface EntryLawCase {
  name: string;
  ensemble: string;
  params: Record<string, number>;
  n: number;
  /** Checks the off-diagonal and diagonal entries of many matrices. */
  check(off: number[], diagonal: number[]): void;
}

const exactlyTwoValues = (values: number[], magnitude: number, what: string) => {
  const positive = values.filter((v) => v === magnitude).length;
  const negative = values.filter((v) => v === -magnitude).length;
  if (positive + negative !== values.length) throw new Error(`${what}: a value other than ±${magnitude}`);
  // Fair signs: a two-bin chi-square.
  expectFits(values, (x) => (x < -magnitude ? 0 : x < magnitude ? 0.5 : 1), [0], what);
};

export const ENTRY_LAW_CASES: EntryLawCase[] = [
  {
    name: 'Rademacher: off-diagonal ±1, diagonal ±√2, fair signs',
    ensemble: 'wigner-rademacher', params: {}, n: 12,
    check(off, diagonal) {
      exactlyTwoValues(off, 1, 'off-diagonal');
      exactlyTwoValues(diagonal.map((v) => Math.fround(v)), Math.fround(Math.SQRT2), 'diagonal');
    },
  },
  {
    name: 'uniform: off-diagonal U(±√3), diagonal U(±√6), variances 1 and 2',
    ensemble: 'wigner-uniform', params: {}, n: 12,
    check(off, diagonal) {
      expectFits(off, uniformCdf(Math.sqrt(3)), evenEdges(-Math.sqrt(3), Math.sqrt(3), 20), 'off-diagonal');
      expectFits(diagonal, uniformCdf(Math.sqrt(6)), evenEdges(-Math.sqrt(6), Math.sqrt(6), 10), 'diagonal');
      expectMoments(off, 0, 1, 'off-diagonal');
      expectMoments(diagonal, 0, 2, 'diagonal');
    },
  },
  ...[2.5, 3, 7.5].map((nu): EntryLawCase => {
    const sigma = Math.sqrt((nu - 2) / nu);
    return {
      name: `Student-t ν = ${nu}: T·√((ν − 2)/ν), √2 times on the diagonal`,
      ensemble: 'wigner-t', params: { nu }, n: 12,
      check(off, diagonal) {
        const edges = [-3, -2, -1.5, -1, -0.6, -0.3, -0.1, 0, 0.1, 0.3, 0.6, 1, 1.5, 2, 3];
        expectFits(off, scaledTCdf(nu, sigma), edges, 'off-diagonal');
        expectFits(diagonal, scaledTCdf(nu, Math.SQRT2 * sigma), [-2, -1, -0.4, 0, 0.4, 1, 2], 'diagonal');
        // The sample variance has a standard error only with a finite fourth moment (ν > 4).
        if (nu > 4) {
          expectMoments(off, 0, 1, 'off-diagonal');
          expectMoments(diagonal, 0, 2, 'diagonal');
        }
      },
    };
  }),
  {
    name: 'Wishart φ = 0.5 (M = 16 ≥ N): XᵀX/M, diagonal χ²_M/M, off-diagonal mean 0 and variance 1/M',
    ensemble: 'wishart', params: { phi: 0.5 }, n: 8,
    check(off, diagonal) {
      const m = wishartRows(8, 0.5);
      expectFits(diagonal, chiSquareOverMCdf(m), [0.3, 0.5, 0.7, 0.85, 1, 1.2, 1.5, 2], 'diagonal');
      expectMoments(diagonal, 1, 2 / m, 'diagonal');
      expectMoments(off, 0, 1 / m, 'off-diagonal');
    },
  },
  {
    name: 'Wishart φ = 2 (M = 4 < N = 8): diag(XXᵀ/M, 0), diagonal χ²_N/M then exact zeros',
    ensemble: 'wishart', params: { phi: 2 }, n: 8,
    check(off, diagonal) {
      const n = 8;
      const m = wishartRows(n, 2);
      const block = diagonal.filter((_, at) => at % n < m);
      const rest = diagonal.filter((_, at) => at % n >= m);
      expect(rest.every((v) => v === 0)).toBe(true);
      // χ²_N/M: P(X ≤ x) = P(χ²_N ≤ M·x).
      expectFits(block, (x) => chiSquareOverMCdf(n)((m * x) / n), [0.8, 1.2, 1.5, 1.8, 2.1, 2.5, 3, 3.6], 'XXᵀ/M diagonal');
      expectMoments(block, n / m, (2 * n) / (m * m), 'XXᵀ/M diagonal');
      // Row i of the packed off-diagonal part holds i entries; rows below M are XXᵀ's.
      const perMatrix = (n * (n - 1)) / 2;
      const inBlock = (m * (m - 1)) / 2;
      const blockOff = off.filter((_, at) => at % perMatrix < inBlock);
      expect(off.filter((_, at) => at % perMatrix >= inBlock).every((v) => v === 0)).toBe(true);
      expectMoments(blockOff, 0, n / (m * m), 'XXᵀ/M off-diagonal');
    },
  },
  {
    name: 'Gauss–Newton + residual φ = 0.5, ε = 0.2: diagonal mean 1, var 2/M + 4ε/N; off-diagonal var 1/M + 2ε/N',
    ensemble: 'gauss-newton-residual', params: { phi: 0.5, epsilon: 0.2 }, n: 8,
    check(off, diagonal) {
      const m = wishartRows(8, 0.5);
      expectMoments(diagonal, 1, 2 / m + (4 * 0.2) / 8, 'diagonal');
      expectMoments(off, 0, 1 / m + (2 * 0.2) / 8, 'off-diagonal');
    },
  },
];
