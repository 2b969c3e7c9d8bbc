// The contract between the engine and the two samplers (gpu/ and cpu/): plain data in, plain
// counts out. It lives beside config.ts, not in engine/, so that gpu/ and cpu/ can implement
// it without importing the engine (imports go one way: engine → gpu | cpu).

import type { BackendKind, Ensemble, EnsembleParams, Statistic } from './config.ts';
import type { SamplerEnd } from './failure.ts';

/** `count` consecutive matrices of one (ensemble, N, shift) stream, starting at `firstIndex`. */
export interface BatchRequest {
  ensemble: Ensemble;
  /** The ensemble's parameters (validated: every declared one, in range). */
  params: EnsembleParams;
  n: number;
  /** s in H + s·R·I, R = the entry's shiftScale (2√N for the Wigner family). */
  shift: number;
  seed: number;
  firstIndex: number;
  count: number;
  /** What to count: absent or 'index' gives the index histogram, 'pmin' [minima, others]. */
  statistic?: Statistic;
}

/**
 * Length of a request's result: N + 1 bins of the index histogram, or 2 for 'pmin'
 * ([minima, others]: the early-exit kernel never learns the index of a non-minimum).
 */
export function resultLength(request: Pick<BatchRequest, 'n' | 'statistic'>): number {
  return request.statistic === 'pmin' ? 2 : request.n + 1;
}

export interface Sampler {
  readonly backend: BackendKind;
  /** Adapter description ("swiftshader (google)") or "CPU float64". */
  readonly description: string;
  /** Largest `count` one request may ask for (no u32 counter can overflow below it). */
  readonly maxBatch: number;
  /** Compiles or allocates what (ensemble, N, statistic) needs; resolves with the seconds it took. */
  prepare(ensemble: Ensemble, n: number, statistic?: Statistic): Promise<number>;
  /**
   * One result per request, in request order, of resultLength(request): for 'index' the
   * histogram, histogram[k] = number of matrices with exactly k negative eigenvalues, k = 0..N;
   * for 'pmin' [minima, others]. All requests may run in one submission.
   */
  sample(requests: readonly BatchRequest[]): Promise<Float64Array[]>;
  /**
   * Resolves when the sampler ends: `device-lost` with a non-empty reason if it died under its
   * user, `closed` after its own destroy(). Never rejects.
   */
  readonly lost: Promise<SamplerEnd>;
  destroy(): void;
}
