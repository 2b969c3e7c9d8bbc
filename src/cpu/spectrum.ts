// Spectrum counts on the CPU (float64): for each matrix of a stream, the number of
// eigenvalues below each threshold, summed over the matrices. Dense matrices are
// tridiagonalised once (householder.ts) and then Sturm-counted at every threshold; the
// tridiagonal model is counted directly. The fill is a parameter, so every ensemble's float64
// fill serves.

import { addCountsBelow, tridiagonalize, type SymmetricTridiagonal } from './householder.ts';
import { packedLength } from './pivots.ts';
import { tridiagonalGoeMatrix } from './tridiagonal-goe.ts';

/** Writes matrix number `index` of a stream into `out` (packed lower triangle). */
export type PackedFill = (index: number, out: Float64Array) => Float64Array;

/** Σ over matrices first..first+count−1 of #{λ < thresholds[j]}, for a dense fill. */
export function denseSpectrumCounts(fill: PackedFill, n: number, first: number, count: number, thresholds: ArrayLike<number>): Float64Array {
  const counts = new Float64Array(thresholds.length);
  const scratch = new Float64Array(packedLength(n));
  for (let index = first; index < first + count; index++) {
    addCountsBelow(tridiagonalize(fill(index, scratch), n), thresholds, counts);
  }
  return counts;
}

/** The same for the goe-tridiagonal stream (shift included in the diagonal). */
export function tridiagonalGoeSpectrumCounts(seed: number, n: number, shift: number, first: number, count: number, thresholds: ArrayLike<number>): Float64Array {
  const counts = new Float64Array(thresholds.length);
  for (let index = first; index < first + count; index++) {
    const { diagonal, offDiagonal } = tridiagonalGoeMatrix(seed, n, shift, index);
    const t: SymmetricTridiagonal = { diagonal, offDiagonalSquared: offDiagonal.map((b) => b * b) };
    addCountsBelow(t, thresholds, counts);
  }
  return counts;
}
