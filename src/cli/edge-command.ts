// `saddle-lab sweep --shifts a:b:step --edge FILE`: the Monte Carlo sweep at every shift of the
// list (each shift its own stream of the run's settings), giving P(min) = P(λ_min > −s·R)
// against s, with Tracy–Widom F₁ beside it where the ensemble's theory lists tracy-widom.

import type { RunConfig } from '../config.ts';
import { runSweep } from '../engine/sweep.ts';
import { ensembleEntry } from '../ensembles/registry.ts';
import { summaryCsv } from '../export/csv.ts';
import { edgeCsv, type EdgeRow } from '../export/edge-csv.ts';
import { pMinTracyWidom, tracyWidomArgumentOfShift } from '../stats/edge-scaling.ts';
import type { Summary } from '../stats/summary.ts';
import type { Incomplete } from './exit-codes.ts';
import type { CliIo } from './io.ts';
import { openSampler } from './open-sampler.ts';

export interface EdgeOutcome {
  summaryText: string;
  edgeText: string;
  /** Why the shift sweep ended early, if it did; the finished shifts are in both texts. */
  incomplete?: Incomplete;
}

export async function edgeCommand(config: RunConfig, shifts: readonly number[], io: CliIo, signal: AbortSignal): Promise<EdgeOutcome> {
  const theories = ensembleEntry(config.ensemble).theories(config.params);
  const { sampler, close } = await openSampler(config.backend);
  const summaries: Summary[] = [];
  let incomplete: Incomplete | undefined;
  try {
    for (const shift of shifts) {
      if (signal.aborted) {
        incomplete = { kind: 'stopped', detail: `stopped before shift ${shift}` };
        break;
      }
      const result = await runSweep({ ...config, shift }, sampler, {
        signal,
        onProgress: (p) => io.progress(`shift ${shift}: ${p.matricesDone}/${p.matricesTotal} matrices`),
      });
      summaries.push(...result.summaries);
      incomplete = result.failure ?? (result.stopped ? { kind: 'stopped', detail: `stopped at shift ${shift} before every N reached its sample count` } : undefined);
      if (incomplete) break;
    }
  } finally {
    await close();
  }
  const rows: EdgeRow[] = summaries.map((summary) => ({
    summary,
    tracyWidom: theories.includes('tracy-widom')
      ? { argument: tracyWidomArgumentOfShift(summary.shift, summary.n), f1: pMinTracyWidom(summary.shift, summary.n) }
      : undefined,
  }));
  return { summaryText: summaryCsv(summaries), edgeText: edgeCsv(rows), incomplete };
}
