// The β = 1 Dumitriu–Edelman tridiagonal model on the Philox stream, float64 twin of
// shaders/tridiagonal-goe.wgsl.
//
// Model (Dumitriu & Edelman, J. Math. Phys. 43, 5830 (2002); DESIGN.md §1): the symmetric
// tridiagonal T with diagonal a_i ~ N(0, 2), i = 0..N−1, and off-diagonal b_i ~ χ_{N−1−i},
// i = 0..N−2, all independent, has exactly the GOE eigenvalue law (off-diagonal N(0,1),
// diagonal N(0,2)). The sample is T + s·R·I, R = 2√N.
//
// Stream (counter = (index lo, index hi, block, stream tag)): row i owns
// blocks 16i..16i+15 and draws one block per row in the common case. Block 16i gives the
// Box–Muller pair (z, z') of words (0, 1): a_i = √2·z + s·R (cos branch); b_i with k = N−1−i
// uses the sin branch z': k = 1: b = |z'|; k ≥ 2: b² = 2G, G ~ Gamma(k/2) by Marsaglia–Tsang
// (chi.ts) whose attempt 0 is (z', u of word 2) and whose attempt j = 1..14 is (cos branch of
// words (0, 1), u of word 2) of block 16i+j; G = d if all 15 attempts reject. Word 3 is unused.
//
// Index = negative pivots of d_0 = a_0, d_i = a_i − b²_{i−1}/d_{i−1}; the loop streams the
// entries, so memory is O(1) per matrix.

import type { FillRequest } from '../model/ensemble.ts';
import { indexWords, seedKey } from '../model/stream.ts';
import { CHI_ATTEMPTS, gammaAttempt } from './chi.ts';
import { boxMuller } from './normals.ts';
import { philox4x32 } from './philox.ts';
import { PIVOT_TINY } from './pivots.ts';

/** Philox blocks reserved per row: one per Marsaglia–Tsang attempt for b_i (the first shared with a_i). */
export const BLOCKS_PER_ROW = 16;

interface RowStream {
  k0: number;
  k1: number;
  c0: number;
  c1: number;
  tag: number;
  words: Uint32Array;
  normals: Float64Array;
}

function rowStream({ seed, index, streamTag }: FillRequest): RowStream {
  const [k0, k1] = seedKey(seed);
  const [c0, c1] = indexWords(index);
  return { k0, k1, c0, c1, tag: streamTag, words: new Uint32Array(4), normals: new Float64Array(2) };
}

/** Fills stream.words with block `block` and stream.normals with its Box–Muller pair. */
function drawBlock(stream: RowStream, block: number): void {
  const { words, normals } = stream;
  philox4x32(stream.c0, stream.c1, block, stream.tag, stream.k0, stream.k1, words);
  boxMuller(words[0], words[1], normals, 0);
}

/**
 * b_i² with b_i ~ χ_k, k = N−1−i ≥ 1, after drawBlock(stream, 16i): attempt 0 reuses that
 * block's sin-branch normal and word 2.
 */
function offDiagonalSquared(stream: RowStream, row: number, k: number): number {
  const { words, normals } = stream;
  if (k === 1) return normals[1] * normals[1];
  const a = k / 2;
  const first = gammaAttempt(a, normals[1], words[2]);
  if (!Number.isNaN(first)) return 2 * first;
  for (let attempt = 1; attempt < CHI_ATTEMPTS; attempt++) {
    drawBlock(stream, BLOCKS_PER_ROW * row + attempt);
    const gamma = gammaAttempt(a, normals[0], words[2]);
    if (!Number.isNaN(gamma)) return 2 * gamma;
  }
  return 2 * (a - 1 / 3);
}

export interface Tridiagonal {
  /** a_0..a_{N−1}, shift included. */
  diagonal: Float64Array;
  /** b_0..b_{N−2} (χ variates, non-negative). */
  offDiagonal: Float64Array;
}

/** The requested matrix of the stream. */
export function tridiagonalGoeMatrix(request: FillRequest): Tridiagonal {
  const { n, diagonalShift } = request;
  const stream = rowStream(request);
  const diagonal = new Float64Array(n);
  const offDiagonal = new Float64Array(Math.max(n - 1, 0));
  for (let i = 0; i < n; i++) {
    drawBlock(stream, BLOCKS_PER_ROW * i);
    diagonal[i] = Math.SQRT2 * stream.normals[0] + diagonalShift;
    if (i < n - 1) offDiagonal[i] = Math.sqrt(offDiagonalSquared(stream, i, n - 1 - i));
  }
  return { diagonal, offDiagonal };
}

/**
 * The index of matrix `index` of the stream, generated and counted in one pass (the twin of
 * the GPU loop; uses b² directly, as the kernel does).
 */
export function tridiagonalGoeIndex(request: FillRequest): number {
  const { n, diagonalShift } = request;
  const stream = rowStream(request);
  let negatives = 0;
  let pivot = 1;
  let previousSquared = 0;
  for (let i = 0; i < n; i++) {
    drawBlock(stream, BLOCKS_PER_ROW * i);
    const a = Math.SQRT2 * stream.normals[0] + diagonalShift;
    pivot = i === 0 ? a : a - previousSquared / pivot;
    if (pivot === 0) pivot = PIVOT_TINY;
    if (pivot < 0) negatives++;
    if (i < n - 1) previousSquared = offDiagonalSquared(stream, i, n - 1 - i);
  }
  return negatives;
}
