// Rates of the Width experiment from class counts: each rate a binomial proportion over the
// runs of one (k, n, optimizer) with its 95% Wilson interval (binomial.ts). Pure and mergeable
// in the counts.

import { wilsonInterval } from './binomial.ts';

export interface WidthCounts {
  runs: number;
  global: number;
  spurious: number;
  saddle: number;
  /** Saddles with no eigenvalue below −tolerance but some within ±tolerance (classify.ts). */
  degenerate: number;
  notConverged: number;
}

export interface WidthRates {
  pSpurious: number;
  pSpuriousLo: number;
  pSpuriousHi: number;
  pGlobal: number;
  pGlobalLo: number;
  pGlobalHi: number;
}

export function emptyWidthCounts(): WidthCounts {
  return { runs: 0, global: 0, spurious: 0, saddle: 0, degenerate: 0, notConverged: 0 };
}

export function mergeWidthCounts(a: WidthCounts, b: WidthCounts): WidthCounts {
  return {
    runs: a.runs + b.runs, global: a.global + b.global, spurious: a.spurious + b.spurious,
    saddle: a.saddle + b.saddle, degenerate: a.degenerate + b.degenerate, notConverged: a.notConverged + b.notConverged,
  };
}

/** Undefined for zero runs. */
export function widthRates(counts: WidthCounts): WidthRates | undefined {
  const spurious = wilsonInterval(counts.spurious, counts.runs);
  const global = wilsonInterval(counts.global, counts.runs);
  if (!spurious || !global) return undefined;
  return {
    pSpurious: counts.spurious / counts.runs, pSpuriousLo: spurious.lo, pSpuriousHi: spurious.hi,
    pGlobal: counts.global / counts.runs, pGlobalLo: global.lo, pGlobalHi: global.hi,
  };
}

export interface LossCluster {
  loss: number;
  count: number;
}

/**
 * Distinct values of a list of losses: sorted, a value within `tolerance` of the previous
 * cluster's first joins it. Spurious minima related by a permutation of the student's neurons
 * (or of the teacher's, which permutes coordinates) have equal loss, so this deduplicates them;
 * two genuinely different minima within 1e-9 of each other would be merged (not seen: polished
 * losses are exact to ~1e-15 and distinct minima differ by ≥ 1e-5 in the runs measured).
 */
export function lossClusters(losses: readonly number[], tolerance = 1e-9): LossCluster[] {
  const sorted = losses.filter(Number.isFinite).sort((a, b) => a - b);
  const clusters: LossCluster[] = [];
  for (const loss of sorted) {
    const last = clusters.at(-1);
    if (last && loss - last.loss <= tolerance) last.count++;
    else clusters.push({ loss, count: 1 });
  }
  return clusters;
}

/** One (k, n, optimizer) of a Width run: what ran, the counts, the rates, the steps. */
export interface WidthRow {
  k: number;
  n: number;
  optimizer: string;
  step: number;
  beta: number;
  seed: number;
  backend: string;
  counts: WidthCounts;
  /** Undefined while no run is classified. */
  rates?: WidthRates;
  /** Mean and median descent steps of the runs that converged. */
  stepsMean: number;
  stepsMedian: number;
  /** Spurious minima up to permutation (lossClusters). */
  distinctSpurious: number;
  lowestSpuriousLoss: number;
  elapsedS: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
}
