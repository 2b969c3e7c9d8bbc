// `saddle-lab sweep`: one summary row per N (and optionally the index histograms) as CSV.

import type { RunConfig } from '../config.ts';
import { runSweep } from '../engine/sweep.ts';
import { histogramCsv, summaryCsv } from '../export/csv.ts';
import { withShardColumns } from '../export/shard-csv.ts';
import { shardLabel, shardRange, type Shard } from '../engine/shard.ts';
import { exactSummaries } from '../engine/exact-rows.ts';
import { rareSummaries } from '../engine/rare-rows.ts';
import type { Incomplete } from './exit-codes.ts';
import { openSampler } from './open-sampler.ts';
import type { CliIo } from './io.ts';

export interface SweepOutcome {
  summaryText: string;
  /** The long-form index histograms (Monte Carlo only). */
  histogramText?: string;
  /** Why the sweep ended early, if it did. */
  incomplete?: Incomplete;
}

export async function sweepCommand(config: RunConfig, io: CliIo, signal: AbortSignal, replicates?: number, shard?: Shard, threads?: number): Promise<SweepOutcome> {
  if (config.method === 'exact') return { summaryText: summaryCsv(exactSummaries(config)) };
  if (config.method === 'rare') {
    const { rows, failure } = await rareSummaries(config, {
      signal,
      replicates,
      onProgress: (n, fraction) => io.progress(`rare N=${n}: ${(fraction * 100).toFixed(0)}%`),
    });
    return {
      summaryText: summaryCsv(rows),
      incomplete: failure ?? (signal.aborted ? { kind: 'stopped', detail: 'stopped before every N was estimated' } : undefined),
    };
  }
  // A shard samples its own index range of every stream (shard.ts) and labels its rows.
  const range = shard ? shardRange(shard, config.samples) : { firstIndex: 0, samples: config.samples };
  const statistic = config.statistic ?? 'index';
  const label = (text: string) => (shard ? withShardColumns(text, { statistic, shard: shardLabel(shard), firstIndex: range.firstIndex }) : text);
  const { sampler, close } = await openSampler(config.backend, threads);
  try {
    const result = await runSweep({ ...config, samples: range.samples }, sampler, {
      signal,
      firstIndex: range.firstIndex,
      onProgress: (p) =>
        io.progress(
          `${p.matricesDone}/${p.matricesTotal} matrices, ${Math.round(p.matricesPerS)}/s, ETA ${p.etaS.toFixed(1)} s`,
        ),
    });
    const histograms = [...result.histograms]
      .filter(([, counts]) => counts.some((c) => c > 0))
      .map(([n, counts]) => ({ ensemble: config.ensemble, params: config.params, n, shift: config.shift, counts }));
    return {
      summaryText: label(summaryCsv(result.summaries)),
      // P(min) alone has no index histogram (--hist is refused with it).
      histogramText: statistic === 'pmin' ? undefined : label(histogramCsv(histograms)),
      incomplete:
        result.failure ??
        (result.stopped ? { kind: 'stopped', detail: 'stopped before every N reached its sample count' } : undefined),
    };
  } finally {
    await close();
  }
}
