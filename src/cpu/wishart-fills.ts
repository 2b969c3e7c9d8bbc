// Wishart and Gauss–Newton + residual fills, float64 twins of shaders/fills/wishart.wgsl.
//
// Wishart: H = XᵀX/M with X an M×N matrix of independent N(0, 1) entries (Marchenko–Pastur
// with ratio φ = N/M and mean eigenvalue 1). Gauss–Newton + residual (Pennington & Bahri, ICML
// 2017): H = XᵀX/M + g·G with G a GOE matrix in the lab's convention (off-diagonal N(0, 1),
// diagonal N(0, 2)) and g = √(2ε/N), so g·G has semicircle radius 2√(2ε). The sample is
// H + diagonalShift·I.
//
// Stream (counter = (index lo, index hi, block, stream tag)): X is drawn column by column,
// entry (m, j) being normal m mod 4 of block j·B + ⌊m/4⌋, B = ⌈M/4⌉ blocks per column (normals
// (cos, sin) of words (0, 1), then of words (2, 3)). Row k of H needs columns 0..k of X, a prefix
// of the stream, so it can be generated alone; X itself is never stored: H accumulates the
// outer products of X's rows four at a time (one block per column per group of four rows).
// G's entry at packed position t is normal t mod 4 of block GOE_PART_BLOCK + ⌊t/4⌋, GOE's layout
// moved clear of X's blocks (at most N·B ≤ 64·160 of them).
//
// Rank-deficient case M < N (φ > 1): XᵀX/M has N − M eigenvalues exactly 0, which rounding in
// XᵀX and in LDLᵀ turns into noise of either sign — amplified by the condition number of X's
// leading columns, so no threshold separates it from genuine small pivots (measured: 9 of
// 20 000 Wishart matrices at N = 8, φ = 2 counted a negative "zero" in float64). The fill then
// writes instead the block-diagonal matrix diag(XXᵀ/M, 0·I_{N−M}) (plus the shift): XXᵀ and XᵀX
// have the same non-zero eigenvalues, so it has exactly H's spectrum, and its zero block gives
// pivots exactly 0 (counted as not negative, PIVOT_TINY) in f32 and f64 alike. XXᵀ accumulates
// the outer products of X's columns, so X is still never stored and row k still needs only
// rows 0..k of X. (Its entries are not XᵀX's, like the tridiagonal model's are not GOE's.)

import type { FillRequest } from '../model/ensemble.ts';
import { indexWords, seedKey } from '../model/stream.ts';
import { boxMuller } from './normals.ts';
import { philox4x32 } from './philox.ts';
import { packedIndex, packedLength } from './pivots.ts';

/** First Philox block of the GOE part of gauss-newton-residual (WGSL: same const). */
export const GOE_PART_BLOCK = 0x4000_0000;

/** Rows M of X for N columns at ratio φ = N/M: round(N/φ), at least 1 (the effective φ is N/M). */
export function wishartRows(n: number, phi: number): number {
  return Math.max(1, Math.round(n / phi));
}

/**
 * XᵀX/M into the packed triangle (M ≥ N), or diag(XXᵀ/M, 0) with XᵀX/M's spectrum (M < N; see
 * the header); no shift.
 */
function fillGram(request: FillRequest, rows: number, out: Float64Array): void {
  if (rows < request.n) fillDualGram(request, rows, out);
  else fillPrimalGram(request, rows, out);
}

/** diag(XXᵀ/M, 0·I_{N−M}): column j of X from blocks j·B..j·B + B − 1, M < N. */
function fillDualGram({ seed, streamTag, n, index }: FillRequest, rows: number, out: Float64Array): void {
  const [k0, k1] = seedKey(seed);
  const [c0, c1] = indexWords(index);
  const blocksPerColumn = Math.ceil(rows / 4);
  const words = new Uint32Array(4);
  const column = new Float64Array(4 * blocksPerColumn);
  out.fill(0, 0, packedLength(n));
  for (let j = 0; j < n; j++) {
    for (let group = 0; group < blocksPerColumn; group++) {
      philox4x32(c0, c1, j * blocksPerColumn + group, streamTag, k0, k1, words);
      boxMuller(words[0]!, words[1]!, column, 4 * group);
      boxMuller(words[2]!, words[3]!, column, 4 * group + 2);
    }
    for (let a = 0; a < rows; a++) {
      const row = packedIndex(a, 0);
      for (let b = 0; b <= a; b++) out[row + b] += column[a]! * column[b]!;
    }
  }
  const inverseRows = 1 / rows;
  for (let t = 0; t < packedLength(rows); t++) out[t]! *= inverseRows;
}

