// The p-spin landscape's random streams: the disorder J and the descent starts, both on the
// lab's Philox4x32-10 stream (DESIGN.md §4) under the landscapes' tag scheme
// (src/landscape/streams.ts: 0xF | LANDSCAPE_CODE['p-spin'] | 24 parameter bits, here
// purpose (bit 20) | p (bits 16..19) | N (bits 0..15)), so no ensemble, other landscape, p or N
// shares a word. Every number is reproducible on the CPU from (seed, p, N, disorder) alone,
// whatever the batch, run count or workgroup size.
//
// Counters (key = the 64-bit seed):
//   J:      (disorder lo, disorder hi, block, pspinTag(p, N, 'disorder'))
//   starts: (run,         disorder,    block, pspinTag(p, N, 'start'))
// Normal number t of a stream sits in Philox block t >> 2: words (0, 1) give normals 4b, 4b+1
// by Box–Muller (cos, sin), words (2, 3) give 4b+2, 4b+3 — the layout of src/cpu/dense-goe.ts.
// shaders/landscape/pspin-disorder.wgsl reads the same counters.

import { boxMuller } from '../../cpu/normals.ts';
import { philox4x32 } from '../../cpu/philox.ts';
import { indexWords, seedKey } from '../../model/stream.ts';
import { LANDSCAPE_CODE, landscapeStreamTag } from '../streams.ts';

export type PspinPurpose = 'disorder' | 'start';

/** Largest N the tag can tell apart (16 bits). */
export const PSPIN_TAG_N_LIMIT = 0xffff;

export function pspinTag(p: number, n: number, purpose: PspinPurpose): number {
  if (!Number.isInteger(n) || n < 1 || n > PSPIN_TAG_N_LIMIT) throw new RangeError(`invalid n: ${n} (must be an integer in [1, ${PSPIN_TAG_N_LIMIT}])`);
  if (!Number.isInteger(p) || p < 2 || p > 15) throw new RangeError(`invalid p: ${p} (must be an integer in [2, 15])`);
  return landscapeStreamTag(LANDSCAPE_CODE['p-spin'], ((purpose === 'start' ? 1 : 0) << 20) | (p << 16) | n);
}

/** Normals first..first+count−1 of the stream with counter words (c0, c1, ·, tag). */
function streamNormals(seed: number, c0: number, c1: number, tag: number, first: number, count: number, out: Float64Array): Float64Array {
  const [k0, k1] = seedKey(seed);
  const words = new Uint32Array(4);
  const pair = new Float64Array(4);
  let block = -1;
  for (let m = 0; m < count; m++) {
    const t = first + m;
    const b = Math.floor(t / 4);
    if (b !== block) {
      philox4x32(c0, c1, b, tag, k0, k1, words);
      boxMuller(words[0], words[1], pair, 0);
      boxMuller(words[2], words[3], pair, 2);
      block = b;
    }
    out[m] = pair[t % 4];
  }
  return out;
}

/**
 * The disorder J of (seed, p, N, disorder): N^p iid N(0, 1) entries over ordered tuples, entry
 * (i1, …, ip) at the flat index i1·N^(p−1) + … + ip. `first`/`count` give a slice.
 */
export function pspinDisorder(seed: number, p: number, n: number, disorder: number, first = 0, count = n ** p): Float64Array {
  const [c0, c1] = indexWords(disorder);
  return streamNormals(seed, c0, c1, pspinTag(p, n, 'disorder'), first, count, new Float64Array(count));
}

/** Start `run` of disorder `disorder`: N normals scaled onto the sphere |σ|² = N (uniform on it). */
export function pspinStart(seed: number, p: number, n: number, disorder: number, run: number): Float64Array {
  const sigma = streamNormals(seed, run >>> 0, disorder >>> 0, pspinTag(p, n, 'start'), 0, n, new Float64Array(n));
  let norm2 = 0;
  for (let i = 0; i < n; i++) norm2 += sigma[i] * sigma[i];
  const scale = Math.sqrt(n / norm2);
  for (let i = 0; i < n; i++) sigma[i] *= scale;
  return sigma;
}
