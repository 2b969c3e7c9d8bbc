// The contract between the engine and the two samplers (gpu/ and cpu/): plain data in, plain
// counts out. It lives beside config.ts, not in engine/, so that gpu/ and cpu/ can implement
// it without importing the engine (imports go one way: engine → gpu | cpu).

import type { BackendKind, Ensemble, EnsembleParams } from './config.ts';
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
}

export interface Sampler {
  readonly backend: BackendKind;
  /** Adapter description ("swiftshader (google)") or "CPU float64". */
  readonly description: string;
  /** Largest `count` one request may ask for (no u32 counter can overflow below it). */
  readonly maxBatch: number;
  /** Compiles or allocates what (ensemble, N) needs; resolves with the seconds it took. */
  prepare(ensemble: Ensemble, n: number): Promise<number>;
  /**
   * Index histograms, one per request, in request order: histogram[k] = number of matrices
   * with exactly k negative eigenvalues, k = 0..N. All requests may run in one submission.
   */
  sample(requests: readonly BatchRequest[]): Promise<Float64Array[]>;
  /**
   * Resolves when the sampler ends: `device-lost` with a non-empty reason if it died under its
   * user, `closed` after its own destroy(). Never rejects.
   */
  readonly lost: Promise<SamplerEnd>;
  destroy(): void;
}
