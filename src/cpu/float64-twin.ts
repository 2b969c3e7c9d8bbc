// The float64 twin of one matrix of any registered ensemble: the registry entry says how to
// fill it (or count it in one pass) and what its stream tag and diagonal shift are. The CPU
// sampler and the GPU host's recheck both count through here, so they cannot drift apart.
// P(min) alone (float64IsMinimum) draws only the rows its early-exit factorisation reaches.

import type { DenseSampling, EnsembleEntry, EnsembleParams, FillRequest } from '../model/ensemble.ts';
import { streamTag } from '../model/stream.ts';
import { noNegativePivotByRows } from './lazy-pivots.ts';
import { countNegativePivotsPacked, packedLength } from './pivots.ts';

export interface MatrixAddress {
  seed: number;
  n: number;
  /** s in H + s·R·I, R = entry.shiftScale(N). */
  shift: number;
  index: number;
  params: EnsembleParams;
}

/** The numbers a fill reads, the same ones the GPU kernel gets in Params. */
export function fillRequest(entry: EnsembleEntry, { seed, n, shift, index, params }: MatrixAddress): FillRequest {
  return { seed, streamTag: streamTag(entry.streamCode, n), n, diagonalShift: shift * entry.shiftScale(n, params), index, params };
}

/** The packed lower triangle of a dense ensemble's matrix (`out` is reused when given). */
export function float64Matrix(
  entry: EnsembleEntry & { sampling: DenseSampling },
  address: MatrixAddress,
  out: Float64Array = new Float64Array(packedLength(address.n)),
): Float64Array {
  entry.sampling.fill(fillRequest(entry, address), out);
  return out;
}

/** The index (number of negative eigenvalues) of the matrix; `scratch` holds a packed triangle. */
export function float64Index(entry: EnsembleEntry, address: MatrixAddress, scratch?: Float64Array): number {
  const { sampling } = entry;
  if (sampling.kind === 'streaming') return sampling.index(fillRequest(entry, address));
  const packed = scratch ?? new Float64Array(packedLength(address.n));
  sampling.fill(fillRequest(entry, address), packed);
  return countNegativePivotsPacked(packed, address.n);
}

/** Scratch of float64IsMinimum for one N: a packed triangle and the inverse pivots. */
export interface MinimumScratch {
  packed: Float64Array;
  inversePivots: Float64Array;
}

export function minimumScratch(n: number): MinimumScratch {
  return { packed: new Float64Array(packedLength(n)), inversePivots: new Float64Array(n) };
}

/**
 * Whether the matrix is a minimum (index 0), by the early-exit LDLᵀ of lazy-pivots.ts: with
 * the entry's row fill only the rows reached are drawn; without one the whole matrix is filled
 * first. A streaming entry answers from its index.
 */
export function float64IsMinimum(entry: EnsembleEntry, address: MatrixAddress, scratch: MinimumScratch = minimumScratch(address.n)): boolean {
  const { sampling } = entry;
  const request = fillRequest(entry, address);
  if (sampling.kind === 'streaming') return sampling.index(request) === 0;
  const { packed, inversePivots } = scratch;
  const { rowFill } = sampling;
  if (!rowFill) {
    sampling.fill(request, packed);
    return noNegativePivotByRows(packed, address.n, inversePivots);
  }
  return noNegativePivotByRows(packed, address.n, inversePivots, (k) => rowFill.fill(request, k, packed));
}
