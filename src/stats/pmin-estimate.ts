// P(min) from a count of minima among samples: the fraction with its 95% Wilson interval, and
// their log10 by the portable log10 (so the page's CSV and the CLI's agree to the bit). The
// index-histogram and the P(min)-only summaries both take their p_min columns from here, since
// for the same seed the two must be equal (README, "P(min) alone").

import { wilsonInterval } from './binomial.ts';
import { log10 } from './portable-math.ts';
import type { Summary } from './summary.ts';

export type PMinFields = Pick<Summary, 'pMin' | 'pMinLo' | 'pMinHi' | 'log10PMin' | 'log10PMinLo' | 'log10PMinHi'>;

/** minima/samples and its interval; NaN throughout for no samples, pMin = pMinLo = 0 < pMinHi for no minima. */
export function pMinEstimate(minima: number, samples: number): PMinFields {
  const interval = wilsonInterval(minima, samples);
  const pMin = samples > 0 ? minima / samples : NaN;
  return {
    pMin,
    pMinLo: interval?.lo ?? NaN,
    pMinHi: interval?.hi ?? NaN,
    log10PMin: log10(pMin),
    log10PMinLo: log10(interval?.lo ?? NaN),
    log10PMinHi: log10(interval?.hi ?? NaN),
  };
}
