// The Width summary CSV: one row per (k, n, optimizer), the same bytes from the page and the
// CLI (elapsed_s aside). Rates are proportions of all runs with 95% Wilson intervals.

import type { WidthRow } from '../stats/width-summary.ts';
import { csvField } from './csv.ts';

export const WIDTH_COLUMNS = [
  'k', 'n', 'width', 'optimizer', 'step', 'beta', 'seed', 'backend', 'runs', 'global', 'spurious', 'saddle',
  'degenerate', 'not_converged', 'p_spurious', 'p_spurious_lo', 'p_spurious_hi', 'p_global', 'p_global_lo',
  'p_global_hi', 'steps_mean', 'steps_median', 'distinct_spurious', 'lowest_spurious_loss', 'elapsed_s',
] as const;

export function widthCsvRow(row: WidthRow): (string | number)[] {
  const { counts, rates } = row;
  return [
    row.k, row.n, row.n / row.k, row.optimizer, row.step, row.beta, row.seed, row.backend, counts.runs, counts.global,
    counts.spurious, counts.saddle, counts.degenerate, counts.notConverged,
    rates?.pSpurious ?? NaN, rates?.pSpuriousLo ?? NaN, rates?.pSpuriousHi ?? NaN,
    rates?.pGlobal ?? NaN, rates?.pGlobalLo ?? NaN, rates?.pGlobalHi ?? NaN,
    row.stepsMean, row.stepsMedian, row.distinctSpurious, row.lowestSpuriousLoss, Math.round(row.elapsedS * 1000) / 1000,
  ];
}

/** Header and one row per (k, n) with at least one classified run. */
export function widthCsv(rows: readonly WidthRow[]): string {
  const lines = [WIDTH_COLUMNS.join(',')];
  for (const row of rows) if (row.counts.runs > 0) lines.push(widthCsvRow(row).map(csvField).join(','));
  return lines.join('\n') + '\n';
}
