// Restarts: the chance that the best of R independent descents reaches the global minimum.
// Runs 0 … R−1, R … 2R−1, … form the groups; a group succeeds when any of its runs ended in the
// global minimum. If runs were independent with single-run success p, a group would succeed
// with probability 1 − (1 − p)^R; the measured rate is set against that prediction, whose
// interval maps p's Wilson interval through the (monotone) formula.

import { wilsonInterval } from './binomial.ts';

export interface RestartRow {
  restarts: number;
  groups: number;
  successes: number;
  rate: number;
  rateLo: number;
  rateHi: number;
  predicted: number;
  predictedLo: number;
  predictedHi: number;
}

/** Undefined when there are fewer runs than `restarts`. */
export function bestOfRestarts(globalByRun: readonly boolean[], restarts: number): RestartRow | undefined {
  const groups = Math.floor(globalByRun.length / restarts);
  if (groups === 0) return undefined;
  let successes = 0;
  for (let g = 0; g < groups; g++) {
    if (globalByRun.slice(g * restarts, (g + 1) * restarts).some(Boolean)) successes++;
  }
  const single = globalByRun.filter(Boolean).length;
  const singleInterval = wilsonInterval(single, globalByRun.length)!;
  const interval = wilsonInterval(successes, groups)!;
  const predict = (p: number) => 1 - (1 - p) ** restarts;
  return {
    restarts, groups, successes, rate: successes / groups, rateLo: interval.lo, rateHi: interval.hi,
    predicted: predict(single / globalByRun.length), predictedLo: predict(singleInterval.lo), predictedHi: predict(singleInterval.hi),
  };
}
