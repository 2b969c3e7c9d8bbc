// Dense GOE Hessians on the Philox stream, float64 twin of shaders/dense-goe.wgsl.
//
// Model (DESIGN.md §1): H symmetric N×N, off-diagonal entries N(0, 1), diagonal N(0, 2), all
// independent; the sample is H + s·R·I with R = 2√N (the semicircle radius).
//
// Stream: the packed lower triangle is filled row-major, entry (i, j), j ≤ i, takes normal
// number t = i(i+1)/2 + j. Normals 4b..4b+3 come from Philox block b (counter = (index lo,
// index hi, b, streamTag('goe', N))): words (0, 1) → Box–Muller (cos, sin) = normals 4b, 4b+1,
// words (2, 3) → normals 4b+2, 4b+3. A diagonal entry is √2·z + s·R.

import { boxMuller } from './normals.ts';
import { indexWords, philox4x32, seedKey, streamTag } from './philox.ts';
import { countNegativePivotsPacked, packedIndex, packedLength } from './pivots.ts';
import { semicircleRadius } from './semicircle.ts';

/**
 * Matrix number `index` of the (seed, 'goe', n) stream with shift s, as its packed lower
 * triangle (length n(n+1)/2). `out` is reused when given.
 */
export function denseGoeMatrix(
  seed: number,
  n: number,
  shift: number,
  index: number,
  out: Float64Array = new Float64Array(packedLength(n)),
): Float64Array {
  const length = packedLength(n);
  const [k0, k1] = seedKey(seed);
  const [c0, c1] = indexWords(index);
  const tag = streamTag('goe', n);
  const words = new Uint32Array(4);
  const normals = new Float64Array(4);
  for (let block = 0; 4 * block < length; block++) {
    philox4x32(c0, c1, block, tag, k0, k1, words);
    boxMuller(words[0], words[1], normals, 0);
    boxMuller(words[2], words[3], normals, 2);
    const end = Math.min(4, length - 4 * block);
    for (let m = 0; m < end; m++) out[4 * block + m] = normals[m];
  }
  const diagonalShift = shift * semicircleRadius(n);
  for (let i = 0; i < n; i++) {
    const t = packedIndex(i, i);
    out[t] = Math.SQRT2 * out[t] + diagonalShift;
  }
  return out;
}

/** The index (number of negative eigenvalues) of matrix `index` of the stream. */
export function denseGoeIndex(seed: number, n: number, shift: number, index: number, scratch?: Float64Array): number {
  const packed = denseGoeMatrix(seed, n, shift, index, scratch);
  return countNegativePivotsPacked(packed, n);
}
