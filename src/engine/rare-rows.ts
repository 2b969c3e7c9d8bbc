// Summary rows for --method rare: one rare-event estimate of log10 P(min) per N.

import type { RunConfig } from '../config.ts';
import { estimateRare } from '../stats/rare/estimate.ts';
import type { Summary } from '../stats/summary.ts';
import { pointSummary } from './point-summary.ts';

export interface RareOptions {
  signal?: AbortSignal;
  replicates?: number;
  onProgress?: (n: number, fractionDone: number) => void;
}

export async function rareSummaries(config: RunConfig, options: RareOptions = {}): Promise<Summary[]> {
  const rows: Summary[] = [];
  for (const n of config.ns) {
    if (options.signal?.aborted) break;
    let estimate;
    try {
      estimate = await estimateRare({
        n,
        shift: config.shift,
        seed: config.seed,
        replicates: options.replicates,
        signal: options.signal,
        onProgress: (fraction: number) => options.onProgress?.(n, fraction),
      });
    } catch (error) {
      // A stop ends the estimate in progress; the finished rows are the partial result.
      if (options.signal?.aborted) break;
      throw error;
    }
    rows.push(
      pointSummary(config, n, {
        method: 'rare',
        backend: 'cpu',
        log10P: estimate.log10P,
        log10Lo: estimate.log10Lo,
        log10Hi: estimate.log10Hi,
        elapsedS: estimate.elapsedS,
        samples: estimate.evaluations,
      }),
    );
  }
  return rows;
}