/** XᵀX/M, M ≥ N: the outer products of X's rows, four rows (one block per column) at a time. */
function fillPrimalGram({ seed, streamTag, n, index }: FillRequest, rows: number, out: Float64Array): void {
  const [k0, k1] = seedKey(seed);
  const [c0, c1] = indexWords(index);
  const blocksPerColumn = Math.ceil(rows / 4);
  const words = new Uint32Array(4);
  const normals = new Float64Array(4);
  // xs[4j + r] = X(4g + r, j) for the current group g of four rows (zero past row M − 1).
  const xs = new Float64Array(4 * n);
  out.fill(0, 0, packedLength(n));
  for (let group = 0; group < blocksPerColumn; group++) {
    const live = Math.min(4, rows - 4 * group);
    for (let j = 0; j < n; j++) {
      philox4x32(c0, c1, j * blocksPerColumn + group, streamTag, k0, k1, words);
      boxMuller(words[0]!, words[1]!, normals, 0);
      boxMuller(words[2]!, words[3]!, normals, 2);
      for (let r = 0; r < 4; r++) xs[4 * j + r] = r < live ? normals[r]! : 0;
    }
    for (let i = 0; i < n; i++) {
      const row = packedIndex(i, 0);
      for (let j = 0; j <= i; j++) {
        out[row + j] += xs[4 * i]! * xs[4 * j]! + xs[4 * i + 1]! * xs[4 * j + 1]! + xs[4 * i + 2]! * xs[4 * j + 2]! + xs[4 * i + 3]! * xs[4 * j + 3]!;
      }
    }
  }
  const inverseRows = 1 / rows;
  for (let t = 0; t < packedLength(n); t++) out[t]! *= inverseRows;
}

function addShift(n: number, diagonalShift: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) out[packedIndex(i, i)]! += diagonalShift;
}

/** Wishart XᵀX/M at φ = params.phi. */
export function fillWishart(request: FillRequest, out: Float64Array): void {
  fillGram(request, wishartRows(request.n, request.params['phi']!), out);
  addShift(request.n, request.diagonalShift, out);
}

/**
 * XᵀX/M + √(2ε/N)·G at φ = params.phi, ε = params.epsilon. At ε = 0 it is Wishart, spectrum
 * and fill alike (so its exact zeros stay exact).
 */
export function fillGaussNewtonResidual(request: FillRequest, out: Float64Array): void {
  const { seed, streamTag, n, index, params } = request;
  const gain = Math.sqrt((2 * params['epsilon']!) / n);
  if (gain === 0) return fillWishart(request, out);
  fillPrimalGram(request, wishartRows(n, params['phi']!), out);
  const [k0, k1] = seedKey(seed);
  const [c0, c1] = indexWords(index);
  const words = new Uint32Array(4);
  const normals = new Float64Array(4);
  // Position t = i(i+1)/2 + j walks (i, j) row by row; GOE's diagonal is √2·z, N(0, 2).
  let t = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++, t++) {
      if (t % 4 === 0) {
        philox4x32(c0, c1, GOE_PART_BLOCK + t / 4, streamTag, k0, k1, words);
        boxMuller(words[0]!, words[1]!, normals, 0);
        boxMuller(words[2]!, words[3]!, normals, 2);
      }
      out[t]! += gain * (i === j ? Math.SQRT2 : 1) * normals[t % 4]!;
    }
  }
  addShift(n, request.diagonalShift, out);
}
