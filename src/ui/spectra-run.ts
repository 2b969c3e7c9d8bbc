// The page's spectrum and λ_min run for one N: the eigenvalue histogram of the stream's first
// matrices (counted by the given counter, the float64 twin in the CPU worker), then the Monte
// Carlo sweep at each shift of the edge grid on the page's sampler, P(min) = P(λ_min > −s·R)
// per shift. DOM-free; `onUpdate` fires after each piece so the plots fill in as it runs.

import { runSpectra, type SpectrumCounter, type SpectrumResult } from '../engine/spectrum-run.ts';
import { runSweep } from '../engine/sweep.ts';
import { ensembleEntry } from '../ensembles/registry.ts';
import type { Failure } from '../failure.ts';
import type { Sampler } from '../sampler.ts';
import type { Summary } from '../stats/summary.ts';
import { edgeShiftsFor } from '../stats/theory-curves.ts';
import { runConfig, type PageSettings } from './settings.ts';
import type { SpectrumSettings } from './spectrum-settings.ts';

export const PAGE_SPECTRUM_BINS = 64;

export interface SpectraResults {
  /** The run settings and N these results belong to. */
  key: string;
  spectrum?: SpectrumResult;
  /** One P(min) row per shift done so far. */
  edge: Summary[];
  /** Why the λ_min sweep stopped short, as a typed failure (the shifts done are kept). */
  failure?: Failure;
}

export function spectraKey(settings: PageSettings, spectrum: SpectrumSettings): string {
  const { ensemble, params, seed, shift, backend } = settings;
  return JSON.stringify({ ensemble, params, seed, shift, backend, ...spectrum });
}

export async function runSpectraPanel(
  settings: PageSettings,
  spectrum: SpectrumSettings,
  backend: { sampler: Sampler; kind: PageSettings['backend'] },
  counter: SpectrumCounter,
  signal: AbortSignal,
  onUpdate: (results: SpectraResults) => void,
): Promise<SpectraResults> {
  const results: SpectraResults = { key: spectraKey(settings, spectrum), edge: [] };
  const config = { ...runConfig(settings, backend.kind), ns: [spectrum.n] };
  const [histogram] = await runSpectra(config, counter, spectrum.matrices, PAGE_SPECTRUM_BINS, signal);
  results.spectrum = histogram;
  onUpdate(results);
  const theories = ensembleEntry(settings.ensemble).theories(settings.params);
  for (const shift of edgeShiftsFor(theories, spectrum.n, settings.params)) {
    if (signal.aborted) break;
    const sweep = await runSweep({ ...config, shift, samples: spectrum.edgeSamples, method: 'mc' }, backend.sampler, { signal });
    results.edge.push(...sweep.summaries);
    if (sweep.failure) {
      results.failure = sweep.failure;
      break;
    }
    onUpdate(results);
  }
  return results;
}
