// Relative work per matrix, used only to size batches so that a round of mixed N takes a
// predictable time. Each registry entry declares its own (src/ensembles/): only ratios matter,
// the scale is learned from the rounds run.

import type { Ensemble, EnsembleParams, Statistic } from '../config.ts';
import { ensembleEntry } from '../ensembles/registry.ts';

/**
 * Rows an early-exit P(min) factorisation is charged for where rows are drawn lazily: most
 * matrices stop within a few rows whatever N, so their work is about a matrix of this size
 * (a guess that only balances batch sizes across N; the counts never depend on it).
 */
const PMIN_ROWS = 4;

/** Relative work of one matrix for the statistic: lazily drawn rows cost like a small matrix. */
export function statisticCost(ensemble: Ensemble, n: number, params: EnsembleParams, statistic: Statistic): number {
  const entry = ensembleEntry(ensemble);
  const lazy = statistic === 'pmin' && entry.sampling.kind === 'dense' && entry.sampling.rowFill !== undefined;
  return entry.relativeCost(lazy ? Math.min(n, PMIN_ROWS) : n, params);
}
