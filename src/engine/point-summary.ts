// A Summary row for a method that gives log10 P(min) with an interval but no index histogram
// (exact, rare). Histogram fields are NaN (empty in the CSV); p columns are 10^log10 and
// become NaN (an empty field) below the smallest normal double, 2.2e-308: a subnormal p would
// keep only a few digits (relative error 1e-5 at N = 51) while log10_p_min stays exact.
// Exact rows have no seed (nothing is random): NaN, an empty field.

import type { Method, RunConfig } from '../config.ts';
import { pow10 } from '../stats/portable-math.ts';
import type { Summary } from '../stats/summary.ts';

/** The smallest normal double: below it a double loses significant digits. */
const MIN_NORMAL = 2.2250738585072014e-308;

export interface PointEstimate {
  method: Method;
  backend: string;
  log10P: number;
  log10Lo: number;
  log10Hi: number;
  elapsedS: number;
  samples?: number;
}

const fromLog10 = (log10: number): number => {
  const p = pow10(log10); // the same bits in Chromium and Node (portable-math.ts)
  return p >= MIN_NORMAL ? p : NaN;
};

export function pointSummary(config: RunConfig, n: number, estimate: PointEstimate): Summary {
  return {
    ensemble: config.ensemble,
    params: config.params,
    n,
    shift: config.shift,
    method: estimate.method,
    backend: estimate.backend,
    seed: estimate.method === 'exact' ? NaN : config.seed,
    samples: estimate.samples ?? NaN,
    minima: NaN,
    maxima: NaN,
    pMin: fromLog10(estimate.log10P),
    pMinLo: fromLog10(estimate.log10Lo),
    pMinHi: fromLog10(estimate.log10Hi),
    log10PMin: estimate.log10P,
    log10PMinLo: estimate.log10Lo,
    log10PMinHi: estimate.log10Hi,
    indexMean: NaN,
    indexVar: NaN,
    elapsedS: estimate.elapsedS,
  };
}
