// Dense GOE fill on the Philox stream, float64 twin of shaders/fills/goe.wgsl.
//
// Model (DESIGN.md §1): H symmetric N×N, off-diagonal entries N(0, 1), diagonal N(0, 2), all
// independent; the sample is H + s·R·I (the caller passes diagonalShift = s·R, R = 2√N).
//
// Stream: the packed lower triangle is filled row-major, entry (i, j), j ≤ i, takes normal
// number t = i(i+1)/2 + j. Normals 4b..4b+3 come from Philox block b (counter = (index lo,
// index hi, b, stream tag)): words (0, 1) → Box–Muller (cos, sin) = normals 4b, 4b+1,
// words (2, 3) → normals 4b+2, 4b+3. A diagonal entry is √2·z + s·R. Row k alone needs only
// blocks ⌊k(k+1)/8⌋..⌊((k+1)(k+2)/2 − 1)/4⌋, so it can be generated on its own.

import type { FillRequest } from '../model/ensemble.ts';
import { indexWords, seedKey } from '../model/stream.ts';
import { boxMuller } from './normals.ts';
import { philox4x32 } from './philox.ts';
import { packedIndex, packedLength } from './pivots.ts';

export function fillDenseGoe({ seed, streamTag, n, diagonalShift, index }: FillRequest, out: Float64Array): void {
  const length = packedLength(n);
  const [k0, k1] = seedKey(seed);
  const [c0, c1] = indexWords(index);
  const words = new Uint32Array(4);
  const normals = new Float64Array(4);
  for (let block = 0; 4 * block < length; block++) {
    philox4x32(c0, c1, block, streamTag, k0, k1, words);
    boxMuller(words[0], words[1], normals, 0);
    boxMuller(words[2], words[3], normals, 2);
    const end = Math.min(4, length - 4 * block);
    for (let m = 0; m < end; m++) out[4 * block + m] = normals[m];
  }
  for (let i = 0; i < n; i++) {
    const t = packedIndex(i, i);
    out[t] = Math.SQRT2 * out[t] + diagonalShift;
  }
}

/** Packed row k of fillDenseGoe's matrix alone, from the same blocks (same bits). */
export function fillDenseGoeRow({ seed, streamTag, diagonalShift, index }: FillRequest, k: number, out: Float64Array): void {
  const row = packedIndex(k, 0);
  const end = row + k;
  const [k0, k1] = seedKey(seed);
  const [c0, c1] = indexWords(index);
  const words = new Uint32Array(4);
  const normals = new Float64Array(4);
  // A block may straddle rows k − 1 and k (or k and k + 1): only this row's entries are written.
  for (let block = row >> 2; 4 * block <= end; block++) {
    philox4x32(c0, c1, block, streamTag, k0, k1, words);
    boxMuller(words[0]!, words[1]!, normals, 0);
    boxMuller(words[2]!, words[3]!, normals, 2);
    for (let m = Math.max(0, row - 4 * block); m < 4 && 4 * block + m <= end; m++) out[4 * block + m] = normals[m]!;
  }
  out[end] = Math.SQRT2 * out[end]! + diagonalShift;
}
