// Philox streams of the landscapes (DESIGN.md §4): the fourth counter word is
//   0xF (bits 28..31, "landscape", above every ensemble code) | landscape code (bits 24..27) |
//   the landscape's own parameters (bits 0..23),
// and the first two words are the run number, so every start is reproducible from
// (seed, landscape, parameters, run) alone and no two landscapes or sizes share words.

import { boxMuller } from '../cpu/normals.ts';
import { indexWords, philox4x32, seedKey } from '../cpu/philox.ts';

export const LANDSCAPE_STREAM = 0xf;

/** One code per landscape; a new landscape takes the next free one. */
export const LANDSCAPE_CODE = { 'teacher-student': 1, 'p-spin': 2 } as const;

export function landscapeStreamTag(code: number, parameterBits: number): number {
  if (!Number.isInteger(code) || code < 0 || code > 15) throw new RangeError(`landscape code ${code} outside 0..15`);
  if (!Number.isInteger(parameterBits) || parameterBits < 0 || parameterBits >= 2 ** 24) throw new RangeError(`landscape parameters ${parameterBits} outside 24 bits`);
  return ((LANDSCAPE_STREAM << 28) | (code << 24) | parameterBits) >>> 0;
}

/**
 * `count` standard normals for run `run`: block b of the counter (run lo, run hi, b, tag) gives
 * normals 4b … 4b + 3 by Box–Muller on its words (0, 1) and (2, 3).
 */
export function runNormals(seed: number, run: number, tag: number, count: number): Float64Array {
  const [k0, k1] = seedKey(seed);
  const [r0, r1] = indexWords(run);
  const out = new Float64Array(Math.ceil(count / 4) * 4);
  const words = new Uint32Array(4);
  for (let block = 0; block * 4 < count; block++) {
    philox4x32(r0, r1, block, tag, k0, k1, words);
    boxMuller(words[0], words[1], out, 4 * block);
    boxMuller(words[2], words[3], out, 4 * block + 2);
  }
  return out.subarray(0, count);
}
