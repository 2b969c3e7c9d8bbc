// From the worker's rows, trajectories and end losses to what the Width plots draw: series
// per width factor, a few log-loss curves, and end-loss bins. The binning lives here, not in
// the plots.

import type { LossBin } from '../../../plots/width/end-loss-histogram.ts';
import type { RateSeries } from '../../../plots/width/rate-plot.ts';
import type { Trajectory } from '../../../plots/width/trajectory-plot.ts';
import type { WidthRow } from '../../../stats/width-summary.ts';
import type { EndLoss, RunTrajectory } from './width-protocol.ts';

export const LOSS_FLOOR_LOG10 = -12;
const BIN_LOG10 = 0.5;
const MAX_TRAJECTORIES = 16;

export function factorLabel(factor: number): string {
  return factor === 1 ? 'n = k' : `n = ${factor}k`;
}

export function rateSeries(rows: readonly WidthRow[], widths: readonly number[]): RateSeries[] {
  return widths.map((factor) => ({
    label: factorLabel(factor),
    points: rows
      .filter((r) => r.rates && r.n === Math.round(factor * r.k))
      .map((r) => ({ k: r.k, n: r.n, rate: r.rates!.pSpurious, lo: r.rates!.pSpuriousLo, hi: r.rates!.pSpuriousHi, runs: r.counts.runs })),
  })).filter((s) => s.points.length > 0);
}

export function trajectoriesOf(all: readonly RunTrajectory[], k: number, n: number): Trajectory[] {
  return all
    .filter((t) => t.k === k && t.n === n)
    .slice(0, MAX_TRAJECTORIES)
    .map((t) => ({
      run: t.run,
      endClass: t.endClass,
      log10Losses: Array.from(t.losses).filter((v) => Number.isFinite(v)).map((v) => Math.max(LOSS_FLOOR_LOG10, Math.log10(Math.max(v, 1e-300)))),
    }));
}

/** Bins of width ½ in log10 loss from the floor (which holds everything at or below it) to the largest loss. */
export function endLossBins(all: readonly EndLoss[], k: number, n: number): LossBin[] {
  const cell = all.filter((e) => e.k === k && e.n === n && Number.isFinite(e.loss));
  if (cell.length === 0) return [];
  const logs = cell.map((e) => Math.max(LOSS_FLOOR_LOG10, Math.log10(Math.max(e.loss, 1e-300))));
  const top = Math.max(LOSS_FLOOR_LOG10 + 1, Math.ceil(Math.max(...logs) / BIN_LOG10) * BIN_LOG10 + BIN_LOG10);
  const bins: LossBin[] = [];
  for (let lo = LOSS_FLOOR_LOG10; lo < top - 1e-9; lo += BIN_LOG10) bins.push({ lo, hi: lo + BIN_LOG10, counts: {} });
  cell.forEach((e, i) => {
    const at = Math.min(bins.length - 1, Math.floor((logs[i]! - LOSS_FLOOR_LOG10) / BIN_LOG10));
    const counts = bins[at]!.counts as Record<string, number>;
    counts[e.endClass] = (counts[e.endClass] ?? 0) + 1;
  });
  return bins;
}
