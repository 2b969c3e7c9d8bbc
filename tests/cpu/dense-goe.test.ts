import { describe, expect, it } from 'vitest';
import { denseGoeIndex, denseGoeMatrix, goe } from '../../src/ensembles/goe.ts';
import { boxMuller } from '../../src/cpu/normals.ts';
import { philox4x32 } from '../../src/cpu/philox.ts';
import { indexWords, seedKey, streamTag } from '../../src/model/stream.ts';
import { packedIndex } from '../../src/cpu/pivots.ts';
import { countNegative, jacobiEigenvalues, unpack } from './jacobi.ts';

describe('dense GOE stream', () => {
  it('takes entry (i, j) from normal number i(i+1)/2 + j of Philox block ⌊t/4⌋', () => {
    const seed = 123456789012;
    const n = 5;
    const index = 2 ** 33 + 17;
    const packed = denseGoeMatrix(seed, n, 0, index);
    const [k0, k1] = seedKey(seed);
    const [c0, c1] = indexWords(index);
    const words = new Uint32Array(4);
    const normals = new Float64Array(4);
    // Entry (3, 1): t = 7, block 1, words (2, 3), sin branch. Diagonal (2, 2): t = 5, block 1, sin of (0, 1).
    philox4x32(c0, c1, 1, streamTag(goe.streamCode, n), k0, k1, words);
    boxMuller(words[2], words[3], normals, 2);
    boxMuller(words[0], words[1], normals, 0);
    expect(packed[packedIndex(3, 1)]).toBe(normals[3]);
    expect(packed[packedIndex(2, 2)]).toBe(Math.SQRT2 * normals[1]);
  });

  it('adds s·R, R = 2√N, to the diagonal only', () => {
    const plain = denseGoeMatrix(9, 4, 0, 3);
    const shifted = denseGoeMatrix(9, 4, 0.5, 3);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j <= i; j++) {
        const expected = plain[packedIndex(i, j)] + (i === j ? 0.5 * 2 * Math.sqrt(4) : 0);
        expect(shifted[packedIndex(i, j)]).toBeCloseTo(expected, 14);
      }
    }
  });

  it('has off-diagonal variance 1 and diagonal variance 2 (5σ bands over 4000 matrices)', () => {
    const n = 6;
    const matrices = 4000;
    let off = 0;
    let offCount = 0;
    let diag = 0;
    let diagCount = 0;
    for (let m = 0; m < matrices; m++) {
      const packed = denseGoeMatrix(5, n, 0, m);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j <= i; j++) {
          const v = packed[packedIndex(i, j)];
          if (i === j) (diag += v * v), diagCount++;
          else (off += v * v), offCount++;
        }
      }
    }
    // Var(z²) = 2 for a standard normal, so the mean of σ²·z² has standard error σ²·√(2/count).
    expect(Math.abs(off / offCount - 1)).toBeLessThan(5 * Math.sqrt(2 / offCount));
    expect(Math.abs(diag / diagCount - 2)).toBeLessThan(5 * 2 * Math.sqrt(2 / diagCount));
  });
});

describe('dense GOE index', () => {
  it.each([
    [1, 0],
    [2, 0],
    [3, 0.3],
    [7, 0],
    [12, -0.4],
    [20, 0.8],
    [33, 0],
  ])('equals the Jacobi eigenvalue count at N = %i, shift %f (60 seeded matrices)', (n, shift) => {
    let checked = 0;
    for (let m = 0; m < 60; m++) {
      const packed = denseGoeMatrix(2024, n, shift, m);
      const expected = countNegative(jacobiEigenvalues(unpack(packed, n), n), 1e-9);
      if (expected === undefined) continue;
      expect(denseGoeIndex(2024, n, shift, m)).toBe(expected);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(58);
  });

  it('gives index 0 at a large positive shift and N at a large negative one', () => {
    expect(denseGoeIndex(1, 16, 3, 0)).toBe(0);
    expect(denseGoeIndex(1, 16, -3, 0)).toBe(16);
  });
});
