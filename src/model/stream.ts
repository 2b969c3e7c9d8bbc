// The Philox stream contract both twins share (DESIGN.md §4): key = the 64-bit seed, counter =
// (matrix index lo, matrix index hi, block, stream tag). The GPU host (src/gpu/request-params.ts),
// the float64 fills (src/cpu/) and the rare-event estimator (src/stats/rare/) all derive their
// counters here, so a matrix is reproducible from (seed, ensemble, N, index) alone.

const TWO_32 = 0x1_0000_0000;

/** What a stream of random words is used for; part of the counter so purposes never overlap. */
export const STREAM_PURPOSE = { matrix: 0, rare: 1 } as const;
export type StreamPurpose = keyof typeof STREAM_PURPOSE;

/**
 * Ensemble stream codes are 4 bits of the tag: 1..14 (0 is never used, so a zero tag is a bug).
 * 15 is reserved for the landscapes (src/landscape/streams.ts), whose starts and disorders
 * must never share words with a matrix stream.
 */
export const STREAM_CODE_MAX = 14;
/** Top 4 tag bits of every landscape stream (src/landscape/streams.ts). */
export const LANDSCAPE_STREAM_CODE = 15;

/**
 * The rare-event estimator's stream code. It samples the latent variables of the tridiagonal
 * GOE model, whose ensemble code (2) it has always used; kept so existing seeds reproduce.
 */
export const RARE_STREAM_CODE = 2;

/**
 * The fourth counter word: stream code (bits 28..31, one per ensemble, from its registry entry),
 * purpose (bits 24..27), N (bits 0..23). Different N or ensembles never share random words
 * under one seed.
 */
export function streamTag(streamCode: number, n: number, purpose: StreamPurpose = 'matrix'): number {
  return ((streamCode << 28) | (STREAM_PURPOSE[purpose] << 24) | (n & 0xffffff)) >>> 0;
}

/** The seed as the Philox key (lo, hi). Seeds are safe integers (config.ts). */
export function seedKey(seed: number): [number, number] {
  return [seed % TWO_32 >>> 0, Math.floor(seed / TWO_32) >>> 0];
}

/** A matrix index (safe integer) as the first two counter words (lo, hi). */
export function indexWords(index: number): [number, number] {
  return [index % TWO_32 >>> 0, Math.floor(index / TWO_32) >>> 0];
}
