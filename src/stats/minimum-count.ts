// A P(min)-only count [minima, others] (the early-exit kernels' result) as a Summary row. Only
// p_min and its interval exist: the index of a non-minimum was never computed, so maxima and
// the index mean and variance are NaN (empty CSV fields), never values from a fake histogram.

import { log10 } from './portable-math.ts';
import { wilsonInterval } from './binomial.ts';
import type { HistogramContext } from './index-histogram.ts';
import type { Summary } from './summary.ts';

/** One Summary row from [minima, others]; p_min with its 95% Wilson interval. */
export function summarizeMinima(context: HistogramContext, counts: ArrayLike<number>): Summary {
  const minima = counts[0] ?? 0;
  const samples = minima + (counts[1] ?? 0);
  const interval = wilsonInterval(minima, samples);
  const pMin = samples > 0 ? minima / samples : NaN;
  return {
    ...context,
    samples,
    minima,
    maxima: NaN,
    pMin,
    pMinLo: interval?.lo ?? NaN,
    pMinHi: interval?.hi ?? NaN,
    log10PMin: log10(pMin),
    log10PMinLo: log10(interval?.lo ?? NaN),
    log10PMinHi: log10(interval?.hi ?? NaN),
    indexMean: NaN,
    indexVar: NaN,
  };
}
