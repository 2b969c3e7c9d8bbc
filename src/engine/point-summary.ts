// A Summary row for a method that gives log10 P(min) with an interval but no index histogram
// (exact, rare). Histogram fields are NaN (empty in the CSV); p columns are 10^log10 and
// become NaN rather than a false 0 where they underflow a double (below ~1e-308).

import type { Method, RunConfig } from '../config.ts';
import { pow10 } from '../stats/portable-math.ts';
import type { Summary } from '../stats/summary.ts';

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
  return p > 0 ? p : NaN;
};

export function pointSummary(config: RunConfig, n: number, estimate: PointEstimate): Summary {
  return {
    ensemble: config.ensemble,
    n,
    shift: config.shift,
    method: estimate.method,
    backend: estimate.backend,
    seed: config.seed,
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
