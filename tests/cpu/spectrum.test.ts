import { describe, expect, it } from 'vitest';
import { denseSpectrumCounts, ensembleSpectrumCounts } from '../../src/cpu/spectrum.ts';
import { ensembleEntry } from '../../src/ensembles/registry.ts';
import { denseGoeMatrix } from '../../src/ensembles/goe.ts';
import { tridiagonalGoeMatrix } from '../../src/ensembles/goe-tridiagonal.ts';
import { jacobiEigenvalues, tridiagonalToFull, unpack } from './jacobi.ts';

const thresholds = Array.from({ length: 65 }, (_, j) => -12 + (24 * j) / 64 + 1e-9);

describe('spectrum counts for registered ensembles', () => {
  it('reads a dense entry through its float64 fill: the same counts as the GOE stream, and as Jacobi', () => {
    const n = 12;
    const viaEntry = ensembleSpectrumCounts(ensembleEntry('goe'), { seed: 4, n, shift: 0.2, params: {} }, 3, 5, thresholds)!;
    expect([...viaEntry]).toEqual([...denseSpectrumCounts((i, out) => denseGoeMatrix(4, n, 0.2, i, out), n, 3, 5, thresholds)]);
    const eigenvalues = [3, 4, 5, 6, 7].flatMap((i) => jacobiEigenvalues(unpack(denseGoeMatrix(4, n, 0.2, i), n), n));
    expect([...viaEntry]).toEqual(thresholds.map((x) => eigenvalues.filter((e) => e < x).length));
  });
  it('reads goe-tridiagonal through its tridiagonal form, as Jacobi does', () => {
    const n = 10;
    const viaEntry = ensembleSpectrumCounts(ensembleEntry('goe-tridiagonal'), { seed: 2, n, shift: 0, params: {} }, 0, 4, thresholds)!;
    const eigenvalues = [0, 1, 2, 3].flatMap((i) => {
      const { diagonal, offDiagonal } = tridiagonalGoeMatrix(2, n, 0, i);
      return jacobiEigenvalues(tridiagonalToFull(diagonal, offDiagonal), n);
    });
    expect([...viaEntry]).toEqual(thresholds.map((x) => eigenvalues.filter((e) => e < x).length));
  });
});
