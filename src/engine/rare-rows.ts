// Summary rows for --method rare: one rare-event estimate of log10 P(min) per N.

import type { RunConfig } from '../config.ts';
import { ConfigError } from '../config.ts';
import { failure, type Failure } from '../failure.ts';
import { estimateRare } from '../stats/rare/estimate.ts';
import type { Summary } from '../stats/summary.ts';
import { pointSummary } from './point-summary.ts';

export interface RareOptions {
  signal?: AbortSignal;
  replicates?: number;
  onProgress?: (n: number, fractionDone: number) => void;
}

export interface RareRows {
  rows: Summary[];
  /** Why the estimates ended before the last N, if one failed; the rows before it are kept. */
  failure?: Failure;
}

/** Rows for config.ns in order; a stop or a failing estimate ends the list, keeping the rows before it. */
export async function rareSummaries(config: RunConfig, options: RareOptions = {}): Promise<RareRows> {
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
      // Bad input is the caller's to report (exit 2); anything else ends the list as a failure.
      if (error instanceof ConfigError) throw error;
      return { rows, failure: failure('compute-error', error) };
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
  return { rows };
}
