// Index histograms: counts[k] = number of sampled Hessians with exactly k negative eigenvalues,
// k = 0..N. Counts are float64 (exact below 2^53), so histograms from batches, dispatches and
// separate runs of the same stream merge exactly by addition.

import { pMinEstimate } from './pmin-estimate.ts';
import type { Summary } from './summary.ts';

export function emptyHistogram(n: number): Float64Array {
  return new Float64Array(n + 1);
}

/** Adds `batch` into `total` in place (both of length N + 1) and returns `total`. */
export function mergeInto(total: Float64Array, batch: ArrayLike<number>): Float64Array {
  if (batch.length !== total.length) {
    throw new RangeError(`histogram length ${batch.length} does not match ${total.length}`);
  }
  for (let k = 0; k < total.length; k++) total[k] += batch[k]!;
  return total;
}

export function sampleCount(counts: ArrayLike<number>): number {
  let total = 0;
  for (let k = 0; k < counts.length; k++) total += counts[k]!;
  return total;
}

/**
 * Mean and unbiased variance of the index, Σk·c_k / S and Σ(k − mean)²·c_k / (S − 1).
 * Undefined for an empty histogram; the variance is NaN below two samples.
 */
export function indexMoments(counts: ArrayLike<number>): { mean: number; variance: number } | undefined {
  const samples = sampleCount(counts);
  if (samples === 0) return undefined;
  let sum = 0;
  for (let k = 0; k < counts.length; k++) sum += k * counts[k]!;
  const mean = sum / samples;
  let squares = 0;
  for (let k = 0; k < counts.length; k++) squares += (k - mean) * (k - mean) * counts[k]!;
  return { mean, variance: samples > 1 ? squares / (samples - 1) : NaN };
}

/** What a Summary row says about its run, as opposed to what it computes from the counts. */
export type HistogramContext = Pick<Summary, 'ensemble' | 'params' | 'n' | 'shift' | 'method' | 'backend' | 'seed' | 'elapsedS'>;

/** One Summary row from an index histogram; p_min with its 95% Wilson interval. */
export function summarize(context: HistogramContext, counts: ArrayLike<number>): Summary {
  const samples = sampleCount(counts);
  const minima = counts[0] ?? 0;
  const moments = indexMoments(counts);
  return {
    ...context,
    samples,
    minima,
    maxima: counts[context.n] ?? 0,
    ...pMinEstimate(minima, samples),
    indexMean: moments?.mean ?? NaN,
    indexVar: moments?.variance ?? NaN,
  };
}
