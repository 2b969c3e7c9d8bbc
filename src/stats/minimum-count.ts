// A P(min)-only count [minima, others] (the early-exit kernels' result) as a Summary row. Only
// p_min and its interval exist: the index of a non-minimum was never computed, so maxima and
// the index mean and variance are NaN (empty CSV fields), never values from a fake histogram.

import type { HistogramContext } from './index-histogram.ts';
import { pMinEstimate } from './pmin-estimate.ts';
import type { Summary } from './summary.ts';

/** One Summary row from [minima, others]; p_min with its 95% Wilson interval. */
export function summarizeMinima(context: HistogramContext, counts: ArrayLike<number>): Summary {
  const minima = counts[0] ?? 0;
  const samples = minima + (counts[1] ?? 0);
  return {
    ...context,
    samples,
    minima,
    maxima: NaN,
    ...pMinEstimate(minima, samples),
    indexMean: NaN,
    indexVar: NaN,
  };
}
