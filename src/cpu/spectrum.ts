// Spectrum counts on the CPU (float64): for each matrix of a stream, the number of
// eigenvalues below each threshold, summed over the matrices. Dense matrices are
// tridiagonalised once (householder.ts) and then Sturm-counted at every threshold; a
// tridiagonal model is counted directly. The registry entry supplies the fill, so every
// ensemble's float64 twin serves.

import type { EnsembleEntry } from '../model/ensemble.ts';
import { fillRequest, type MatrixAddress } from './float64-twin.ts';
import { addCountsBelow, tridiagonalize, type SymmetricTridiagonal } from './householder.ts';
import { packedLength } from './pivots.ts';

/** Writes matrix number `index` of a stream into `out` (packed lower triangle). */
export type PackedFill = (index: number, out: Float64Array) => Float64Array;

/** A tridiagonal matrix (diagonal, off-diagonal) of a stream. */
export type TridiagonalSource = (index: number) => { diagonal: Float64Array; offDiagonal: Float64Array };

/** Σ over matrices first..first+count−1 of #{λ < thresholds[j]}, for a dense fill. */
export function denseSpectrumCounts(fill: PackedFill, n: number, first: number, count: number, thresholds: ArrayLike<number>): Float64Array {
  const counts = new Float64Array(thresholds.length);
  const scratch = new Float64Array(packedLength(n));
  for (let index = first; index < first + count; index++) {
    addCountsBelow(tridiagonalize(fill(index, scratch), n), thresholds, counts);
  }
  return counts;
}

/** The same for a tridiagonal stream, counted without any reduction. */
export function tridiagonalSpectrumCounts(source: TridiagonalSource, first: number, count: number, thresholds: ArrayLike<number>): Float64Array {
  const counts = new Float64Array(thresholds.length);
  for (let index = first; index < first + count; index++) {
    const { diagonal, offDiagonal } = source(index);
    const t: SymmetricTridiagonal = { diagonal, offDiagonalSquared: offDiagonal.map((b) => b * b) };
    addCountsBelow(t, thresholds, counts);
  }
  return counts;
}

/**
 * Counts for any registered ensemble: dense entries through their float64 fill, streaming
 * entries through their tridiagonal form (undefined when an entry declares none).
 */
export function ensembleSpectrumCounts(
  entry: EnsembleEntry,
  address: Omit<MatrixAddress, 'index'>,
  first: number,
  count: number,
  thresholds: ArrayLike<number>,
): Float64Array | undefined {
  const { sampling } = entry;
  if (sampling.kind === 'dense') {
    return denseSpectrumCounts((index, out) => {
      sampling.fill(fillRequest(entry, { ...address, index }), out);
      return out;
    }, address.n, first, count, thresholds);
  }
  const tridiagonal = sampling.tridiagonal;
  if (!tridiagonal) return undefined;
  return tridiagonalSpectrumCounts((index) => tridiagonal(fillRequest(entry, { ...address, index })), first, count, thresholds);
}
