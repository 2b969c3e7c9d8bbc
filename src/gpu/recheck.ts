// The float64 recheck of suspect matrices. The dense kernel factors in f32 without pivoting;
// when the backward-error bound of its factor comes near the matrix's estimated smallest
// singular value (shaders/dense-inertia.wgsl, inertia_unreliable), its count may be off. Where the ensemble's entry says the recheck
// applies, such a matrix is left out of the GPU histogram and listed instead; the host
// regenerates it from (seed, N, index) — the stream makes any matrix reproducible — with the
// entry's float64 fill and counts it with the float64 inertia. Suspects beyond the list's
// capacity stay counted with their f32 index (recheckCapacity keeps that rare).

import { cooperative } from '../cooperative.ts';
import { float64Index, float64IsMinimum, minimumScratch } from '../cpu/float64-twin.ts';
import { packedLength } from '../cpu/pivots.ts';
import { ensembleEntry } from '../ensembles/registry.ts';
import type { BatchRequest } from '../sampler.ts';

/** Most suspects listed per request (16 MiB of list, within every device's binding limit). */
export const RECHECK_CAPACITY_MAX = 2 ** 22 - 1;

/**
 * Room for suspects per request: every matrix up to RECHECK_CAPACITY_MAX. About 2% of
 * matrices are suspects at N = 64 (all of them for Wishart φ > 1 at s = 0, exactly singular);
 * the sampler reads back only the used part of the list.
 */
export function recheckCapacity(request: BatchRequest): number {
  const { sampling } = ensembleEntry(request.ensemble);
  if (sampling.kind !== 'dense' || !sampling.recheck) return 0;
  return Math.min(request.count, RECHECK_CAPACITY_MAX);
}

/** u32 words of a request's recheck slice: the count, then the list. */
export function recheckWords(request: BatchRequest): number {
  return 1 + recheckCapacity(request);
}

/** How many of `suspects` the kernel could list (the rest stayed in the histogram with f32 indices). */
export function listedSuspects(request: BatchRequest, suspects: number): number {
  return Math.min(suspects, recheckCapacity(request));
}

/** Longest stretch of recounting between yields: in a page this runs on the main thread. */
const RECHECK_SLICE_MS = 8;

/**
 * Adds the float64 indices of the listed suspects (local numbers, offsets from firstIndex) to
 * `histogram`, from which the kernel left them out. At N = 64 up to ~2% of matrices are
 * recounted at ~0.2 ms each, so the work yields every RECHECK_SLICE_MS to keep a page live.
 * For a 'pmin' request the float64 early-exit twin decides bin 0 (minimum) or 1 (not).
 */
export async function applyRecheck(request: BatchRequest, list: Uint32Array, histogram: Float64Array): Promise<void> {
  const entry = ensembleEntry(request.ensemble);
  const { seed, n, shift, params } = request;
  if (request.statistic === 'pmin') {
    const minimum = minimumScratch(n);
    const cooperate = cooperative(RECHECK_SLICE_MS);
    for (const local of list) {
      histogram[float64IsMinimum(entry, { seed, n, shift, index: request.firstIndex + local, params }, minimum) ? 0 : 1]++;
      await cooperate();
    }
    return;
  }
  const scratch = new Float64Array(packedLength(n));
  const cooperate = cooperative(RECHECK_SLICE_MS);
  for (const local of list) {
    histogram[float64Index(entry, { seed, n, shift, index: request.firstIndex + local, params }, scratch)]++;
    await cooperate();
  }
}
