// A 95% interval for ln P from R independent replicates y_r = ln Ẑ_r, each Ẑ_r an unbiased
// estimate of P (twisted-smc.ts).
//
// Why the mean of logs, corrected: ln Ẑ is biased low (Jensen: E ln Ẑ ≤ ln E Ẑ = ln P). For
// particle estimators of normalizing constants ln Ẑ is asymptotically normal with variance σ²
// and mean ln P − σ²/2 (lognormal CLT: Bérard, Del Moral & Doucet, Electron. J. Probab. 19,
// no. 94, 2014), i.e. Ẑ/P is lognormal with mean 1. So with ȳ and s² the sample mean and
// variance of the y_r,
//   ln P̂ = ȳ + s²/2,   95% interval  ln P̂ ± t_{0.975, R−1}·s/√R,
// where the t-quantile accounts for s being estimated from R replicates. The alternative, the
// log of the pooled mean ln((1/R)·Σ Ẑ_r), is unbiased up to −σ²/(2R) but its interval needs the
// variance of Ẑ itself, which heavy right tails make unreliable; it is reported alongside as a
// check (the two agree to O(σ²/R)). Both assume the replicates are independent, which they are
// by construction (disjoint Philox counters). With the look-ahead twisting σ is ~1e-3 (N ≤ 60),
// so the correction s²/2 is ~1e-6 and the interval width is set by t·s/√R alone.

// The t-quantile is @stdlib's (inverse regularized incomplete beta, Boost's algorithm).
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { exp, log } from '../portable-math.ts';

export interface ReplicateInterval {
  /** ln P̂ = ȳ + s²/2 and its 95% interval. */
  logP: number;
  logLo: number;
  logHi: number;
  /** ln of the mean of the R unbiased estimates. */
  logPooled: number;
  /** Sample standard deviation s of the y_r. */
  logSd: number;
}

export const CONFIDENCE = 0.95;

export function replicateInterval(logEstimates: readonly number[]): ReplicateInterval {
  const count = logEstimates.length;
  if (count < 2) throw new RangeError(`invalid replicates: ${count} (an interval needs at least 2)`);
  let mean = 0;
  for (const y of logEstimates) mean += y / count;
  let squares = 0;
  let max = -Infinity;
  for (const y of logEstimates) {
    squares += (y - mean) * (y - mean);
    if (y > max) max = y;
  }
  const variance = squares / (count - 1);
  const sd = Math.sqrt(variance);
  let pooled = 0;
  for (const y of logEstimates) pooled += exp(y - max);
  const logP = mean + variance / 2;
  const halfWidth = tQuantile(0.5 + CONFIDENCE / 2, count - 1) * (sd / Math.sqrt(count));
  return { logP, logLo: logP - halfWidth, logHi: logP + halfWidth, logPooled: max + log(pooled / count), logSd: sd };
}
