// `saddle-lab sweep … --spectrum FILE`: the eigenvalue histograms of the run's ensemble at
// every N (matrices 0..M−1 of each stream, K bins) as long-form CSV (src/export/spectrum-csv.ts).
// One N at a time, so a stop or a failed counter keeps the N already counted (STYLE item 11).

import type { RunConfig } from '../config.ts';
import { runSpectra, type SpectrumResult } from '../engine/spectrum-run.ts';
import { spectrumCsv } from '../export/spectrum-csv.ts';
import { failure } from '../failure.ts';
import type { Incomplete } from './exit-codes.ts';
import type { CliIo } from './io.ts';
import { openSpectrumCounter } from './open-spectrum-counter.ts';

export interface SpectrumOutcome {
  spectrumText: string;
  /** Why not every N was counted, if so. */
  incomplete?: Incomplete;
}

export async function spectrumCommand(config: RunConfig, matrices: number, bins: number, io: CliIo, signal: AbortSignal): Promise<SpectrumOutcome> {
  const { counter, close } = await openSpectrumCounter(config.backend);
  const results: SpectrumResult[] = [];
  let incomplete: Incomplete | undefined;
  try {
    for (const n of config.ns) {
      if (signal.aborted) {
        incomplete = { kind: 'stopped', detail: `spectrum stopped before N=${n}` };
        break;
      }
      io.progress(`spectrum N=${n}: ${matrices} matrices`);
      try {
        results.push(...(await runSpectra({ ...config, ns: [n] }, counter, matrices, bins, signal)));
      } catch (error) {
        // No spectrum for this ensemble is a refusal, not a failed run: it goes to the caller.
        if (error instanceof RangeError) throw error;
        incomplete = failure(counter.backend === 'gpu' ? 'sampler-error' : 'compute-error', error);
        break;
      }
    }
  } finally {
    await close();
  }
  return { spectrumText: spectrumCsv(results), incomplete };
}
