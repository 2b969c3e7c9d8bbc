// The p-spin landscape's random streams: the disorder J and the descent starts, both on the
// lab's Philox4x32-10 stream (DESIGN.md §4). Every number here is reproducible on the CPU from
// (seed, p, N, disorder) alone, whatever the batch, run count or workgroup size.
//
// Counters (key = the 64-bit seed):
//   J:      (disorder lo, disorder hi, block, pspinTag(p, N, 'pspin-disorder'))
//   starts: (run,         disorder,    block, pspinTag(p, N, 'pspin-start'))
// Normal number t of a stream sits in Philox block t >> 2: words (0, 1) give normals 4b, 4b+1
// by Box–Muller (cos, sin), words (2, 3) give 4b+2, 4b+3 — the layout of src/cpu/dense-goe.ts.
// shaders/landscape/pspin-*.wgsl read the same counters.

import { boxMuller } from '../../cpu/normals.ts';
import { indexWords, philox4x32, seedKey, STREAM_PURPOSE } from '../../cpu/philox.ts';

export type PspinPurpose = 'pspin-disorder' | 'pspin-start';

/**
 * Fourth counter word: p (bits 28..31), purpose (bits 24..27), N (bits 0..23). The purposes
 * 2 and 3 belong to this landscape alone, so no ensemble's stream can share a word with it.
 */
export function pspinTag(p: number, n: number, purpose: PspinPurpose): number {
  return ((p << 28) | (STREAM_PURPOSE[purpose] << 24) | (n & 0xffffff)) >>> 0;
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
  return streamNormals(seed, c0, c1, pspinTag(p, n, 'pspin-disorder'), first, count, new Float64Array(count));
}

/** Start `run` of disorder `disorder`: N normals scaled onto the sphere |σ|² = N (uniform on it). */
export function pspinStart(seed: number, p: number, n: number, disorder: number, run: number): Float64Array {
  const sigma = streamNormals(seed, run >>> 0, disorder >>> 0, pspinTag(p, n, 'pspin-start'), 0, n, new Float64Array(n));
  let norm2 = 0;
  for (let i = 0; i < n; i++) norm2 += sigma[i] * sigma[i];
  const scale = Math.sqrt(n / norm2);
  for (let i = 0; i < n; i++) sigma[i] *= scale;
  return sigma;
}
