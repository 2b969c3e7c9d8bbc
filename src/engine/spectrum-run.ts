// Spectra for a run's settings: for each N, `matrices` matrices of the stream (indices
// 0..matrices−1, the same matrices the sweep's first batch sees) counted below the K + 1
// thresholds of the window the ensemble's theory suggests, by whatever counter the caller
// composes (GPU for dense ensembles, the float64 twin otherwise). Plain data in and out.

import type { RunConfig } from '../config.ts';
import { ensembleEntry } from '../ensembles/registry.ts';
import type { EnsembleParams } from '../model/ensemble.ts';
import { addCountsToSpectrum, emptySpectrum, spectrumThresholds, type SpectrumHistogram } from '../stats/spectrum.ts';
import { spectrumWindowFor } from '../stats/theory-curves.ts';

export interface SpectrumCountRequest {
  ensemble: string;
  params: EnsembleParams;
  seed: number;
  n: number;
  shift: number;
  firstIndex: number;
  count: number;
  thresholds: Float64Array;
}

/** Σ over the request's matrices of #{λ < thresholds[j]}; undefined where it cannot count. */
export interface SpectrumCounter {
  backend: string;
  counts(request: SpectrumCountRequest): Promise<Float64Array | undefined>;
}

export interface SpectrumResult {
  ensemble: string;
  params: EnsembleParams;
  shift: number;
  backend: string;
  histogram: SpectrumHistogram;
}

/** About this many multiply-adds per counter call (N³ + N·K per dense matrix, N·K per tridiagonal one). */
const SPECTRUM_CHUNK_WORK = 2 ** 26;

export async function runSpectra(config: RunConfig, counter: SpectrumCounter, matrices: number, bins: number, signal?: AbortSignal): Promise<SpectrumResult[]> {
  const entry = ensembleEntry(config.ensemble);
  const theories = entry.theories(config.params);
  const results: SpectrumResult[] = [];
  for (const n of config.ns) {
    if (signal?.aborted) break;
    const window = spectrumWindowFor(theories, n, config.params, config.shift * entry.shiftScale(n, config.params), bins);
    const thresholds = spectrumThresholds(window);
    // In chunks of bounded work, so a stop lands within one chunk even when one call would
    // take minutes (the CPU counter is synchronous); an N stopped part-way is not reported.
    const perMatrix = n * ((entry.sampling.kind === 'dense' ? n * n : 1) + thresholds.length);
    const chunk = Math.max(1, Math.floor(SPECTRUM_CHUNK_WORK / perMatrix));
    const counts = new Float64Array(thresholds.length);
    for (let first = 0; first < matrices; first += chunk) {
      if (first > 0) {
        // A macrotask, not a microtask: a signal's handler (or a timer) can run here.
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (signal?.aborted) return results;
      }
      const part = await counter.counts({ ensemble: config.ensemble, params: config.params, seed: config.seed, n, shift: config.shift, firstIndex: first, count: Math.min(chunk, matrices - first), thresholds });
      if (!part) throw new RangeError(`ensemble ${config.ensemble} has no spectrum: its registry entry gives neither a dense fill nor a tridiagonal form`);
      for (let j = 0; j < counts.length; j++) counts[j]! += part[j]!;
    }
    const histogram = addCountsToSpectrum(emptySpectrum(window, n), counts, matrices);
    results.push({ ensemble: config.ensemble, params: config.params, shift: config.shift, backend: counter.backend, histogram });
  }
  return results;
}
