// Dense Wigner fills with non-Gaussian entries, float64 twins of shaders/fills/wigner.wgsl.
// All keep GOE's variances (off-diagonal 1, diagonal 2), so the semicircle of radius 2√N holds
// for every one; the sample is H + diagonalShift·I.
//
// Streams (counter = (index lo, index hi, block, stream tag)), t = i(i+1)/2 + j the packed
// position of (i, j), j ≤ i. Each entry depends on its own blocks only, so row k can be
// generated alone (the *Row twins below):
// - Rademacher, uniform: one Philox word per entry, word t mod 4 of block ⌊t/4⌋.
//   Rademacher: the top bit is the sign, ±1 off the diagonal, ±√2 on it.
//   Uniform: u = (w + ½)·2⁻³² ∈ (0, 1), √3(2u − 1) ~ U(−√3, √3) (variance 1), √6(2u − 1) on the
//   diagonal (variance 2).
// - Student t (ν > 2): entry t owns blocks 16t..16t+15. Block 16t's Box–Muller pair (z, z′) of
//   words (0, 1) gives the numerator z (cos branch) and, with word 2 as its uniform, attempt 0 of
//   the Marsaglia–Tsang draw G ~ Gamma(ν/2) (sin branch z′); attempt j = 1..14 uses the cos normal
//   of words (0, 1) and word 2 of block 16t + j; G = ν/2 − 1/3 if all 15 reject (p < 1e-19).
//   With χ²_ν = 2G, T = z/√(χ²_ν/ν) is Student-t with Var T = ν/(ν − 2), so the entry
//   z·√((ν − 2)/(2G)) = T·√((ν − 2)/ν) has variance 1 (×√2 on the diagonal: variance 2).
//   Non-integer ν is fine: Marsaglia–Tsang needs only the shape ν/2 ≥ 1.

import type { FillRequest } from '../model/ensemble.ts';
import { indexWords, seedKey } from '../model/stream.ts';
import { CHI_ATTEMPTS, gammaAttempt } from './chi.ts';
import { boxMuller, uniformOpen } from './normals.ts';
import { philox4x32 } from './philox.ts';
import { packedIndex, packedLength } from './pivots.ts';

/** Philox blocks per Student-t entry: one per Marsaglia–Tsang attempt (WGSL: T_BLOCKS_PER_ENTRY). */
export const T_BLOCKS_PER_ENTRY = 16;

const SQRT3 = Math.sqrt(3);

/** Writes entry(word) at every packed position from one word each, then scales the diagonal by √2 and shifts it. */
function fillOneWordPerEntry({ seed, streamTag, n, diagonalShift, index }: FillRequest, out: Float64Array, entry: (word: number) => number): void {
  const length = packedLength(n);
  const [k0, k1] = seedKey(seed);
  const [c0, c1] = indexWords(index);
  const words = new Uint32Array(4);
  for (let block = 0; 4 * block < length; block++) {
    philox4x32(c0, c1, block, streamTag, k0, k1, words);
    const end = Math.min(4, length - 4 * block);
    for (let q = 0; q < end; q++) out[4 * block + q] = entry(words[q]!);
  }
  for (let i = 0; i < n; i++) {
    const t = packedIndex(i, i);
    out[t] = Math.SQRT2 * out[t] + diagonalShift;
  }
}

/** Row k of fillOneWordPerEntry's matrix alone: the same words at the same positions. */
function fillOneWordPerEntryRow({ seed, streamTag, diagonalShift, index }: FillRequest, k: number, out: Float64Array, entry: (word: number) => number): void {
  const row = packedIndex(k, 0);
  const end = row + k;
  const [k0, k1] = seedKey(seed);
  const [c0, c1] = indexWords(index);
  const words = new Uint32Array(4);
  for (let block = row >> 2; 4 * block <= end; block++) {
    philox4x32(c0, c1, block, streamTag, k0, k1, words);
    for (let q = Math.max(0, row - 4 * block); q < 4 && 4 * block + q <= end; q++) out[4 * block + q] = entry(words[q]!);
  }
  out[end] = Math.SQRT2 * out[end]! + diagonalShift;
}

const rademacher = (word: number): number => (word >= 0x8000_0000 ? -1 : 1);
const centredUniform = (word: number): number => SQRT3 * (2 * uniformOpen(word) - 1);

export function fillRademacher(request: FillRequest, out: Float64Array): void {
  fillOneWordPerEntry(request, out, rademacher);
}

export function fillRademacherRow(request: FillRequest, k: number, out: Float64Array): void {
  fillOneWordPerEntryRow(request, k, out, rademacher);
}

export function fillUniform(request: FillRequest, out: Float64Array): void {
  fillOneWordPerEntry(request, out, centredUniform);
}

export function fillUniformRow(request: FillRequest, k: number, out: Float64Array): void {
  fillOneWordPerEntryRow(request, k, out, centredUniform);
}

/** Student-t entries with ν = params.nu degrees of freedom, scaled to variance 1 (2 on the diagonal). */
export function fillStudentT(request: FillRequest, out: Float64Array): void {
  const { n, diagonalShift } = request;
  const draw = studentTEntries(request);
  for (let t = 0; t < packedLength(n); t++) out[t] = draw(t);
  for (let i = 0; i < n; i++) {
    const t = packedIndex(i, i);
    out[t] = Math.SQRT2 * out[t]! + diagonalShift;
  }
}

/** Row k of fillStudentT's matrix alone: entry t reads only its own blocks. */
export function fillStudentTRow(request: FillRequest, k: number, out: Float64Array): void {
  const draw = studentTEntries(request);
  const row = packedIndex(k, 0);
  for (let t = row; t < row + k; t++) out[t] = draw(t);
  out[row + k] = Math.SQRT2 * draw(row + k) + request.diagonalShift;
}

/** Entry t (before the diagonal's √2 and shift) of the request's matrix. */
function studentTEntries({ seed, streamTag, index, params }: FillRequest): (t: number) => number {
  const nu = params['nu']!;
  const shape = nu / 2;
  const [k0, k1] = seedKey(seed);
  const [c0, c1] = indexWords(index);
  const words = new Uint32Array(4);
  const normals = new Float64Array(2);
  return (t) => {
    const first = T_BLOCKS_PER_ENTRY * t;
    philox4x32(c0, c1, first, streamTag, k0, k1, words);
    boxMuller(words[0]!, words[1]!, normals, 0);
    const z = normals[0]!;
    let gamma = gammaAttempt(shape, normals[1]!, words[2]!);
    for (let attempt = 1; Number.isNaN(gamma) && attempt < CHI_ATTEMPTS; attempt++) {
      philox4x32(c0, c1, first + attempt, streamTag, k0, k1, words);
      boxMuller(words[0]!, words[1]!, normals, 0);
      gamma = gammaAttempt(shape, normals[0]!, words[2]!);
    }
    if (Number.isNaN(gamma)) gamma = shape - 1 / 3;
    return z * Math.sqrt((nu - 2) / (2 * gamma));
  };
}
